package io.rolloutpilot.bench.push;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The launcher's class data sharing archive for {@code push}, dumped in the background after a first
 * run: benchmarks remove it to time a first run, then wait for it before timing the runs users repeat.
 */
final class LauncherArchive {
  private final Path jar;

  LauncherArchive(Path jar) {
    this.jar = jar;
  }

  /** Every command's archive, stamp and leftover, so the next run of each is a first run. */
  void deleteAll() throws IOException {
    try (var archives = Files.newDirectoryStream(jar.getParent(), "*.jsa*")) {
      for (Path archive : archives) {
        Files.delete(archive);
      }
    }
  }

  /** Waits for push's archive; the launcher writes its stamp last, once the archive is in place. */
  void awaitPush() throws InterruptedException {
    Path stamp = jar.resolveSibling(jar.getFileName().toString().replace(".jar", "-push.jsa.stamp"));
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!Files.exists(stamp)) {
      Runs.require(System.nanoTime() < deadline, "the launcher dumped no archive within 60 s: " + stamp);
      Thread.sleep(100);
    }
  }
}
