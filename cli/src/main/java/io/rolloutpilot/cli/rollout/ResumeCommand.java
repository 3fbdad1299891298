package io.rolloutpilot.cli.rollout;

import io.rolloutpilot.cli.common.Output;
import io.rolloutpilot.core.rollout.RolloutRef;
import picocli.CommandLine.Command;
import io.rolloutpilot.core.rollout.RolloutService;

/** {@code resume}: {@code spec.paused=false}, the unpause half of Argo's {@code promote}, for a manual pause only. */
@Command(name = "resume", mixinStandardHelpOptions = true,
    description = "Lift a manual pause (spec.paused=false); promote moves past a pause step.")
public final class ResumeCommand extends RolloutCommand {
  @Override
  protected int run(RolloutService rollouts, RolloutRef ref, Output output) {
    return ActionView.confirm(output, ref, "resumed", rollouts.resume(ref));
  }
}
