package io.rolloutpilot.core.rollout;

import io.rolloutpilot.core.validation.Names;

/** Namespace and name of one Rollout, validated before any request is sent. */
public record RolloutRef(String namespace, String name) {
  public RolloutRef {
    Names.requireLabel("namespace", namespace);
    Names.requireSubdomain("rollout", name);
  }

  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}
