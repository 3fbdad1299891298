package io.rolloutpilot.cli.common;

import io.rolloutpilot.core.error.Hint;

/** Each engine hint in the command line's words. */
public final class HintText {
  private HintText() {}

  public static String of(Hint hint) {
    return switch (hint) {
      case CREATE_REPOSITORY -> "the repository does not exist; create it first (with Terraform, say), or for ECR"
          + " pass --create-repository";
      case PUSH_UNDER_NEW_TAG -> "the tag is immutable and names another image; push under a new --tag, or deploy"
          + " the pushed image by its digest";
      case CHECK_REGISTRY_CREDENTIALS -> "the registry did not accept the credentials; check --username and the"
          + " variable named by --password-env (for ECR: the AWS credentials, --profile and --region)";
      case GRANT_PUSH_PERMISSION -> "the credentials are valid but may not push here; grant push rights on the"
          + " repository (ECR: ecr:InitiateLayerUpload, ecr:UploadLayerPart, ecr:CompleteLayerUpload, ecr:PutImage)";
      case PUSH_AGAIN -> "the registry lost content the manifest needs; run the push again";
      case SOURCE_CORRUPT -> "the source image does not match its own digests; rebuild or export it again";
      case MANIFEST_FORMAT_REFUSED -> "the registry refused the manifest; it may not accept this media type";
      case LOWER_PARALLELISM -> "the registry throttled the push; retry later, or with a lower --parallel";
      case RETRY_LATER -> "the server kept failing; retry later";
      case CHECK_CLOCK_AND_CREDENTIALS -> "the registry token expired and a refresh did not help; check this"
          + " machine's clock and the credentials";
      case TRUST_PRIVATE_CA -> "if the server uses a private CA, pass its certificate with --ca-cert FILE;"
          + " --insecure-registry HOST:PORT turns verification off for that one registry";
      case LONGER_SCAN_TIMEOUT -> "the image is pushed; run again with a longer --scan-timeout to wait for the scan";
      case CHECK_AWS_ACCESS -> "check network access to the ECR API and the AWS credentials (the default chain,"
          + " --profile or --role-arn) and --region";
      case GIVE_CANARY_START -> "give the canary's start with --since";
      case GIVE_CANARY_HASHES -> "deploy a canary first, or give --canary-hash and --stable-hash";
      case CHECK_KUBE_CREDENTIALS -> "check the kubeconfig's user (--kubeconfig, --context) and its token,"
          + " certificate or credential plugin";
      case GRANT_KUBE_PERMISSION -> "the credentials lack a permission; grant the verbs the command needs (see the"
          + " deployer role in the docs)";
      case CHECK_KUBE_CONNECTION -> "check the kubeconfig's server address (--kubeconfig, --context) and the"
          + " network to it";
      case NAME_THE_CONTAINER -> "name the container: --image CONTAINER=IMAGE, or *=IMAGE for all";
      case CHECK_PROMETHEUS -> "check --prometheus (or prometheus.url in the spec), its credentials and the query";
      case SECRET_BY_VARIABLE_NAME -> "give the NAME of an environment variable that holds the secret, never the"
          + " secret itself";
      case CREDENTIALS_NOT_IN_REFERENCE -> "give registry credentials with --username and --password-env (for a"
          + " docker:// source --from-username and --from-password-env), never inside an image reference; a"
          + " cluster pulls with the pod's imagePullSecrets";
    };
  }
}
