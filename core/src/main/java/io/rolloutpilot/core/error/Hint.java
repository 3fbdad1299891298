package io.rolloutpilot.core.error;

/**
 * What a user could do about an error, as a key. The engine never words a hint: it does not know
 * whether the user typed a command-line option or a Pipeline step parameter, so each front end words
 * every key in its own terms.
 */
public enum Hint {
  /** The destination repository does not exist: create it, or let the push create it. */
  CREATE_REPOSITORY,
  /** An immutable tag already holds another image: push under a new tag, or deploy by digest. */
  PUSH_UNDER_NEW_TAG,
  /** The registry refused the credentials: check the user and password (for ECR, the AWS credentials and region). */
  CHECK_REGISTRY_CREDENTIALS,
  /** The credentials are valid but may not push to this repository. */
  GRANT_PUSH_PERMISSION,
  /** The registry lost content the manifest needs: push again. */
  PUSH_AGAIN,
  /** The source image does not match its own digests: rebuild or re-export it. */
  SOURCE_CORRUPT,
  /** The registry refused the manifest's format or media type. */
  MANIFEST_FORMAT_REFUSED,
  /** The registry throttled us: retry later with fewer uploads at once. */
  LOWER_PARALLELISM,
  /** The server kept failing: retry later. */
  RETRY_LATER,
  /** A registry token expired and a refresh did not help: check the clock and the credentials. */
  CHECK_CLOCK_AND_CREDENTIALS,
  /** The server's certificate is not trusted: give the private CA's certificate. */
  TRUST_PRIVATE_CA,
  /** The image scan did not finish in time: the image is pushed; wait longer for the scan. */
  LONGER_SCAN_TIMEOUT,
  /** An ECR call failed: check network access to the ECR API and the AWS credentials. */
  CHECK_AWS_ACCESS,
  /** The canary's start could not be found: give it explicitly. */
  GIVE_CANARY_START,
  /** The canary and stable pod-template hashes could not be found: deploy first, or give them explicitly. */
  GIVE_CANARY_HASHES,
  /** The Kubernetes API refused the credentials: check the kubeconfig's user and its token or certificate. */
  CHECK_KUBE_CREDENTIALS,
  /** The Kubernetes credentials lack a permission (RBAC): grant the verbs the operation needs. */
  GRANT_KUBE_PERMISSION,
  /** The Kubernetes API could not be reached: check the kubeconfig's server, the network and the context. */
  CHECK_KUBE_CONNECTION,
  /** The rollout has several containers: name the one to change. */
  NAME_THE_CONTAINER,
  /** Prometheus could not be reached or refused the query: check its URL, credentials and the query. */
  CHECK_PROMETHEUS,
  /** Give the secret through an environment variable's name, never as a value on the command line. */
  SECRET_BY_VARIABLE_NAME,
  /** Credentials were typed into an image reference: give them the front end's own way, never in a reference. */
  CREDENTIALS_NOT_IN_REFERENCE
}
