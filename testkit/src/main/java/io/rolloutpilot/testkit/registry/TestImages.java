package io.rolloutpilot.testkit.registry;

import io.rolloutpilot.core.image.reference.Descriptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Ready-made test images as OCI layouts: single-platform (OCI or Docker media types) and a two-platform index. */
public final class TestImages {
  private TestImages() {}

  /** A layout with one named image: where it is, its ref name, its root descriptor and exact bytes. */
  public record Layout(Path dir, String ref, Descriptor root, byte[] rootBytes, List<Descriptor> layers) {
    public String ociSource() {
      return "oci:" + dir + ":" + ref;
    }
  }

  /** One image of {@code layers} layers of {@code layerSize} random bytes each, named {@code ref}. */
  public static Layout single(Path dir, long seed, int layers, long layerSize, boolean dockerTypes, String ref)
      throws IOException {
    OciLayoutWriter writer = new OciLayoutWriter(dir);
    List<Descriptor> blobs = new ArrayList<>();
    for (int i = 0; i < layers; i++) {
      blobs.add(writer.layer(seed * 100 + i, layerSize));
    }
    Descriptor manifest = writer.image("amd64", blobs, dockerTypes);
    writer.ref(ref, manifest).write();
    return new Layout(dir, ref, manifest, Files.readAllBytes(writer.blobPath(manifest.digest())), blobs);
  }

  /** An OCI index for linux/amd64 and linux/arm64 sharing one base layer, named {@code ref}. */
  public static Layout twoPlatform(Path dir, long seed, String ref) throws IOException {
    OciLayoutWriter writer = new OciLayoutWriter(dir);
    Descriptor base = writer.layer(seed * 100, 48 * 1024);
    Descriptor amd = writer.image("amd64", List.of(base, writer.layer(seed * 100 + 1, 16 * 1024)), false);
    Descriptor arm = writer.image("arm64", List.of(base, writer.layer(seed * 100 + 2, 16 * 1024)), false);
    Descriptor index = writer.index(List.of(amd, arm), List.of("amd64", "arm64"));
    writer.ref(ref, index).write();
    return new Layout(dir, ref, index, Files.readAllBytes(writer.blobPath(index.digest())), List.of(base));
  }

  /** Packs a layout directory into an uncompressed tar (for {@code oci:FILE.tar}). */
  public static Path tarOf(Path layoutDir, Path tarFile) throws IOException {
    try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(tarFile), 1 << 16);
         var files = Files.walk(layoutDir)) {
      TarWriter tar = new TarWriter(out);
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        String name = layoutDir.relativize(file).toString().replace('\\', '/');
        tar.file(name, Files.size(file), o -> Files.copy(file, o));
      }
      tar.finish();
    }
    return tarFile;
  }
}
