package io.rolloutpilot.bench.rollout;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.rolloutpilot.core.rollout.ArgoResources;
import io.rolloutpilot.core.rollout.Rollout;
import io.rolloutpilot.core.rollout.follow.RolloutProgress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The anchor we compare with: what a pipeline does without a watch — GET each Rollout every interval
 * (as a {@code kubectl get} loop does) and report when its progress changed.
 */
final class PollingFollower implements AutoCloseable {
  private final KubernetesClient client;
  private final String namespace;
  private final Duration interval;
  private final ScheduledExecutorService pollers;
  private final Map<String, RolloutProgress> last = new ConcurrentHashMap<>();

  PollingFollower(KubernetesClient client, String namespace, Duration interval, int threads) {
    this.client = client;
    this.namespace = namespace;
    this.interval = interval;
    this.pollers = Executors.newScheduledThreadPool(threads);
  }

  /** Polls one Rollout, starting at a random offset so many followers spread over the interval. */
  void follow(String name, Consumer<String> onChangedMessage) {
    long offset = (long) (Math.random() * interval.toMillis());
    pollers.scheduleAtFixedRate(() -> poll(name, onChangedMessage), offset, interval.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  private void poll(String name, Consumer<String> onChangedMessage) {
    try {
      GenericKubernetesResource resource = client.genericKubernetesResources(ArgoResources.ROLLOUTS)
          .inNamespace(namespace).withName(name).get();
      if (resource == null) {
        return;
      }
      RolloutProgress progress = RolloutProgress.of(Rollout.from(resource));
      if (!progress.equals(last.put(name, progress))) {
        onChangedMessage.accept(progress.phase().message());
      }
    } catch (RuntimeException e) {
      // a failed poll is simply retried at the next tick, as a shell loop would
    }
  }

  @Override
  public void close() {
    pollers.shutdownNow();
  }
}
