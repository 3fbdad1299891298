package io.rolloutpilot.core.image.ecr;

import io.rolloutpilot.core.error.Hint;
import io.rolloutpilot.core.error.InvalidInputException;
import io.rolloutpilot.core.error.NotFoundException;
import io.rolloutpilot.core.error.RolloutPilotException;
import io.rolloutpilot.core.error.RolloutPilotException.Details;
import io.rolloutpilot.core.error.ServerReply;
import io.rolloutpilot.core.error.UnauthorizedException;
import io.rolloutpilot.core.error.UnreachableException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns an AWS SDK failure of an ECR call into an engine error; AWS error codes and messages carry no credentials. */
final class EcrErrors {
  static final String SERVER = "ECR";
  private static final Set<String> ACCESS_CODES = Set.of("AccessDeniedException", "AccessDenied",
      "UnrecognizedClientException", "InvalidSignatureException", "ExpiredTokenException", "InvalidClientTokenId",
      "SignatureDoesNotMatch", "MissingAuthenticationToken");

  private EcrErrors() {}

  /**
   * @param what the call, e.g. "DescribeRepositories team/app"
   * @param permission the IAM action the call needs, named when access was denied
   */
  static RolloutPilotException from(String what, SdkException e, String permission) {
    if (e instanceof AwsServiceException service) {
      String code = service.awsErrorDetails() == null ? "AwsServiceException" : service.awsErrorDetails().errorCode();
      String message = service.awsErrorDetails() == null ? service.getMessage()
          : service.awsErrorDetails().errorMessage();
      ServerReply reply = new ServerReply(SERVER, service.statusCode(), code);
      String text = what + " failed: " + code + ": " + message;
      if (ACCESS_CODES.contains(code) || service.statusCode() == 403 || service.statusCode() == 401) {
        return new UnauthorizedException(new Details(null, text + "; the credentials need " + permission,
            Hint.CHECK_AWS_ACCESS, reply), e);
      }
      if (service.isThrottlingException() || service.statusCode() >= 500) {
        return new UnreachableException(new Details(null, text, Hint.RETRY_LATER, reply), e);
      }
      if (code.endsWith("NotFoundException")) {
        return new NotFoundException(new Details(null, text, null, reply), e);
      }
      return new InvalidInputException(new Details(null, text, null, reply), e);
    }
    return new UnreachableException(new Details(null, what + " failed: " + e.getMessage(), Hint.CHECK_AWS_ACCESS,
        new ServerReply(SERVER, 0, e.getClass().getSimpleName())), e);
  }

  /** An answer that is well-formed for AWS but unusable for us, or a state that never resolved. */
  static RolloutPilotException failed(String code, String message, Hint hint) {
    return new UnreachableException(new Details(null, message, hint, new ServerReply(SERVER, 0, code)));
  }
}
