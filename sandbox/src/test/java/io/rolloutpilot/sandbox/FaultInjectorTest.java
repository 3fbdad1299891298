package io.rolloutpilot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.rolloutpilot.sandbox.faults.FaultInjector;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import io.rolloutpilot.sandbox.junit.SandboxPart;
import io.rolloutpilot.sandbox.junit.SandboxTest;
import org.junit.jupiter.api.Test;

/** Each fault as a plain fabric8 client sees it. */
@SandboxTest(podReadyDelayMillis = 200)
class FaultInjectorTest {
  @SandboxPart
  static Sandbox sandbox;
  static KubernetesClient noRetry;
  static FaultInjector faults;

  @BeforeAll
  static void start() {
    faults = sandbox.faults();
    Config config = new ConfigBuilder(sandbox.config()).withRequestRetryBackoffLimit(0).build();
    noRetry = new KubernetesClientBuilder().withConfig(config).build();
    noRetry.configMaps().inNamespace("default").resource(new ConfigMapBuilder().withNewMetadata().withName("cm")
        .endMetadata().addToData("k", "v").build()).create();
  }

  @AfterAll
  static void stop() {
    noRetry.close();
  }


  @AfterEach
  void clear() {
    faults.clear();
    faults.setForbidden(false);
  }

  private static ConfigMap getCm() {
    return noRetry.configMaps().inNamespace("default").withName("cm").get();
  }

