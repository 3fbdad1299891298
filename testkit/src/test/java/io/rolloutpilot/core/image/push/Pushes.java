package io.rolloutpilot.core.image.push;

import io.rolloutpilot.core.RolloutPilotEngine;
import io.rolloutpilot.core.event.EngineEvent;
import io.rolloutpilot.core.image.oci.CredentialsResolver;
import io.rolloutpilot.core.image.oci.RegistryAccess;
import io.rolloutpilot.core.image.oci.RetryPolicy;
import io.rolloutpilot.core.image.oci.TlsSettings;
import io.rolloutpilot.core.image.reference.PushTarget;
import io.rolloutpilot.core.image.source.SourceSpec;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test helper: pushes through the engine with one registry access, keeping the events of its pushes. */
final class Pushes {
  static final RetryPolicy FAST_RETRY = new RetryPolicy(4, Duration.ofMillis(20), Duration.ofMillis(100));
  /** Pushes hold no engine state between calls, so one engine serves every test. */
  private static final RolloutPilotEngine ENGINE = RolloutPilotEngine.withoutCluster();

  final List<EngineEvent> events = new CopyOnWriteArrayList<>();
  private final RegistryAccess access;
  private PushOptions options = new PushOptions(4, false, FAST_RETRY);

  Pushes(TlsSettings tls, CredentialsResolver credentials) {
    this.access = new RegistryAccess(tls, credentials);
  }

  static Pushes plain(String insecureAuthority) {
    return new Pushes(new TlsSettings(null, java.util.Set.of(insecureAuthority)), CredentialsResolver.anonymous());
  }

  Pushes options(PushOptions newOptions) {
    this.options = newOptions;
    return this;
  }

  PushResult push(String from, String to, String... tags) throws InterruptedException {
    return ENGINE.images().push(new PushRequest(SourceSpec.parse(from), PushTarget.parse(to, List.of(tags), null),
        options, access), events::add);
  }

  long count(Class<? extends EngineEvent> type) {
    return events.stream().filter(type::isInstance).count();
  }

  <T extends EngineEvent> List<T> of(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
