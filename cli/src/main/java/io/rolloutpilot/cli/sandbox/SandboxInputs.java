package io.rolloutpilot.cli.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.rolloutpilot.core.error.InvalidInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Checks the files {@code sandbox} is given before it starts anything: the manifests must be readable
 * YAML whose every document names its kind, and the kubeconfig must be writable where asked. A sandbox
 * that started and then failed on its input would leave a pipeline with a port it never announced.
 */
final class SandboxInputs {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private SandboxInputs() {}

  /** Each document of the file is a mapping with {@code apiVersion}, {@code kind} and {@code metadata.name}. */
  static void checkManifest(Path file) {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw bad("--apply", "'" + file + "' is not a readable file; give a YAML manifest");
    }
    List<JsonNode> documents;
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
      documents = it.readAll();
    } catch (IOException | RuntimeException e) {
      throw bad("--apply", "'" + file + "' is not valid YAML (" + e.getClass().getSimpleName() + ")");
    }
    for (int i = 0; i < documents.size(); i++) {
      JsonNode document = documents.get(i);
      if (document == null || document.isNull() || document.isMissingNode()
          || (document.isObject() && document.isEmpty())) {
        continue;
      }
      String missing = !document.isObject() ? "is not a mapping" : !text(document.path("kind")) ? "has no kind"
          : !text(document.path("apiVersion")) ? "has no apiVersion"
          : !text(document.path("metadata").path("name")) ? "has no metadata.name" : null;
      if (missing != null) {
        throw bad("--apply", "'" + file + "': document " + (i + 1) + " " + missing
            + "; every manifest needs apiVersion, kind and metadata.name");
      }
    }
  }

  /**
   * The kubeconfig can be written at {@code file}: it is not a directory and its folder exists and takes
   * a file. Checked by creating it, since permission bits do not tell (root ignores them, /proc refuses
   * anyway); an existing file is left as it is until the sandbox writes it.
   */
  static void checkWritable(Path file) {
    Path absolute = file.toAbsolutePath();
    if (Files.isDirectory(absolute)) {
      throw bad("--kubeconfig-out", "'" + file + "' is a directory; give a file to write the kubeconfig to");
    }
    Path folder = absolute.getParent();
    if (folder == null || !Files.isDirectory(folder)) {
      throw bad("--kubeconfig-out", "the folder of '" + file + "' does not exist; create it first");
    }
    try (OutputStream probe = Files.newOutputStream(absolute, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      probe.flush();
    } catch (IOException | RuntimeException e) {
      throw bad("--kubeconfig-out", "'" + file + "' cannot be written (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** {@code --port}: 0 (a free port) or 1-65535, named in the error when it is not even a number. */
  static int port(String text) {
    int port;
    try {
      port = Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      port = -1;
    }
    if (port < 0 || port > 65535) {
      throw bad("--port", "'" + text + "' is not a port; use 1-65535, or 0 for a free one");
    }
    return port;
  }

  private static boolean text(JsonNode node) {
    return node.isTextual() && !node.asText().isBlank();
  }

  private static InvalidInputException bad(String option, String problem) {
    return new InvalidInputException(option, problem);
  }
}
