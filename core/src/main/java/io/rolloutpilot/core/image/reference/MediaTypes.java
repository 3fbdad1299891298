package io.rolloutpilot.core.image.reference;

import java.util.List;
import java.util.Set;

/** The manifest and blob media types the publisher understands (Docker v2 schema 2 and OCI). */
public final class MediaTypes {
  public static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
  public static final String DOCKER_MANIFEST_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
  public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
  public static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
  public static final String OCI_LAYER_TAR = "application/vnd.oci.image.layer.v1.tar";

  private static final Set<String> IMAGES = Set.of(DOCKER_MANIFEST, OCI_MANIFEST);
  private static final Set<String> INDEXES = Set.of(DOCKER_MANIFEST_LIST, OCI_INDEX);

  /** The Accept list for manifest requests, most specific first. */
  public static final List<String> MANIFEST_ACCEPT =
      List.of(OCI_INDEX, DOCKER_MANIFEST_LIST, OCI_MANIFEST, DOCKER_MANIFEST);

  private MediaTypes() {}

  public static boolean isImageManifest(String mediaType) {
    return IMAGES.contains(mediaType);
  }

  public static boolean isIndex(String mediaType) {
    return INDEXES.contains(mediaType);
  }

  public static boolean isManifest(String mediaType) {
    return isImageManifest(mediaType) || isIndex(mediaType);
  }
}
