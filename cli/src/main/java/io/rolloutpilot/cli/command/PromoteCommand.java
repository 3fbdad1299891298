package io.rolloutpilot.cli.command;

import io.rolloutpilot.cli.EngineSession;
import io.rolloutpilot.cli.render.Output;
import io.rolloutpilot.core.rollout.RolloutRef;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code promote}: sends the same request as {@code kubectl argo rollouts promote} (reference §3). */
@Command(name = "promote", mixinStandardHelpOptions = true,
    description = "Advance the rollout past its current pause or step (like kubectl argo rollouts "
    + "promote); --full skips all remaining steps and analysis.")
public final class PromoteCommand extends RolloutCommand {
  @Option(names = "--full", description = "skip all remaining steps and analysis and make the canary stable")
  boolean full;

  @Override
  protected int run(EngineSession session, RolloutRef ref, Output output) {
    return ActionView.confirm(output, ref, full ? "fully promoted" : "promoted", session.service().promote(ref, full));
  }
}
