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
import io.rolloutpilot.core.image.push.PushListener;
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
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Push benchmark beside {@code skopeo copy}: the same generated image (5 layers, 256 MiB of random
 * data), a freshly started registry for every cold run, the two tools alternating, medians over RUNS.
 * Usage: PushBench CLI_JAR [RUNS=5] [TOTAL_MIB=256]. Prints figures only; nothing is hard-coded.
 */
public final class PushBench {
  private final Path jar;
  private final int runs;
  private final Path work;
  private final TestImages.Layout image;
  private final Path skopeo = Tools.require("skopeo", "skopeo");

  private PushBench(Path jar, int runs, Path work, TestImages.Layout image) {
    this.jar = jar;
    this.runs = runs;
    this.work = work;
    this.image = image;
  }

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args[0]);
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    long totalMib = args.length > 2 ? Long.parseLong(args[2]) : 256;
    Path work = Files.createTempDirectory("push-bench");
    try {
      long t0 = System.nanoTime();
      TestImages.Layout image = TestImages.single(work.resolve("image"), 7, 5, totalMib * 1024 * 1024 / 5, false, "v1");
      System.out.printf(Locale.ROOT, "image: 5 layers, %d MiB random data, digest %s (generated in %.1f s)%n",
          totalMib, image.root().digest(), (System.nanoTime() - t0) / 1e9);
      new PushBench(jar, runs, work, image).run();
    } finally {
      deleteTree(work);
    }
  }

  private void run() throws Exception {
    Stats oursCold = new Stats();
    Stats skopeoCold = new Stats();
    Stats oursRepushInProcess = new Stats();
    Stats oursRepushProcess = new Stats();
    Stats skopeoRepush = new Stats();
    Stats promote = new Stats();
    long promoteBytes = -1;
    for (int i = 0; i < runs; i++) {
      boolean oursFirst = i % 2 == 0;
      for (int turn = 0; turn < 2; turn++) {
        boolean ours = (turn == 0) == oursFirst;
        try (LocalRegistry registry = LocalRegistry.startPlain(work.resolve("reg-" + i + "-" + turn))) {
          String to = registry.authority() + "/bench/app:1";
          if (ours) {
            oursCold.add(time(ourCli(registry, to)));
            oursRepushProcess.add(time(ourCli(registry, to)));
            ImagePublisher publisher = publisher(registry);
            for (int k = 0; k < 3; k++) {
              long start = System.nanoTime();
              PushResult again = publisher.push(request(image.ociSource(), to), PushListener.none());
              oursRepushInProcess.add((System.nanoTime() - start) / 1e6);
              require(again.blobsUploaded() == 0, "re-push uploaded blobs");
            }
            long start = System.nanoTime();
            PushResult promoted = publisher.push(request("docker://" + to, registry.authority() + "/prod/app:1"),
                PushListener.none());
            promote.add((System.nanoTime() - start) / 1e6);
            promoteBytes = Math.max(promoteBytes, promoted.bytesUploaded());
          } else {
            skopeoCold.add(time(skopeoCopy(registry, to)));
            skopeoRepush.add(time(skopeoCopy(registry, to)));
          }
          deleteTree(registry.dataDirectory());
        }
      }
    }
    double throughput = rawPutThroughput();
    print(oursCold, skopeoCold, oursRepushInProcess, oursRepushProcess, skopeoRepush, promote, promoteBytes,
        throughput);
  }

  private void print(Stats oursCold, Stats skopeoCold, Stats inProcess, Stats oursProcess, Stats skopeoRepush,
      Stats promote, long promoteBytes, double throughput) {
    System.out.println();
    System.out.println("cold push, whole process, fresh registry each run (" + runs + " runs each, alternating):");
    System.out.println("  rollout-pilot push  " + oursCold.describe());
    System.out.println("  skopeo copy         " + skopeoCold.describe());
    System.out.printf(Locale.ROOT, "  ratio ours/skopeo   %.2f (goal <= 1.0)%n", oursCold.median() / skopeoCold.median());
    System.out.println("re-push, every blob present:");
    System.out.println("  ours, in process    " + inProcess.describe() + "  (goal <= 50 ms)");
    System.out.println("  ours, whole process " + oursProcess.describe());
    System.out.println("  skopeo, whole proc. " + skopeoRepush.describe());
    System.out.println("promote between repositories of one registry (mount), in process:");
    System.out.println("  ours                " + promote.describe() + "  blob bytes sent (max over runs): "
        + promoteBytes + " (goal 0)");
    System.out.printf(Locale.ROOT, "raw single-blob PUT, 256 MiB, java.net.http (single-stream limit): %.0f MiB/s%n",
        throughput);
  }

  private List<String> ourCli(LocalRegistry registry, String to) {
    return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(),
        "push", "--from", image.ociSource(), "--to", to, "--insecure-registry", registry.authority());
  }

  private List<String> skopeoCopy(LocalRegistry registry, String to) {
    return List.of(skopeo.toString(), "copy", "--quiet", "--dest-tls-verify=false", image.ociSource(), "docker://" + to);
  }

  private static double time(List<String> command) throws IOException, InterruptedException {
    long start = System.nanoTime();
    Tools.run(command, null, 600).requireSuccess(command.get(0).endsWith("java") ? "rollout-pilot push" : "skopeo");
    return (System.nanoTime() - start) / 1e6;
  }

  private static ImagePublisher publisher(LocalRegistry registry) {
    return new ImagePublisher(new RegistryHttpClients(new TlsSettings(null, Set.of(registry.authority()))),
        CredentialsResolver.anonymous(), new ObjectMapper(), Clock.systemUTC());
  }

  private static PushRequest request(String from, String to) {
    return new PushRequest(SourceSpec.parse(from), PushTarget.parse(to, List.of(), null), PushOptions.defaults());
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
      RegistryClient client = new RegistryConnector(http, new ObjectMapper(), once)
          .connect(registry.authority(), RegistryCredentials.anonymous());
      for (int i = 0; i < 3; i++) {
        long start = System.nanoTime();
        client.uploadBlob("raw/blob" + i, descriptor, () -> HttpRequest.BodyPublishers.ofByteArray(blob));
        best = Math.max(best, 256 / ((System.nanoTime() - start) / 1e9));
      }
    }
    return best;
  }

  private static void require(boolean condition, String what) {
    if (!condition) {
      throw new IllegalStateException(what);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (var files = Files.walk(root)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
