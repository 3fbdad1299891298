package io.rolloutpilot.core.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.rolloutpilot.core.RolloutPilotEngine;
import io.rolloutpilot.core.error.UnreachableException;
import io.rolloutpilot.core.event.EngineListener;
import io.rolloutpilot.core.rollout.DeployRequest;
import io.rolloutpilot.core.rollout.RolloutRef;
import io.rolloutpilot.core.rollout.follow.FollowRequest;
import io.rolloutpilot.core.rollout.follow.WaitTarget;
import io.rolloutpilot.sandbox.CanaryManifests;
import io.rolloutpilot.sandbox.Sandbox;
import io.rolloutpilot.sandbox.SandboxOptions;
import io.rolloutpilot.testkit.kube.KubeApiProxy;
import io.rolloutpilot.testkit.kube.ProxyMode;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An API server that accepts and then stalls (no answer, headers and then nothing, a byte every two
 * seconds, a connection frozen mid-request) ends every engine call within its bounds: the timeout given
 * for the operation, else the call's own budget. The JDK client alone would wait forever for a stalled
 * body and retry an unanswered request five times.
 */
class StalledServerTest {
  private static final RolloutRef REF = new RolloutRef("default", "stalled");
  private static final Duration SLACK = Duration.ofMillis(2500);
  private static Sandbox sandbox;
  private static KubeApiProxy proxy;
  private static RolloutPilotEngine engine;

  @BeforeAll
  static void start() throws InterruptedException {
    sandbox = Sandbox.start(SandboxOptions.defaults().withPodReadyDelay(Duration.ofMillis(50)));
    sandbox.apply(CanaryManifests.rollout(REF.name(), REF.namespace(), 2, "registry.example.com/stalled:1",
        "setWeight: 50", "pause: {}"));
    proxy = KubeApiProxy.start(sandbox.port());
    engine = RolloutPilotEngine.connect(ClusterConnection.open(new ConfigBuilder(sandbox.config())
        .withMasterUrl(proxy.url()).build(), REF.namespace()));
    engine.rollouts().follow(FollowRequest.until(REF, WaitTarget.HEALTHY, Duration.ofSeconds(30)),
        EngineListener.NONE);
  }

  @AfterAll
  static void stop() {
    engine.close();
    proxy.close();
    sandbox.close();
  }

  @AfterEach
  void forwardAgain() {
    proxy.mode(ProxyMode.forward());
  }

  interface Call {
    void run(RolloutPilotEngine engine) throws Exception;
  }

  static Stream<Arguments> stalls() {
    Duration four = Duration.ofSeconds(4);
    Call status = e -> e.rollouts().status(REF, four);
    Call deploy = e -> e.rollouts().deploy(new DeployRequest(REF, "app", "registry.example.com/stalled:2",
        WaitTarget.HEALTHY, four, Duration.ZERO), EngineListener.NONE);
    Call follow = e -> e.rollouts().follow(FollowRequest.until(new RolloutRef("other", "stalled"), WaitTarget.HEALTHY,
        four), EngineListener.NONE);
    Call statusNoTimeout = e -> e.rollouts().status(REF);
    Duration bodyLimit = Duration.ofMillis(ClusterConnection.BODY_TIMEOUT_MS);
    return Stream.of(
        Arguments.of("silent, status", new ProxyMode.Silent(), status, four),
        Arguments.of("headers then nothing, status", new ProxyMode.HeadersThenStall(), status, four),
        Arguments.of("a byte every 2 s, status", new ProxyMode.Drip(Duration.ofSeconds(2)), status, four),
        Arguments.of("frozen connections, status", new ProxyMode.Freeze(), status, four),
        Arguments.of("headers then nothing, deploy", new ProxyMode.HeadersThenStall(), deploy, four),
        Arguments.of("silent, deploy", new ProxyMode.Silent(), deploy, four),
        Arguments.of("silent, first list of a follow", new ProxyMode.Silent(), follow, four),
        Arguments.of("headers then nothing, status without a timeout", new ProxyMode.HeadersThenStall(),
            statusNoTimeout, bodyLimit),
        Arguments.of("silent, status without a timeout", new ProxyMode.Silent(), statusNoTimeout,
            ClusterCalls.CALL_BUDGET));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stalls")
  void aStallingServerFailsTheCallWithinItsBound(String name, ProxyMode mode, Call call, Duration bound) {
    proxy.mode(mode);
    long started = System.nanoTime();

    Throwable failure = catchThrowable(() -> call.run(engine));

    Duration took = Duration.ofNanos(System.nanoTime() - started);
    assertThat(failure).as(name).isInstanceOf(UnreachableException.class);
    assertThat(took).as(name + " took " + took).isBetween(bound.minusMillis(500), bound.plus(SLACK));
    assertThat(((UnreachableException) failure).reply().orElseThrow().server()).isEqualTo("Kubernetes API");
  }
}
