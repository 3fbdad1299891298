package io.rolloutpilot.core.kube;

import io.rolloutpilot.core.error.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a kubeconfig's text, refusing what is not a small regular file before opening it: a FIFO or a
 * device would block or never end, a directory cannot be read, and a huge file would fill the heap.
 */
final class KubeconfigText {
  /** Far above any real kubeconfig, even one with many clusters and embedded certificates. */
  static final int MAX_BYTES = 4 * 1024 * 1024;

  private KubeconfigText() {}

  static String read(Path file) {
    if (!Files.exists(file)) {
      throw bad(file, "does not exist");
    }
    if (Files.isDirectory(file)) {
      throw bad(file, "is a directory, not a kubeconfig file");
    }
    if (!Files.isRegularFile(file)) {
      throw bad(file, "is not a regular file (a FIFO, socket or device); give a kubeconfig file");
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      throw bad(file, "cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    if (bytes.length > MAX_BYTES) {
      throw bad(file, "is larger than " + MAX_BYTES / (1024 * 1024) + " MiB, so it is not a kubeconfig");
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw bad(file, "is not a kubeconfig: it is not UTF-8 text");
    }
  }

  private static InvalidInputException bad(Path file, String problem) {
    return new InvalidInputException("kubeconfig", file + " " + problem);
  }
}
