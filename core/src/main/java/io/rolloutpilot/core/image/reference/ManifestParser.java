package io.rolloutpilot.core.image.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rolloutpilot.core.error.InvalidInputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the descriptors out of manifest bytes without changing them. The media type comes from the
 * manifest's own {@code mediaType} field, else from the descriptor that pointed at it (an OCI
 * manifest may omit the field), else from its shape.
 */
public final class ManifestParser {
  /** Registries refuse larger manifests (distribution's limit), so a source's are not read past it. */
  public static final int MAX_BYTES = 4 * 1024 * 1024;

  private final ObjectMapper json;

  public ManifestParser(ObjectMapper json) {
    this.json = json;
  }

  /**
   * @param where names the source location in error messages
   * @param declaredType the media type of the pointing descriptor or HTTP response; may be null
   */
  public Manifest parse(String where, byte[] bytes, String declaredType) {
    if (bytes.length > MAX_BYTES) {
      throw invalid(where, "is " + bytes.length + " bytes; at most " + MAX_BYTES + " are allowed");
    }
    JsonNode root = readTree(where, bytes);
    JsonNode version = root.path("schemaVersion");
    if (!root.isObject() || !version.isIntegralNumber() || version.asLong() != 2) {
      throw invalid(where, "is not a schema version 2 manifest (it needs \"schemaVersion\": 2; schema 1 and other"
          + " formats cannot be pushed)");
    }
    String mediaType = mediaType(where, root, declaredType);
    Digest digest = Digest.of(bytes);
    if (MediaTypes.isIndex(mediaType)) {
      return new Manifest(mediaType, digest, bytes, List.of(), descriptors(where, root.path("manifests"), "manifests"));
    }
    List<Descriptor> blobs = new ArrayList<>();
    JsonNode config = root.path("config");
    if (!config.isObject()) {
      throw invalid(where, "has no config descriptor");
    }
    blobs.add(descriptor(where, config, "config"));
    blobs.addAll(descriptors(where, root.path("layers"), "layers"));
    return new Manifest(mediaType, digest, bytes, blobs, List.of());
  }

  private JsonNode readTree(String where, byte[] bytes) {
    try {
      return json.readTree(bytes);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw invalid(where, "is not valid JSON (" + e.getOriginalMessage() + ")");
    } catch (IOException e) {
      throw invalid(where, "cannot be read (" + e.getMessage() + ")");
    }
  }

  private static String mediaType(String where, JsonNode root, String declaredType) {
    JsonNode field = root.path("mediaType");
    if (!field.isMissingNode() && !field.isTextual()) {
      throw invalid(where, "has a mediaType that is not a string");
    }
    String own = field.asText(null);
    String type = own != null ? own : declaredType;
    if (type == null) {
      type = shape(where, root);
    }
    if (!MediaTypes.isManifest(type)) {
      throw invalid(where, "has media type '" + type + "'; supported are " + MediaTypes.MANIFEST_ACCEPT);
    }
    if (own != null && declaredType != null && MediaTypes.isManifest(declaredType) && !own.equals(declaredType)) {
      throw invalid(where, "says its media type is '" + own + "' but was referenced as '" + declaredType + "'");
    }
    return type;
  }

  /** Without a media type anywhere, the kind comes from the fields: an index lists manifests, an image has a config. */
  private static String shape(String where, JsonNode root) {
    boolean index = root.path("manifests").isArray();
    boolean image = root.path("config").isObject();
    if (index == image) {
      throw invalid(where, "says no mediaType and is neither an image manifest (config, layers) nor an index"
          + " (manifests)");
    }
    return index ? MediaTypes.OCI_INDEX : MediaTypes.OCI_MANIFEST;
  }

  private static List<Descriptor> descriptors(String where, JsonNode array, String name) {
    if (!array.isArray()) {
      throw invalid(where, "has no '" + name + "' array");
    }
    List<Descriptor> list = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      list.add(descriptor(where, array.get(i), name + "[" + i + "]"));
    }
    return list;
  }

  /** One descriptor object, validated: a media type, a sha256 digest and a non-negative size. */
  public static Descriptor descriptor(String where, JsonNode node, String name) {
    String mediaType = node.path("mediaType").isTextual() ? node.path("mediaType").asText() : "";
    String digest = node.path("digest").isTextual() ? node.path("digest").asText() : "";
    JsonNode size = node.path("size");
    if (mediaType.isEmpty() || !size.isIntegralNumber() || !size.canConvertToLong() || size.asLong() < 0) {
      throw invalid(where, name + " needs a mediaType, a digest and a non-negative size");
    }
    try {
      return new Descriptor(mediaType, Digest.parse("from", digest), size.asLong());
    } catch (InvalidInputException e) {
      throw invalid(where, name + ".digest: " + e.problem());
    }
  }

  private static InvalidInputException invalid(String where, String problem) {
    return new InvalidInputException("from", "the manifest " + where + " " + problem);
  }
}
