package io.rolloutpilot.core.image.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolloutpilot.core.image.reference.Descriptor;
import io.rolloutpilot.core.image.reference.Digest;
import io.rolloutpilot.core.image.source.StreamChunks;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The body sends the blob's bytes in chunks, and calls a source that runs dry corrupt. */
class BlobBodyTest {
  private final byte[] content = new byte[3 * BlobBody.CHUNK + 17];

  BlobBodyTest() {
    new Random(3).nextBytes(content);
  }

  @Test
  void sendsEveryByteInChunksOfAtMostOneMebibyte() {
    Collected collected = send(content, content.length);
    assertThat(collected.error).isNull();
    assertThat(collected.completed).isTrue();
    assertThat(collected.largestChunk).isEqualTo(BlobBody.CHUNK);
    assertThat(collected.bytes.toByteArray()).isEqualTo(content);
  }

  @Test
  void aSourceShorterThanItsDescriptorIsCorrupt() {
    byte[] cut = Arrays.copyOf(content, BlobBody.CHUNK + 5);
    BlobBody body = body(cut, content.length);
    Collected collected = subscribe(body);
    assertThat(collected.completed).isFalse();
    assertThat(collected.error).hasMessageContaining("ends after " + cut.length + " of " + content.length);
    assertThat(body.corruption()).hasValueSatisfying(e -> assertThat(e.getMessage())
        .contains("layout.tar: blob " + digest() + " is corrupt"));
  }

  @Test
  void aCancelClosesTheSourceWhicheverThreadItComesFrom() throws Exception {
    AtomicInteger opened = new AtomicInteger();
    AtomicInteger closed = new AtomicInteger();
    Descriptor blob = new Descriptor("application/octet-stream", digest(), content.length);
    BlobBody body = new BlobBody("layout.tar", b -> {
      opened.incrementAndGet();
      return new StreamChunks(new ByteArrayInputStream(content) {
        @Override
        public void close() {
          closed.incrementAndGet();
        }
      });
    }, blob);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      for (int i = 0; i < 2_000; i++) {
        Flow.Subscription[] subscription = new Flow.Subscription[1];
        body.publisher().subscribe(new Flow.Subscriber<>() {
          @Override
          public void onSubscribe(Flow.Subscription s) {
            subscription[0] = s;
          }

          @Override
          public void onNext(ByteBuffer item) {}

          @Override
          public void onError(Throwable throwable) {}

          @Override
          public void onComplete() {}
        });
        CountDownLatch start = new CountDownLatch(1);
        Future<?> request = threads.submit(() -> {
          start.await();
          subscription[0].request(2);
          return null;
        });
        Future<?> cancel = threads.submit(() -> {
          start.await();
          subscription[0].cancel();
          return null;
        });
        start.countDown();
        request.get(10, TimeUnit.SECONDS);
        cancel.get(10, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(closed).as("every opened source is closed").hasValue(opened.get());
  }

  @Test
  void aNonPositiveRequestIsAnError() {
    Descriptor blob = new Descriptor("application/octet-stream", digest(), content.length);
    Collected collected = new Collected() {
      @Override
      public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(0);
      }
    };
    new BlobBody("layout.tar", b -> new StreamChunks(new ByteArrayInputStream(content)), blob).publisher()
        .subscribe(collected);
    assertThat(collected.error).isInstanceOf(IllegalArgumentException.class);
    assertThat(collected.bytes.size()).isZero();
  }

  private Collected send(byte[] source, long declared) {
    return subscribe(body(source, declared));
  }

  private BlobBody body(byte[] source, long declared) {
    Descriptor blob = new Descriptor("application/octet-stream", digest(), declared);
    return new BlobBody("layout.tar", b -> new StreamChunks(new ByteArrayInputStream(source)), blob);
  }

  private static Digest digest() {
    return Digest.fromHash(new byte[32]);
  }

  private static Collected subscribe(BlobBody body) {
    Collected collected = new Collected();
    body.publisher().subscribe(collected);
    return collected;
  }

  /** Asks one chunk at a time, as the HTTP client does. */
  private static class Collected implements Flow.Subscriber<ByteBuffer> {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Flow.Subscription subscription;
    int largestChunk;
    boolean completed;
    Throwable error;

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      subscription.request(1);
    }

    @Override
    public void onNext(ByteBuffer item) {
      largestChunk = Math.max(largestChunk, item.remaining());
      byte[] chunk = new byte[item.remaining()];
      item.get(chunk);
      bytes.writeBytes(chunk);
      subscription.request(1);
    }

    @Override
    public void onError(Throwable throwable) {
      error = throwable;
    }

    @Override
    public void onComplete() {
      completed = true;
    }
  }
}
