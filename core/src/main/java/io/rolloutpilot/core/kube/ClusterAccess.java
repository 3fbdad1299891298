package io.rolloutpilot.core.kube;

import java.nio.file.Path;

/**
 * How to reach a cluster, as a front end resolved it: the engine reads no environment variable and
 * guesses no file, so a Jenkins step and the CLI each say exactly which credentials to use.
 */
public sealed interface ClusterAccess permits ClusterAccess.Kubeconfig, ClusterAccess.InCluster {
  /** The namespace requests go to when a request names none; null for the access's own default. */
  String namespace();

  /**
   * A kubeconfig file.
   *
   * @param context the context to use, or null for the file's current context
   */
  record Kubeconfig(Path file, String context, String namespace) implements ClusterAccess {}

  /**
   * The pod's own service account, as a process running in the cluster sees it.
   *
   * @param host the API server's address ({@code KUBERNETES_SERVICE_HOST} in a pod)
   * @param serviceAccount the folder holding {@code token}, {@code ca.crt} and {@code namespace}
   */
  record InCluster(String host, int port, Path serviceAccount, String namespace) implements ClusterAccess {}
}
