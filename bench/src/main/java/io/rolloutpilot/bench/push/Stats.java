package io.rolloutpilot.bench.push;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Collected timings in milliseconds and their median. */
final class Stats {
  private final List<Double> millis = new ArrayList<>();

  void add(double ms) {
    millis.add(ms);
  }

  double median() {
    List<Double> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  String describe() {
    List<String> each = millis.stream().map(m -> String.format(Locale.ROOT, "%.0f", m)).toList();
    return String.format(Locale.ROOT, "median %8.1f ms  (runs: %s)", median(), String.join(" ", each));
  }
}
