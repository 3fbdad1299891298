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
  private final ObjectMapper json;

  public ManifestParser(ObjectMapper json) {
    this.json = json;
  }

  /**
   * @param where names the source location in error messages
   * @param declaredType the media type of the pointing descriptor or HTTP response; may be null
   */
  public Manifest parse(String where, byte[] bytes, String declaredType) {
    JsonNode root = readTree(where, bytes);
    if (!root.isObject() || root.path("schemaVersion").asInt() != 2) {
      throw invalid(where, "is not a schema version 2 manifest (schema 1 and other formats cannot be pushed)");
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
    String own = root.path("mediaType").asText(null);
    String type = own != null ? own : declaredType;
    if (type == null) {
      type = root.has("manifests") ? MediaTypes.OCI_INDEX : MediaTypes.OCI_MANIFEST;
    }
    if (!MediaTypes.isManifest(type)) {
      throw invalid(where, "has media type '" + type + "'; supported are " + MediaTypes.MANIFEST_ACCEPT);
    }
    if (own != null && declaredType != null && MediaTypes.isManifest(declaredType) && !own.equals(declaredType)) {
      throw invalid(where, "says its media type is '" + own + "' but was referenced as '" + declaredType + "'");
    }
    return type;
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
    String mediaType = node.path("mediaType").asText("");
    String digest = node.path("digest").asText("");
    JsonNode size = node.path("size");
    if (mediaType.isEmpty() || !size.canConvertToLong() || size.asLong() < 0) {
      throw invalid(where, name + " needs a mediaType, a digest and a non-negative size");
    }
    return new Descriptor(mediaType, Digest.parse(where + " " + name + ".digest", digest), size.asLong());
  }

  private static InvalidInputException invalid(String where, String problem) {
    return new InvalidInputException("from", "the manifest " + where + " " + problem);
  }
}
