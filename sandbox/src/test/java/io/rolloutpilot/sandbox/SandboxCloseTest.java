package io.rolloutpilot.sandbox;

import static io.rolloutpilot.sandbox.TestRollouts.await;
import static io.rolloutpilot.sandbox.TestRollouts.index;
import static io.rolloutpilot.sandbox.TestRollouts.phase;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.rolloutpilot.sandbox.sim.AnalysisOutcomePolicy;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Stopping a sandbox in the middle of things, as the CLI's sandbox command does on SIGTERM. */
class SandboxCloseTest {

  @Test
  void aBusySandboxClosesWithinOneSecondAndLeavesNoThreadInNativeCode() {
    Set<Thread> notTheSandboxs = new HashSet<>(Thread.getAllStackTraces().keySet());
    Sandbox sandbox = Sandbox.start(SandboxOptions.defaults().withPodReadyDelay(Duration.ofMillis(300)));
    Set<Thread> beforeOutsider = Set.copyOf(Thread.getAllStackTraces().keySet());
    try (KubernetesClient outsider = new KubernetesClientBuilder().withConfig(sandbox.config()).build()) {
      Thread.getAllStackTraces().keySet().stream().filter(t -> !beforeOutsider.contains(t)).forEach(notTheSandboxs::add);
      sandbox.controller().setAnalysisOutcomePolicy(AnalysisOutcomePolicy.manual());
      sandbox.apply(TestRollouts.rolloutYaml("busy", "", TestRollouts.TRACE_STEPS));
      await(sandbox.client(), "busy", "initial deploy", ro -> phase(ro, "Healthy", ""));
      AtomicInteger events = new AtomicInteger();
      watchRollouts(sandbox.client(), events);
      watchRollouts(outsider, events);
      TestRollouts.setImage(sandbox.client(), "busy", "registry.example.com/guestbook:2.0.0");
      await(sandbox.client(), "busy", "mid-release", ro -> index(ro) == 0
          && !ro.path("status").path("currentPodHash").asText().equals(ro.path("status").path("stableRS").asText()));
      Polling.until(Duration.ofSeconds(10), Duration.ofMillis(10), events::get, n -> n >= 2, n -> n + " watch events");

      long start = System.nanoTime();
      sandbox.close();
      long millis = (System.nanoTime() - start) / 1_000_000;

      assertThat(millis).as("close of a busy sandbox, in ms").isLessThan(1000);
      // A thread in native code (a selector, an event loop) holds a JVM exit for up to 300 ms.
      assertThat(inNativeCode(notTheSandboxs)).as("threads the sandbox left in native code").isEmpty();
    } finally {
      sandbox.close();
    }
  }

  private static void watchRollouts(KubernetesClient client, AtomicInteger events) {
    client.genericKubernetesResources(TestRollouts.ROLLOUTS).inNamespace("default").watch(new Watcher<>() {
      @Override
      public void eventReceived(Action action, GenericKubernetesResource resource) {
        events.incrementAndGet();
      }

      @Override
      public void onClose(WatcherException cause) {}
    });
  }

  private static List<String> inNativeCode(Set<Thread> others) {
    return Thread.getAllStackTraces().entrySet().stream()
        .filter(e -> !others.contains(e.getKey()) && e.getKey().getState() == Thread.State.RUNNABLE)
        .filter(e -> e.getValue().length > 0 && e.getValue()[0].isNativeMethod())
        .map(Map.Entry::getKey).map(Thread::getName).toList();
  }
}
