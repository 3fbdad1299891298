package io.rolloutpilot.core.image.push;

import java.time.Duration;
import java.util.List;

/**
 * What a push did: the image's digest (equal to the source's) and {@code imageRef} ({@code repo@digest})
 * to deploy by, the tags set, and how many blobs were uploaded, reused (already there or mounted) and
 * how many bytes went over the wire.
 */
public record PushResult(String registry, String repository, String digest, String imageRef, List<String> tags,
    String mediaType, int blobsUploaded, int blobsReused, long bytesUploaded, Duration duration) {
  public PushResult {
    tags = List.copyOf(tags);
  }
}
