package io.rolloutpilot.core.image.push;

import io.rolloutpilot.core.image.oci.Retrier;
import io.rolloutpilot.core.image.oci.RegistryClient;
import io.rolloutpilot.core.image.reference.Descriptor;
import io.rolloutpilot.core.image.source.RegistryOrigin;
import io.rolloutpilot.core.image.source.SourceImage;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import io.rolloutpilot.core.error.RolloutPilotException;
import io.rolloutpilot.core.image.oci.RegistryErrors;
import io.rolloutpilot.core.event.BlobExists;
import io.rolloutpilot.core.event.BlobMounted;
import io.rolloutpilot.core.event.BlobUploaded;
import io.rolloutpilot.core.event.EngineListener;

/**
 * Gets every blob of the image into the destination repository, in two parallel passes: which blobs
 * are already there (HEAD); then mount or upload the missing ones, each upload streamed from the source
 * ({@link BlobBody}) and retried as a whole within the retry policy. A blob the registry refuses as not
 * matching its digest, or one the source cannot supply in full, fails the push as bad input (a corrupt
 * source) before any manifest or tag.
 */
final class BlobStage {
  private final ParallelRunner runner;
  private final Retrier retrier;
  private final EngineListener listener;

  BlobStage(ParallelRunner runner, Retrier retrier, EngineListener listener) {
    this.runner = runner;
    this.retrier = retrier;
    this.listener = listener;
  }

  /** The counts for the result record. */
  record Counts(int uploaded, int reused, long bytesUploaded) {}

  Counts run(RegistryClient destination, String repository, SourceImage source)
      throws IOException, InterruptedException {
    List<Descriptor> missing = missing(destination, repository, source.blobs());
    Optional<RegistryOrigin> mountFrom = source.origin()
        .filter(o -> o.registry().equals(destination.registry()) && !o.repository().equals(repository));
    AtomicInteger uploaded = new AtomicInteger();
    AtomicLong bytes = new AtomicLong();
    runner.forEach(missing, blob -> {
      if (mountFrom.isPresent() && destination.mountBlob(repository, blob.digest(), mountFrom.get().repository())) {
        listener.on(new BlobMounted(blob.digest().value(), blob.size(), mountFrom.get().repository()));
        return;
      }
      upload(destination, repository, source, blob);
      uploaded.incrementAndGet();
      bytes.addAndGet(blob.size());
    });
    return new Counts(uploaded.get(), source.blobs().size() - uploaded.get(), bytes.get());
  }

  private List<Descriptor> missing(RegistryClient destination, String repository, List<Descriptor> blobs)
      throws IOException, InterruptedException {
    ConcurrentHashMap<Descriptor, Boolean> present = new ConcurrentHashMap<>();
    runner.forEach(blobs, blob -> {
      if (destination.blobExists(repository, blob.digest())) {
        present.put(blob, true);
        listener.on(new BlobExists(blob.digest().value(), blob.size()));
      }
    });
    // largest first, so the longest uploads overlap instead of one running alone at the end
    return blobs.stream().filter(b -> !present.containsKey(b))
        .sorted(Comparator.comparingLong(Descriptor::size).reversed()).toList();
  }

  private void upload(RegistryClient destination, String repository, SourceImage source, Descriptor blob)
      throws IOException, InterruptedException {
    boolean[] firstAttempt = {true};
    retrier.run("upload of blob " + blob.digest().shortHex(), () -> {
      if (!firstAttempt[0] && destination.blobExists(repository, blob.digest())) {
        return null; // the failed attempt had completed after all
      }
      firstAttempt[0] = false;
      BlobBody body = new BlobBody(source.description(), source.reader(), blob);
      try {
        destination.uploadBlob(repository, blob, body::publisher);
      } catch (RolloutPilotException e) {
        if (refusedAsNotMatchingItsDigest(e)) {
          throw BlobBody.corruptSource(source.description(), blob, destination.registry()
              + " hashed its content and refused it (" + RegistryErrors.code(e) + ")");
        }
        throw e;
      } catch (IOException | RuntimeException e) {
        if (body.corruption().isPresent()) {
          throw body.corruption().get(); // bad input: not worth a retry
        }
        if (body.sourceFailure().isPresent()) {
          throw body.sourceFailure().get(); // a registry source failed, not the destination; retried as such
        }
        throw e;
      }
      return null;
    });
    listener.on(new BlobUploaded(blob.digest().value(), blob.size(), blob.mediaType()));
  }

  /**
   * The registry's answer to content that does not hash to the digest on the final PUT: distribution
   * says {@code DIGEST_INVALID}; ECR says {@code BLOB_UPLOAD_INVALID} with "None of the provided layer
   * digests match the calculated layer digest".
   */
  private static boolean refusedAsNotMatchingItsDigest(RolloutPilotException e) {
    String code = RegistryErrors.code(e);
    return RegistryErrors.status(e) == 400 && ("DIGEST_INVALID".equals(code)
        || "BLOB_UPLOAD_INVALID".equals(code) && e.getMessage().toLowerCase(Locale.ROOT).contains("digest"));
  }
}
