package io.rolloutpilot.core.image.source;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rolloutpilot.core.image.oci.RegistryClientProvider;
import io.rolloutpilot.core.image.reference.ManifestParser;
import io.rolloutpilot.core.image.reference.ImageReference;
import io.rolloutpilot.core.error.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;

/** Opens and fully validates the image a {@link SourceSpec} names. */
public final class SourceOpener {
  private final OciLayoutReader layouts;
  private final DockerArchiveReader archives;
  private final RegistrySourceReader registries;

  public SourceOpener(ObjectMapper json) {
    ManifestParser parser = new ManifestParser(json);
    ManifestGraph graph = new ManifestGraph(parser);
    this.layouts = new OciLayoutReader(json, graph);
    this.archives = new DockerArchiveReader(json, layouts, parser);
    this.registries = new RegistrySourceReader(parser, graph);
  }

  public SourceImage open(SourceSpec spec, RegistryClientProvider clients) throws IOException, InterruptedException {
    String where = spec.toString();
    return switch (spec.kind()) {
      case OCI -> layouts.read(where, Files.isDirectory(spec.path()) ? new DirectoryTree(spec.path())
          : archive(where, spec), spec.ref());
      case DOCKER_ARCHIVE -> {
        if (Files.isDirectory(spec.path())) {
          throw new InvalidInputException("from", where + " is a directory; docker-archive wants the tar file"
              + " from docker save (for a layout directory use oci:PATH)");
        }
        yield archives.read(where, archive(where, spec));
      }
      case REGISTRY -> readRegistry(spec.image(), clients);
    };
  }

  /** Checked to be a regular file first: a FIFO would wait for a writer forever, a device never end. */
  private static TarTree archive(String where, SourceSpec spec) {
    SourceFiles.requireRegularFile(where, spec.path());
    return TarTree.index("from", spec.path());
  }

  private SourceImage readRegistry(ImageReference image, RegistryClientProvider clients)
      throws IOException, InterruptedException {
    // No implicit default registry: a CI push names where it reads from, so a typo never reaches out to a
    // public registry by accident.
    if (image.registry() == null) {
      throw new InvalidInputException("from", "docker://" + image + " names no registry host; write it out,"
          + " e.g. docker://registry.example.com/team/app:1.2.3");
    }
    String authority = image.registry();
    String repository = image.repository();
    String reference = image.digest() != null ? image.digest() : image.tag() != null ? image.tag() : "latest";
    return registries.read(clients.client(authority), repository, reference);
  }
}
