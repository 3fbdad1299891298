package io.rolloutpilot.cli.rollout;

import io.rolloutpilot.cli.common.Output;
import io.rolloutpilot.core.rollout.RolloutRef;
import picocli.CommandLine.Command;
import io.rolloutpilot.core.rollout.RolloutService;

/** {@code pause}: sends the same request as {@code kubectl argo rollouts pause}. */
@Command(name = "pause", mixinStandardHelpOptions = true,
    description = "Pause the rollout (spec.paused=true) where it stands.")
public final class PauseCommand extends RolloutCommand {
  @Override
  protected int run(RolloutService rollouts, RolloutRef ref, Output output) {
    return ActionView.confirm(output, ref, "paused", rollouts.pause(ref));
  }
}
