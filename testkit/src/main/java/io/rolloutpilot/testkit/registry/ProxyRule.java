package io.rolloutpilot.testkit.registry;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Decides for one request whether the proxy interferes; empty means "not mine, ask the next rule". */
@FunctionalInterface
public interface ProxyRule {
  Optional<ProxyAction> apply(ProxyRequest request);

  /** The first {@code times} blob uploads fail with {@code status} after half their body. */
  static ProxyRule failBlobUploads(int times, int status) {
    AtomicInteger left = new AtomicInteger(times);
    return request -> request.isBlobPut() && left.getAndDecrement() > 0
        ? Optional.of(new ProxyAction.FailMidBody(halfOf(request), status)) : Optional.empty();
  }

  /** The first {@code times} blob uploads lose their connection after half their body. */
  static ProxyRule resetBlobUploads(int times) {
    return failBlobUploads(times, 0);
  }

  /** Every blob upload is read in full and refused with 400 and the registry error {@code code}. */
  static ProxyRule refuseBlobUploads(String code, String message) {
    return request -> request.isBlobPut()
        ? Optional.of(new ProxyAction.FailMidBody(Long.MAX_VALUE, 400, code, message)) : Optional.empty();
  }

  /** Blob uploads are read no faster than {@code bytesPerSecond}. */
  static ProxyRule throttleBlobUploads(long bytesPerSecond) {
    return request -> request.isBlobPut()
        ? Optional.of(new ProxyAction.Forward(java.util.Map.of(), bytesPerSecond)) : Optional.empty();
  }

  /** Blob uploads are read up to {@code afterBytes} (all: {@code Long.MAX_VALUE}) and never answered. */
  static ProxyRule stallBlobUploads(long afterBytes) {
    return request -> request.isBlobPut() ? Optional.of(new ProxyAction.Stall(afterBytes)) : Optional.empty();
  }

  /**
   * Blob downloads get their headers and {@code headBytes} of content, then a byte every
   * {@code interval} (nothing more when zero).
   */
  static ProxyRule trickleBlobDownloads(long headBytes, java.time.Duration interval) {
    return request -> "GET".equals(request.method()) && request.path().contains("/blobs/sha256:")
        ? Optional.of(new ProxyAction.Trickle(headBytes, interval)) : Optional.empty();
  }

  private static long halfOf(ProxyRequest request) {
    String length = request.header("content-length");
    return length == null ? 0 : Long.parseLong(length) / 2;
  }
}
