package io.rolloutpilot.core.image.source;

import io.rolloutpilot.core.image.reference.ImageReference;
import io.rolloutpilot.core.error.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A parsed {@code --from}: {@code docker-archive:PATH}, {@code oci:PATH[:REF]} (directory or tar) or
 * {@code docker://REF}. For OCI, a trailing {@code :REF} is split off only when the whole text is not
 * an existing path.
 */
public record SourceSpec(Kind kind, Path path, String ref, ImageReference image) {
  public enum Kind { DOCKER_ARCHIVE, OCI, REGISTRY }

  private static final String FORMS = "use docker-archive:PATH, oci:PATH[:REF] or docker://REGISTRY/REPO[:TAG|@DIGEST]";

  public static SourceSpec parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException("from", "is empty; " + FORMS);
    }
    if (text.startsWith("docker-archive:")) {
      return new SourceSpec(Kind.DOCKER_ARCHIVE, path(text.substring("docker-archive:".length()), text), null, null);
    }
    if (text.startsWith("oci:")) {
      return oci(text, text.substring("oci:".length()));
    }
    if (text.startsWith("docker://")) {
      return new SourceSpec(Kind.REGISTRY, null, null, ImageReference.parse("from", text.substring(9)));
    }
    throw new InvalidInputException("from", "'" + text + "' has no known transport; " + FORMS);
  }

  private static SourceSpec oci(String text, String rest) {
    int colon = rest.lastIndexOf(':');
    if (colon > 0 && !Files.exists(Path.of(rest)) && rest.indexOf('/', colon) < 0) {
      String ref = rest.substring(colon + 1);
      if (ref.isEmpty()) {
        throw new InvalidInputException("from", "'" + text + "' ends in ':' but names no REF");
      }
      return new SourceSpec(Kind.OCI, path(rest.substring(0, colon), text), ref, null);
    }
    return new SourceSpec(Kind.OCI, path(rest, text), null, null);
  }

  private static Path path(String path, String text) {
    if (path.isEmpty()) {
      throw new InvalidInputException("from", "'" + text + "' names no path; " + FORMS);
    }
    Path p = Path.of(path);
    if (!Files.exists(p)) {
      throw new InvalidInputException("from", "'" + text + "': " + path + " does not exist");
    }
    return p.toAbsolutePath().normalize();
  }

  @Override
  public String toString() {
    return switch (kind) {
      case DOCKER_ARCHIVE -> "docker-archive:" + path;
      case OCI -> "oci:" + path + (ref == null ? "" : ":" + ref);
      case REGISTRY -> "docker://" + image;
    };
  }
}
