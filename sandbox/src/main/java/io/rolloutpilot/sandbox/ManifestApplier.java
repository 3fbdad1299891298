package io.rolloutpilot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * kubectl-apply-like create-or-replace of multi-document YAML. Replace is a PUT with the stored
 * resourceVersion, so a Rollout's status (a subresource) survives a re-apply.
 */
final class ManifestApplier {
  private final KubernetesClient client;

  ManifestApplier(KubernetesClient client) {
    this.client = client;
  }

  List<HasMetadata> apply(String yaml) {
    List<HasMetadata> applied = new ArrayList<>();
    for (JsonNode document : documents(yaml)) {
      if (document == null || document.isNull() || document.isEmpty()) {
        continue;
      }
      HasMetadata item = client.getKubernetesSerialization().unmarshal(document.toString());
      applied.add(createOrReplace(item));
    }
    return applied;
  }

  private HasMetadata createOrReplace(HasMetadata item) {
    try {
      return client.resource(item).create();
    } catch (KubernetesClientException e) {
      if (e.getCode() != 409) {
        throw e;
      }
      HasMetadata existing = client.resource(item).get();
      item.getMetadata().setResourceVersion(existing.getMetadata().getResourceVersion());
      return client.resource(item).update();
    }
  }

  private static List<JsonNode> documents(String yaml) {
    ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
    try (MappingIterator<JsonNode> it = mapper.readerFor(JsonNode.class).readValues(yaml)) {
      return it.readAll();
    } catch (IOException e) {
      throw new UncheckedIOException("invalid YAML: " + e.getMessage(), e);
    }
  }
}
