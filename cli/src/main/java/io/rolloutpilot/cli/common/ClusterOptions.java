package io.rolloutpilot.cli.common;

import io.rolloutpilot.core.error.InvalidInputException;
import io.rolloutpilot.core.kube.ClusterAccess;
import io.rolloutpilot.core.validation.Names;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * How a command reaches the cluster, named as kubectl names it, and resolved the way kubectl resolves
 * it: {@code --kubeconfig}, else {@code $KUBECONFIG}, else {@code ~/.kube/config}, else the pod's
 * service account. The engine reads no environment; this is where the command line does.
 */
public final class ClusterOptions {
  static final Path SERVICE_ACCOUNT = Path.of("/var/run/secrets/kubernetes.io/serviceaccount");

  @Option(names = "--kubeconfig", paramLabel = "FILE",
      description = "kubeconfig file (default: $KUBECONFIG, then ~/.kube/config, then the in-cluster service account)")
  Path kubeconfig;

  @Option(names = "--context", paramLabel = "NAME", description = "kubeconfig context (default: the current context)")
  String context;

  @Option(names = {"-n", "--namespace"}, paramLabel = "NS",
      description = "namespace of the rollout (default: the context's namespace, else default)")
  String namespace;

  /** The namespace given on the command line, validated, or null to use the context's. */
  public String namespace() {
    return namespace == null ? null : Names.requireLabel("namespace", namespace);
  }

  /** The access to use, from the options and this process's environment. */
  public ClusterAccess access() {
    return access(System.getenv());
  }

  ClusterAccess access(Map<String, String> environment) {
    String ns = namespace();
    if (kubeconfig != null) {
      return new ClusterAccess.Kubeconfig(kubeconfig, context, ns);
    }
    Path file = defaultKubeconfig(environment);
    if (file != null) {
      return new ClusterAccess.Kubeconfig(file, context, ns);
    }
    String host = environment.get("KUBERNETES_SERVICE_HOST");
    if (host != null && !host.isEmpty() && context == null) {
      return new ClusterAccess.InCluster(host, port(environment.get("KUBERNETES_SERVICE_PORT")), SERVICE_ACCOUNT, ns);
    }
    throw new InvalidInputException("kubeconfig", "no kubeconfig found: --kubeconfig is not given, $KUBECONFIG"
        + " is not set, ~/.kube/config does not exist" + (context == null ? " and this is not a pod in a cluster"
        : " (--context needs a kubeconfig)"));
  }

  /** The first file of {@code $KUBECONFIG} (a list, as kubectl allows), else {@code ~/.kube/config} if it exists. */
  private static Path defaultKubeconfig(Map<String, String> environment) {
    String list = environment.get("KUBECONFIG");
    if (list != null && !list.isBlank()) {
      for (String entry : list.split(java.io.File.pathSeparator)) {
        if (!entry.isBlank()) {
          return Path.of(entry);
        }
      }
    }
    String home = environment.getOrDefault("HOME", System.getProperty("user.home"));
    Path file = home == null ? null : Path.of(home, ".kube", "config");
    return file != null && Files.isRegularFile(file) ? file : null;
  }

  private static int port(String text) {
    try {
      int port = text == null ? 443 : Integer.parseInt(text.trim());
      return port > 0 && port < 65536 ? port : 443;
    } catch (NumberFormatException e) {
      return 443;
    }
  }
}