  @Test
  void failsNextRequestsWithStatusBodyThenRecovers() {
    faults.failNext(2, "GET", "/configmaps/cm$", 503);
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(FaultInjectorTest::getCm).isInstanceOfSatisfying(KubernetesClientException.class, e -> {
        assertThat(e.getCode()).isEqualTo(503);
        assertThat(e.getStatus().getReason()).isEqualTo("ServiceUnavailable");
        assertThat(e.getStatus().getKind()).isEqualTo("Status");
      });
    }
    assertThat(getCm().getData()).containsEntry("k", "v");
    assertThat(faults.pendingFaults()).isZero();
  }

  @Test
  void throttlesWithRetryAfterAndRetryingClientSurvives() {
    faults.throttleNext(1, "GET", "/configmaps/cm$", Duration.ofSeconds(1));
    assertThatThrownBy(FaultInjectorTest::getCm).isInstanceOfSatisfying(KubernetesClientException.class, e -> {
      assertThat(e.getCode()).isEqualTo(429);
      assertThat(e.getStatus().getDetails().getRetryAfterSeconds()).isEqualTo(1);
    });
    faults.failNext(1, "GET", "/configmaps/cm$", 500);
    assertThat(sandbox.client().configMaps().inNamespace("default").withName("cm").get()).isNotNull();
  }

  @Test
  void conflictUnauthorizedAndForbiddenCodes() {
    faults.failNext(1, "PATCH", "/configmaps/cm$", 409);
    assertThatThrownBy(() -> noRetry.configMaps().inNamespace("default").withName("cm")
        .edit(cm -> new ConfigMapBuilder(cm).addToData("x", "y").build()))
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));
    faults.failNext(1, "*", "/configmaps", 401);
    assertThatThrownBy(FaultInjectorTest::getCm)
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(401));
    faults.setForbidden(true);
    assertThatThrownBy(FaultInjectorTest::getCm)
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));
    assertThat(sandbox.controller().awaitIdle(Duration.ofSeconds(5))).isTrue();
  }

  @Test
  void resetDropsTheConnectionWithoutResponse() {
    // The JDK HttpClient silently retries an idempotent GET once on a closed connection: arm two.
    faults.resetCounts();
    faults.resetNext(2, "GET", "/configmaps/cm$");
    assertThatThrownBy(FaultInjectorTest::getCm).isInstanceOf(KubernetesClientException.class)
        .hasRootCauseInstanceOf(java.io.IOException.class);
    assertThat(faults.requestCount("GET", "/configmaps/cm$")).isEqualTo(2);
    faults.resetNext(2, "GET", "/configmaps/cm$");
    assertThat(sandbox.client().configMaps().inNamespace("default").withName("cm").get()).isNotNull();
  }

  @Test
  @SuppressWarnings("try") // the watch is opened for its effect and only needs closing
  void droppedWatchReconnects() throws Exception {
    CopyOnWriteArrayList<String> events = new CopyOnWriteArrayList<>();
    long watchesBefore = faults.watchRequestCount();
    try (Watch ignored = noRetry.configMaps().inNamespace("default").watch(recording(events, new CompletableFuture<>()))) {
      awaitTrue(() -> faults.openWatchCount() == 1);
      assertThat(faults.dropWatches()).isEqualTo(1);
      awaitTrue(() -> faults.watchRequestCount() >= watchesBefore + 2 && faults.openWatchCount() == 1);
      noRetry.configMaps().inNamespace("default").resource(new ConfigMapBuilder().withNewMetadata()
          .withName("after-drop").endMetadata().build()).create();
      awaitTrue(() -> events.contains("ADDED after-drop"));
    }
  }

  @Test
  @SuppressWarnings("try") // the watch is opened for its effect and only needs closing
  void goneAsErrorEventSurfacesAsHttpGone() throws Exception {
    faults.expireNextWatches(1, "/configmaps", FaultInjector.GoneMode.ERROR_EVENT);
    CompletableFuture<WatcherException> closed = new CompletableFuture<>();
    try (Watch ignored = noRetry.configMaps().inNamespace("default").watch(recording(new CopyOnWriteArrayList<>(), closed))) {
      WatcherException cause = closed.get(5, TimeUnit.SECONDS);
      assertThat(cause.isHttpGone()).isTrue();
    }
  }

  @Test
  void goneAsHttp410OnWatchRequest() {
    faults.expireNextWatches(1, "/configmaps", FaultInjector.GoneMode.HTTP_410);
    assertThatThrownBy(() -> noRetry.configMaps().inNamespace("default")
        .watch(recording(new CopyOnWriteArrayList<>(), new CompletableFuture<>())))
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(410));
  }

  @Test
  void countsRequestsAndSimulatorIsExempt() {
    faults.resetCounts();
    getCm();
    getCm();
    noRetry.configMaps().inNamespace("default").list();
    sandbox.apply(TestRollouts.rolloutYaml("counted", "", "- setWeight: 50"));
    faults.failNext(100, "*", ".*", 500);
    assertThat(sandbox.controller().awaitIdle(Duration.ofSeconds(10))).isTrue();
    faults.clear();
    assertThat(faults.requestCount("GET", "/configmaps/cm$")).isEqualTo(2);
    assertThat(faults.requestCounts()).containsEntry("GET /api/v1/namespaces/default/configmaps", 1L);
    assertThat(faults.requestCount()).isEqualTo(3);
    assertThat(faults.nonWatchRequestCount()).isEqualTo(3);
    assertThat(TestRollouts.rollout(sandbox.client(), "counted").path("status").path("phase").asText()).isEqualTo("Healthy");
  }

  @Test
  void tokenIsRequiredWhenConfigured() {
    try (Sandbox secured = Sandbox.start(SandboxOptions.defaults().withToken("s3cret"))) {
      assertThat(secured.client().configMaps().inNamespace("default").list().getItems()).isEmpty();
      Config anonymous = new ConfigBuilder(Config.empty()).withMasterUrl(secured.url()).withHttp2Disable(true)
          .withRequestRetryBackoffLimit(0).build();
      try (KubernetesClient other = new KubernetesClientBuilder().withConfig(anonymous).build()) {
        assertThatThrownBy(() -> other.configMaps().inNamespace("default").list())
            .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(401));
      }
    }
  }

  private static Watcher<ConfigMap> recording(CopyOnWriteArrayList<String> events,
      CompletableFuture<WatcherException> closed) {
    return new Watcher<>() {
      @Override
      public void eventReceived(Action action, ConfigMap resource) {
        events.add(action + " " + resource.getMetadata().getName());
      }

      @Override
      public void onClose(WatcherException cause) {
        closed.complete(cause);
      }
    };
  }

  private static void awaitTrue(java.util.function.BooleanSupplier condition) {
    Polling.until(Duration.ofSeconds(10), Duration.ofMillis(20), condition::getAsBoolean, Boolean::booleanValue,
        last -> "condition not reached in 10s");
  }
}
