package io.rolloutpilot.sandbox;

import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * fabric8's JDK HTTP client factory for the sandbox's own Kubernetes clients, remembering each JDK
 * client it builds so {@link #stopSelectors} can end their selector threads once those clients are
 * closed. On JDK 17 a JDK HttpClient has no {@code close()}: its selector thread stays in native code
 * until the client is garbage collected, and a JVM that exits (the CLI on SIGTERM) waits up to 300 ms
 * for threads in native code. Interrupting that thread ends it (on JDK 21+ {@code shutdownNow} does).
 */
final class SelectorStoppingHttpClientFactory extends JdkHttpClientFactory {
  /** The JDK client's toString ends with its id, which also names its selector thread. */
  private static final Pattern CLIENT_ID = Pattern.compile("\\((\\d+)\\)$");
  private static final long JOIN_MILLIS = 200;

  private final List<HttpClient> built = new CopyOnWriteArrayList<>();

  @Override
  protected HttpClient.Builder createNewHttpClientBuilder() {
    return new RecordingBuilder(super.createNewHttpClientBuilder(), built);
  }

  /** Ends the selector thread of every JDK client built so far; call after closing the clients. */
  void stopSelectors() {
    List<Thread> interrupted = new ArrayList<>();
    for (HttpClient client : built) {
      if (!shutdownNow(client)) {
        selector(client).ifPresent(thread -> {
          thread.interrupt();
          interrupted.add(thread);
        });
      }
    }
    built.clear();
    for (Thread thread : interrupted) {
      try {
        thread.join(JOIN_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static boolean shutdownNow(HttpClient client) {
    try {
      Method shutdownNow = HttpClient.class.getMethod("shutdownNow");
      shutdownNow.invoke(client);
      return true;
    } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
      return false;
    }
  }

  /** The client's selector thread, found by name without taking every thread's stack. */
  private static Optional<Thread> selector(HttpClient client) {
    Matcher id = CLIENT_ID.matcher(client.toString());
    if (!id.find()) {
      return Optional.empty();
    }
    String name = "HttpClient-" + id.group(1) + "-SelectorManager";
    ThreadGroup root = Thread.currentThread().getThreadGroup();
    while (root.getParent() != null) {
      root = root.getParent();
    }
    Thread[] threads = new Thread[root.activeCount() + 16];
    int count = root.enumerate(threads, true);
    return Arrays.stream(threads, 0, count).filter(t -> name.equals(t.getName())).findFirst();
  }

  /** Delegates every setting and keeps the client it builds. */
  private static final class RecordingBuilder implements HttpClient.Builder {
    private final HttpClient.Builder delegate;
    private final List<HttpClient> built;

    RecordingBuilder(HttpClient.Builder delegate, List<HttpClient> built) {
      this.delegate = delegate;
      this.built = built;
    }

    @Override
    public HttpClient.Builder cookieHandler(CookieHandler cookieHandler) {
      delegate.cookieHandler(cookieHandler);
      return this;
    }

    @Override
    public HttpClient.Builder connectTimeout(Duration duration) {
      delegate.connectTimeout(duration);
      return this;
    }

    @Override
    public HttpClient.Builder sslContext(SSLContext sslContext) {
      delegate.sslContext(sslContext);
      return this;
    }

    @Override
    public HttpClient.Builder sslParameters(SSLParameters sslParameters) {
      delegate.sslParameters(sslParameters);
      return this;
    }

    @Override
    public HttpClient.Builder executor(Executor executor) {
      delegate.executor(executor);
      return this;
    }

    @Override
    public HttpClient.Builder followRedirects(HttpClient.Redirect policy) {
      delegate.followRedirects(policy);
      return this;
    }

    @Override
    public HttpClient.Builder version(HttpClient.Version version) {
      delegate.version(version);
      return this;
    }

    @Override
    public HttpClient.Builder priority(int priority) {
      delegate.priority(priority);
      return this;
    }

    @Override
    public HttpClient.Builder proxy(ProxySelector proxySelector) {
      delegate.proxy(proxySelector);
      return this;
    }

    @Override
    public HttpClient.Builder authenticator(Authenticator authenticator) {
      delegate.authenticator(authenticator);
      return this;
    }

    @Override
    public HttpClient build() {
      HttpClient client = delegate.build();
      built.add(client);
      return client;
    }
  }
}
