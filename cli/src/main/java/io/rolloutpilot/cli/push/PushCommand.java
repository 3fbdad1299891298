package io.rolloutpilot.cli.push;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rolloutpilot.cli.ExitCodes;
import io.rolloutpilot.cli.OutputFormat;
import io.rolloutpilot.cli.render.Output;
import io.rolloutpilot.core.image.ecr.EcrClients;
import io.rolloutpilot.core.image.ecr.EcrPublisher;
import io.rolloutpilot.core.image.ecr.EcrPushRequest;
import io.rolloutpilot.core.image.ecr.EcrPushResult;
import io.rolloutpilot.core.image.ecr.EcrSettings;
import io.rolloutpilot.core.image.ecr.ScanGate;
import io.rolloutpilot.core.image.ecr.ScanGateFailedException;
import io.rolloutpilot.core.image.oci.RegistryException;
import io.rolloutpilot.core.image.oci.RegistryHttpClients;
import io.rolloutpilot.core.image.oci.TlsSettings;
import io.rolloutpilot.core.image.push.ImagePublisher;
import io.rolloutpilot.core.image.push.PushListener;
import io.rolloutpilot.core.image.push.PushOptions;
import io.rolloutpilot.core.image.push.PushRequest;
import io.rolloutpilot.core.image.push.PushResult;
import io.rolloutpilot.core.image.reference.PushTarget;
import io.rolloutpilot.core.image.source.SourceSpec;
import io.rolloutpilot.core.validation.ImageReference;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.ecr.EcrClient;

/** {@code push}: publish an image byte for byte to any OCI registry or Amazon ECR. */
@Command(name = "push", mixinStandardHelpOptions = true, description = {"Push an image unchanged (same manifest bytes, same digest) to an OCI registry"
    + " or Amazon ECR.", "Exit 0 pushed, 1 the scan gate failed (the image is pushed), 2 bad input (nothing was"
    + " uploaded), 3 the registry or AWS failed (its error code and a hint are printed)."})
