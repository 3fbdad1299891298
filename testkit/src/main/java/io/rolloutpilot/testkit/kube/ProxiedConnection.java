package io.rolloutpilot.testkit.kube;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/**
 * One client connection through {@link KubeApiProxy}: pumps bytes to the server and back, shaping the
 * server's bytes by the proxy's mode, or (for {@code Silent} and {@code Answer}) handles the client alone.
 */
final class ProxiedConnection implements AutoCloseable {
  private static final int MAX_HEAD = 64 * 1024;

  private final KubeApiProxy proxy;
  private final Socket client;
  private final CountDownLatch closed = new CountDownLatch(1);
  private volatile Socket server;
  private volatile boolean watch;

  ProxiedConnection(KubeApiProxy proxy, Socket client) {
    this.proxy = proxy;
    this.client = client;
  }

  void start(ProxyMode mode, int serverPort) throws IOException {
    if (mode instanceof ProxyMode.Silent) {
      thread(() -> discard(client.getInputStream()));
    } else if (mode instanceof ProxyMode.Answer answer) {
      thread(() -> answer(answer));
    } else {
      server = new Socket(InetAddress.getLoopbackAddress(), serverPort);
      thread(() -> pumpUp(client.getInputStream(), server.getOutputStream()));
      thread(() -> pumpDown(server.getInputStream(), client.getOutputStream()));
    }
  }

  /** True when the connection carries a watch (a request on it asked for {@code watch=true}). */
  boolean watch() {
    return watch;
  }

  private void pumpUp(InputStream in, OutputStream out) throws IOException, InterruptedException {
    byte[] buffer = new byte[8192];
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      noteWatch(buffer, n);
      proxy.awaitFlowing();
      out.write(buffer, 0, n);
      out.flush();
    }
  }

  /** A pooled connection may carry a watch after other requests, so every request line is looked at. */
  private void noteWatch(byte[] buffer, int length) {
    if (!watch && new String(buffer, 0, length, StandardCharsets.ISO_8859_1).lines().findFirst()
        .filter(line -> line.startsWith("GET ") && line.contains("watch=true")).isPresent()) {
      watch = true;
      proxy.watchOpened();
    }
  }

  private void pumpDown(InputStream in, OutputStream out) throws IOException, InterruptedException {
    ResponseShaper shaper = new ResponseShaper();
    byte[] buffer = new byte[8192];
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      proxy.awaitFlowing();
      if (!shaper.write(proxy.mode(), buffer, n, out)) {
        closed.await(); // stalled: hold the connection open, send nothing more
        return;
      }
    }
  }

  private static void discard(InputStream in) throws IOException {
    in.transferTo(OutputStream.nullOutputStream());
  }

  private void answer(ProxyMode.Answer answer) throws IOException {
    String head = readHead(client.getInputStream());
    String authorization = head.lines().filter(l -> l.regionMatches(true, 0, "Authorization:", 0, 14))
        .map(l -> l.substring(14).trim()).findFirst().orElse("");
    String token = authorization.startsWith("Bearer ") ? authorization.substring(7) : authorization;
    byte[] body = answer.body().replace(KubeApiProxy.AUTHORIZATION_PLACEHOLDER, authorization)
        .replace(KubeApiProxy.TOKEN_PLACEHOLDER, token).getBytes(StandardCharsets.UTF_8);
    String response = "HTTP/1.1 " + answer.status() + " Refused\r\nContent-Type: application/json\r\n"
        + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
    OutputStream out = client.getOutputStream();
    out.write(response.getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int c;
    while (head.size() < MAX_HEAD && (c = in.read()) >= 0) {
      head.write(c);
      if (head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
        break;
      }
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  private interface Pump {
    void run() throws IOException, InterruptedException;
  }

  /** Runs one direction; when either side ends or fails, the whole connection closes, as a real one would. */
  private void thread(Pump pump) {
    Thread thread = new Thread(() -> {
      try {
        pump.run();
      } catch (IOException | InterruptedException e) {
        // the connection is over
      } finally {
        close();
      }
    }, "kube-api-proxy");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void close() {
    closed.countDown();
    closeQuietly(client);
    closeQuietly(server);
    proxy.forget(this);
  }

  /** Ends the connection as a dying server does: with a reset, not an orderly goodbye. */
  void reset() {
    try {
      client.setSoLinger(true, 0);
    } catch (IOException e) {
      // closed already
    }
    close();
  }

  private static void closeQuietly(Socket socket) {
    try {
      if (socket != null) {
        socket.close();
      }
    } catch (IOException e) {
      // already closed
    }
  }
}
