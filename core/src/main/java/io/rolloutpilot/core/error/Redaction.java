package io.rolloutpilot.core.error;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes secrets out of text before it reaches a log, an error, a report or a page: the password of a
 * URL's {@code user:password@}, the credentials of an {@code Authorization} header or a
 * {@code Bearer}/{@code Basic} token a server echoed back, and {@code token=}/{@code password=}
 * style parameters, and the exact values of secrets in use ({@link #remember}). Every engine error passes
 * its message through here, and each front end passes everything it prints; the one function keeps both
 * in step.
 */
public final class Redaction {
  public static final String MASK = "***";

  /** {@code scheme://user:secret@} and {@code scheme://secret@}: the user is kept, whatever follows it is masked. */
  private static final Pattern URL_USERINFO =
      Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)([^/@\\s:?#]*)(:[^/@\\s?#]*)?@");
  /** {@code user:secret@host/path} typed without a scheme, as in an image reference. */
  private static final Pattern BARE_USERINFO =
      Pattern.compile("(^|[\\s'\"(=])([A-Za-z0-9._%-]+):([^\\s/@'\"]+)@([A-Za-z0-9.-]+(?::\\d+)?/)");
  /** Case-sensitive as HTTP writes them, and long enough not to catch prose such as "Basic auth". */
  private static final Pattern AUTH_SCHEME =
      Pattern.compile("\\b(Bearer|Basic|AWS4-HMAC-SHA256)(\\s+)[A-Za-z0-9._~+/=:,\\-]{8,}");
  private static final Pattern AUTH_HEADER = Pattern.compile("(?i)\\b(authorization|proxy-authorization|"
      + "x-amz-security-token|x-registry-auth|cookie|set-cookie)(\"?\\s*[:=]\\s*\"?)([^\"\\r\\n,}]+)");
  private static final String SECRET_NAME = "[a-z0-9_.-]*(?:password|passwd|secret|token|api[_-]?key|"
      + "access[_-]?key|signature|credential)[a-z0-9_.-]*";
  /** {@code name=value} in a query string, a form or a log line. */
  private static final Pattern SECRET_PARAMETER =
      Pattern.compile("(?i)(^|[?&;\\s,])(" + SECRET_NAME + ")=([^\\s&\"',;}]{3,})");
  /** {@code "name": "value"} in a JSON body a server echoed back. */
  private static final Pattern SECRET_JSON_FIELD =
      Pattern.compile("(?i)(\"" + SECRET_NAME + "\"\\s*:\\s*\")([^\"]+)(\")");

  /** Values shorter than this are not masked by value: they would mask ordinary words. */
  static final int MIN_KNOWN_LENGTH = 8;
  /** Secret values in use, with how many holders use each. */
  private static final Map<String, Integer> KNOWN = new ConcurrentHashMap<>();

  private Redaction() {}

  /** Ends masking the values {@link #remember} was given. */
  public interface Remembered extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Masks these exact values (a kubeconfig's token, password or client key) wherever they appear, until
   * the returned handle is closed: a server may echo a token where no pattern would catch it. Null and
   * short values are ignored.
   */
  public static Remembered remember(Collection<String> secrets) {
    List<String> kept = secrets.stream().filter(s -> s != null && s.strip().length() >= MIN_KNOWN_LENGTH)
        .map(String::strip).distinct().toList();
    kept.forEach(s -> KNOWN.merge(s, 1, Integer::sum));
    AtomicBoolean closed = new AtomicBoolean();
    return () -> {
      if (closed.compareAndSet(false, true)) {
        kept.forEach(s -> KNOWN.computeIfPresent(s, (k, n) -> n == 1 ? null : n - 1));
      }
    };
  }

  /** The text with every secret it recognises replaced by {@value #MASK}; null stays null. */
  public static String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    for (String secret : KNOWN.keySet()) {
      out = out.replace(secret, MASK);
    }
    out = replace(URL_USERINFO, out, m -> m.group(1)
        + (m.group(3) == null ? MASK : m.group(2) + ":" + MASK) + "@");
    out = replace(BARE_USERINFO, out, m -> m.group(1) + m.group(2) + ":" + MASK + "@" + m.group(4));
    out = replace(AUTH_SCHEME, out, m -> m.group(1) + m.group(2) + MASK);
    out = replace(AUTH_HEADER, out, m -> m.group(1) + m.group(2) + MASK);
    out = replace(SECRET_PARAMETER, out, m -> m.group(1) + m.group(2) + "=" + MASK);
    return replace(SECRET_JSON_FIELD, out, m -> m.group(1) + MASK + m.group(3));
  }

  private static String replace(Pattern pattern, String text, java.util.function.Function<Matcher, String> with) {
    Matcher matcher = pattern.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (matcher.find()) {
      matcher.appendReplacement(out, Matcher.quoteReplacement(with.apply(matcher)));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