public final class PushCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--from", required = true, paramLabel = "SOURCE",
      description = "docker-archive:PATH, oci:PATH[:REF] (directory or tar) or docker://REGISTRY/REPO[:TAG|@DIGEST]")
  String from;

  @Option(names = "--to", required = true, paramLabel = "DEST", description = "REGISTRY/REPO[:TAG]; with --ecr also"
      + " REPO[:TAG]")
  String to;

  @Option(names = "--tag", paramLabel = "T", description = "another tag to set (repeatable); tags are set last")
  List<String> tags = new ArrayList<>();

  @Option(names = "--immutable-tags", description = "a tag that already names another digest is a conflict (with"
      + " --create-repository: create the ECR repository with immutable tags)")
  boolean immutableTags;

  @Option(names = "--insecure-registry", paramLabel = "HOST:PORT", description = "no TLS verification (and plain"
      + " HTTP allowed) for this one registry (repeatable)")
  List<String> insecure = new ArrayList<>();

  @Option(names = "--ca-cert", paramLabel = "FILE", description = "PEM file with CA certificate(s) trusted in"
      + " addition to the JDK's default trust store, for registries behind a private CA (verification stays on)")
  Path caCert;

  @Option(names = "--username", paramLabel = "USER", description = "user for the destination registry (not ECR)")
  String username;

  @Option(names = "--password-env", paramLabel = "VAR", description = "environment variable holding --username's"
      + " password (never pass a password as an argument)")
  String passwordEnv;

  @Option(names = "--from-username", paramLabel = "USER", description = "user for a docker:// source registry")
  String fromUsername;

  @Option(names = "--from-password-env", paramLabel = "VAR", description = "environment variable with its password")
  String fromPasswordEnv;

  @Option(names = "--parallel", paramLabel = "N", defaultValue = "4", description = "blobs uploaded at once"
      + " (default: ${DEFAULT-VALUE})")
  int parallel;

  @Option(names = {"-o", "--output"}, paramLabel = "text|json", defaultValue = "text",
      description = "output format: text or json (default: ${DEFAULT-VALUE})")
  String output;

  @Mixin
  EcrOptions ecr;

  @Override
  public Integer call() throws IOException, InterruptedException {
    Output out = new Output(spec.commandLine().getOut(), spec.commandLine().getErr(), OutputFormat.parse(output));
    SourceSpec source = SourceSpec.parse(from);
    Set<String> insecureHosts = new LinkedHashSet<>();
    insecure.forEach(h -> insecureHosts.add(TlsSettings.requireHostPort("--insecure-registry", h)));
    // read and checked here, before any connection, so a bad --ca-cert is exit 2 with nothing sent
    TlsSettings tls = caCert == null ? new TlsSettings(null, insecureHosts)
        : TlsSettings.withCaCertificates("--ca-cert", caCert, insecureHosts);
    RegistryHttpClients http = new RegistryHttpClients(tls);
    Credentials credentials = new Credentials(to, username, passwordEnv, source, fromUsername, fromPasswordEnv);
    PushOptions options = new PushOptions(parallel, immutableTags, io.rolloutpilot.core.image.oci.RetryPolicy.standard());
    PushListener listener = event -> {
      if (out.json()) {
        out.progressJson(PushView.progressJson(event));
      } else {
        out.progress(PushView.progress(event));
      }
    };
    try {
      if (ecr.enabled()) {
        return pushToEcr(out, source, http, credentials, options, listener);
      }
      PushTarget target = PushTarget.parse(to, tags, null);
      PushResult result = new ImagePublisher(http, credentials, new ObjectMapper(), Clock.systemUTC())
          .push(new PushRequest(source, target, options), listener);
      render(out, result, null);
      return ExitCodes.OK;
    } catch (RegistryException e) {
      boolean named = e.errorCode() == null || e.getMessage().contains(e.errorCode());
      out.error(e.getMessage() + (named ? "" : " [" + e.errorCode() + "]"));
      Optional.ofNullable(e.hint()).ifPresent(h -> out.progress("hint: " + h));
      return ExitCodes.ENVIRONMENT;
    }
  }

  private int pushToEcr(Output out, SourceSpec source, RegistryHttpClients http, Credentials credentials,
      PushOptions options, PushListener listener) throws IOException, InterruptedException {
    ImageReference ref = ImageReference.parse("--to", to);
    Optional<EcrSettings.HostParts> host = Optional.ofNullable(ref.registry()).flatMap(EcrSettings::parseHost);
    EcrSettings settings = ecr.settings(host.map(EcrSettings.HostParts::account).orElse(null),
        host.map(EcrSettings.HostParts::region).orElse(null));
    PushTarget target = PushTarget.parse(to, tags, "ecr");
    try (EcrClient client = EcrClients.create(settings)) {
      EcrPublisher publisher = new EcrPublisher(client, settings, http, credentials, new ObjectMapper(),
          Clock.systemUTC(), new ScanGate(client, Clock.systemUTC(), Duration.ofSeconds(5), ecr.scanTimeout()));
      EcrPushRequest request = new EcrPushRequest(source, target.repository(), target.tags(), options,
          ecr.repositoryRequest(immutableTags), ecr.gate());
      try {
        EcrPushResult result = publisher.push(request, listener);
        render(out, result.push(), result);
        return ExitCodes.OK;
      } catch (ScanGateFailedException e) {
        render(out, e.result().push(), e.result());
        out.error(e.getMessage());
        return ExitCodes.RELEASE_FAILED;
      }
    }
  }

  private static void render(Output out, PushResult result, EcrPushResult ecr) {
    if (out.json()) {
      out.document(PushView.json(result, ecr));
    } else {
      PushView.text(result, ecr).forEach(out::line);
    }
  }
}
