package io.rolloutpilot.core.image.push;

import io.rolloutpilot.core.image.oci.TransferProgress;
import io.rolloutpilot.core.image.reference.Descriptor;
import io.rolloutpilot.core.image.source.BlobChunks;
import io.rolloutpilot.core.image.source.BlobReader;
import io.rolloutpilot.core.error.InvalidInputException;
import java.io.IOException;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The body of one blob upload attempt, sent in chunks straight from the source ({@link BlobChunks}).
 * It is not hashed here: the registry hashes every upload and refuses the final PUT with
 * an error when the content does not match the digest (distribution and ECR both do), which
 * {@link BlobStage} reports as a corrupt source. Hashing a second time on the client cost
 * more CPU than the rest of a push: a push runs in a cold JVM, where SHA-256 is interpreted until
 * the optimising compiler arrives. A source that ends early is caught here, by counting.
 * Chunks are large (1 MiB) because the HTTP client's cost is per chunk.
 */
final class BlobBody {
  static final int CHUNK = 1 << 20;

  private final String where;
  private final BlobReader reader;
  private final Descriptor blob;
  private final AtomicReference<InvalidInputException> corruption = new AtomicReference<>();
  private final AtomicReference<IOException> sourceFailure = new AtomicReference<>();

  BlobBody(String where, BlobReader reader, Descriptor blob) {
    this.where = where;
    this.reader = reader;
    this.blob = blob;
  }

  /** A fresh body (the transport asks again when it resends after an auth challenge). */
  BodyPublisher publisher() {
    return publisher(new TransferProgress());
  }

  /** A fresh body that reports to {@code progress} how it moves. */
  BodyPublisher publisher(TransferProgress progress) {
    return BodyPublishers.fromPublisher(subscriber -> subscriber.onSubscribe(new Chunks(subscriber, progress)),
        blob.size());
  }

  /** After a failed attempt: the source's corruption or read failure when that is what stopped it. */
  Optional<InvalidInputException> corruption() {
    return Optional.ofNullable(corruption.get());
  }

  /**
   * After a failed attempt: the I/O failure of a registry source (it stalled, or its connection broke)
   * when that is what stopped it, so the error names the source rather than the destination.
   */
  Optional<IOException> sourceFailure() {
    return Optional.ofNullable(sourceFailure.get());
  }

  /** Bad input: the source's blob does not hold what its descriptor says. */
  static InvalidInputException corruptSource(String where, Descriptor blob, String problem) {
    return new InvalidInputException("from", where + ": blob " + blob.digest() + " is corrupt: " + problem);
  }

  private IOException corrupt(String problem) {
    InvalidInputException e = corruptSource(where, blob, problem);
    corruption.compareAndSet(null, e);
    return new IOException(e.getMessage());
  }

  /**
   * Emits the blob in chunks as they are requested. All work on the source happens in
   * {@link #drain()}, serialised by {@code pending}: a request or cancel made while another thread
   * (or {@code onNext} itself) is draining only leaves a note the running drain picks up, so the
   * source is opened and closed by one thread at a time and a cancel never leaves it open.
   */
  private final class Chunks implements Flow.Subscription {
    private final Flow.Subscriber<? super ByteBuffer> subscriber;
    private final TransferProgress progress;
    private final AtomicLong demand = new AtomicLong();
    private final AtomicInteger pending = new AtomicInteger();
    private volatile IllegalArgumentException badRequest;
    private volatile boolean done;
    private BlobChunks in;
    private long sent;

    Chunks(Flow.Subscriber<? super ByteBuffer> subscriber, TransferProgress progress) {
      this.subscriber = subscriber;
      this.progress = progress;
    }

    @Override
    public void request(long n) {
      if (n <= 0) {
        badRequest = new IllegalArgumentException("request(" + n + ") violates the reactive streams rules");
      } else {
        demand.getAndAccumulate(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
        progress.moved();
      }
      drainSerialised();
    }

    @Override
    public void cancel() {
      done = true;
      drainSerialised();
    }

    private void drainSerialised() {
      if (pending.getAndIncrement() != 0) {
        return;
      }
      do {
        drain();
      } while (pending.decrementAndGet() != 0);
    }

    private void drain() {
      try {
        if (badRequest != null) {
          fail(badRequest);
        }
        while (!done && sent < blob.size() && demand.get() > 0) {
          ByteBuffer chunk = next();
          demand.decrementAndGet();
          subscriber.onNext(chunk);
        }
        if (!done && sent == blob.size()) {
          done = true;
          close();
          progress.sent();
          subscriber.onComplete();
        }
      } catch (InvalidInputException e) {
        corruption.compareAndSet(null, e); // the local source failed: bad input, not worth a retry
        fail(new IOException(e.getMessage()));
      } catch (IOException e) {
        sourceFailure.compareAndSet(null, e);
        fail(e);
      } catch (RuntimeException e) {
        fail(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail(e);
      }
      if (done) {
        close(); // after a cancel, whichever thread it came from
      }
    }

    /** The next chunk; a source that runs dry before the declared size is corrupt. */
    private ByteBuffer next() throws IOException, InterruptedException {
      ByteBuffer chunk;
      progress.readingSource(true); // a registry source guards its own reads against stalls
      try {
        if (in == null) {
          in = reader.open(blob);
        }
        chunk = in.next((int) Math.min(CHUNK, blob.size() - sent));
      } finally {
        progress.readingSource(false);
      }
      if (!chunk.hasRemaining()) {
        throw corrupt("it ends after " + sent + " of " + blob.size() + " bytes");
      }
      sent += chunk.remaining();
      return chunk;
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
      } finally {
        in = null;
      }
    }
  }
}
