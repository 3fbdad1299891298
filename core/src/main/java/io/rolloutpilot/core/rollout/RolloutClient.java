package io.rolloutpilot.core.rollout;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.rolloutpilot.core.kube.ClusterCalls;
import io.rolloutpilot.core.kube.ClusterConnection;
import io.rolloutpilot.core.kube.ClusterErrors;
import io.rolloutpilot.core.kube.Deadline;
import java.util.List;
import java.util.function.Supplier;
import io.rolloutpilot.core.error.NotFoundException;

/**
 * Reads Rollouts and sends the requests {@code kubectl argo rollouts} sends, so a
 * cluster sees exactly what it would see from Argo's own CLI. Every call is bounded by
 * {@link ClusterCalls}: by its own budget, and by the operation's deadline on a client made
 * {@link #within} one.
 */
public final class RolloutClient {
  private static final PatchContext MERGE = PatchContext.of(PatchType.JSON_MERGE);

  private final KubernetesClient client;
  private final String credentials;
  private final ClusterCalls calls;
  private final Deadline deadline;

  public RolloutClient(ClusterConnection connection) {
    this(connection.client(), connection.credentials(), connection.calls(), Deadline.NONE);
  }

  private RolloutClient(KubernetesClient client, String credentials, ClusterCalls calls, Deadline deadline) {
    this.client = client;
    this.credentials = credentials;
    this.calls = calls;
    this.deadline = deadline;
  }

  /** The same client, each of whose calls also ends by {@code operationDeadline}. */
  public RolloutClient within(Deadline operationDeadline) {
    return new RolloutClient(client, credentials, calls, operationDeadline);
  }

  public Rollout get(RolloutRef ref) {
    GenericKubernetesResource resource = call("read rollout " + ref, () -> resource(ref).get());
    if (resource == null) {
      throw NotFoundException.listing("rollout '" + ref.name() + "' in namespace '" + ref.namespace() + "'",
          names(ref.namespace()));
    }
    return Rollout.from(resource);
  }

  /** Names of the Rollouts in a namespace, for "not found" messages and listings. */
  public List<String> names(String namespace) {
    return call("list rollouts in " + namespace, () -> client.genericKubernetesResources(ArgoResources.ROLLOUTS)
        .inNamespace(namespace).list().getItems().stream().map(r -> r.getMetadata().getName()).sorted().toList());
  }

  /** {@code pause}: {@code spec.paused=true} on the main resource. */
  public Rollout pause(RolloutRef ref) {
    return patchMain(ref, "{\"spec\":{\"paused\":true}}", "pause");
  }

  /** Lifts a manual pause: {@code spec.paused=false} on the main resource. */
  public Rollout resume(RolloutRef ref) {
    return patchMain(ref, "{\"spec\":{\"paused\":false}}", "resume");
  }

  /** {@code abort}: {@code status.abort=true}. */
  public Rollout abort(RolloutRef ref) {
    return patchStatus(ref, "{\"status\":{\"abort\":true}}", "abort");
  }

  /** {@code retry rollout}: {@code status.abort=false}; the controller restarts from step 0. */
  public Rollout retry(RolloutRef ref) {
    return patchStatus(ref, "{\"status\":{\"abort\":false}}", "retry");
  }

  /** {@code promote}: the status patch Argo's CLI chooses for the current state, then unpause if paused. */
  public Rollout promote(RolloutRef ref) {
    Rollout current = get(ref);
    String body = PromotePatches.promote(current);
    Rollout result = body == null ? current : patchStatus(ref, body, "promote");
    return current.spec().paused() ? resume(ref) : result;
  }

  /** {@code promote --full}: skip all remaining steps and analysis. */
  public Rollout promoteFull(RolloutRef ref) {
    Rollout current = get(ref);
    Rollout result = current;
    if (!RolloutPredicates.isFullyPromoted(current)) {
      result = patchStatus(ref, "{\"status\":{\"promoteFull\":true}}", "promote --full");
    }
    return current.spec().paused() ? resume(ref) : result;
  }

  /**
   * {@code set image}: sets {@code image} on the container named {@code container} ({@code *} for all)
   * with GET + PUT and up to five retries on conflict. Returns the updated Rollout, whose generation
   * the caller waits for the controller to observe.
   */
  public Rollout setImage(RolloutRef ref, String container, String image) {
    return SetImage.apply(this, ref, container, image);
  }

  /** {@code undo [--to-revision N]}; revision 0 means the previous one. */
  public UndoResult undo(RolloutRef ref, long toRevision) {
    Undo.Result result = Undo.apply(this, ref, toRevision);
    return new UndoResult(result.revision(), result.skipped(), result.rollout());
  }

  /** The ReplicaSets this Rollout controls, with revision, pod-template hash, images and replica counts. */
  public java.util.List<ReplicaSetInfo> replicaSets(Rollout rollout) {
    return ReplicaSets.infos(this, rollout);
  }

  Rollout patchStatus(RolloutRef ref, String body, String action) {
    return Rollout.from(call(action + " rollout " + ref, () -> resource(ref).subresource("status").patch(MERGE, body)));
  }

  Rollout patchMain(RolloutRef ref, String body, String action) {
    return Rollout.from(call(action + " rollout " + ref, () -> resource(ref).patch(MERGE, body)));
  }

  Resource<GenericKubernetesResource> resource(RolloutRef ref) {
    return client.genericKubernetesResources(ArgoResources.ROLLOUTS).inNamespace(ref.namespace()).withName(ref.name());
  }

  KubernetesClient kubernetes() {
    return client;
  }

  /**
   * Runs one API call within its budget, turning fabric8 failures into messages that name the action
   * and the credentials source.
   */
  <T> T call(String action, Supplier<T> request) {
    return calls.run(deadline, action, () -> {
      try {
        return request.get();
      } catch (KubernetesClientException e) {
        if (e.getCode() == 404 && action.startsWith("read rollout")) {
          return null;
        }
        throw ClusterErrors.translate(e, action, credentials);
      }
    });
  }
}
