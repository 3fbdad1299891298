package io.rolloutpilot.testkit.kube;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP proxy in front of a Kubernetes API server (the sandbox) that can misbehave the way a
 * real one, or the network to it, does: hang without answering, stall after the headers, drip bytes,
 * freeze open connections, answer for the server, or die ({@link #kill}) and come back ({@link #revive})
 * on the same port. Watches are websockets over the same connections, so they are affected too.
 */
public final class KubeApiProxy implements AutoCloseable {
  /** In an {@link ProxyMode.Answer} body: replaced by the request's {@code Authorization} header. */
  public static final String AUTHORIZATION_PLACEHOLDER = "{authorization}";
  /** In an {@link ProxyMode.Answer} body: replaced by the bearer token alone, without its scheme. */
  public static final String TOKEN_PLACEHOLDER = "{token}";

  private final int serverPort;
  private final int port;
  private final Set<ProxiedConnection> connections = ConcurrentHashMap.newKeySet();
  private final AtomicInteger accepted = new AtomicInteger();
  private final AtomicInteger watchesOpened = new AtomicInteger();
  private volatile ProxyMode mode = ProxyMode.forward();
  private volatile ServerSocket listener;

  private KubeApiProxy(int serverPort, ServerSocket listener) {
    this.serverPort = serverPort;
    this.listener = listener;
    this.port = listener.getLocalPort();
  }

  /** Listens on a free loopback port and passes everything to {@code serverPort} until told otherwise. */
  public static KubeApiProxy start(int serverPort) {
    KubeApiProxy proxy = new KubeApiProxy(serverPort, listen(0));
    proxy.acceptLoop(proxy.listener);
    return proxy;
  }

  /** {@code http://127.0.0.1:PORT}, the address to put in a kubeconfig instead of the server's. */
  public String url() {
    return "http://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  public ProxyMode mode() {
    return mode;
  }

  /** Changes the behaviour from the next byte on; connections already stalled stay stalled. */
  public synchronized void mode(ProxyMode newMode) {
    mode = newMode;
    notifyAll();
  }

  /** Connections accepted so far, to tell that a client tried again. */
  public int connectionsAccepted() {
    return accepted.get();
  }

  /** Open connections that carry a watch, to tell that a follower is following. */
  public long openWatches() {
    return connections.stream().filter(ProxiedConnection::watch).count();
  }

  /** Watch connections opened so far, to tell that a new follower has started following. */
  public int watchesOpened() {
    return watchesOpened.get();
  }

  void watchOpened() {
    watchesOpened.incrementAndGet();
  }

  /** The server dies: the port stops listening and every open connection is reset. */
  public synchronized void kill() {
    closeQuietly(listener);
    List.copyOf(connections).forEach(ProxiedConnection::reset);
  }

  /** The server is back on the same port. */
  public synchronized void revive() {
    if (listener.isClosed()) {
      listener = listen(port);
      acceptLoop(listener);
    }
  }

  /** Holds a pump while nothing may pass: frozen, or silent (which open connections obey too). */
  synchronized void awaitFlowing() throws InterruptedException {
    while (mode instanceof ProxyMode.Freeze || mode instanceof ProxyMode.Silent) {
      wait();
    }
  }

  void forget(ProxiedConnection connection) {
    connections.remove(connection);
  }

  private void acceptLoop(ServerSocket socket) {
    Thread thread = new Thread(() -> {
      while (!socket.isClosed()) {
        try {
          Socket client = socket.accept();
          accepted.incrementAndGet();
          ProxiedConnection connection = new ProxiedConnection(this, client);
          connections.add(connection);
          try {
            connection.start(mode, serverPort);
          } catch (IOException e) {
            connection.close(); // the server behind is gone: the client sees its connection closed
          }
        } catch (IOException e) {
          return; // killed or closed
        }
      }
    }, "kube-api-proxy-accept");
    thread.setDaemon(true);
    thread.start();
  }

  private static ServerSocket listen(int port) {
    try {
      ServerSocket socket = new ServerSocket();
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return socket;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
    }
  }

  private static void closeQuietly(ServerSocket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() {
    mode(ProxyMode.forward()); // releases frozen pumps so their threads end
    kill();
  }
}
