package io.rolloutpilot.core.image.oci;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.function.DoubleSupplier;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import io.rolloutpilot.core.error.RolloutPilotException;

/**
 * Runs one idempotent registry operation under a {@link RetryPolicy}: retries 429, 5xx and broken
 * connections; gives up at once on answers that will not change (4xx) and on connection set-up
 * failures (refused, unknown host, TLS handshake), which are configuration problems.
 */
public final class Retrier {
  /** An operation that may fail with I/O. */
  @FunctionalInterface
  public interface Attempt<T> {
    T run() throws IOException, InterruptedException;
  }

  /** Told before each pause; {@code reason} holds no secrets. */
  @FunctionalInterface
  public interface Observer {
    void retrying(String what, int failedAttempt, String reason, Duration delay);
  }

  private final RetryPolicy policy;
  private final Observer observer;
  private final DoubleSupplier random;

  public Retrier(RetryPolicy policy, Observer observer, DoubleSupplier random) {
    this.policy = policy;
    this.observer = observer;
    this.random = random;
  }

  public <T> T run(String what, Attempt<T> attempt) throws IOException, InterruptedException {
    for (int n = 1; ; n++) {
      try {
        return attempt.run();
      } catch (RolloutPilotException e) {
        if (!RegistryErrors.retryable(e) || n >= policy.maxAttempts()) {
          throw e;
        }
        pause(what, n, RegistryErrors.status(e) + " " + RegistryErrors.code(e));
      } catch (IOException e) {
        if (!retryable(e) || n >= policy.maxAttempts()) {
          throw e;
        }
        pause(what, n, e instanceof RegistryStalledException ? e.getMessage()
            : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
      }
    }
  }

  private void pause(String what, int failed, String reason) throws InterruptedException {
    Duration delay = policy.delayAfter(failed, random.getAsDouble());
    observer.retrying(what, failed, reason, delay);
    Thread.sleep(delay.toMillis());
  }

  static boolean retryable(IOException e) {
    if (e instanceof SSLException ssl && !(e instanceof SSLHandshakeException)) {
      // a plain-HTTP server answering TLS will not change its mind; a reset inside TLS is worth a retry
      return ssl.getMessage() == null || !ssl.getMessage().contains("Unsupported or unrecognized SSL message");
    }
    return !(e instanceof ConnectException || e instanceof UnknownHostException || e instanceof SSLHandshakeException);
  }
}
