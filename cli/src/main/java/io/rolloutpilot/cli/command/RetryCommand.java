package io.rolloutpilot.cli.command;

import io.rolloutpilot.cli.EngineSession;
import io.rolloutpilot.cli.render.Output;
import io.rolloutpilot.core.rollout.RolloutRef;
import picocli.CommandLine.Command;

/** {@code retry}: sends the same request as {@code kubectl argo rollouts retry} (reference §3). */
@Command(name = "retry", mixinStandardHelpOptions = true, description = "Retry an aborted update from its first step.")
public final class RetryCommand extends RolloutCommand {
  @Override
  protected int run(EngineSession session, RolloutRef ref, Output output) {
    return ActionView.confirm(output, ref, "retried", session.service().retry(ref));
  }
}
