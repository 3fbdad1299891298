package io.rolloutpilot.core.image.push;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rolloutpilot.core.image.oci.CredentialsResolver;
import io.rolloutpilot.core.image.oci.RegistryHttpClients;
import io.rolloutpilot.core.image.oci.RetryPolicy;
import io.rolloutpilot.core.image.oci.TlsSettings;
import io.rolloutpilot.core.image.push.ImagePublisher;
import io.rolloutpilot.core.image.push.PushEvent;
import io.rolloutpilot.core.image.push.PushListener;
import io.rolloutpilot.core.image.push.PushOptions;
import io.rolloutpilot.core.image.push.PushRequest;
import io.rolloutpilot.core.image.push.PushResult;
import io.rolloutpilot.core.image.reference.PushTarget;
import io.rolloutpilot.core.image.source.SourceSpec;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test helper: one publisher configuration plus the events of its pushes. */
final class Pushes {
  static final RetryPolicy FAST_RETRY = new RetryPolicy(4, Duration.ofMillis(20), Duration.ofMillis(100));

  final List<PushEvent> events = new CopyOnWriteArrayList<>();
  private final ImagePublisher publisher;
  private PushOptions options = new PushOptions(4, false, FAST_RETRY);

  Pushes(TlsSettings tls, CredentialsResolver credentials) {
    this.publisher = new ImagePublisher(new RegistryHttpClients(tls), credentials, new ObjectMapper(),
        Clock.systemUTC());
  }

  static Pushes plain(String insecureAuthority) {
    return new Pushes(new TlsSettings(null, java.util.Set.of(insecureAuthority)), CredentialsResolver.anonymous());
  }

  Pushes options(PushOptions newOptions) {
    this.options = newOptions;
    return this;
  }

  PushResult push(String from, String to, String... tags) throws IOException, InterruptedException {
    PushListener listener = events::add;
    return publisher.push(new PushRequest(SourceSpec.parse(from), PushTarget.parse(to, List.of(tags), null), options),
        listener);
  }

  long count(PushEvent.Kind kind) {
    return events.stream().filter(e -> e.kind() == kind).count();
  }
}
