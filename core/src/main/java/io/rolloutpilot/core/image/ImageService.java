package io.rolloutpilot.core.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rolloutpilot.core.error.Hint;
import io.rolloutpilot.core.error.RolloutPilotException;
import io.rolloutpilot.core.error.RolloutPilotException.Details;
import io.rolloutpilot.core.error.UnreachableException;
import io.rolloutpilot.core.event.EngineListener;
import io.rolloutpilot.core.image.ecr.EcrClients;
import io.rolloutpilot.core.image.ecr.EcrConnection;
import io.rolloutpilot.core.image.ecr.EcrPublisher;
import io.rolloutpilot.core.image.ecr.EcrPushRequest;
import io.rolloutpilot.core.image.ecr.EcrPushResult;
import io.rolloutpilot.core.image.oci.RegistryErrors;
import io.rolloutpilot.core.image.oci.RegistryStalledException;
import io.rolloutpilot.core.image.push.ImagePublisher;
import io.rolloutpilot.core.image.push.PushRequest;
import io.rolloutpilot.core.image.push.PushResult;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

/**
 * The image engine's entry point for front ends: publish an image byte for byte to any OCI registry,
 * or to Amazon ECR with its token, repository pre-flight and scan gate. Each push owns its HTTP
 * clients and upload threads and releases them when it returns.
 */
public final class ImageService {
  private final ObjectMapper json;
  private final Clock clock;
  private final Duration scanPollInterval;

  public ImageService(ObjectMapper json, Clock clock, Duration scanPollInterval) {
    this.json = json;
    this.clock = clock;
    this.scanPollInterval = scanPollInterval;
  }

  public PushResult push(PushRequest request, EngineListener listener) throws InterruptedException {
    try {
      return new ImagePublisher(json, clock).push(request, listener);
    } catch (IOException e) {
      throw ioFailure(e);
    }
  }

  /**
   * Pushes to ECR. A scan gate that finds more than it allows is not an error: the image is pushed, and
   * the result's scan says it must not be released.
   */
  public EcrPushResult pushToEcr(EcrPushRequest request, EngineListener listener) throws InterruptedException {
    try (EcrConnection ecr = EcrClients.open(request.settings(), clock)) {
      return new EcrPublisher(ecr.ecr(), json, clock, scanPollInterval).push(request, listener);
    } catch (IOException e) {
      throw ioFailure(e);
    }
  }

  /**
   * An I/O failure left after the retries: the network or a registry, never a local source file (the
   * sources report those as bad input).
   */
  private static RolloutPilotException ioFailure(IOException e) {
    if (e instanceof RegistryStalledException stalled) {
      return RegistryErrors.unreachable(stalled.server(), "the push failed: " + stalled.getMessage()
          + "; the request was tried again as often as the retry policy allows", Hint.RETRY_LATER, e);
    }
    return new UnreachableException(Details.of(null, "the push failed: " + e.getClass().getSimpleName()
        + (e.getMessage() == null ? "" : ": " + e.getMessage())), e);
  }
}
