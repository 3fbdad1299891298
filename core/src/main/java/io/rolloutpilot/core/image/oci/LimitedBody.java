package io.rolloutpilot.core.image.oci;

import java.io.IOException;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read whole into memory, but never more than a bound: a manifest, an error, a token.
 * A server that sends more (a hostile or broken one can send without end) fails the request instead
 * of filling the heap.
 */
public final class LimitedBody implements BodySubscriber<byte[]> {
  /** Registries refuse manifests over 4 MiB; no other answer a push reads whole comes near it. */
  public static final int MAX_BYTES = 4 * 1024 * 1024;

  private final int max;
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
  private Flow.Subscription subscription;

  private LimitedBody(int max) {
    this.max = max;
  }

  /** Bodies of at most {@value #MAX_BYTES} bytes. */
  public static BodyHandler<byte[]> handler() {
    return info -> new LimitedBody(MAX_BYTES);
  }

  @Override
  public void onSubscribe(Flow.Subscription newSubscription) {
    subscription = newSubscription;
    subscription.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    for (ByteBuffer item : items) {
      if (result.isDone()) {
        return;
      }
      if ((long) bytes.size() + item.remaining() > max) {
        subscription.cancel();
        result.completeExceptionally(new IOException("the answer's body is larger than " + max
            + " bytes; no registry answer a push reads is that large"));
        return;
      }
      byte[] chunk = new byte[item.remaining()];
      item.get(chunk);
      bytes.write(chunk, 0, chunk.length);
    }
  }

  @Override
  public void onError(Throwable error) {
    result.completeExceptionally(error);
  }

  @Override
  public void onComplete() {
    result.complete(bytes.toByteArray());
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }
}
