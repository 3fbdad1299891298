package io.rolloutpilot.cli.rollout;

import io.rolloutpilot.cli.common.Output;
import io.rolloutpilot.core.rollout.RolloutRef;
import picocli.CommandLine.Command;
import io.rolloutpilot.core.rollout.RolloutService;

/** {@code retry}: sends the same request as {@code kubectl argo rollouts retry}. */
@Command(name = "retry", mixinStandardHelpOptions = true, description = "Retry an aborted update from its first step.")
public final class RetryCommand extends RolloutCommand {
  @Override
  protected int run(RolloutService rollouts, RolloutRef ref, Output output) {
    return ActionView.confirm(output, ref, "retried", rollouts.retry(ref));
  }
}
