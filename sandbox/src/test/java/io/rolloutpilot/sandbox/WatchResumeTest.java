package io.rolloutpilot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.rolloutpilot.core.rollout.ArgoResources;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A watch resumed from a resourceVersion gets what it missed, as from kube-apiserver. */
class WatchResumeTest {
  private final Sandbox sandbox = Sandbox.start(SandboxOptions.defaults());

  @AfterEach
  void close() {
    sandbox.close();
  }

  @Test
  @SuppressWarnings("try") // the watch is opened for its effect and only needs closing
  void changesMadeWhileDisconnectedAreReplayedInOrder() throws Exception {
    sandbox.controller().pause();
    sandbox.apply(CanaryManifests.rollout("resume", "default", 1, "registry.example.com/app:1", "setWeight: 50"));
    var rollouts = sandbox.client().genericKubernetesResources(ArgoResources.ROLLOUTS).inNamespace("default");
    String seen = rollouts.withName("resume").get().getMetadata().getResourceVersion();
    for (int i = 1; i <= 3; i++) {
      rollouts.withName("resume").subresource("status").patch(PatchContext.of(PatchType.JSON_MERGE),
          "{\"status\":{\"message\":\"change " + i + "\"}}");
    }
    List<String> messages = new CopyOnWriteArrayList<>();
    try (Watch watch = rollouts.withName("resume").withResourceVersion(seen).watch(new Watcher<>() {
      @Override
      public void eventReceived(Action action, GenericKubernetesResource resource) {
        Object status = resource.getAdditionalProperties().get("status");
        messages.add(action + " " + (status instanceof java.util.Map<?, ?> m ? m.get("message") : null));
      }

      @Override
      public void onClose(WatcherException cause) {}
    })) {
      awaitSize(messages, 3);
      rollouts.withName("resume").subresource("status").patch(PatchContext.of(PatchType.JSON_MERGE),
          "{\"status\":{\"message\":\"change 4\"}}");
      awaitSize(messages, 4);
    }
    assertThat(messages).containsExactly("MODIFIED change 1", "MODIFIED change 2", "MODIFIED change 3",
        "MODIFIED change 4");
  }

  @Test
  @SuppressWarnings("try") // the watch is opened for its effect and only needs closing
  void aDeletionSeenLiveOnAResumedWatchIsDelivered() throws Exception {
    sandbox.controller().pause();
    sandbox.apply(CanaryManifests.rollout("gone", "default", 1, "registry.example.com/app:1", "setWeight: 50"));
    var rollouts = sandbox.client().genericKubernetesResources(ArgoResources.ROLLOUTS).inNamespace("default");
    String seen = rollouts.withName("gone").get().getMetadata().getResourceVersion();
    List<String> actions = new CopyOnWriteArrayList<>();
    try (Watch watch = rollouts.withName("gone").withResourceVersion(seen).watch(new Watcher<>() {
      @Override
      public void eventReceived(Action action, GenericKubernetesResource resource) {
        actions.add(action.name());
      }

      @Override
      public void onClose(WatcherException cause) {}
    })) {
      Polling.until(Duration.ofSeconds(10), Duration.ofMillis(10), () -> sandbox.faults().openWatchCount(),
          n -> n > 0, n -> "the watch never opened");
      rollouts.withName("gone").delete();
      awaitSize(actions, 1);
    }
    assertThat(actions).containsExactly("DELETED");
  }

  private static void awaitSize(List<String> list, int size) {
    Polling.until(Duration.ofSeconds(10), Duration.ofMillis(20), list::size, n -> n >= size,
        n -> "only " + n + " of " + size + " events arrived: " + list);
  }
}
