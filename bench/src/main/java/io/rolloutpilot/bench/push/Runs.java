package io.rolloutpilot.bench.push;

import io.rolloutpilot.testkit.registry.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/** Timing a whole process, and the small checks and clean-ups the push benchmarks share. */
final class Runs {
  private Runs() {}

  /** Wall time of one run to completion, in milliseconds; a failed run stops the benchmark. */
  static double time(List<String> command) throws IOException, InterruptedException {
    long start = System.nanoTime();
    Tools.run(command, null, 600).requireSuccess(command.get(0).endsWith("skopeo") ? "skopeo" : "rollout-pilot push");
    return (System.nanoTime() - start) / 1e6;
  }

  static void require(boolean condition, String what) {
    if (!condition) {
      throw new IllegalStateException(what);
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (var files = Files.walk(root)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
