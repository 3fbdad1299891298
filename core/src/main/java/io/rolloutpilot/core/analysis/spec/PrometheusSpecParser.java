package io.rolloutpilot.core.analysis.spec;

import io.rolloutpilot.core.error.Hint;
import io.rolloutpilot.core.error.InvalidInputException;
import io.rolloutpilot.core.error.RolloutPilotException.Details;
import io.rolloutpilot.core.validation.HttpUrls;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the spec's {@code prometheus:} section. Secrets are never in the file, only the names of the
 * environment variables holding them; a value there that is not a variable's name may be a secret pasted
 * in the wrong place, so it is refused without being echoed.
 */
final class PrometheusSpecParser {
  private static final Set<String> KEYS = Set.of("url", "auth", "tokenEnv", "username", "passwordEnv", "timeout");
  private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
  /** RFC 7617: the user name of basic auth cannot hold a colon; control characters cannot go in a header. */
  private static final Pattern USERNAME = Pattern.compile("[^:\\p{Cntrl}]{1,256}");

  PrometheusSpec parse(YamlNode node) {
    node.onlyKeys(KEYS);
    String auth = node.string("auth", "none").toLowerCase(Locale.ROOT);
    if (!List.of("none", "bearer", "basic").contains(auth)) {
      // not echoed: a token pasted here by mistake must not reach the log
      throw new InvalidInputException(node.child("auth"), "is not supported; use none, bearer or basic (for"
          + " Amazon Managed Prometheus run a SigV4 signing proxy and point url at it)");
    }
    String url = HttpUrls.parse(node.child("url"), node.string("url")).toString();
    Duration timeout = node.duration("timeout", Duration.ofSeconds(30));
    if (timeout.isZero() || timeout.isNegative()) {
      throw new InvalidInputException(node.child("timeout"), "must be positive");
    }
    PrometheusSpec spec = new PrometheusSpec(url, auth, variable(node, "tokenEnv"), username(node),
        variable(node, "passwordEnv"), timeout);
    if (auth.equals("bearer") && spec.tokenEnv() == null) {
      throw new InvalidInputException(node.child("tokenEnv"), "is required with auth: bearer (the variable holding the token)");
    }
    if (auth.equals("basic") && (spec.username() == null || spec.passwordEnv() == null)) {
      throw new InvalidInputException(node.child("passwordEnv"), "username and passwordEnv are required with auth: basic");
    }
    return spec;
  }

  private static String variable(YamlNode node, String key) {
    String name = node.string(key, null);
    if (name != null && !VARIABLE_NAME.matcher(name).matches()) {
      throw new InvalidInputException(new Details(node.child(key), "is not an environment variable's name (letters,"
          + " digits and '_', not starting with a digit)", Hint.SECRET_BY_VARIABLE_NAME, null));
    }
    return name;
  }

  private static String username(YamlNode node) {
    String name = node.string("username", null);
    if (name != null && !USERNAME.matcher(name).matches()) {
      throw new InvalidInputException(node.child("username"), "must not contain ':' or control characters");
    }
    return name;
  }
}
