package io.rolloutpilot.cli.sandbox;

import io.rolloutpilot.core.validation.Durations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
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
  String port;

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
    ServerSettings settings = validate();
    SandboxJar.require("sandbox");
    Path kubeconfig = kubeconfigOut != null ? kubeconfigOut
        : Files.createTempFile("rollout-pilot-sandbox-", ".kubeconfig");
    return new SandboxServer(settings, apply, kubeconfig, spec.commandLine().getOut(), spec.commandLine().getErr())
        .run();
  }

  /** Everything is checked before the sandbox starts; the kubeconfig's file last, since checking creates it. */
  private ServerSettings validate() {
    int portNumber = SandboxInputs.port(port);
    Duration delay = Durations.parse("--pod-ready-delay", podReadyDelay);
    apply.forEach(SandboxInputs::checkManifest);
    if (kubeconfigOut != null) {
      SandboxInputs.checkWritable(kubeconfigOut);
    }
    return new ServerSettings(portNumber, delay);
  }
}
