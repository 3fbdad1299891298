package io.rolloutpilot.cli.command;

import io.rolloutpilot.cli.EngineSession;
import io.rolloutpilot.cli.ExitCodes;
import io.rolloutpilot.cli.render.FollowView;
import io.rolloutpilot.cli.render.Output;
import io.rolloutpilot.cli.render.ProgressPrinter;
import io.rolloutpilot.cli.render.StatusView;
import io.rolloutpilot.core.rollout.RolloutPhase;
import io.rolloutpilot.core.rollout.RolloutRef;
import io.rolloutpilot.core.rollout.RolloutStatusReport;
import io.rolloutpilot.core.rollout.follow.FollowRequest;
import io.rolloutpilot.core.rollout.follow.FollowResult;
import io.rolloutpilot.core.rollout.follow.WaitTarget;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code status}: Argo's status line and the rollout's columns; with {@code --watch} it follows the
 * rollout like {@code kubectl argo rollouts status}, and {@code --until paused} also stops at a pause
 * (argo-rollouts#1389).
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

  @Option(names = "--timeout", paramLabel = "D", defaultValue = "0",
      description = "give up following after D (e.g. 10m); 0 waits forever (default: ${DEFAULT-VALUE})")
  String timeout;

  @Option(names = "--degraded-grace", paramLabel = "D", defaultValue = "0",
      description = "keep following through a ProgressDeadlineExceeded for up to D (argo-rollouts#1225);"
          + " 0 fails at once (default: ${DEFAULT-VALUE})")
  String degradedGrace;

  private WaitTarget target;
  private Duration timeoutValue;
  private Duration graceValue;

  @Override
  protected void validate() {
    target = until == null ? WaitTarget.HEALTHY : Choices.waitTarget("--until", until, false);
    timeoutValue = Choices.duration("--timeout", timeout);
    graceValue = Choices.duration("--degraded-grace", degradedGrace);
  }

  @Override
  protected int run(EngineSession session, RolloutRef ref, Output output) throws InterruptedException {
    if (!watch && until == null) {
      return show(session.service().status(ref), output);
    }
    FollowRequest request = new FollowRequest(ref, target, timeoutValue, graceValue, 0);
    FollowResult result = session.service().follow(request, new ProgressPrinter(output));
    return finish(session, ref, result, output);
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

  private static int finish(EngineSession session, RolloutRef ref, FollowResult result, Output output) {
    if (result.outcome() == FollowResult.Outcome.DELETED) {
      print(output, Map.of("follow", FollowView.json(result)), result.reason());
    } else {
      RolloutStatusReport report = session.service().status(ref);
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
