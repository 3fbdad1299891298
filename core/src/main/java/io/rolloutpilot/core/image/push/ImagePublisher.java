package io.rolloutpilot.core.image.push;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rolloutpilot.core.image.oci.CredentialsResolver;
import io.rolloutpilot.core.image.oci.RegistryClient;
import io.rolloutpilot.core.image.oci.RegistryConnector;
import io.rolloutpilot.core.image.oci.RegistryHttpClients;
import io.rolloutpilot.core.image.oci.Retrier;
import io.rolloutpilot.core.image.source.SourceImage;
import io.rolloutpilot.core.image.source.SourceOpener;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import io.rolloutpilot.core.event.EngineListener;
import io.rolloutpilot.core.event.RequestRetried;
import io.rolloutpilot.core.event.SourceOpened;

/**
 * The engine's push service: opens and validates the source, then publishes it to any OCI registry
 * unchanged — blobs, then manifests by digest, then tags — and reports what it did.
 */
public final class ImagePublisher {
  private final SourceOpener sources;
  private final ObjectMapper json;
  private final Clock clock;

  public ImagePublisher(ObjectMapper json, Clock clock) {
    this.sources = new SourceOpener(json);
    this.json = json;
    this.clock = clock;
  }

  public PushResult push(PushRequest request, EngineListener listener) throws IOException, InterruptedException {
    Instant start = clock.instant();
    int attempts = request.options().retry().maxAttempts();
    Retrier retrier = new Retrier(request.options().retry(), (what, attempt, reason, delay) ->
        listener.on(new RequestRetried(request.to().registry(), what, attempt, attempts, reason, delay)),
        () -> ThreadLocalRandom.current().nextDouble());
    RegistryHttpClients http = new RegistryHttpClients(request.access().tls(), request.options().timeouts());
    RegistryClients clients = new RegistryClients(new RegistryConnector(http, json, retrier, clock),
        request.access().credentials());
    SourceImage source = sources.open(request.from(), clients);
    listener.on(new SourceOpened(source.description(), source.root().digest().value(),
        source.children().size() + 1, source.blobs().size(), source.totalBlobBytes()));
    String repository = request.to().repository();
    RegistryClient destination = clients.client(request.to().registry());
    ExecutorService pool = Executors.newFixedThreadPool(request.options().parallelism(), daemonThreads());
    BlobStage.Counts counts;
    try {
      counts = new BlobStage(new ParallelRunner(pool), retrier, listener).run(destination, repository, source);
    } finally {
      pool.shutdownNow();
    }
    ManifestStage manifests = new ManifestStage(listener);
    manifests.putByDigest(destination, repository, source);
    List<String> tags = new ArrayList<>();
    for (String tag : request.to().tags()) {
      manifests.tag(destination, repository, source.root(), tag, request.options().immutableTags());
      tags.add(tag);
    }
    String digest = source.root().digest().value();
    return new PushResult(request.to().registry(), repository, digest, request.to().repositoryRef() + "@" + digest,
        tags, source.root().mediaType(), counts.uploaded(), counts.reused(), counts.bytesUploaded(),
        Duration.between(start, clock.instant()));
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "image-push-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
