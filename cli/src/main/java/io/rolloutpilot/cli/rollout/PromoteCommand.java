package io.rolloutpilot.cli.rollout;

import io.rolloutpilot.cli.common.Output;
import io.rolloutpilot.core.rollout.RolloutRef;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import io.rolloutpilot.core.rollout.RolloutService;

/** {@code promote}: sends the same request as {@code kubectl argo rollouts promote}. */
@Command(name = "promote", mixinStandardHelpOptions = true,
    description = "Advance the rollout past its current pause or step (like kubectl argo rollouts "
    + "promote); --full skips all remaining steps and analysis.")
public final class PromoteCommand extends RolloutCommand {
  @Option(names = "--full", description = "skip all remaining steps and analysis and make the canary stable")
  boolean full;

  @Override
  protected int run(RolloutService rollouts, RolloutRef ref, Output output) {
    return ActionView.confirm(output, ref, full ? "fully promoted" : "promoted", rollouts.promote(ref, full));
  }
}
