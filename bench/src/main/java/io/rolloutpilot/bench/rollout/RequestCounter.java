package io.rolloutpilot.bench.rollout;

import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.util.concurrent.atomic.AtomicLong;

/** Counts every HTTP request (watch upgrades included) one client sends: the API load a follower causes. */
final class RequestCounter implements Interceptor {
  private final AtomicLong requests = new AtomicLong();

  @Override
  public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
    requests.incrementAndGet();
  }

  long count() {
    return requests.get();
  }
}
