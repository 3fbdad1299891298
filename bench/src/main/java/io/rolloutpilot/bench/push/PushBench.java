package io.rolloutpilot.bench.push;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rolloutpilot.core.image.oci.CredentialsResolver;
import io.rolloutpilot.core.image.oci.RegistryClient;
import io.rolloutpilot.core.image.oci.RegistryConnector;
import io.rolloutpilot.core.image.oci.RegistryCredentials;
import io.rolloutpilot.core.image.oci.RegistryHttpClients;
import io.rolloutpilot.core.image.oci.Retrier;
import io.rolloutpilot.core.image.oci.RetryPolicy;
import io.rolloutpilot.core.image.oci.TlsSettings;
import io.rolloutpilot.core.image.push.ImagePublisher;
import io.rolloutpilot.core.image.push.PushOptions;
import io.rolloutpilot.core.image.push.PushRequest;
import io.rolloutpilot.core.image.push.PushResult;
import io.rolloutpilot.core.image.reference.Descriptor;
import io.rolloutpilot.core.image.reference.Digest;
import io.rolloutpilot.core.image.reference.PushTarget;
import io.rolloutpilot.core.image.source.SourceSpec;
import io.rolloutpilot.testkit.registry.LocalRegistry;
import io.rolloutpilot.testkit.registry.TestImages;
import io.rolloutpilot.testkit.registry.Tools;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import io.rolloutpilot.core.RolloutPilotEngine;
import io.rolloutpilot.core.event.EngineListener;
import io.rolloutpilot.core.image.oci.RegistryAccess;

/**
 * Push benchmark beside {@code skopeo copy}: the same generated image (5 layers, 256 MiB of random
 * data), a freshly started registry for every cold run, our CLI both as users run it
 * ({@code bin/rollout-pilot}) and as {@code java -jar}, the three rotating, medians over RUNS; then
 * the same over TLS ({@link TlsColdPush}). Usage: PushBench CLI_JAR LAUNCHER [RUNS=5] [TOTAL_MIB=256]. Prints figures only; nothing is hard-coded.
 */
public final class PushBench {
  /** The three ways a push is run, rotated so none always goes first. */
  private enum Tool { LAUNCHER, JAR, SKOPEO }

  private final Path jar;
  private final Path launcher;
  private final int runs;
  private final Path work;
  private final TestImages.Layout image;
  private final Path skopeo = Tools.require("skopeo", "skopeo");
  private final LauncherArchive archive;

