package io.rolloutpilot.core.rollout;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.rolloutpilot.core.image.reference.ImageReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import io.rolloutpilot.core.error.ConflictException;
import io.rolloutpilot.core.error.NotFoundException;
import io.rolloutpilot.core.error.RolloutPilotException.Details;

/**
 * {@code set image}: GET the Rollout, change the image of the named containers, PUT it back with the
 * resourceVersion from the GET, and start over on 409 Conflict, up to five times, as Argo's CLI does.
 * A concurrent writer therefore never loses its update: one of us re-reads and re-applies.
 */
final class SetImage {
  static final int CONFLICT_RETRIES = 5;
  private static final List<String> CONTAINER_KINDS = List.of("initContainers", "containers", "ephemeralContainers");

  private SetImage() {}

  /** {@code container} is a name or {@code *} for every container. */
  static Rollout apply(RolloutClient client, RolloutRef ref, String container, String image) {
    ImageReference.parse("image", image);
    ConflictException lastConflict = null;
    for (int attempt = 0; attempt <= CONFLICT_RETRIES; attempt++) {
      GenericKubernetesResource current = client.call("read rollout " + ref, () -> client.resource(ref).get());
      if (current == null) {
        throw NotFoundException.listing("rollout '" + ref.name() + "' in namespace '" + ref.namespace() + "'",
            client.names(ref.namespace()));
      }
      setImage(current, ref, container, image);
      try {
        return Rollout.from(client.call("set image on rollout " + ref, () -> client.kubernetes().genericKubernetesResources(ArgoResources.ROLLOUTS)
            .inNamespace(ref.namespace()).resource(current).update()));
      } catch (ConflictException e) {
        lastConflict = e;
      }
    }
    throw new ConflictException(Details.of(null, "set image on rollout " + ref + ": gave up after "
        + (CONFLICT_RETRIES + 1) + " attempts, each lost to a concurrent update (" + lastConflict.getMessage() + ")"),
        lastConflict);
  }

  @SuppressWarnings("unchecked")
  private static void setImage(GenericKubernetesResource rollout, RolloutRef ref, String container, String image) {
    Map<String, Object> podSpec = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
        rollout.getAdditionalProperties().getOrDefault("spec", Map.of())).getOrDefault("template", Map.of()))
        .getOrDefault("spec", Map.of());
    List<String> seen = new ArrayList<>();
    boolean found = false;
    for (String kind : CONTAINER_KINDS) {
      for (Map<String, Object> c : (List<Map<String, Object>>) podSpec.getOrDefault(kind, List.of())) {
        seen.add(String.valueOf(c.get("name")));
        if ("*".equals(container) || container.equals(c.get("name"))) {
          c.put("image", image);
          found = true;
        }
      }
    }
    if (!found) {
      throw NotFoundException.listing("container '" + container + "' in rollout " + ref, seen);
    }
  }
}
