package io.rolloutpilot.cli.rollout;

import io.rolloutpilot.cli.common.Output;
import io.rolloutpilot.core.rollout.RolloutRef;
import picocli.CommandLine.Command;
import io.rolloutpilot.core.rollout.RolloutService;

/** {@code abort}: sends the same request as {@code kubectl argo rollouts abort}. */
@Command(name = "abort", mixinStandardHelpOptions = true,
    description = "Abort the update: scale the canary down and go back to the stable version; the "
    + "spec keeps the new template (retry resumes it, undo reverts it).")
public final class AbortCommand extends RolloutCommand {
  @Override
  protected int run(RolloutService rollouts, RolloutRef ref, Output output) {
    return ActionView.confirm(output, ref, "aborted", rollouts.abort(ref));
  }
}
