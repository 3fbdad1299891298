package io.rolloutpilot.testkit.prometheus;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Debian {@code prometheus} on a free loopback port with a temporary data directory that
 * {@code promtool tsdb create-blocks-from openmetrics} filled beforehand. Stopped by PID. When the
 * binaries are missing it fails with the package to install; it never skips silently.
 */
public final class PrometheusRig implements AutoCloseable {
  public static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
  public static final Path PROMTOOL = Path.of("/usr/bin/promtool");
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  private final Path workDir;
  private final int port;
  private Process process;

  private PrometheusRig(Path workDir, int port) {
    this.workDir = workDir;
    this.port = port;
  }

  /** Backfills the OpenMetrics file and starts Prometheus on it. */
  public static PrometheusRig start(Path openMetrics) throws IOException, InterruptedException {
    requireBinaries();
    Path work = Files.createTempDirectory("prometheus-rig");
    Path data = Files.createDirectories(work.resolve("data"));
    run(List.of(PROMTOOL.toString(), "tsdb", "create-blocks-from", "openmetrics", openMetrics.toString(),
        data.toString()), work.resolve("promtool.log"));
    Files.writeString(work.resolve("prometheus.yml"), "global:\n  scrape_interval: 15s\n");
    PrometheusRig rig = new PrometheusRig(work, freePort());
    rig.launch();
    return rig;
  }

  static void requireBinaries() {
    for (Path binary : List.of(PROMETHEUS, PROMTOOL)) {
      if (!Files.isExecutable(binary)) {
        throw new IllegalStateException(binary + " is missing: install the Debian package 'prometheus'"
            + " (apt-get install -y prometheus); the Prometheus tests need the real server");
      }
    }
  }

  private void launch() throws IOException, InterruptedException {
    process = new ProcessBuilder(PROMETHEUS.toString(), "--config.file=" + workDir.resolve("prometheus.yml"),
        "--storage.tsdb.path=" + workDir.resolve("data"), "--storage.tsdb.retention.time=3650d",
        "--web.listen-address=127.0.0.1:" + port, "--query.lookback-delta=5m")
        .redirectErrorStream(true).redirectOutput(workDir.resolve("prometheus.log").toFile()).start();
    awaitReady();
  }

  private void awaitReady() throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("prometheus exited with " + process.exitValue() + ": " + log());
      }
      try {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url() + "/-/ready"))
            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    stop();
    throw new IllegalStateException("prometheus was not ready within " + READY_TIMEOUT + ": " + log());
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  public long pid() {
    return process.pid();
  }

  public boolean running() {
    return process != null && process.isAlive();
  }

  /** Stops the server by its PID and waits for it to exit. */
  public void stop() throws InterruptedException {
    if (process == null) {
      return;
    }
    ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroy);
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
      process.waitFor(5, TimeUnit.SECONDS);
    }
  }

  /** Stops the server and deletes its data directory. */
  @Override
  public void close() {
    try {
      stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (java.util.stream.Stream<Path> files = Files.walk(workDir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a leftover temp directory is harmless
    }
  }

  private String log() throws IOException {
    Path log = workDir.resolve("prometheus.log");
    if (!Files.exists(log)) {
      return "(no log)";
    }
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
  }

  private static void run(List<String> command, Path log) throws IOException, InterruptedException {
    Process tool = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!tool.waitFor(120, TimeUnit.SECONDS) || tool.exitValue() != 0) {
      tool.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " failed: " + Files.readString(log));
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
