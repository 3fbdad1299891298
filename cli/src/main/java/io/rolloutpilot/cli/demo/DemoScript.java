package io.rolloutpilot.cli.demo;

import io.rolloutpilot.cli.common.ExitCodes;
import io.rolloutpilot.cli.rollout.StatusView;
import io.rolloutpilot.core.rollout.CanaryStep;
import io.rolloutpilot.core.rollout.DeployRequest;
import io.rolloutpilot.core.rollout.Rollout;
import io.rolloutpilot.core.rollout.RolloutRef;
import io.rolloutpilot.core.rollout.follow.FollowRequest;
import io.rolloutpilot.core.rollout.follow.FollowResult;
import io.rolloutpilot.core.rollout.follow.WaitTarget;
import io.rolloutpilot.core.image.reference.ImageReference;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import io.rolloutpilot.core.rollout.RolloutService;

/** The demo's plot, on a running sandbox: first revision, good release, bad release, summary. */
final class DemoScript {
  /** A safety net only: each release takes a few seconds on the sandbox. */
  private static final Duration RELEASE_TIMEOUT = Duration.ofSeconds(45);

  private final DemoLog log;
  private final RolloutService rollouts;
  private final RolloutRef ref;
  private final ExecutorService promoter;
  private final PrintWriter err;
  private final UnaryOperator<String> analysisPhase;
  private List<CanaryStep> steps;

  /** @param analysisPhase reads an AnalysisRun's own phase by name */
  DemoScript(DemoLog log, RolloutService rollouts, RolloutRef ref, ExecutorService promoter, PrintWriter err,
      UnaryOperator<String> analysisPhase) {
    this.log = log;
    this.rollouts = rollouts;
    this.ref = ref;
    this.promoter = promoter;
    this.err = err;
    this.analysisPhase = analysisPhase;
  }

  int play() throws InterruptedException {
    Rollout rollout = rollouts.get(ref);
    steps = rollout.spec().steps();
    Rollout.Container container = rollout.spec().containers().get(0);
    log.section("Created Rollout '" + ref.name() + "': " + rollout.spec().replicas() + " replicas of "
        + container.name() + "=" + container.image());
    log.line("canary steps: " + steps.stream().map(CanaryStep::describe).collect(Collectors.joining(", ")));
    FollowResult first = rollouts.follow(FollowRequest.until(ref, WaitTarget.HEALTHY, RELEASE_TIMEOUT),
        watch());
    log.line("first revision: " + first.reason() + " (a first revision skips the canary steps, as in Argo)");
    ImageReference base = ImageReference.parse("image", container.image());
    DemoRelease good = release("good release", container.name(), withTag(base, "1.1.0"));
    DemoRelease bad = release("bad release", container.name(), withTag(base, "1.2.0-bad"));
    log.section("Status now (rollout-pilot status " + ref.name() + ")");
    StatusView.text(rollouts.status(ref)).forEach(line -> log.plain("  " + line));
    return summarise(good, bad);
  }

  private DemoRelease release(String title, String container, String image) throws InterruptedException {
    log.section(title + ": rollout-pilot deploy " + ref.name() + " --image " + container + "=" + image);
    ReleaseWatch watch = watch();
    DeployRequest request = new DeployRequest(ref, container, image, WaitTarget.HEALTHY, RELEASE_TIMEOUT,
        Duration.ZERO);
    FollowResult result = rollouts.deploy(request, watch).follow();
    Map<String, String> verdicts = new LinkedHashMap<>();
    watch.analysis().keySet().forEach(run -> verdicts.put(run, analysisPhase.apply(run)));
    DemoRelease release = new DemoRelease(title, container + "=" + image, result, watch.furthestStep(),
        steps.size(), verdicts);
    log.line("=> " + release.outcome() + ": " + result.reason());
    return release;
  }

  private ReleaseWatch watch() {
    return new ReleaseWatch(log, rollouts, ref, steps, promoter);
  }

  private int summarise(DemoRelease good, DemoRelease bad) {
    log.section("What happened");
    good.describe().forEach(log::plain);
    bad.describe().forEach(log::plain);
    log.plain(String.format("  %-14s%s (sandbox start included)", "total", DemoLog.seconds(log.elapsed())));
    boolean asDesigned = good.result().outcome() == FollowResult.Outcome.HEALTHY && bad.wasAborted();
    if (asDesigned) {
      log.plain("");
      log.plain("The demo behaved as designed: the good version went through every step to Healthy; the bad one"
          + " failed its analysis, was aborted, and the stable version kept serving.");
      return ExitCodes.OK;
    }
    err.println("error: the demo did not behave as designed (expected Healthy, then Degraded by an aborted"
        + " analysis; got " + good.result().outcome() + ", then " + bad.result().outcome() + ")");
    err.flush();
    return ExitCodes.RELEASE_FAILED;
  }

  private static String withTag(ImageReference base, String tag) {
    return new ImageReference(base.registry(), base.repository(), tag, null).toString();
  }
}
