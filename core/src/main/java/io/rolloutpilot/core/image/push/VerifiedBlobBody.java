package io.rolloutpilot.core.image.push;

import io.rolloutpilot.core.image.reference.Descriptor;
import io.rolloutpilot.core.image.reference.Digest;
import io.rolloutpilot.core.image.source.BlobReader;
import io.rolloutpilot.core.validation.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The body of one blob upload attempt, hashed while it is sent: the chunk that completes the blob is
 * handed over only when the whole content hashes to the blob's digest. So a corrupt source never
 * completes an upload (the registry, which checks the digest on the final PUT, would refuse it too)
 * and the push fails before any manifest or tag, without a separate hashing pass. Chunks are large
 * (1 MiB) because the HTTP client's cost is per chunk, and a push runs mostly in a cold JVM.
 */
final class VerifiedBlobBody {
  static final int CHUNK = 1 << 20;

  private final String where;
  private final BlobReader reader;
  private final Descriptor blob;
  private final AtomicReference<InvalidInputException> corruption = new AtomicReference<>();

  VerifiedBlobBody(String where, BlobReader reader, Descriptor blob) {
    this.where = where;
    this.reader = reader;
    this.blob = blob;
  }

  /** A fresh body (the transport asks again when it resends after an auth challenge). */
  BodyPublisher publisher() {
    return BodyPublishers.fromPublisher(subscriber -> subscriber.onSubscribe(new Chunks(subscriber)), blob.size());
  }

  /** After a failed attempt: the source's corruption when that is what stopped it. */
  Optional<InvalidInputException> corruption() {
    return Optional.ofNullable(corruption.get());
  }

  private IOException corrupt(String problem) {
    InvalidInputException e = new InvalidInputException("source", where + ": blob " + blob.digest() + " is corrupt: "
        + problem);
    corruption.compareAndSet(null, e);
    return new IOException(e.getMessage());
  }

  /**
   * Emits the blob in chunks as they are requested. Emission is serialised by {@code pending}: a
   * request made while another is emitting (also from inside {@code onNext}) only adds demand.
   */
  private final class Chunks implements Flow.Subscription {
    private final Flow.Subscriber<? super ByteBuffer> subscriber;
    private final AtomicLong demand = new AtomicLong();
    private final AtomicInteger pending = new AtomicInteger();
    private final MessageDigest sha = Digest.newSha256();
    private InputStream in;
    private long sent;
    private boolean checked;
    private volatile boolean done;

    Chunks(Flow.Subscriber<? super ByteBuffer> subscriber) {
      this.subscriber = subscriber;
    }

    @Override
    public void request(long n) {
      if (n <= 0) {
        fail(new IllegalArgumentException("request(" + n + ") violates the reactive streams rules"));
        return;
      }
      demand.getAndAccumulate(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
      if (pending.getAndIncrement() != 0) {
        return;
      }
      do {
        drain();
      } while (pending.decrementAndGet() != 0);
    }

    @Override
    public void cancel() {
      done = true;
      close();
    }

    private void drain() {
      try {
        while (!done && sent < blob.size() && demand.get() > 0) {
          ByteBuffer chunk = next();
          demand.decrementAndGet();
          subscriber.onNext(chunk);
        }
        if (!done && sent == blob.size()) {
          check();
          done = true;
          close();
          subscriber.onComplete();
        }
      } catch (IOException | RuntimeException e) {
        fail(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail(e);
      }
    }

    /** Reads and hashes the next chunk; the last one is checked before it is handed over. */
    private ByteBuffer next() throws IOException, InterruptedException {
      if (in == null) {
        in = reader.open(blob);
      }
      int length = (int) Math.min(CHUNK, blob.size() - sent);
      byte[] bytes = new byte[length];
      int n = in.readNBytes(bytes, 0, length);
      sha.update(bytes, 0, n);
      sent += n;
      if (n < length) {
        throw corrupt("it ends after " + sent + " of " + blob.size() + " bytes");
      }
      if (sent == blob.size()) {
        check();
      }
      return ByteBuffer.wrap(bytes);
    }

    /** Once, when every byte has been hashed (for an empty blob: before completing). */
    private void check() throws IOException {
      if (checked) {
        return;
      }
      checked = true;
      Digest actual = Digest.fromHash(sha.digest());
      if (!actual.equals(blob.digest())) {
        throw corrupt("its content hashes to " + actual);
      }
    }

    private void fail(Throwable error) {
      if (!done) {
        done = true;
        close();
        subscriber.onError(error);
      }
    }

    private void close() {
      try {
        if (in != null) {
          in.close();
        }
      } catch (IOException e) {
        // the upload's outcome is already decided; a failed close changes nothing
      }
    }
  }
}
