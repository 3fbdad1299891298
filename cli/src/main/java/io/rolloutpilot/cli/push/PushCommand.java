package io.rolloutpilot.cli.push;

import io.rolloutpilot.cli.RolloutPilot;
import io.rolloutpilot.cli.common.EventPrinter;
import io.rolloutpilot.cli.common.ExitCodes;
import io.rolloutpilot.cli.common.Output;
import io.rolloutpilot.cli.common.OutputOptions;
import io.rolloutpilot.core.RolloutPilotEngine;
import io.rolloutpilot.core.image.ecr.EcrPushRequest;
import io.rolloutpilot.core.image.ecr.EcrPushResult;
import io.rolloutpilot.core.image.ecr.EcrSettings;
import io.rolloutpilot.core.image.oci.RegistryAccess;
import io.rolloutpilot.core.image.oci.RegistryTimeouts;
import io.rolloutpilot.core.image.oci.RetryPolicy;
import io.rolloutpilot.core.image.oci.TlsSettings;
import io.rolloutpilot.core.image.push.PushOptions;
import io.rolloutpilot.core.image.push.PushRequest;
import io.rolloutpilot.core.image.push.PushResult;
import io.rolloutpilot.core.image.reference.PushTarget;
import io.rolloutpilot.core.image.source.SourceSpec;
import io.rolloutpilot.core.validation.Durations;
import io.rolloutpilot.core.image.reference.ImageReference;
import java.nio.file.Path;
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
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code push}: publish an image byte for byte to any OCI registry or Amazon ECR. */
@Command(name = "push", mixinStandardHelpOptions = true, description = {"Push an image unchanged (same manifest bytes, same digest) to an OCI registry"
    + " or Amazon ECR.", "Exit 0 pushed, 1 the scan gate failed (the image is pushed), 2 bad input (nothing was"
    + " uploaded), 3 the registry or AWS failed (its error code and a hint are printed)."})
public final class PushCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @ParentCommand
  RolloutPilot root;

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

  @Option(names = "--stall-timeout", paramLabel = "D", defaultValue = "30s", description = "how long a registry may"
      + " take to move a 1 MiB chunk of a blob; an answer may take twice as long. A request that stalls fails and"
      + " is retried (default: ${DEFAULT-VALUE})")
  String stallTimeout;

  @Mixin
  OutputOptions outputOptions;

  @Mixin
  EcrOptions ecr;

  @Override
  public Integer call() throws InterruptedException {
    Output out = new Output(spec.commandLine().getOut(), spec.commandLine().getErr(), outputOptions.format());
    SourceSpec source = SourceSpec.parse(from);
    Set<String> insecureHosts = new LinkedHashSet<>();
    insecure.forEach(h -> insecureHosts.add(TlsSettings.requireHostPort("insecureRegistry", h)));
    // read and checked here, before any connection, so a bad --ca-cert is exit 2 with nothing sent
    TlsSettings tls = caCert == null ? new TlsSettings(null, insecureHosts)
        : TlsSettings.withCaCertificates("caCert", caCert, insecureHosts);
    Credentials credentials = new Credentials(to, username, passwordEnv, source, fromUsername, fromPasswordEnv,
        environment());
    RegistryAccess access = new RegistryAccess(tls, credentials);
    PushOptions options = new PushOptions(parallel, immutableTags, RetryPolicy.standard(),
        RegistryTimeouts.stallingAfter(Durations.parse("stallTimeout", stallTimeout)));
    if (!ecr.enabled()) {
      ecr.requireNoEcrOptions();
      PushTarget target = PushTarget.parse(to, tags, null);
      try (RolloutPilotEngine engine = RolloutPilotEngine.withoutCluster()) {
        render(out, engine.images().push(new PushRequest(source, target, options, access), new EventPrinter(out)),
            null);
      }
      return ExitCodes.OK;
    }
    EcrPushRequest request = ecrRequest(source, options, access);
    try (RolloutPilotEngine engine = RolloutPilotEngine.withoutCluster()) {
      EcrPushResult result = engine.images().pushToEcr(request, new EventPrinter(out));
      render(out, result.push(), result);
      if (result.scan() != null && !result.scan().passed()) {
        out.error("the scan of " + result.push().imageRef() + " exceeds the gate for " + result.scan().exceeded()
            + ": counts " + result.scan().counts() + (result.scan().worstFindings().isEmpty() ? ""
            : "; worst: " + String.join("; ", result.scan().worstFindings())));
        return ExitCodes.RELEASE_FAILED;
      }
      return ExitCodes.OK;
    }
  }

  private EcrPushRequest ecrRequest(SourceSpec source, PushOptions options, RegistryAccess access) {
    ImageReference ref = ImageReference.parse("to", to);
    Optional<EcrSettings.HostParts> host = Optional.ofNullable(ref.registry()).flatMap(EcrSettings::parseHost);
    EcrSettings settings = ecr.settings(host.map(EcrSettings.HostParts::account).orElse(null),
        host.map(EcrSettings.HostParts::region).orElse(null), environment());
    PushTarget target = PushTarget.parse(to, tags, "ecr");
    return new EcrPushRequest(source, settings, target.repository(), target.tags(), options,
        ecr.repositoryRequest(immutableTags), ecr.gate(), ecr.scanTimeout(), access);
  }

  private java.util.Map<String, String> environment() {
    return root == null ? System.getenv() : root.environment();
  }

  private static void render(Output out, PushResult result, EcrPushResult ecr) {
    if (out.json()) {
      out.document(PushView.json(result, ecr));
    } else {
      PushView.text(result, ecr).forEach(out::line);
    }
  }
}
