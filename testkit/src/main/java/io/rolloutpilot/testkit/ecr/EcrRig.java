package io.rolloutpilot.testkit.ecr;

import io.rolloutpilot.testkit.registry.LocalRegistry;
import io.rolloutpilot.testkit.registry.RegistryProxy;
import io.rolloutpilot.testkit.registry.TestCertificate;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/**
 * An ECR stand-in on loopback: the control-plane fake (AWS JSON over HTTP) plus a TLS data plane (proxy
 * with {@link EcrDataPlane}) in front of a plain docker-registry. The fake's tokens open the data plane,
 * and its proxyEndpoint names it.
 */
public final class EcrRig implements AutoCloseable {
  public static final String REGION = "us-east-1";

  private final LocalRegistry backend;
  private final RegistryProxy dataPlane;
  private final EcrControlPlaneFake control;
  private final TestCertificate certificate;

  private EcrRig(LocalRegistry backend, RegistryProxy dataPlane, EcrControlPlaneFake control,
      TestCertificate certificate) {
    this.backend = backend;
    this.dataPlane = dataPlane;
    this.control = control;
    this.certificate = certificate;
  }

  public static EcrRig start(Path dir) throws IOException, InterruptedException {
    TestCertificate certificate = TestCertificate.create(dir.resolve("certs"));
    LocalRegistry backend = LocalRegistry.startPlain(dir.resolve("backend"));
    URI backendUri = URI.create("http://" + backend.authority());
    RegistryProxy dataPlane = RegistryProxy.start(backendUri, certificate.serverContext(), null);
    URI registry = URI.create("https://" + dataPlane.authority());
    EcrControlPlaneFake control = EcrControlPlaneFake.start(REGION, registry);
    dataPlane.rule(new EcrDataPlane(control, backendUri, registry + "/"));
    return new EcrRig(backend, dataPlane, control, certificate);
  }

  public EcrControlPlaneFake control() {
    return control;
  }

  public RegistryProxy dataPlane() {
    return dataPlane;
  }

  public LocalRegistry backend() {
    return backend;
  }

  public TestCertificate certificate() {
    return certificate;
  }

  /** The registry host[:port] of the data plane, as pushes name it. */
  public String registryAuthority() {
    return dataPlane.authority();
  }

  @Override
  public void close() {
    control.close();
    dataPlane.close();
    backend.close();
  }
}
