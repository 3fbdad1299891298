package io.rolloutpilot.core.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.client.Config;
import io.rolloutpilot.core.error.Hint;
import io.rolloutpilot.core.error.InvalidInputException;
import io.rolloutpilot.core.error.RolloutPilotException.Details;
import io.rolloutpilot.core.error.UnauthorizedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a kubeconfig strictly: a context that is not in the file, and an exec credential plugin that
 * gave no credentials, are errors here, where the client library would quietly fall back to the
 * current context or send requests without credentials.
 */
final class KubeconfigFile {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private KubeconfigFile() {}

  static Config load(ClusterAccess.Kubeconfig access) {
    Path file = access.file();
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new InvalidInputException("kubeconfig", file + " does not exist or cannot be read");
    }
    String content;
    JsonNode document;
    try {
      content = Files.readString(file);
      document = YAML.readTree(content);
    } catch (IOException | RuntimeException e) {
      throw new InvalidInputException("kubeconfig", file + " is not a kubeconfig: " + e.getClass().getSimpleName());
    }
    if (document == null || !document.isObject()) {
      throw new InvalidInputException("kubeconfig", file + " is not a kubeconfig: it holds no YAML mapping");
    }
    String context = chooseContext(access, document);
    Config config;
    try {
      config = Config.fromKubeconfig(context, file.toFile());
    } catch (RuntimeException e) {
      throw new InvalidInputException("kubeconfig", file + " could not be read: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()));
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
    String user = "";
    for (JsonNode c : document.path("contexts")) {
      if (context.equals(c.path("name").asText())) {
        user = c.path("context").path("user").asText("");
      }
    }
    for (JsonNode u : document.path("users")) {
      JsonNode exec = u.path("user").path("exec");
      if (user.equals(u.path("name").asText()) && exec.isObject() && !hasCredentials(config)) {
        throw new UnauthorizedException(new Details("kubeconfig", "the exec credential plugin '"
            + exec.path("command").asText("") + "' of user '" + user + "' gave no credentials: it failed, is not"
            + " installed or printed no token", Hint.CHECK_KUBE_CREDENTIALS, null));
      }
    }
  }

  private static boolean hasCredentials(Config config) {
    return config.getOauthToken() != null || config.getClientCertData() != null
        || config.getClientCertFile() != null || config.getAuthProvider() != null;
  }
}
