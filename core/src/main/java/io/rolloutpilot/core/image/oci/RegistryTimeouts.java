package io.rolloutpilot.core.image.oci;

import io.rolloutpilot.core.error.InvalidInputException;
import java.time.Duration;

/**
 * How long registry traffic may wait, so a registry that stops answering fails the request (which is
 * then retried within the retry policy) instead of holding the push.
 *
 * @param connect to open a connection
 * @param response for the answer once a request is sent, whole (a blob upload's answer once its body
 *     is sent; a download's headers)
 * @param stall for a transfer to move: each chunk of a blob (up to 1 MiB) handed to or read from the
 *     connection. A body that stops flowing, or trickles, fails after this long.
 */
public record RegistryTimeouts(Duration connect, Duration response, Duration stall) {
  public RegistryTimeouts {
    requirePositive("connectTimeout", connect);
    requirePositive("responseTimeout", response);
    requirePositive("stallTimeout", stall);
  }

  /** 10 s to connect, 60 s for an answer, 30 s for a chunk of a blob. */
  public static RegistryTimeouts standard() {
    return stallingAfter(Duration.ofSeconds(30));
  }

  /** The standard connect timeout; an answer may take twice as long as a chunk. */
  public static RegistryTimeouts stallingAfter(Duration stall) {
    requirePositive("stallTimeout", stall);
    return new RegistryTimeouts(Duration.ofSeconds(10), stall.multipliedBy(2), stall);
  }

  private static void requirePositive(String field, Duration value) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new InvalidInputException(field, "must be longer than 0");
    }
  }
}
