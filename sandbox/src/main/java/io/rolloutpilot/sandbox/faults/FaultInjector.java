package io.rolloutpilot.sandbox.faults;

import io.fabric8.mockwebserver.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Arms faults on the sandbox API server. Faults are real HTTP behaviour (status codes with Kubernetes
 * Status bodies, dropped TCP connections, closed websockets, watch ERROR events), so the code under test
 * sees exactly what a flaky API server would produce. Requests carrying {@link #BYPASS_HEADER} (the
 * controller simulator's own client) are never faulted and never counted.
 *
 * <p>Method names: {@code GET} (get/list), {@code WATCH} (a GET with watch=true), {@code PUT},
 * {@code PATCH}, {@code POST}, {@code DELETE}, or {@code *}. Path regexes are searched (find) in the
 * request URI including its query string.
 */
public final class FaultInjector {
  /** Header that exempts a request from faults, auth failures in "forbidden" mode, and counting. */
  public static final String BYPASS_HEADER = "X-Rollout-Pilot-Sandbox-Internal";

  /** How a watch is told its resource version is too old. */
  public enum GoneMode {
    /** The watch request itself is answered with HTTP 410 (fabric8 throws from {@code watch()} on a first watch). */
    HTTP_410,
    /** The websocket opens and the first event is {@code ERROR} with a 410 Expired Status (fabric8: {@code WatcherException.isHttpGone()}). */
    ERROR_EVENT
  }

  private final List<FaultRule> rules = new CopyOnWriteArrayList<>();
  private final RequestCounter counter = new RequestCounter();
  private final Set<WebSocket> watches = ConcurrentHashMap.newKeySet();
  private volatile boolean forbidden;

  /** Fails the next {@code times} matching requests with {@code status} and a default Status message. */
  public FaultInjector failNext(int times, String method, String pathRegex, int status) {
    return failNext(times, method, pathRegex, status, StatusBodies.defaultMessage(status));
  }

  public FaultInjector failNext(int times, String method, String pathRegex, int status, String message) {
    Integer retryAfter = status == 429 ? 1 : null;
    rules.add(new FaultRule(FaultRule.Kind.FAIL, times, method, pathRegex, status, message, retryAfter, null));
    return this;
  }

  /** 429 Too Many Requests with a {@code Retry-After} header and {@code details.retryAfterSeconds}. */
  public FaultInjector throttleNext(int times, String method, String pathRegex, Duration retryAfter) {
    int seconds = (int) Math.max(0, retryAfter.toSeconds());
    rules.add(new FaultRule(FaultRule.Kind.FAIL, times, method, pathRegex, 429,
        StatusBodies.defaultMessage(429), seconds, null));
    return this;
  }

  /** Closes the TCP connection of the next matching requests without sending any response. */
  public FaultInjector resetNext(int times, String method, String pathRegex) {
    rules.add(new FaultRule(FaultRule.Kind.RESET, times, method, pathRegex, 0, null, null, null));
    return this;
  }

  /** Answers the next matching watch requests with 410 Gone ("too old resource version"). */
  public FaultInjector expireNextWatches(int times, String pathRegex, GoneMode mode) {
    rules.add(new FaultRule(FaultRule.Kind.GONE, times, "WATCH", pathRegex, 410,
        StatusBodies.defaultMessage(410), null, mode));
    return this;
  }

  /** Closes every open (non-internal) watch websocket now, as a load balancer or apiserver restart would. */
  public int dropWatches() {
    int dropped = 0;
    for (WebSocket socket : watches) {
      watches.remove(socket);
      socket.close(1001, "watch dropped by sandbox fault injector");
      dropped++;
    }
    return dropped;
  }

  /** Open watch websockets of the code under test. */
  public int openWatchCount() {
    return watches.size();
  }

  /** While on, every (non-internal) request gets 403 Forbidden, as with a valid token lacking RBAC. */
  public void setForbidden(boolean on) {
    this.forbidden = on;
  }

  /** Disarms all pending faults (open watches stay open). */
  public void clear() {
    rules.clear();
  }

  /** Faults armed and not yet used up. */
  public int pendingFaults() {
    rules.removeIf(FaultRule::exhausted);
    return rules.size();
  }

  public long requestCount() {
    return counter.total();
  }

  /** Watch requests only (each watch (re)connection counts once). */
  public long watchRequestCount() {
    return counter.matching("WATCH", null);
  }

  public long nonWatchRequestCount() {
    return requestCount() - watchRequestCount();
  }

  /** Requests whose "METHOD path" key matches; method may be WATCH or "*". */
  public long requestCount(String method, String pathRegex) {
    return counter.matching(method, pathRegex);
  }

  /** Counts keyed by "METHOD /path" (query stripped; WATCH for watches), sorted by key. */
  public Map<String, Long> requestCounts() {
    return counter.snapshot();
  }

  public void resetCounts() {
    counter.clear();
  }

  boolean forbidden() {
    return forbidden;
  }

  void record(String method, boolean watch, String uri) {
    counter.record(method, watch, uri);
  }

  /** Finds and consumes the first armed rule of one of the given kinds that matches. */
  Optional<FaultRule> take(String method, boolean watch, String uri, FaultRule.Kind... kinds) {
    for (FaultRule rule : rules) {
      if (List.of(kinds).contains(rule.kind) && rule.matches(method, watch, uri) && rule.consume()) {
        return Optional.of(rule);
      }
    }
    return Optional.empty();
  }

  void watchOpened(WebSocket socket) {
    watches.add(socket);
  }

  void watchClosed(WebSocket socket) {
    watches.remove(socket);
  }
}
