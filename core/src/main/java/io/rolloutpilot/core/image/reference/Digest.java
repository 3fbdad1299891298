package io.rolloutpilot.core.image.reference;

import io.rolloutpilot.core.error.InvalidInputException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** A content digest {@code sha256:<64 lowercase hex>}, the identity of every blob and manifest. */
public record Digest(String value) {
  private static final Pattern SHA256 = Pattern.compile("sha256:[a-f0-9]{64}");

  public Digest {
    if (value == null || !SHA256.matcher(value).matches()) {
      throw new InvalidInputException("digest", "'" + value + "' is not a digest; expected sha256:<64 lowercase hex>");
    }
  }

  /** Parses a digest read from user input or a manifest, naming {@code field} when it is malformed. */
  public static Digest parse(String field, String text) {
    if (text == null || !SHA256.matcher(text).matches()) {
      throw new InvalidInputException(field, "'" + text + "' is not a digest; expected sha256:<64 lowercase hex>");
    }
    return new Digest(text);
  }

  public static Digest of(byte[] bytes) {
    return fromHash(newSha256().digest(bytes));
  }

  public static Digest fromHash(byte[] sha256) {
    return new Digest("sha256:" + HexFormat.of().formatHex(sha256));
  }

  public static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  public String hex() {
    return value.substring("sha256:".length());
  }

  /** The first 12 hex digits, for progress lines. */
  public String shortHex() {
    return hex().substring(0, 12);
  }

  @Override
  public String toString() {
    return value;
  }
}
