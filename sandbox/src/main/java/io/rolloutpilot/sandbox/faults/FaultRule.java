package io.rolloutpilot.sandbox.faults;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/** One armed fault: applies to the next {@code remaining} requests that match method and path. */
final class FaultRule {
  enum Kind { FAIL, RESET, GONE }

  final Kind kind;
  final String method;
  final Pattern path;
  final int status;
  final String message;
  final Integer retryAfterSeconds;
  final FaultInjector.GoneMode goneMode;
  private final AtomicInteger remaining;

  FaultRule(Kind kind, int times, String method, String pathRegex, int status, String message,
      Integer retryAfterSeconds, FaultInjector.GoneMode goneMode) {
    if (times < 1) {
      throw new IllegalArgumentException("times must be >= 1, was " + times);
    }
    this.kind = kind;
    this.method = method == null ? "*" : method.toUpperCase(java.util.Locale.ROOT);
    this.path = Pattern.compile(pathRegex == null ? ".*" : pathRegex);
    this.status = status;
    this.message = message;
    this.retryAfterSeconds = retryAfterSeconds;
    this.goneMode = goneMode;
    this.remaining = new AtomicInteger(times);
  }

  /**
   * "GET" means a plain GET (get or list) and "WATCH" a GET with watch=true, so a rule aimed at
   * lists never swallows the informer's watch and vice versa; "*" matches everything.
   */
  boolean matches(String requestMethod, boolean watch, String uri) {
    String effective = watch ? "WATCH" : requestMethod;
    return (method.equals("*") || method.equals(effective)) && path.matcher(uri).find();
  }

  /** Consumes one use; false when another thread used the last one first. */
  boolean consume() {
    return remaining.getAndUpdate(n -> n > 0 ? n - 1 : n) > 0;
  }

  boolean exhausted() {
    return remaining.get() <= 0;
  }
}
