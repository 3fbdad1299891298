package io.rolloutpilot.core.rollout;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.rolloutpilot.core.error.NotFoundException;

/**
 * {@code undo}: put the pod template of an earlier ReplicaSet back into the Rollout with a JSON patch
 * replacing {@code /spec/template}. Revision 0 means the second-highest revision.
 */
final class Undo {
  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  private Undo() {}

  /** What undo did: the revision it restored, or that the template already matched it. */
  record Result(long revision, boolean skipped, Rollout rollout) {}

  static Result apply(RolloutClient client, RolloutRef ref, long toRevision) {
    Rollout rollout = client.get(ref);
    List<ReplicaSet> owned = ReplicaSets.owned(client, rollout);
    ReplicaSet target = pick(owned, toRevision, ref);
    long revision = ReplicaSets.revision(target);
    Map<String, Object> template = templateWithoutHash(target);
    GenericKubernetesResource current = client.call("read rollout " + ref, () -> client.resource(ref).get());
    if (sameTemplate(current, template)) {
      return new Result(revision, true, rollout);
    }
    String patch = JSON.asJson(List.of(Map.of("op", "replace", "path", "/spec/template", "value", template)));
    GenericKubernetesResource patched = client.call("undo rollout " + ref,
        () -> client.resource(ref).patch(PatchContext.of(PatchType.JSON), patch));
    return new Result(revision, false, Rollout.from(patched));
  }

  static ReplicaSet pick(List<ReplicaSet> owned, long toRevision, RolloutRef ref) {
    List<ReplicaSet> byRevision = owned.stream()
        .sorted(Comparator.comparingLong(ReplicaSets::revision).reversed()).toList();
    if (toRevision == 0) {
      if (byRevision.size() < 2) {
        throw NotFoundException.listing("no revision to go back to for rollout \"" + ref.name() + "\"",
            byRevision.stream().map(rs -> "revision " + ReplicaSets.revision(rs)).toList());
      }
      return byRevision.get(1);
    }
    Optional<ReplicaSet> exact = byRevision.stream().filter(rs -> ReplicaSets.revision(rs) == toRevision).findFirst();
    return exact.orElseThrow(() -> NotFoundException.listing("revision " + toRevision + " of rollout "
        + ref.name(), byRevision.stream().map(rs -> "revision " + ReplicaSets.revision(rs)).toList()));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> templateWithoutHash(ReplicaSet rs) {
    Map<String, Object> template = JSON.convertValue(rs.getSpec().getTemplate(), Map.class);
    Map<String, Object> metadata = (Map<String, Object>) template.get("metadata");
    if (metadata != null && metadata.get("labels") instanceof Map) {
      Map<String, Object> labels = new HashMap<>((Map<String, Object>) metadata.get("labels"));
      labels.remove(ArgoResources.POD_TEMPLATE_HASH);
      metadata.put("labels", labels);
    }
    return template;
  }

  /** Argo skips the patch when the Rollout's template already is the target's (ignoring the hash label). */
  @SuppressWarnings("unchecked")
  private static boolean sameTemplate(GenericKubernetesResource rollout, Map<String, Object> template) {
    Object spec = rollout.getAdditionalProperties().get("spec");
    Object current = spec instanceof Map ? ((Map<String, Object>) spec).get("template") : null;
    return current != null && JSON.convertValue(current, io.fabric8.kubernetes.api.model.PodTemplateSpec.class)
        .equals(JSON.convertValue(template, io.fabric8.kubernetes.api.model.PodTemplateSpec.class));
  }
}
