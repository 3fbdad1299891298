package io.rolloutpilot.sandbox.faults;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/** Counts requests by "METHOD path" (WATCH for watch GETs) for request-rate benchmarks. */
final class RequestCounter {
  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

  void record(String method, boolean watch, String uri) {
    counts.computeIfAbsent(key(method, watch, uri), k -> new LongAdder()).increment();
  }

  static String key(String method, boolean watch, String uri) {
    int query = uri.indexOf('?');
    return (watch ? "WATCH" : method) + " " + (query < 0 ? uri : uri.substring(0, query));
  }

  long total() {
    return counts.values().stream().mapToLong(LongAdder::sum).sum();
  }

  long matching(String method, String pathRegex) {
    Pattern pattern = Pattern.compile(pathRegex == null ? ".*" : pathRegex);
    String wanted = method == null ? "*" : method.toUpperCase(java.util.Locale.ROOT);
    return counts.entrySet().stream().filter(e -> {
      String[] parts = e.getKey().split(" ", 2);
      return (wanted.equals("*") || wanted.equals(parts[0])) && pattern.matcher(parts[1]).find();
    }).mapToLong(e -> e.getValue().sum()).sum();
  }

  Map<String, Long> snapshot() {
    Map<String, Long> copy = new TreeMap<>();
    counts.forEach((k, v) -> copy.put(k, v.sum()));
    return copy;
  }

  void clear() {
    counts.clear();
  }
}
