package io.rolloutpilot.cli.demo;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;

/** The demo's narration on stdout: every line stamped with the seconds since the demo started. */
final class DemoLog {
  private final PrintWriter out;
  private final Instant started = Instant.now();

  DemoLog(PrintWriter out) {
    this.out = out;
  }

  /** A headline, set apart by a blank line. */
  synchronized void section(String title) {
    out.println();
    out.println("== " + title);
    out.flush();
  }

  synchronized void line(String text) {
    out.printf("[%5.1fs] %s%n", elapsed().toMillis() / 1000.0, text);
    out.flush();
  }

  /** An unstamped line, for the status block and the summary table. */
  synchronized void plain(String text) {
    out.println(text);
    out.flush();
  }

  Duration elapsed() {
    return Duration.between(started, Instant.now());
  }

  static String seconds(Duration duration) {
    return String.format("%.1fs", duration.toMillis() / 1000.0);
  }
}
