package io.rolloutpilot.testkit.prometheus;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes seeded synthetic traffic as OpenMetrics text for {@code promtool tsdb create-blocks-from
 * openmetrics}: per pod group a counter {@code http_requests_total{rollouts_pod_template_hash, code}} and a
 * histogram {@code http_server_request_duration_seconds}, scraped every {@code scrapeSeconds}.
 */
public final class SyntheticTraffic {
  static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

  private final long startSeconds;
  private final long endSeconds;
  private final int scrapeSeconds;
  private final long seed;

  public SyntheticTraffic(long startSeconds, long endSeconds, int scrapeSeconds, long seed) {
    this.startSeconds = startSeconds;
    this.endSeconds = endSeconds;
    this.scrapeSeconds = scrapeSeconds;
    this.seed = seed;
  }

  public void write(Path file, List<TrafficProfile> groups) throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("# TYPE http_requests counter\n");
      for (TrafficProfile group : groups) {
        if (group.requestsPerSecond() > 0) {
          counters(out, group);
        }
      }
      out.write("# TYPE http_server_request_duration_seconds histogram\n");
      for (TrafficProfile group : groups) {
        if (group.requestsPerSecond() > 0) {
          histogram(out, group);
        }
      }
      out.write("# EOF\n");
    }
  }

  private void counters(Writer out, TrafficProfile group) throws IOException {
    Random random = new Random(seed ^ group.podHash().hashCode());
    StringBuilder ok = new StringBuilder();
    StringBuilder failed = new StringBuilder();
    long good = 0;
    long bad = 0;
    for (long t = startSeconds; t <= endSeconds; t += scrapeSeconds) {
      long requests = poisson(random, group.requestsPerSecond() * scrapeSeconds);
      long errors = binomial(random, requests, group.errorRatio());
      good += requests - errors;
      bad += errors;
      ok.append(line("http_requests_total", group, "code=\"200\"", good, t));
      failed.append(line("http_requests_total", group, "code=\"500\"", bad, t));
    }
    out.write(ok.toString());
    out.write(failed.toString());
  }

  private void histogram(Writer out, TrafficProfile group) throws IOException {
    Random random = new Random(seed ^ (31L * group.podHash().hashCode()));
    long[] cumulative = new long[BUCKETS.length + 1];
    double sum = 0;
    long count = 0;
    StringBuilder text = new StringBuilder();
    for (long t = startSeconds; t <= endSeconds; t += scrapeSeconds) {
      long requests = poisson(random, group.requestsPerSecond() * scrapeSeconds);
      for (long r = 0; r < requests; r++) {
        double latency = group.latencyMedian() * Math.exp(group.latencySigma() * random.nextGaussian());
        sum += latency;
        for (int b = 0; b < BUCKETS.length; b++) {
          cumulative[b] += latency <= BUCKETS[b] ? 1 : 0;
        }
      }
      count += requests;
      cumulative[BUCKETS.length] = count;
      String name = "http_server_request_duration_seconds";
      for (int b = 0; b <= BUCKETS.length; b++) {
        String le = b < BUCKETS.length ? String.valueOf(BUCKETS[b]) : "+Inf";
        text.append(line(name + "_bucket", group, "le=\"" + le + "\"", cumulative[b], t));
      }
      text.append(line(name + "_count", group, null, count, t));
      text.append(String.format(Locale.ROOT, "%s_sum{rollouts_pod_template_hash=\"%s\"} %.6f %d%n", name,
          group.podHash(), sum, t));
    }
    out.write(text.toString());
  }

  private static String line(String name, TrafficProfile group, String extra, long value, long t) {
    return name + "{rollouts_pod_template_hash=\"" + group.podHash() + "\"" + (extra == null ? "" : "," + extra)
        + "} " + value + " " + t + "\n";
  }

  /** A Poisson draw: by inversion for small means, a rounded normal approximation (≥ 0) above 50. */
  public static long poisson(Random random, double mean) {
    if (mean > 50) {
      return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
    }
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    long k = 0;
    while (product > limit) {
      product *= random.nextDouble();
      k++;
    }
    return k;
  }

  static long binomial(Random random, long n, double p) {
    if (n * p > 50 && n * (1 - p) > 50) {
      return Math.max(0, Math.min(n, Math.round(n * p + Math.sqrt(n * p * (1 - p)) * random.nextGaussian())));
    }
    long k = 0;
    for (long i = 0; i < n; i++) {
      k += random.nextDouble() < p ? 1 : 0;
    }
    return k;
  }
}
