package io.rolloutpilot.core.image.push;

import io.rolloutpilot.core.image.oci.RegistryClient;
import io.rolloutpilot.core.image.reference.Digest;
import io.rolloutpilot.core.image.reference.Manifest;
import io.rolloutpilot.core.image.source.SourceImage;
import java.io.IOException;
import java.util.Optional;
import io.rolloutpilot.core.error.RolloutPilotException;
import io.rolloutpilot.core.image.oci.RegistryErrors;
import io.rolloutpilot.core.error.ConflictException;
import io.rolloutpilot.core.error.Hint;
import io.rolloutpilot.core.error.RolloutPilotException.Details;
import io.rolloutpilot.core.event.EngineListener;
import io.rolloutpilot.core.event.ManifestPut;
import io.rolloutpilot.core.event.TagSet;
import io.rolloutpilot.core.event.TagUnchanged;

/**
 * Puts the manifests after all blobs: child manifests by digest, the root by digest, and only then the
 * tags, so an interrupted push never leaves a tag pointing at content that is not all there.
 */
final class ManifestStage {
  private final EngineListener listener;

  ManifestStage(EngineListener listener) {
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
      listener.on(new TagSet(repository, tag, root.digest().value()));
    } catch (RolloutPilotException e) {
      if (!"TAG_INVALID".equals(RegistryErrors.code(e))) {
        throw e;
      }
      // the registry (ECR) holds the tag immutable: fine when it already names this very image
      Digest existing = destination.manifestDigest(repository, tag).orElseThrow(() -> e);
      requireSame(repository, tag, existing, root.digest());
    }
  }

  private void requireSame(String repository, String tag, Digest existing, Digest pushed) {
    if (!existing.equals(pushed)) {
      throw new ConflictException(new Details(repository + ":" + tag, "tag '" + tag + "' of " + repository
          + " is immutable and already points at " + existing.value() + "; this push is " + pushed.value()
          + ", which can be deployed by digest as " + repository + "@" + pushed.value(), Hint.PUSH_UNDER_NEW_TAG,
          null));
    }
    listener.on(new TagUnchanged(repository, tag, pushed.value()));
  }

  /** By digest; a tag gets its own event ({@code TagSet}). */
  private void put(RegistryClient destination, String repository, Manifest manifest)
      throws IOException, InterruptedException {
    destination.putManifest(repository, manifest.digest().value(), manifest);
    listener.on(new ManifestPut(manifest.digest().value(), manifest.size(), manifest.mediaType()));
  }
}
