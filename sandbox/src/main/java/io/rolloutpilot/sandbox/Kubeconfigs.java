package io.rolloutpilot.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A real kubeconfig for the sandbox, so other processes (the CLI) connect the way they would to a cluster. */
final class Kubeconfigs {
  private Kubeconfigs() {}

  static Path write(Path file, String url, String token, String namespace) {
    ObjectNode root = new ObjectMapper().createObjectNode();
    root.put("apiVersion", "v1").put("kind", "Config");
    root.putArray("clusters").addObject().put("name", "sandbox").putObject("cluster").put("server", url);
    ObjectNode context = root.putArray("contexts").addObject().put("name", "sandbox").putObject("context");
    context.put("cluster", "sandbox").put("user", "sandbox-admin")
        .put("namespace", namespace == null || namespace.isEmpty() ? "default" : namespace);
    root.put("current-context", "sandbox");
    ObjectNode user = root.putArray("users").addObject().put("name", "sandbox-admin").putObject("user");
    if (token != null) {
      user.put("token", token);
    }
    root.putObject("preferences");
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      new ObjectMapper(new YAMLFactory()).writeValue(file.toFile(), root);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write kubeconfig " + file, e);
    }
  }
}
