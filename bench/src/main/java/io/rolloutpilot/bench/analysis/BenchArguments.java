package io.rolloutpilot.bench.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code [A/A runs] [A/B runs] [seeds]}: runs per scenario, spread evenly over the seeds (rounded up to a
 * multiple of their number). Seeds are a comma-separated list, or one seed from which
 * {@value #DEFAULT_SEED_COUNT} consecutive seeds are taken.
 */
record BenchArguments(int aaRuns, int abRuns, List<Long> seeds) {
  static final int DEFAULT_SEED_COUNT = 5;
  static final int DEFAULT_AA_RUNS = 25_000;
  static final int DEFAULT_AB_RUNS = 5_000;
  static final long DEFAULT_FIRST_SEED = 20260101L;

  BenchArguments {
    seeds = List.copyOf(seeds);
    if (aaRuns <= 0 || abRuns <= 0 || seeds.isEmpty()) {
      throw new IllegalArgumentException("runs must be positive and at least one seed is needed");
    }
  }

  static BenchArguments parse(String[] args) {
    int aa = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_AA_RUNS;
    int ab = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_AB_RUNS;
    return new BenchArguments(aa, ab, seeds(args.length > 2 ? args[2] : String.valueOf(DEFAULT_FIRST_SEED)));
  }

  private static List<Long> seeds(String text) {
    List<Long> seeds = new ArrayList<>();
    if (text.contains(",")) {
      for (String part : text.split(",")) {
        seeds.add(Long.parseLong(part.trim()));
      }
      return seeds;
    }
    long first = Long.parseLong(text.trim());
    for (int i = 0; i < DEFAULT_SEED_COUNT; i++) {
      seeds.add(first + i);
    }
    return seeds;
  }

  /** Runs per seed so that every seed runs the same number and the total is at least {@code runs}. */
  int perSeed(int runs) {
    return (runs + seeds.size() - 1) / seeds.size();
  }

  String describeSeeds() {
    return seeds.stream().map(String::valueOf).collect(Collectors.joining(", "));
  }
}
