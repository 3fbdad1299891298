package io.rolloutpilot.testkit.registry;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Debian {@code docker-registry} (distribution 2.8) on a free loopback port with its own config and
 * filesystem storage in a scratch directory; plain HTTP, or TLS with a self-signed certificate and an
 * htpasswd (bcrypt) user or Bearer tokens from a {@link TokenServer}. Stopped by its process handle.
 */
public final class LocalRegistry implements AutoCloseable {
  private final Path dir;
  private final int port;
  private final TestCertificate certificate;
  private final Process process;

  private LocalRegistry(Path dir, int port, TestCertificate certificate, Process process) {
    this.dir = dir;
    this.port = port;
    this.certificate = certificate;
    this.process = process;
  }

  /** Plain HTTP, anonymous. */
  public static LocalRegistry startPlain(Path dir) throws IOException, InterruptedException {
    return start(dir, null, "");
  }

  /** TLS with {@code certificate} and Basic auth for one bcrypt htpasswd user. */
  public static LocalRegistry startTls(Path dir, TestCertificate certificate, String user, String password)
      throws IOException, InterruptedException {
    Files.createDirectories(dir);
    Path htpasswd = Tools.require("htpasswd", "apache2-utils");
    String line = Tools.run(List.of(htpasswd.toString(), "-nbB", user, password), dir, 60)
        .requireSuccess("htpasswd").stdout().strip();
    Files.writeString(dir.resolve("htpasswd"), line + "\n", StandardCharsets.UTF_8);
    return start(dir, certificate, "auth:\n  htpasswd: {realm: rig, path: \"" + dir.resolve("htpasswd") + "\"}\n");
  }

  /**
   * TLS with {@code certificate} and Bearer tokens from {@code tokens}: the registry sends clients
   * to its realm and accepts the JWTs it signs with the certificate in {@code signer} (the root bundle).
   */
  public static LocalRegistry startTokenAuth(Path dir, TestCertificate certificate, TokenServer tokens,
      TestCertificate signer) throws IOException, InterruptedException {
    return start(dir, certificate, "auth:\n  token:\n    realm: \"" + tokens.realm() + "\"\n    service: "
        + TokenServer.SERVICE + "\n    issuer: " + TokenServer.ISSUER + "\n    rootcertbundle: \""
        + signer.certificate() + "\"\n");
  }

  private static LocalRegistry start(Path dir, TestCertificate certificate, String authConfig)
      throws IOException, InterruptedException {
    Path binary = Tools.require("docker-registry", "docker-registry");
    Files.createDirectories(dir.resolve("data"));
    StringBuilder config = new StringBuilder("version: 0.1\nlog: {level: warn}\nstorage:\n")
        .append("  filesystem: {rootdirectory: \"").append(dir.resolve("data")).append("\"}\n")
        .append("  delete: {enabled: true}\n  cache: {blobdescriptor: inmemory}\n").append(authConfig);
    int port = freePort();
    config.append("http:\n  addr: 127.0.0.1:").append(port).append('\n')
        .append("  secret: rig-").append(port).append('\n');
    if (certificate != null) {
      config.append("  tls: {certificate: \"").append(certificate.certificate()).append("\", key: \"")
          .append(certificate.key()).append("\"}\n");
    }
    Path configFile = dir.resolve("config.yml");
    Files.writeString(configFile, config, StandardCharsets.UTF_8);
    Process process = new ProcessBuilder(binary.toString(), "serve", configFile.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("registry.log").toFile()).start();
    LocalRegistry registry = new LocalRegistry(dir, port, certificate, process);
    registry.awaitListening();
    return registry;
  }

  public String authority() {
    return "127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  public boolean tls() {
    return certificate != null;
  }

  public TestCertificate certificate() {
    return certificate;
  }

  public Path dataDirectory() {
    return dir.resolve("data");
  }

  public long pid() {
    return process.pid();
  }

  private void awaitListening() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("docker-registry exited at start (exit " + process.exitValue() + "): "
            + log());
      }
      try {
        new Socket("127.0.0.1", port).close();
        return;
      } catch (IOException e) {
        Thread.sleep(25);
      }
    }
    close();
    throw new IllegalStateException("docker-registry did not listen on " + authority() + " within 20 s: " + log());
  }

  public String log() throws IOException {
    Path log = dir.resolve("registry.log");
    return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no log)";
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
