package io.rolloutpilot.cli.rollout;

import io.rolloutpilot.cli.common.ExitCodes;
import io.rolloutpilot.cli.rollout.FollowView;
import io.rolloutpilot.cli.common.Output;
import io.rolloutpilot.cli.rollout.StatusView;
import io.rolloutpilot.core.rollout.RolloutPhase;
import io.rolloutpilot.core.rollout.RolloutRef;
import io.rolloutpilot.core.rollout.RolloutStatusReport;
import io.rolloutpilot.core.rollout.follow.FollowRequest;
import io.rolloutpilot.core.rollout.follow.FollowResult;
import io.rolloutpilot.core.rollout.follow.WaitTarget;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import io.rolloutpilot.cli.common.EventPrinter;
import io.rolloutpilot.core.rollout.RolloutService;

/**
 * {@code status}: Argo's status line and the rollout's columns; with {@code --watch} it follows the
 * rollout like {@code kubectl argo rollouts status}, and {@code --until paused} also stops at a pause, so a
 * pipeline can wait for a manual gate.
 */
@Command(name = "status", mixinStandardHelpOptions = true, description = {
    "Show a rollout's status, or follow it with --watch until it is Healthy"
    + " (or Paused with --until paused).",
    "Exit 0 when Healthy/Paused/Progressing (or the --until target was reached), 1 when Degraded, timed out"
    + " or deleted."})
public final class StatusCommand extends RolloutCommand {
  @Option(names = {"-w", "--watch"}, description = "follow the rollout until it reaches the --until target")
  boolean watch;

  @Option(names = "--until", paramLabel = "healthy|paused",
      description = "what --watch waits for: healthy, or paused (a pause or Healthy); implies --watch")
  String until;

  @Mixin
  FollowOptions followOptions;

  private WaitTarget target;
  private Duration timeoutValue;
  private Duration graceValue;
  private Duration maxOutageValue;

  @Override
  protected void validate() {
    target = until == null ? WaitTarget.HEALTHY : Choices.waitTarget("until", until, false);
    timeoutValue = followOptions.timeout();
    graceValue = followOptions.degradedGrace();
    maxOutageValue = followOptions.maxOutage();
  }

  @Override
  protected int run(RolloutService rollouts, RolloutRef ref, Output output) throws InterruptedException {
    if (!watch && until == null) {
      return show(rollouts.status(ref, timeoutValue), output);
    }
    FollowRequest request = new FollowRequest(ref, target, timeoutValue, graceValue, 0, null, maxOutageValue);
    FollowResult result = rollouts.follow(request, new EventPrinter(output));
    return finish(result, output);
  }

  /** Argo's non-watch rule: only Degraded is a failure. */
  static int show(RolloutStatusReport report, Output output) {
    if (output.json()) {
      output.document(StatusView.json(report));
    } else {
      StatusView.text(report).forEach(output::line);
    }
    if (report.phase() == RolloutPhase.Degraded) {
      output.error(FollowView.degraded(report.message()));
      return ExitCodes.RELEASE_FAILED;
    }
    return ExitCodes.OK;
  }

  private static int finish(FollowResult result, Output output) {
    if (result.outcome() == FollowResult.Outcome.DELETED) {
      print(output, Map.of("follow", FollowView.json(result)), result.reason());
    } else {
      RolloutStatusReport report = result.status();
      if (output.json()) {
        Map<String, Object> json = new java.util.LinkedHashMap<>(StatusView.json(report));
        json.put("follow", FollowView.json(result));
        output.document(json);
      } else {
        StatusView.text(report).forEach(output::line);
      }
    }
    if (!result.succeeded()) {
      output.error(FollowView.failure(result));
    }
    return FollowView.exitCode(result);
  }

  private static void print(Output output, Map<String, Object> json, String text) {
    if (output.json()) {
      output.document(json);
    } else {
      output.line(text);
    }
  }
}
