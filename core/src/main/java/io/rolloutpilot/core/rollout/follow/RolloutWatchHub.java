package io.rolloutpilot.core.rollout.follow;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.rolloutpilot.core.kube.ClusterErrors;
import io.rolloutpilot.core.rollout.ArgoResources;
import io.rolloutpilot.core.rollout.Rollout;
import io.rolloutpilot.core.rollout.RolloutRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;

/**
 * One list-and-watch (a fabric8 informer) per namespace, shared by every follower of a Rollout in it,
 * so following a thousand Rollouts costs one watch, not a thousand polls. The informer resumes a
 * dropped watch and re-lists on {@code 410 Gone}; a re-list delivers any state changed meanwhile, so a
 * terminal state reached while disconnected is still seen. Subscribers also hear when the watch is lost
 * and when it is back ({@link NamespaceWatch}).
 */
public final class RolloutWatchHub implements AutoCloseable {
  /** Receives every state of one Rollout and its deletion; called on the informer's or the timer's thread. */
  public interface Subscriber {
    void onState(Rollout rollout);

    void onDeleted();

    /** The namespace's watch has been down since {@code since} and the informer is reconnecting. */
    default void onWatchLost(Instant since, String cause) {}

    /** The watch is back after an outage of {@code outage}. */
    default void onWatchRestored(Duration outage) {}
  }

  /** Ends one subscription. */
  public interface Subscription extends AutoCloseable {
    /**
     * Completes once the namespace's first list is done, so states of an existing Rollout have been
     * delivered; exceptionally, with an engine error, when the watch could not start.
     */
    CompletableFuture<Void> ready();

    @Override
    void close();
  }

  private final KubernetesClient client;
  private final String credentials;
  private final ScheduledExecutorService timers;
  private final Clock clock;
  private final Map<String, NamespaceWatch> watches = new ConcurrentHashMap<>();

  public RolloutWatchHub(KubernetesClient client, String credentials, ScheduledExecutorService timers, Clock clock) {
    this.client = client;
    this.credentials = credentials;
    this.timers = timers;
    this.clock = clock;
  }

  /**
   * Subscribes without waiting: the namespace's watch starts if needed, and the current state is
   * delivered as soon as it is known. A watch that failed to start is forgotten, so the next subscriber
   * tries again.
   */
  public Subscription subscribe(RolloutRef ref, Subscriber subscriber) {
    NamespaceWatch watch = watches.computeIfAbsent(ref.namespace(),
        namespace -> NamespaceWatch.start(client, namespace, credentials, timers, clock));
    // outside computeIfAbsent: a failure may already be known, and the map must not change inside it
    watch.ready().whenComplete((ready, failure) -> {
      if (failure != null) {
        watches.remove(ref.namespace(), watch);
      }
    });
    watch.add(ref.name(), subscriber);
    return new Subscription() {
      @Override
      public CompletableFuture<Void> ready() {
        return watch.ready();
      }

      @Override
      public void close() {
        watch.remove(ref.name(), subscriber);
      }
    };
  }

  /** Whether the Rollout exists, as the namespace's watch sees it; meaningful once a subscription is ready. */
  public boolean exists(RolloutRef ref) {
    NamespaceWatch watch = watches.get(ref.namespace());
    return watch != null && watch.state(ref.name()) != null;
  }

  /**
   * The Rollout as the API server has it now, read once: a Rollout created a moment ago may not have
   * reached a watch that was already running. Blocks; the caller picks the thread.
   */
  public Optional<Rollout> read(RolloutRef ref) {
    try {
      return Optional.ofNullable(client.genericKubernetesResources(ArgoResources.ROLLOUTS).inNamespace(ref.namespace())
          .withName(ref.name()).get()).map(Rollout::from);
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return Optional.empty();
      }
      throw ClusterErrors.translate(e, "read rollout " + ref, credentials);
    }
  }

  /** Whether the namespace's watch is established now, as its informer knows; no request is sent. */
  public boolean watching(String namespace) {
    NamespaceWatch watch = watches.get(namespace);
    return watch != null && watch.watching();
  }

  /** The Rollouts of a namespace as its watch sees them, sorted, for "not found" messages. */
  public List<String> names(String namespace) {
    NamespaceWatch watch = watches.get(namespace);
    return watch == null ? List.of() : watch.names();
  }

  @Override
  public void close() {
    watches.values().forEach(NamespaceWatch::close);
    watches.clear();
  }
}
