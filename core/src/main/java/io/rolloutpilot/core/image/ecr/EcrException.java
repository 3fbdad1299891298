package io.rolloutpilot.core.image.ecr;

import io.rolloutpilot.core.image.oci.RegistryException;

/** An ECR control-plane call failed: carries the AWS error code (e.g. RepositoryNotFoundException) and a hint. */
public final class EcrException extends RegistryException {
  public EcrException(int status, String awsErrorCode, String message, String hint) {
    super(status, awsErrorCode, message, hint);
  }

  /** From an SDK failure: the AWS error code and message, which carry no credentials. */
  public static EcrException from(String what, software.amazon.awssdk.core.exception.SdkException e, String hint) {
    if (e instanceof software.amazon.awssdk.awscore.exception.AwsServiceException service) {
      String code = service.awsErrorDetails() == null ? "AwsServiceException" : service.awsErrorDetails().errorCode();
      String message = service.awsErrorDetails() == null ? service.getMessage() : service.awsErrorDetails().errorMessage();
      return new EcrException(service.statusCode(), code, what + " failed: " + code + ": " + message, hint);
    }
    return new EcrException(0, e.getClass().getSimpleName(), what + " failed: " + e.getMessage(),
        "check network access to the ECR API and the AWS credentials (default chain, --profile or keys)");
  }
}
