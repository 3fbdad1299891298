package io.rolloutpilot.core.image.reference;

import io.rolloutpilot.core.error.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Where an image goes: a registry host[:port], a repository and the tags to set (possibly none). */
public record PushTarget(String registry, String repository, List<String> tags) {
  public PushTarget {
    tags = List.copyOf(tags);
  }

  /**
   * Parses {@code --to registry/repo[:tag]} plus extra {@code --tag}s. The registry host is required
   * unless {@code defaultRegistry} supplies it (ECR computes it from account and region).
   */
  public static PushTarget parse(String to, List<String> extraTags, String defaultRegistry) {
    ImageReference ref = ImageReference.parse("to", to);
    if (ref.digest() != null) {
      throw new InvalidInputException("to", "'" + to + "' names a digest; a push target is a repository with"
          + " optional tags (the digest is the image's own)");
    }
    String registry = ref.registry() != null ? ref.registry() : defaultRegistry;
    if (registry == null) {
      throw new InvalidInputException("to", "'" + to + "' has no registry host; use e.g. registry.example.com/"
          + ref.repository() + " (or a repository in Amazon ECR)");
    }
    LinkedHashSet<String> tags = new LinkedHashSet<>();
    if (ref.tag() != null) {
      tags.add(Tags.require("to", ref.tag()));
    }
    for (String tag : extraTags) {
      tags.add(Tags.require("tag", tag));
    }
    return new PushTarget(registry, ref.repository(), new ArrayList<>(tags));
  }

  public String repositoryRef() {
    return registry + "/" + repository;
  }
}
