package io.rolloutpilot.core.image.push;

/** One step of a push, for progress lines. {@code subject} is a digest, tag or repository; never a secret. */
public record PushEvent(Kind kind, String subject, long bytes, String message) {
  public enum Kind {
    SOURCE_READY, BLOB_EXISTS, BLOB_MOUNTED, BLOB_UPLOADED, RETRY, MANIFEST_PUT, TAG_SET, TAG_UNCHANGED,
    REPOSITORY_READY, REPOSITORY_CREATED, TOKEN_REFRESHED, SCAN_WAITING, SCAN_COMPLETE
  }

  public static PushEvent of(Kind kind, String subject, String message) {
    return new PushEvent(kind, subject, 0, message);
  }
}
