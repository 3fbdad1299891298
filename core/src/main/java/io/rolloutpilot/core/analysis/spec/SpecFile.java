package io.rolloutpilot.core.analysis.spec;

import io.rolloutpilot.core.error.InvalidInputException;
import io.rolloutpilot.core.validation.Quoted;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads a spec file's text. Only a regular file is opened: a FIFO blocks until someone writes to it and a
 * device may never end, so either would hang the command. A spec is a page of YAML; anything above
 * {@value #MAX_BYTES} bytes is a wrong path, not a spec, and is refused before it is parsed.
 */
final class SpecFile {
  static final int MAX_BYTES = 1 << 20;

  private SpecFile() {}

  static String read(Path file) {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      throw refused(file, "does not exist");
    } catch (IOException e) {
      throw refused(file, "cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    if (attributes.isDirectory()) {
      throw refused(file, "is a directory; give the spec file");
    }
    if (!attributes.isRegularFile()) {
      throw refused(file, "is not a regular file (a FIFO, socket or device); give the spec file itself");
    }
    if (attributes.size() > MAX_BYTES) {
      throw tooLarge(file);
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      throw refused(file, "cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    if (bytes.length > MAX_BYTES) {
      throw tooLarge(file);
    }
    return utf8(file, bytes);
  }

  private static String utf8(Path file, byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw refused(file, "is not UTF-8 text");
    }
  }

  private static InvalidInputException tooLarge(Path file) {
    return refused(file, "is larger than " + MAX_BYTES / 1024 + " KiB; a spec file is a page of YAML");
  }

  private static InvalidInputException refused(Path file, String problem) {
    return new InvalidInputException("spec", Quoted.of(file.toString()) + " " + problem);
  }
}
