package io.rolloutpilot.cli;

import io.rolloutpilot.core.validation.Names;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every cluster command takes, named as kubectl names them. */
public final class GlobalOptions {
  @Option(names = "--kubeconfig", paramLabel = "FILE",
      description = "kubeconfig file (default: $KUBECONFIG, then ~/.kube/config, then the in-cluster service account)")
  Path kubeconfig;

  @Option(names = "--context", paramLabel = "NAME", description = "kubeconfig context (default: the current context)")
  String context;

  @Option(names = {"-n", "--namespace"}, paramLabel = "NS",
      description = "namespace of the rollout (default: the context's namespace, else default)")
  String namespace;

  @Option(names = {"-o", "--output"}, paramLabel = "text|json", defaultValue = "text",
      description = "output format: text or json (default: ${DEFAULT-VALUE})")
  String output;

  public Path kubeconfig() {
    return kubeconfig;
  }

  public String context() {
    return context;
  }

  /** The namespace given on the command line, validated, or null to use the context's. */
  public String namespace() {
    return namespace == null ? null : Names.requireLabel("namespace", namespace);
  }

  public OutputFormat format() {
    return OutputFormat.parse(output);
  }
}
