package io.rolloutpilot.sandbox.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/**
 * Argo's pod-template and step hashes: FNV-32a over JSON, rendered like Kubernetes'
 * {@code rand.SafeEncodeString} of the decimal uint32. Keys are sorted so equal templates hash
 * equally whatever order the YAML had (Go marshals in struct order, so values differ from Argo's).
 */
public final class TemplateHasher {
  public static final String HASH_LABEL = "rollouts-pod-template-hash";
  private static final String ALPHANUMS = "bcdfghjklmnpqrstvwxz2456789";
  private static final JsonMapper CANONICAL = JsonMapper.builder()
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY).build();

  private TemplateHasher() {}

  /** Hash of spec.template without the hash label (undo strips it; the RS copy carries it). */
  public static String podTemplateHash(JsonNode template, Integer collisionCount) {
    JsonNode copy = template == null ? Json.MAPPER.createObjectNode() : template.deepCopy();
    JsonNode labels = copy.path("metadata").path("labels");
    if (labels instanceof ObjectNode labelObject) {
      labelObject.remove(HASH_LABEL);
      if (labelObject.isEmpty()) {
        ((ObjectNode) copy.get("metadata")).remove("labels");
      }
    }
    byte[] json = canonical(copy).getBytes(StandardCharsets.UTF_8);
    int hash = fnv32a(0x811c9dc5, json);
    if (collisionCount != null) {
      byte[] little = new byte[8];
      int c = collisionCount;
      for (int i = 0; i < 4; i++) {
        little[i] = (byte) (c >>> (8 * i));
      }
      hash = fnv32a(hash, little);
    }
    return safeEncode(Integer.toUnsignedString(hash));
  }

  /** {@code status.currentStepHash}: FNV-32a of json(steps); "null" when there are none, as in Go. */
  public static String stepHash(JsonNode steps) {
    String json = steps == null || steps.isMissingNode() || steps.isNull() ? "null" : canonical(steps);
    return safeEncode(Integer.toUnsignedString(fnv32a(0x811c9dc5, json.getBytes(StandardCharsets.UTF_8))));
  }

  static int fnv32a(int seed, byte[] data) {
    int hash = seed;
    for (byte b : data) {
      hash ^= (b & 0xff);
      hash *= 0x01000193;
    }
    return hash;
  }

  static String safeEncode(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      out.append(ALPHANUMS.charAt(c % ALPHANUMS.length()));
    }
    return out.toString();
  }

  private static String canonical(JsonNode node) {
    try {
      Object plain = CANONICAL.treeToValue(node, Object.class);
      return CANONICAL.writeValueAsString(plain);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise template", e);
    }
  }
}