  private PushBench(Path jar, Path launcher, int runs, Path work, TestImages.Layout image) {
    this.jar = jar;
    this.launcher = launcher;
    this.runs = runs;
    this.work = work;
    this.image = image;
    this.archive = new LauncherArchive(jar);
  }

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args[0]);
    Path launcher = Path.of(args[1]);
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    long totalMib = args.length > 3 ? Long.parseLong(args[3]) : 256;
    Path work = Files.createTempDirectory("push-bench");
    try {
      long t0 = System.nanoTime();
      TestImages.Layout image = TestImages.single(work.resolve("image"), 7, 5, totalMib * 1024 * 1024 / 5, false, "v1");
      System.out.printf(Locale.ROOT, "image: 5 layers, %d MiB random data, digest %s (generated in %.1f s)%n",
          totalMib, image.root().digest(), (System.nanoTime() - t0) / 1e9);
      new PushBench(jar, launcher, runs, work, image).run();
    } finally {
      Runs.deleteTree(work);
    }
  }

  private void run() throws Exception {
    double firstLauncherRun = firstLauncherRun();
    Map<Tool, Stats> cold = new EnumMap<>(Tool.class);
    Map<Tool, Stats> repush = new EnumMap<>(Tool.class);
    for (Tool tool : Tool.values()) {
      cold.put(tool, new Stats());
      repush.put(tool, new Stats());
    }
    Stats inProcess = new Stats();
    Stats promote = new Stats();
    long promoteBytes = -1;
    for (int i = 0; i < runs; i++) {
      for (int turn = 0; turn < Tool.values().length; turn++) {
        Tool tool = Tool.values()[(i + turn) % Tool.values().length];
        try (LocalRegistry registry = LocalRegistry.startPlain(work.resolve("reg-" + i + "-" + turn))) {
          String to = registry.authority() + "/bench/app:1";
          cold.get(tool).add(Runs.time(command(tool, registry, to)));
          repush.get(tool).add(Runs.time(command(tool, registry, to)));
          if (tool == Tool.JAR) {
            promoteBytes = Math.max(promoteBytes, inProcess(registry, to, inProcess, promote));
          }
          Runs.deleteTree(registry.dataDirectory());
        }
      }
    }
    print(cold, repush, inProcess, promote, promoteBytes, firstLauncherRun, rawPutThroughput());
    new TlsColdPush(launcher, skopeo, image, archive, work).runAndPrint(runs);
  }

  /**
   * The launcher's first run lists its classes and dumps the class data sharing archive in the
   * background after it exits; timed once, apart from the rest, which start when the archive is in place.
   */
  private double firstLauncherRun() throws Exception {
    archive.deleteAll();
    try (LocalRegistry registry = LocalRegistry.startPlain(work.resolve("reg-first"))) {
      double ms = Runs.time(command(Tool.LAUNCHER, registry, registry.authority() + "/bench/first:1"));
      Runs.deleteTree(registry.dataDirectory());
      archive.awaitPush();
      return ms;
    }
  }

  /** Re-push in process three times, then promote to another repository; returns the promote's bytes sent. */
  private long inProcess(LocalRegistry registry, String to, Stats inProcess, Stats promote) throws Exception {
    try (RolloutPilotEngine engine = RolloutPilotEngine.withoutCluster()) {
      for (int k = 0; k < 3; k++) {
        long start = System.nanoTime();
        PushResult again = engine.images().push(request(registry, image.ociSource(), to), EngineListener.NONE);
        inProcess.add((System.nanoTime() - start) / 1e6);
        Runs.require(again.blobsUploaded() == 0, "re-push uploaded blobs");
      }
      long start = System.nanoTime();
      PushResult promoted = engine.images().push(request(registry, "docker://" + to,
          registry.authority() + "/prod/app:1"), EngineListener.NONE);
      promote.add((System.nanoTime() - start) / 1e6);
      return promoted.bytesUploaded();
    }
  }


  private void print(Map<Tool, Stats> cold, Map<Tool, Stats> repush, Stats inProcess, Stats promote,
      long promoteBytes, double firstLauncherRun, double throughput) {
    double skopeoCold = cold.get(Tool.SKOPEO).median();
    System.out.println();
    System.out.println("cold push, whole process, fresh registry each run (" + runs + " runs each, rotating):");
    System.out.println("  bin/rollout-pilot push    " + cold.get(Tool.LAUNCHER).describe());
    System.out.println("  java -jar ... push        " + cold.get(Tool.JAR).describe());
    System.out.println("  skopeo copy               " + cold.get(Tool.SKOPEO).describe());
    System.out.printf(Locale.ROOT, "  ratio launcher/skopeo     %.2f (goal <= 1.0)%n",
        cold.get(Tool.LAUNCHER).median() / skopeoCold);
    System.out.printf(Locale.ROOT, "  ratio java -jar/skopeo    %.2f%n", cold.get(Tool.JAR).median() / skopeoCold);
    System.out.println("re-push, every blob present:");
    System.out.println("  ours, in process          " + inProcess.describe() + "  (goal <= 50 ms)");
    System.out.println("  bin/rollout-pilot push    " + repush.get(Tool.LAUNCHER).describe());
    System.out.println("  java -jar ... push        " + repush.get(Tool.JAR).describe());
    System.out.println("  skopeo copy               " + repush.get(Tool.SKOPEO).describe());
    System.out.printf(Locale.ROOT, "first bin/rollout-pilot push (lists its classes; the archive is dumped after it exits): %.0f ms%n",
        firstLauncherRun);
    System.out.println("promote between repositories of one registry (mount), in process:");
    System.out.println("  ours                      " + promote.describe() + "  blob bytes sent (max over runs): "
        + promoteBytes + " (goal 0)");
    System.out.printf(Locale.ROOT, "raw single-blob PUT, 256 MiB, java.net.http (single-stream limit): %.0f MiB/s%n",
        throughput);
  }

  private List<String> command(Tool tool, LocalRegistry registry, String to) {
    List<String> push = List.of("push", "--from", image.ociSource(), "--to", to, "--insecure-registry",
        registry.authority());
    List<String> command = new ArrayList<>();
    switch (tool) {
      case LAUNCHER -> command.add(launcher.toString());
      case JAR -> command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
          jar.toString()));
      case SKOPEO -> {
        return skopeoCopy(to);
      }
    }
    command.addAll(push);
    return command;
  }

  private List<String> skopeoCopy(String to) {
    return List.of(skopeo.toString(), "copy", "--quiet", "--dest-tls-verify=false", image.ociSource(), "docker://" + to);
  }

  private static PushRequest request(LocalRegistry registry, String from, String to) {
    return new PushRequest(SourceSpec.parse(from), PushTarget.parse(to, List.of(), null), PushOptions.defaults(),
        new RegistryAccess(new TlsSettings(null, Set.of(registry.authority())), CredentialsResolver.anonymous()));
  }

  /** POST + one 256 MiB PUT through the distribution client, best of three. */
  private double rawPutThroughput() throws Exception {
    byte[] blob = new byte[256 * 1024 * 1024];
    new Random(99).nextBytes(blob);
    MessageDigest sha = Digest.newSha256();
    Descriptor descriptor = new Descriptor("application/octet-stream", Digest.fromHash(sha.digest(blob)), blob.length);
    double best = 0;
    try (LocalRegistry registry = LocalRegistry.startPlain(work.resolve("raw"))) {
      RegistryHttpClients http = new RegistryHttpClients(new TlsSettings(null, Set.of(registry.authority())));
      Retrier once = new Retrier(new RetryPolicy(1, java.time.Duration.ZERO, java.time.Duration.ZERO),
          (w, a, r, d) -> { }, Math::random);
      RegistryClient client = new RegistryConnector(http, new ObjectMapper(), once, java.time.Clock.systemUTC())
          .connect(registry.authority(), RegistryCredentials.anonymous());
      for (int i = 0; i < 3; i++) {
        long start = System.nanoTime();
        client.uploadBlob("raw/blob" + i, descriptor, progress -> HttpRequest.BodyPublishers.ofByteArray(blob));
        best = Math.max(best, 256 / ((System.nanoTime() - start) / 1e9));
      }
    }
    return best;
  }
}
