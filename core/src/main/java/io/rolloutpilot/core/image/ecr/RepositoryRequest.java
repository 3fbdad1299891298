package io.rolloutpilot.core.image.ecr;

import io.rolloutpilot.core.error.InvalidInputException;

/**
 * The repository pre-flight: whether to create it when missing, and with which settings (tag
 * immutability, scan on push, encryption {@code AES256} or {@code KMS} with an optional key).
 */
public record RepositoryRequest(boolean create, boolean immutableTags, boolean scanOnPush, String encryption,
    String kmsKey) {
  public RepositoryRequest {
    if (encryption == null) {
      encryption = "AES256";
    }
    if (!encryption.equals("AES256") && !encryption.equals("KMS")) {
      throw new InvalidInputException("encryption", "'" + encryption + "' is not AES256 or KMS");
    }
    if (kmsKey != null && !encryption.equals("KMS")) {
      throw new InvalidInputException("kmsKey", "needs encryption KMS");
    }
  }

  public static RepositoryRequest existingOnly() {
    return new RepositoryRequest(false, false, false, "AES256", null);
  }
}
