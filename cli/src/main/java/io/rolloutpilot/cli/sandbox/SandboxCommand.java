package io.rolloutpilot.cli.sandbox;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.rolloutpilot.core.kube.ClusterException;
import io.rolloutpilot.core.validation.Durations;
import io.rolloutpilot.core.validation.InvalidInputException;
import io.rolloutpilot.testkit.Sandbox;
import io.rolloutpilot.testkit.SandboxOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sandbox}: a local Kubernetes API with the Argo Rollouts controller simulator, for trying the
 * CLI and for pipelines' own tests. It prints exactly one line on stdout, once it accepts requests,
 * so a script can wait for it; everything else goes to stderr.
 */
@Command(name = "sandbox", mixinStandardHelpOptions = true, description = {
    "Run a local Kubernetes API with an Argo Rollouts controller simulator until stopped (Ctrl-C, SIGTERM).",
    "Prints 'sandbox ready: kubeconfig=<FILE>' on stdout once it accepts requests."})
public final class SandboxCommand implements Callable<Integer> {
  @Option(names = "--port", paramLabel = "N", defaultValue = "0",
      description = "API server port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE})")
  int port;

  @Option(names = "--kubeconfig-out", paramLabel = "FILE",
      description = "where to write the kubeconfig for the sandbox (default: a new file in the temp folder)")
  Path kubeconfigOut;

  @Option(names = "--apply", paramLabel = "FILE",
      description = "manifest (multi-document YAML) to create or replace at start; repeatable, applied in order")
  List<Path> apply = new ArrayList<>();

  @Option(names = "--pod-ready-delay", paramLabel = "D", defaultValue = "1s",
      description = "how long simulated pods take to become ready (default: ${DEFAULT-VALUE})")
  String podReadyDelay;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    SandboxOptions options = validate();
    Path kubeconfig = kubeconfigOut != null ? kubeconfigOut
        : Files.createTempFile("rollout-pilot-sandbox-", ".kubeconfig");
    Sandbox sandbox = start(options);
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> stop(sandbox, stopped), "rollout-pilot-sandbox-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      applyAll(sandbox);
      sandbox.writeKubeconfig(kubeconfig);
      announce(sandbox, kubeconfig);
      stopped.await();
      return 0;
    } catch (InterruptedException e) {
      // Stopped in-process (tests run the command on a thread and interrupt it).
      return 0;
    } finally {
      if (stopped.getCount() > 0) {
        Runtime.getRuntime().removeShutdownHook(hook);
        stop(sandbox, stopped);
      }
    }
  }

  private SandboxOptions validate() {
    if (port < 0 || port > 65535) {
      throw new InvalidInputException("--port", port + " is not a port; use 1-65535, or 0 for a free one");
    }
    Duration delay = Durations.parse("--pod-ready-delay", podReadyDelay);
    for (Path file : apply) {
      if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
        throw new InvalidInputException("--apply", "'" + file + "' is not a readable file; give a YAML manifest");
      }
    }
    return SandboxOptions.defaults().withPort(port).withPodReadyDelay(delay);
  }

  private static Sandbox start(SandboxOptions options) {
    try {
      return Sandbox.start(options);
    } catch (IllegalStateException e) {
      throw new ClusterException(ClusterException.Kind.UNREACHABLE, e.getMessage());
    }
  }

  private void applyAll(Sandbox sandbox) {
    for (Path file : apply) {
      try {
        sandbox.apply(file);
      } catch (KubernetesClientException | UncheckedIOException | IllegalArgumentException e) {
        throw new InvalidInputException("--apply", "'" + file + "' could not be applied: " + e.getMessage());
      }
    }
  }

  private void announce(Sandbox sandbox, Path kubeconfig) throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    err.println("sandbox: Kubernetes API with the Argo Rollouts simulator at " + sandbox.url()
        + (apply.isEmpty() ? "" : "; applied " + apply.size() + " file(s)") + "; stop with Ctrl-C");
    err.flush();
    PrintWriter out = spec.commandLine().getOut();
    out.println("sandbox ready: kubeconfig=" + kubeconfig.toAbsolutePath());
    out.flush();
  }

  private static void stop(Sandbox sandbox, CountDownLatch stopped) {
    try {
      sandbox.close();
    } finally {
      stopped.countDown();
    }
  }
}
