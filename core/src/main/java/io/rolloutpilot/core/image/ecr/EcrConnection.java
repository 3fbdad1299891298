package io.rolloutpilot.core.image.ecr;

import java.util.List;
import software.amazon.awssdk.services.ecr.EcrClient;

/** An ECR client with the STS clients and credential providers built for it, closed together. */
public final class EcrConnection implements AutoCloseable {
  private final EcrClient ecr;
  private final List<AutoCloseable> resources;

  EcrConnection(EcrClient ecr, List<AutoCloseable> resources) {
    this.ecr = ecr;
    this.resources = List.copyOf(resources);
  }

  public EcrClient ecr() {
    return ecr;
  }

  @Override
  public void close() {
    ecr.close();
    closeAll(resources);
  }

  static void closeAll(List<AutoCloseable> resources) {
    for (AutoCloseable resource : resources) {
      try {
        resource.close();
      } catch (Exception e) {
        // a client that fails to close holds no state a later push could see
      }
    }
  }
}
