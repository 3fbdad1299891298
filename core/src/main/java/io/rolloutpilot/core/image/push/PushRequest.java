package io.rolloutpilot.core.image.push;

import io.rolloutpilot.core.image.oci.RegistryAccess;
import io.rolloutpilot.core.image.reference.PushTarget;
import io.rolloutpilot.core.image.source.SourceSpec;

/** One push: what to take, where to put it, how, and how to reach the registries involved. */
public record PushRequest(SourceSpec from, PushTarget to, PushOptions options, RegistryAccess access) {}
