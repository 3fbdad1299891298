package io.rolloutpilot.cli.command;

import io.rolloutpilot.cli.EngineSession;
import io.rolloutpilot.cli.render.Output;
import io.rolloutpilot.core.rollout.RolloutRef;
import picocli.CommandLine.Command;

/** {@code pause}: sends the same request as {@code kubectl argo rollouts pause} (reference §3). */
@Command(name = "pause", mixinStandardHelpOptions = true,
    description = "Pause the rollout (spec.paused=true) where it stands.")
public final class PauseCommand extends RolloutCommand {
  @Override
  protected int run(EngineSession session, RolloutRef ref, Output output) {
    return ActionView.confirm(output, ref, "paused", session.service().pause(ref));
  }
}
