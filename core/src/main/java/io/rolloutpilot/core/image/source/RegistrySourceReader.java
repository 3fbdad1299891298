package io.rolloutpilot.core.image.source;

import io.rolloutpilot.core.image.oci.FetchedManifest;
import io.rolloutpilot.core.image.oci.RegistryClient;
import io.rolloutpilot.core.image.reference.Digest;
import io.rolloutpilot.core.image.reference.Manifest;
import io.rolloutpilot.core.image.reference.ManifestParser;
import io.rolloutpilot.core.error.InvalidInputException;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import io.rolloutpilot.core.error.RolloutPilotException;
import io.rolloutpilot.core.image.oci.RegistryErrors;

/** Reads an image from another registry ({@code docker://REF}): manifests by exact bytes, blobs streamed on demand. */
public final class RegistrySourceReader {
  private final ManifestParser parser;
  private final ManifestGraph graph;

  public RegistrySourceReader(ManifestParser parser, ManifestGraph graph) {
    this.parser = parser;
    this.graph = graph;
  }

  /** @param reference a tag, or a {@code sha256:} or {@code sha512:} digest (a tag never holds a ':') */
  public SourceImage read(RegistryClient client, String repository, String reference)
      throws IOException, InterruptedException {
    boolean byDigest = reference.contains(":");
    String where = client.registry() + "/" + repository + (byDigest ? "@" : ":") + reference;
    FetchedManifest fetched = client.fetchManifest(repository, reference);
    if (byDigest && !hashAs(reference, fetched.bytes()).equals(reference)) {
      throw new InvalidInputException("from", where + " served content hashing to "
          + hashAs(reference, fetched.bytes()));
    }
    Manifest root = parser.parse(where, fetched.bytes(), fetched.contentType());
    ManifestGraph.Walk walk = graph.walk(where, root, store(client, repository));
    return new SourceImage(where, root, walk.children(), walk.blobs(), reader(client, repository),
        Optional.of(new RegistryOrigin(client.registry(), repository)));
  }

  /** The bytes' digest in the algorithm {@code reference} names (sha256 or sha512, as the reference was checked). */
  private static String hashAs(String reference, byte[] bytes) {
    String algorithm = reference.substring(0, reference.indexOf(':'));
    try {
      MessageDigest hash = MessageDigest.getInstance(algorithm.equals("sha512") ? "SHA-512" : "SHA-256");
      return algorithm + ":" + HexFormat.of().formatHex(hash.digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no " + algorithm, e);
    }
  }

  private static ManifestGraph.Store store(RegistryClient client, String repository) {
    return new ManifestGraph.Store() {
      @Override
      public byte[] manifest(Digest digest) throws IOException, InterruptedException {
        try {
          return client.fetchManifest(repository, digest.value()).bytes();
        } catch (RolloutPilotException e) {
          if (RegistryErrors.status(e) == 404) {
            return null;
          }
          throw e;
        }
      }

      @Override
      public long blobSize(Digest digest) throws IOException, InterruptedException {
        return client.blobExists(repository, digest) ? -2 : -1;
      }
    };
  }

  private static BlobReader reader(RegistryClient client, String repository) {
    return blob -> new StreamChunks(client.openBlob(repository, blob.digest()));
  }
}
