package io.rolloutpilot.core.rollout.follow;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.rolloutpilot.core.kube.ClusterErrors;
import io.rolloutpilot.core.rollout.ArgoResources;
import io.rolloutpilot.core.rollout.Rollout;
import io.rolloutpilot.core.rollout.follow.RolloutWatchHub.Subscriber;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The informer of one namespace's Rollouts and the subscribers following Rollouts in it. It starts
 * without blocking, so a follower's deadline covers the first list too. While anyone follows, it looks
 * every {@link #CHECK_INTERVAL} at whether the informer is watching (a flag of the informer's own; no
 * request to the API server) and tells subscribers when the watch has been down for {@link #LOSS_GRACE}
 * and when it is back. The informer reconnects by itself; the look stops when the last subscriber leaves.
 */
final class NamespaceWatch {
  static final Duration CHECK_INTERVAL = Duration.ofMillis(500);
  /** The informer renews its watch every few minutes, with a gap of about a second that is no outage. */
  static final Duration LOSS_GRACE = Duration.ofSeconds(2);

  private final String namespace;
  private final SharedIndexInformer<GenericKubernetesResource> informer;
  private final ScheduledExecutorService timers;
  private final Clock clock;
  private final CompletableFuture<Void> ready = new CompletableFuture<>();
  private final Map<String, List<Subscriber>> subscribers = new ConcurrentHashMap<>();
  private volatile String lastError;
  private ScheduledFuture<?> check;
  private Instant downSince;
  private boolean reported;

  private NamespaceWatch(String namespace, SharedIndexInformer<GenericKubernetesResource> informer,
      ScheduledExecutorService timers, Clock clock) {
    this.namespace = namespace;
    this.informer = informer;
    this.timers = timers;
    this.clock = clock;
  }

  static NamespaceWatch start(KubernetesClient client, String namespace, String credentials,
      ScheduledExecutorService timers, Clock clock) {
    SharedIndexInformer<GenericKubernetesResource> informer;
    try {
      informer = client.genericKubernetesResources(ArgoResources.ROLLOUTS).inNamespace(namespace).runnableInformer(0);
    } catch (KubernetesClientException e) {
      throw ClusterErrors.translate(e, "watch rollouts in " + namespace, credentials);
    }
    NamespaceWatch watch = new NamespaceWatch(namespace, informer, timers, clock);
    informer.addEventHandler(watch.new Dispatcher());
    // once started, retry whatever fails: the followers' own limits decide when to give up
    informer.exceptionHandler((started, failure) -> {
      watch.lastError = ClusterErrors.rootCause(failure);
      return started;
    });
    informer.start().whenComplete((started, failure) -> watch.started(failure, credentials));
    return watch;
  }

  private void started(Throwable failure, String credentials) {
    if (failure == null) {
      ready.complete(null);
      subscribers.keySet().forEach(this::deliverCurrent); // those who joined while the first list was delivered
      startChecking();
      return;
    }
    informer.stop();
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
        : failure;
    KubernetesClientException client = cause instanceof KubernetesClientException k ? k
        : new KubernetesClientException(cause.getMessage(), cause);
    ready.completeExceptionally(ClusterErrors.translate(client, "watch rollouts in " + namespace, credentials));
  }

  CompletableFuture<Void> ready() {
    return ready;
  }

  void add(String name, Subscriber subscriber) {
    subscribers.compute(name, (n, list) -> {
      List<Subscriber> updated = list == null ? new CopyOnWriteArrayList<>() : list;
      updated.add(subscriber);
      return updated;
    });
    if (ready.isDone() && !ready.isCompletedExceptionally()) {
      GenericKubernetesResource current = state(name);
      if (current != null) {
        subscriber.onState(Rollout.from(current));
      }
      startChecking();
    }
    Instant since;
    synchronized (this) {
      since = reported ? downSince : null;
    }
    if (since != null) {
      subscriber.onWatchLost(since, cause());
    }
  }

  void remove(String name, Subscriber subscriber) {
    subscribers.computeIfPresent(name, (n, list) -> {
      list.remove(subscriber);
      return list.isEmpty() ? null : list;
    });
    if (subscribers.isEmpty()) {
      stopChecking();
    }
  }

  /** Whether the informer's watch is established now: its own flag, no request to the API server. */
  boolean watching() {
    try {
      return ready.isDone() && !ready.isCompletedExceptionally() && informer.isWatching();
    } catch (RuntimeException e) {
      return false; // the informer has no watch at all yet
    }
  }

  GenericKubernetesResource state(String name) {
    return informer.getStore().getByKey(namespace + "/" + name);
  }

  List<String> names() {
    return informer.getStore().list().stream().map(r -> r.getMetadata().getName()).sorted().toList();
  }

  private void deliverCurrent(String name) {
    GenericKubernetesResource current = state(name);
    if (current != null) {
      Rollout rollout = Rollout.from(current);
      subscribers.getOrDefault(name, List.of()).forEach(s -> s.onState(rollout));
    }
  }

  private synchronized void startChecking() {
    if (check == null && !subscribers.isEmpty()) {
      long period = CHECK_INTERVAL.toMillis();
      check = timers.scheduleAtFixedRate(this::checkQuietly, period, period, TimeUnit.MILLISECONDS);
    }
  }

  private synchronized void stopChecking() {
    if (check != null) {
      check.cancel(false);
      check = null;
    }
    downSince = null;
    reported = false;
  }

  private void checkQuietly() {
    try {
      check();
    } catch (RuntimeException e) {
      // a failed look must not end the periodic task; the next one tries again
    }
  }

  private void check() {
    boolean watching = watching();
    Instant now = clock.instant();
    Consumer<Subscriber> notice = null;
    synchronized (this) {
      if (watching) {
        if (reported) {
          Duration outage = Duration.between(downSince, now);
          notice = s -> s.onWatchRestored(outage);
          lastError = null;
        }
        downSince = null;
        reported = false;
      } else {
        downSince = downSince == null ? now : downSince;
        if (!reported && Duration.between(downSince, now).compareTo(LOSS_GRACE) >= 0) {
          reported = true;
          Instant since = downSince;
          String cause = cause();
          notice = s -> s.onWatchLost(since, cause);
        }
      }
    }
    if (notice != null) {
      Consumer<Subscriber> each = notice;
      subscribers.values().forEach(list -> list.forEach(each));
    }
  }

  private String cause() {
    String error = lastError;
    return "the watch of rollouts in namespace " + namespace + " was lost" + (error == null ? "" : ": " + error);
  }

  void close() {
    stopChecking();
    informer.stop();
    ready.cancel(false);
  }

  private final class Dispatcher implements ResourceEventHandler<GenericKubernetesResource> {
    @Override
    public void onAdd(GenericKubernetesResource obj) {
      state(obj);
    }

    @Override
    public void onUpdate(GenericKubernetesResource oldObj, GenericKubernetesResource newObj) {
      state(newObj);
    }

    @Override
    public void onDelete(GenericKubernetesResource obj, boolean deletedFinalStateUnknown) {
      subscribers.getOrDefault(obj.getMetadata().getName(), List.of()).forEach(Subscriber::onDeleted);
    }

    private void state(GenericKubernetesResource obj) {
      List<Subscriber> interested = subscribers.getOrDefault(obj.getMetadata().getName(), List.of());
      if (!interested.isEmpty()) {
        Rollout rollout = Rollout.from(obj);
        interested.forEach(s -> s.onState(rollout));
      }
    }
  }
}
