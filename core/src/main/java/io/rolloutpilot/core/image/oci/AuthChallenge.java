package io.rolloutpilot.core.image.oci;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A parsed {@code WWW-Authenticate} header: {@code Basic realm="..."} or {@code Bearer realm="...",service="..."}. */
public record AuthChallenge(String scheme, Map<String, String> params) {
  private static final Pattern PARAM = Pattern.compile("([A-Za-z_]+)=(?:\"([^\"]*)\"|([^,\\s]*))");

  public AuthChallenge {
    params = Map.copyOf(params);
  }

  public static Optional<AuthChallenge> parse(String header) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String trimmed = header.trim();
    int space = trimmed.indexOf(' ');
    String scheme = (space < 0 ? trimmed : trimmed.substring(0, space)).toLowerCase(Locale.ROOT);
    Map<String, String> params = new LinkedHashMap<>();
    if (space > 0) {
      Matcher m = PARAM.matcher(trimmed.substring(space + 1));
      while (m.find()) {
        params.put(m.group(1).toLowerCase(Locale.ROOT), m.group(2) != null ? m.group(2) : m.group(3));
      }
    }
    return Optional.of(new AuthChallenge(scheme, params));
  }

  public boolean isBasic() {
    return "basic".equals(scheme);
  }

  public boolean isBearer() {
    return "bearer".equals(scheme);
  }

  public String param(String name) {
    return params.get(name);
  }
}
