package io.rolloutpilot.sandbox;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.rolloutpilot.sandbox.faults.FaultInjector;
import io.rolloutpilot.sandbox.faults.FaultingDispatcher;
import io.rolloutpilot.sandbox.sim.ControllerSimulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A local Kubernetes API (fabric8's CRUD mock dispatcher with the Argo CRDs registered) plus the
 * Argo Rollouts controller simulator and a fault injector in front of the API.
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults())) {
 *   sandbox.applySample();
 *   sandbox.controller().awaitIdle(Duration.ofSeconds(10));
 * }
 * }</pre>
 */
public final class Sandbox implements AutoCloseable {
  /** The bundled demo: Rollout {@code guestbook} and AnalysisTemplate {@code success-rate} in {@code default}. */
  public static final String SAMPLE = "samples/guestbook.yaml";

  private final SandboxOptions options;
  private final FaultInjector faults;
  private final SandboxHttpServer server;
  private final Config config;
  private final KubernetesClient client;
  private final KubernetesClient internalClient;
  private final ControllerSimulator controller;
  private final SelectorStoppingHttpClientFactory httpClients = new SelectorStoppingHttpClientFactory();
  private final AtomicBoolean closed = new AtomicBoolean();

  private Sandbox(SandboxOptions options) {
    this.options = options;
    this.faults = new FaultInjector();
    this.server = new SandboxHttpServer(options.port(),
        new FaultingDispatcher(new KubernetesCrudDispatcher(), faults, options.token()));
    try {
      this.config = clientConfig(url(), options, Map.of());
      this.client = new KubernetesClientBuilder().withConfig(config).withHttpClientFactory(httpClients).build();
      this.internalClient = new KubernetesClientBuilder().withHttpClientFactory(httpClients)
          .withConfig(clientConfig(url(), options, Map.of(FaultInjector.BYPASS_HEADER, "simulator"))).build();
      ArgoCrds.register(internalClient);
      if (options.namespace() != null && !options.namespace().isEmpty()) {
        internalClient.namespaces().resource(new NamespaceBuilder().withNewMetadata()
            .withName(options.namespace()).endMetadata().build()).create();
      }
      this.controller = ControllerSimulator.start(internalClient, options.podReadyDelay());
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  public static Sandbox start(SandboxOptions options) {
    return new Sandbox(options == null ? SandboxOptions.defaults() : options);
  }

  private static Config clientConfig(String url, SandboxOptions options, Map<String, String> headers) {
    ConfigBuilder builder = new ConfigBuilder(Config.empty()).withMasterUrl(url)
        .withNamespace(options.namespace() == null || options.namespace().isEmpty() ? "default" : options.namespace())
        .withHttp2Disable(true).withRequestRetryBackoffLimit(3).withRequestRetryBackoffInterval(50);
    if (options.token() != null) {
      builder.withOauthToken(options.token());
    }
    Config config = builder.build();
    if (!headers.isEmpty()) {
      config.setCustomHeaders(new java.util.HashMap<>(headers));
    }
    return config;
  }

  /** A client for tests; its requests go through the fault injector. */
  public KubernetesClient client() {
    return client;
  }

  /** The configuration {@link #client()} uses, for building further clients (e.g. with retries off). */
  public Config config() {
    return config;
  }

  public String url() {
    return "http://127.0.0.1:" + server.port() + "/";
  }

  public int port() {
    return server.port();
  }

  public SandboxOptions options() {
    return options;
  }

  /** Writes a kubeconfig (cluster/context {@code sandbox}, user {@code sandbox-admin}) and returns the path. */
  public Path writeKubeconfig(Path file) {
    return Kubeconfigs.write(file, url().replaceAll("/$", ""), options.token(), options.namespace());
  }

  /** Create-or-replace every document in the file, in order. */
  public List<HasMetadata> apply(Path yamlFile) {
    try {
      return apply(Files.readString(yamlFile, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + yamlFile, e);
    }
  }

  public List<HasMetadata> apply(String yaml) {
    return new ManifestApplier(internalClient).apply(yaml);
  }

  /** Applies {@link #SAMPLE}. */
  public List<HasMetadata> applySample() {
    return apply(sampleYaml());
  }

  public static String sampleYaml() {
    try (InputStream in = Sandbox.class.getClassLoader().getResourceAsStream(SAMPLE)) {
      if (in == null) {
        throw new IllegalStateException(SAMPLE + " missing from the testkit jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public ControllerSimulator controller() {
    return controller;
  }

  public FaultInjector faults() {
    return faults;
  }

  /**
   * Stops the controller first (no reconcile is left in flight); then the server closes while the
   * clients do. Also ends the clients' selector threads, which would otherwise hold a JVM exit up
   * to 300 ms.
   */
  @Override
  public void close() {
    if (closed.getAndSet(true)) {
      return;
    }
    try {
      controller.close();
    } finally {
      server.closeAsync();
      client.close();
      internalClient.close();
      httpClients.stopSelectors();
      server.close();
    }
  }
}
