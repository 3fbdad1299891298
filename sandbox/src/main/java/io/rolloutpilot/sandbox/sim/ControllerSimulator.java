package io.rolloutpilot.sandbox.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * An Argo Rollouts v1.9.1 controller for canary Rollouts, good enough to drive the engine end to end:
 * it watches Rollouts and AnalysisRuns in all namespaces through its own client and reconciles on one
 * worker thread. See the package classes for the individual rules.
 */
public final class ControllerSimulator implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(ControllerSimulator.class.getName());

  private final KubeApi api;
  private final WorkQueue queue;
  private final RolloutReconciler reconciler;
  private final PodSimulator pods;
  private final AnalysisRunDriver runs;
  private final EventRecorder events;
  private final Set<String> knownRollouts = ConcurrentHashMap.newKeySet();
  private final Map<String, Watch> watches = new ConcurrentHashMap<>();
  private final AtomicLong reconciles = new AtomicLong();
  private volatile Duration podReadyDelay;
  private volatile AnalysisOutcomePolicy policy = AnalysisOutcomePolicy.successfulAfter(Duration.ofMillis(100));
  private volatile boolean closed;

  private ControllerSimulator(KubernetesClient client, Duration podReadyDelay) {
    this.api = new KubeApi(client);
    this.podReadyDelay = podReadyDelay;
    this.queue = new WorkQueue(this::handle);
    this.events = new EventRecorder(api);
    ReplicaSetWriter writer = new ReplicaSetWriter(api);
    this.pods = new PodSimulator(api, writer, queue, events, () -> this.podReadyDelay);
    this.runs = new AnalysisRunDriver(api, queue, () -> this.policy);
    this.reconciler = new RolloutReconciler(api, queue, events, writer, pods);
  }

  /**
   * Starts watching. The client should bypass the sandbox's fault injector, so injected faults hit
   * only the code under test.
   */
  public static ControllerSimulator start(KubernetesClient client, Duration podReadyDelay) {
    ControllerSimulator simulator = new ControllerSimulator(client, podReadyDelay);
    simulator.watch(KubeApi.ROLLOUTS, simulator::onRollout);
    simulator.watch(KubeApi.ANALYSIS_RUNS, (action, resource) -> {
      if (action != Watcher.Action.DELETED) {
        simulator.queue.add("ar:" + key(resource));
      }
    });
    return simulator;
  }

  /**
   * Like the controller's informer handlers: an event when a Rollout is first seen and when it is
   * deleted (a re-watch lists every Rollout again, which is not news).
   */
  private void onRollout(Watcher.Action action, GenericKubernetesResource resource) {
    String uid = resource.getMetadata().getUid();
    if (action == Watcher.Action.DELETED) {
      knownRollouts.remove(uid);
      events.normal(api.toJson(resource), "RolloutDeleted", "Rollout " + resource.getMetadata().getName() + "/"
          + resource.getMetadata().getNamespace() + " is deleted.");
    } else if (knownRollouts.add(uid)) {
      events.normal(api.toJson(resource), "RolloutAddedToInformer", "Rollout resource added to informer: "
          + resource.getMetadata().getNamespace() + "/" + resource.getMetadata().getName());
    }
    queue.addRollout(key(resource));
  }

  private static String key(GenericKubernetesResource resource) {
    return resource.getMetadata().getNamespace() + "/" + resource.getMetadata().getName();
  }

  private void watch(ResourceDefinitionContext ctx, BiConsumer<Watcher.Action, GenericKubernetesResource> onEvent) {
    Watch watch = api.ops(ctx).inAnyNamespace().watch(new Watcher<>() {
      @Override
      public void eventReceived(Action action, GenericKubernetesResource resource) {
        onEvent.accept(action, resource);
      }

      @Override
      public void onClose(WatcherException cause) {
        if (!closed) {
          LOG.log(System.Logger.Level.DEBUG, "simulator watch closed, re-watching " + ctx.getPlural(), cause);
          watch(ctx, onEvent);
        }
      }
    });
    watches.put(ctx.getPlural(), watch);
  }

  private void handle(String key) {
    String[] parts = key.substring(3).split("/", 2);
    try {
      if (key.startsWith("ro:")) {
        reconciles.incrementAndGet();
        reconciler.reconcile(parts[0], parts[1]);
      } else if (key.startsWith("ar:")) {
        runs.drive(parts[0], parts[1]);
      }
    } catch (KubernetesClientException e) {
      if (closed) {
        return;
      }
      if (e.getCode() == 409) {
        queue.add(key);
      } else {
        LOG.log(System.Logger.Level.WARNING, "reconcile of " + key + " failed: " + e.getMessage());
        queue.schedule(Duration.ofMillis(250), false, () -> queue.add(key));
      }
    }
  }

  /** Waits until the controller has nothing left to do except wall-clock waits (timed pauses, deadlines). */
  public boolean awaitIdle(Duration timeout) {
    return queue.awaitIdle(timeout);
  }

  /** Stops reconciling (events still queue up), e.g. to observe a generation the controller has not seen. */
  public void pause() {
    queue.setPaused(true);
  }

  public void resume() {
    queue.setPaused(false);
  }

  public boolean isPaused() {
    return queue.isPaused();
  }

  public void setPodReadyDelay(Duration delay) {
    this.podReadyDelay = delay;
  }

  public Duration podReadyDelay() {
    return podReadyDelay;
  }

  public void setAnalysisOutcomePolicy(AnalysisOutcomePolicy policy) {
    this.policy = policy == null ? AnalysisOutcomePolicy.manual() : policy;
  }

  /** Reconciles the rollout now (as an informer resync would). */
  public void enqueue(String namespace, String rollout) {
    queue.addRollout(namespace + "/" + rollout);
  }

  /** Total rollout reconciles so far. */
  public long reconcileCount() {
    return reconciles.get();
  }

  public void failAnalysisRun(String namespace, String name, String message) {
    runs.complete(namespace, name, AnalysisOutcome.failed(message), message);
  }

  public void errorAnalysisRun(String namespace, String name, String message) {
    runs.complete(namespace, name, AnalysisOutcome.error(message), message);
  }

  public void inconclusiveAnalysisRun(String namespace, String name, String message) {
    runs.complete(namespace, name, AnalysisOutcome.inconclusive(message), message);
  }

  public void succeedAnalysisRun(String namespace, String name) {
    runs.complete(namespace, name, AnalysisOutcome.successful(), "");
  }

  /** Every pod of the rollout turns unready and stays so until {@link #markPodsReady}. */
  public void markPodsUnready(String namespace, String rollout) {
    pods.markUnready(namespace, ownedReplicaSets(namespace, rollout));
    enqueue(namespace, rollout);
  }

  public void markPodsReady(String namespace, String rollout) {
    pods.markReady(namespace, ownedReplicaSets(namespace, rollout), namespace + "/" + rollout);
  }

  private List<ObjectNode> ownedReplicaSets(String namespace, String rollout) {
    ObjectNode ro = api.get(KubeApi.ROLLOUTS, namespace, rollout);
    if (ro == null) {
      throw new IllegalArgumentException("no Rollout " + namespace + "/" + rollout);
    }
    return api.listOwned(KubeApi.REPLICA_SETS, namespace, Json.text(ro.path("metadata").path("uid")));
  }

  @Override
  public void close() {
    closed = true;
    events.close();
    watches.values().forEach(Watch::close);
    queue.close();
  }
}
