package io.rolloutpilot.sandbox.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What Kubernetes' client library does to every event a controller records before it reaches the
 * API, with the defaults Argo's controller runs it with: an event identical to an earlier one
 * updates that event (count + 1) instead of adding one; once 10 different messages for the same
 * reason came within 10 minutes, further ones are folded into a "(combined from similar events)"
 * event; and each object gets 25 events per type, refilled at one every 5 minutes, after which
 * events are dropped. A history built from events must therefore expect gaps, as in a cluster.
 */
final class EventCorrelator {
  static final int BURST = 25;
  static final Duration REFILL_EVERY = Duration.ofMinutes(5);
  static final int AGGREGATE_AFTER = 10;
  static final Duration AGGREGATE_WINDOW = Duration.ofMinutes(10);
  static final String AGGREGATE_PREFIX = "(combined from similar events): ";
  private static final int CACHE_ENTRIES = 4096;
  private static final String SEP = "\u0000";

  /** The object an event is about (its identity as a key), the event type and the reason. */
  record Subject(String object, String type, String reason) {}

  /** The event to write: new when {@code count} is 1, else an update of the event {@code name}. */
  record Outcome(String name, String message, Instant firstTimestamp, int count) {}

  private record Seen(String name, Instant firstTimestamp, int count) {}

  private record Messages(Set<String> distinct, Instant last) {}

  private record Bucket(double tokens, Instant last) {}

  private final int burst;
  private final Duration refillEvery;
  private final Map<String, Messages> aggregates = lru();
  private final Map<String, Seen> seen = lru();
  private final Map<String, Bucket> buckets = lru();

  EventCorrelator() {
    this(BURST, REFILL_EVERY);
  }

  EventCorrelator(int burst, Duration refillEvery) {
    this.burst = burst;
    this.refillEvery = refillEvery;
  }

  private static <V> Map<String, V> lru() {
    return new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > CACHE_ENTRIES;
      }
    };
  }

  /**
   * The event to write for {@code message} at {@code now}, or empty when the object's budget for the
   * type is spent. {@code freshName} names the event if a new one is written.
   */
  synchronized Optional<Outcome> correlate(Subject subject, String message, Instant now, String freshName) {
    String similar = subject.object() + SEP + subject.type() + SEP + subject.reason();
    String key = similar + SEP + message;
    String text = message;
    if (aggregated(similar, message, now)) {
      key = similar;
      text = AGGREGATE_PREFIX + message;
    }
    Seen before = seen.get(key);
    Outcome outcome = before == null ? new Outcome(freshName, text, now, 1)
        : new Outcome(before.name(), text, before.firstTimestamp(), before.count() + 1);
    seen.put(key, new Seen(outcome.name(), outcome.firstTimestamp(), outcome.count()));
    return allowed(subject.object() + SEP + subject.type(), now) ? Optional.of(outcome) : Optional.empty();
  }

  /** True from the 10th distinct message of one reason within the window on. */
  private boolean aggregated(String similar, String message, Instant now) {
    Messages record = aggregates.get(similar);
    if (record == null || Duration.between(record.last(), now).compareTo(AGGREGATE_WINDOW) > 0) {
      record = new Messages(new LinkedHashSet<>(), now);
    }
    Set<String> distinct = new LinkedHashSet<>(record.distinct());
    distinct.add(message);
    boolean aggregate = distinct.size() >= AGGREGATE_AFTER;
    if (aggregate) {
      // keeps the set one short of the threshold, so every further new message is folded too
      distinct.remove(distinct.iterator().next());
    }
    aggregates.put(similar, new Messages(distinct, now));
    return aggregate;
  }

  /** A token bucket per object and type: {@code burst} tokens, one more every {@code refillEvery}. */
  private boolean allowed(String object, Instant now) {
    Bucket bucket = buckets.getOrDefault(object, new Bucket(burst, now));
    double refilled = Duration.between(bucket.last(), now).toNanos() / (double) refillEvery.toNanos();
    double tokens = Math.min(burst, bucket.tokens() + Math.max(0, refilled));
    boolean allowed = tokens >= 1;
    buckets.put(object, new Bucket(allowed ? tokens - 1 : tokens, now));
    return allowed;
  }
}
