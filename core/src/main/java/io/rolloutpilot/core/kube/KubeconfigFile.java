package io.rolloutpilot.core.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.client.Config;
import io.rolloutpilot.core.error.Hint;
import io.rolloutpilot.core.error.InvalidInputException;
import io.rolloutpilot.core.error.RolloutPilotException.Details;
import io.rolloutpilot.core.error.UnauthorizedException;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a kubeconfig strictly: a context that is not in the file, a server address that is not a plain
 * http(s) URL, and an exec credential plugin that gave no credentials are errors here, where the client
 * library would quietly fall back to the current context, mangle the address or send requests without
 * credentials. Reading the file itself is {@link KubeconfigText}'s job.
 */
final class KubeconfigFile {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private KubeconfigFile() {}

  static Config load(ClusterAccess.Kubeconfig access) {
    String content = KubeconfigText.read(access.file());
    JsonNode document;
    try {
      document = YAML.readTree(content);
    } catch (Exception e) {
      throw new InvalidInputException("kubeconfig", access.file() + " is not a kubeconfig: it is not valid YAML ("
          + e.getClass().getSimpleName() + ")");
    }
    if (document == null || !document.isObject()) {
      throw new InvalidInputException("kubeconfig", access.file() + " is not a kubeconfig: it holds no YAML mapping");
    }
    String context = chooseContext(access, document);
    ServerAddress.check(access.file(), document, context);
    Config config;
    try {
      // the file was checked above to be a small regular file; relative certificate paths resolve against it
      config = Config.fromKubeconfig(context, access.file().toFile());
    } catch (RuntimeException e) {
      // the library's message may quote the file, tokens included: name only what kind of failure it was
      throw new InvalidInputException("kubeconfig", access.file() + " could not be read ("
          + e.getClass().getSimpleName() + ")");
    }
    requireExecCredentials(document, context, config);
    return config;
  }

  private static String chooseContext(ClusterAccess.Kubeconfig access, JsonNode document) {
    List<String> contexts = new ArrayList<>();
    document.path("contexts").forEach(c -> contexts.add(c.path("name").asText()));
    String wanted = access.context();
    if (wanted == null) {
      String current = document.path("current-context").asText("");
      if (current.isEmpty()) {
        throw new InvalidInputException("context", access.file() + " names no current context; choose one of: "
            + (contexts.isEmpty() ? "(none)" : String.join(", ", contexts)));
      }
      wanted = current;
    }
    if (wanted.isEmpty()) {
      throw new InvalidInputException("context", "must not be empty; choose one of: " + String.join(", ", contexts));
    }
    if (!contexts.contains(wanted)) {
      throw new InvalidInputException("context", "'" + wanted + "' is not a context of " + access.file()
          + "; its contexts: " + (contexts.isEmpty() ? "(none)" : String.join(", ", contexts)));
    }
    return wanted;
  }

  /** A user whose credentials come from an exec plugin must have got some from it. */
  private static void requireExecCredentials(JsonNode document, String context, Config config) {
    String user = KubeconfigEntries.userOf(document, context);
    for (JsonNode u : document.path("users")) {
      JsonNode exec = u.path("user").path("exec");
      if (user.equals(u.path("name").asText()) && exec.isObject() && !hasCredentials(config)) {
        throw new UnauthorizedException(new Details("kubeconfig", "the exec credential plugin '"
            + program(exec.path("command").asText("")) + "' of user '" + user + "' gave no credentials: it failed,"
            + " is not installed or printed no token", Hint.CHECK_KUBE_CREDENTIALS, null));
      }
    }
  }

  /** The program's name only: a command line may carry a secret in an argument. */
  private static String program(String command) {
    String first = command.strip().split("\\s+", 2)[0];
    return first.substring(first.lastIndexOf('/') + 1);
  }

  private static boolean hasCredentials(Config config) {
    return config.getOauthToken() != null || config.getAutoOAuthToken() != null || config.getClientCertData() != null
        || config.getClientCertFile() != null || config.getAuthProvider() != null;
  }
}
