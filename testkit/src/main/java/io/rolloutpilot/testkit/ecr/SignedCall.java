package io.rolloutpilot.testkit.ecr;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One AWS API call as a fake saw it: the operation and who signed it: the access key id from the
 * SigV4 {@code Authorization} header, and whether a session token came along (temporary credentials).
 */
public record SignedCall(String operation, String accessKeyId, boolean sessionToken) {
  private static final Pattern CREDENTIAL = Pattern.compile("Credential=([A-Z0-9]+)/");

  /** From the request's {@code Authorization} and {@code X-Amz-Security-Token} headers (either may be null). */
  public static SignedCall of(String operation, String authorization, String securityToken) {
    Matcher m = CREDENTIAL.matcher(authorization == null ? "" : authorization);
    return new SignedCall(operation, m.find() ? m.group(1) : null, securityToken != null && !securityToken.isEmpty());
  }
}
