package io.rolloutpilot.testkit.prometheus;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Prometheus that accepts connections and then stalls, on a loopback port: it reads each request and
 * answers with nothing, with headers and then nothing, or one byte at a time, to prove that a client bounds
 * every request as a whole. Plain sockets, so the stall is exactly what is on the wire.
 */
public final class StallingPrometheus implements AutoCloseable {
  /** How the server stalls after reading a request. */
  public enum Stall {
    /** Sends nothing at all. */
    SILENT,
    /** Sends the status line and headers of a 200 with a body, then nothing. */
    HEADERS_THEN_NOTHING,
    /** Sends the status line one byte at a time. */
    DRIP_HEADERS,
    /** Sends the headers, then the body one byte at a time. */
    DRIP_BODY
  }

  private static final String HEADERS = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
      + "Content-Length: 100000\r\n\r\n";

  private final ServerSocket server;
  private final Stall stall;
  private final Duration drip;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final AtomicInteger requests = new AtomicInteger();

  private StallingPrometheus(ServerSocket server, Stall stall, Duration drip) {
    this.server = server;
    this.stall = stall;
    this.drip = drip;
  }

  /** @param drip the pause between two bytes of a dripping answer */
  public static StallingPrometheus start(Stall stall, Duration drip) throws IOException {
    StallingPrometheus prometheus = new StallingPrometheus(
        new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), stall, drip);
    daemon("stalling-prometheus-accept", prometheus::accept).start();
    return prometheus;
  }

  public String url() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  /** How many requests the server has read so far. */
  public int requests() {
    return requests.get();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        sockets.add(socket);
        daemon("stalling-prometheus-connection", () -> serve(socket)).start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
      readHeaders(in);
      requests.incrementAndGet();
      switch (stall) {
        case SILENT -> idle();
        case HEADERS_THEN_NOTHING -> {
          out.write(HEADERS.getBytes(StandardCharsets.US_ASCII));
          out.flush();
          idle();
        }
        case DRIP_HEADERS -> drip(out, HEADERS.getBytes(StandardCharsets.US_ASCII));
        case DRIP_BODY -> {
          out.write(HEADERS.getBytes(StandardCharsets.US_ASCII));
          drip(out, new byte[100_000]);
        }
      }
    } catch (IOException | InterruptedException gone) {
      // the client gave up or the server was closed: that is the point
    }
  }

  private static void readHeaders(InputStream in) throws IOException {
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    for (int b = in.read(); b >= 0; b = in.read()) {
      matched = b == end[matched] ? matched + 1 : b == '\r' ? 1 : 0;
      if (matched == end.length) {
        return;
      }
    }
  }

  private void drip(OutputStream out, byte[] bytes) throws IOException, InterruptedException {
    for (byte b : bytes) {
      out.write(b == 0 ? ' ' : b);
      out.flush();
      Thread.sleep(drip.toMillis());
    }
  }

  private void idle() throws InterruptedException {
    while (!server.isClosed()) {
      Thread.sleep(50);
    }
  }

  private static Thread daemon(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    return thread;
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : sockets) {
      socket.close();
    }
  }
}
