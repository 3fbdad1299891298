package io.rolloutpilot.cli.command;

import io.rolloutpilot.cli.EngineSession;
import io.rolloutpilot.cli.render.Output;
import io.rolloutpilot.core.rollout.RolloutRef;
import picocli.CommandLine.Command;

/** {@code resume}: {@code spec.paused=false}, the unpause half of Argo's {@code promote}, for a manual pause only. */
@Command(name = "resume", mixinStandardHelpOptions = true,
    description = "Lift a manual pause (spec.paused=false); promote moves past a pause step.")
public final class ResumeCommand extends RolloutCommand {
  @Override
  protected int run(EngineSession session, RolloutRef ref, Output output) {
    return ActionView.confirm(output, ref, "resumed", session.service().resume(ref));
  }
}
