package io.rolloutpilot.core.image.push;

import io.rolloutpilot.core.image.oci.RegistryClient;
import io.rolloutpilot.core.image.oci.RegistryException;
import io.rolloutpilot.core.image.reference.Digest;
import io.rolloutpilot.core.image.reference.Manifest;
import io.rolloutpilot.core.image.source.SourceImage;
import java.io.IOException;
import java.util.Optional;

/**
 * Puts the manifests after all blobs: child manifests by digest, the root by digest, and only then the
 * tags, so an interrupted push never leaves a tag pointing at content that is not all there.
 */
final class ManifestStage {
  private final PushListener listener;

  ManifestStage(PushListener listener) {
    this.listener = listener;
  }

  void putByDigest(RegistryClient destination, String repository, SourceImage source)
      throws IOException, InterruptedException {
    for (Manifest child : source.children()) {
      put(destination, repository, child);
    }
    put(destination, repository, source.root());
  }

  void tag(RegistryClient destination, String repository, Manifest root, String tag, boolean immutable)
      throws IOException, InterruptedException {
    if (immutable) {
      Optional<Digest> existing = destination.manifestDigest(repository, tag);
      if (existing.isPresent()) {
        requireSame(repository, tag, existing.get(), root.digest());
        return;
      }
    }
    try {
      destination.putManifest(repository, tag, root);
      listener.onEvent(PushEvent.of(PushEvent.Kind.TAG_SET, tag, repository + ":" + tag + " -> " + root.digest()));
    } catch (RegistryException e) {
      if (!"TAG_INVALID".equals(e.errorCode())) {
        throw e;
      }
      // the registry (ECR) holds the tag immutable: fine when it already names this very image
      Digest existing = destination.manifestDigest(repository, tag).orElseThrow(() -> e);
      requireSame(repository, tag, existing, root.digest());
    }
  }

  private void requireSame(String repository, String tag, Digest existing, Digest pushed) {
    if (!existing.equals(pushed)) {
      throw new TagConflictException(repository, tag, existing.value(), pushed.value());
    }
    listener.onEvent(PushEvent.of(PushEvent.Kind.TAG_UNCHANGED, tag, repository + ":" + tag
        + " already points at " + pushed));
  }

  /** By digest; a tag gets its own event ({@code TAG_SET}). */
  private void put(RegistryClient destination, String repository, Manifest manifest)
      throws IOException, InterruptedException {
    destination.putManifest(repository, manifest.digest().value(), manifest);
    listener.onEvent(new PushEvent(PushEvent.Kind.MANIFEST_PUT, manifest.digest().value(), manifest.size(),
        manifest.mediaType()));
  }
}
