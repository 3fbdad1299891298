package io.rolloutpilot.cli.rollout;

import io.rolloutpilot.cli.common.ExitCodes;
import io.rolloutpilot.cli.common.Output;
import io.rolloutpilot.core.rollout.RolloutRef;
import io.rolloutpilot.core.rollout.UndoResult;
import io.rolloutpilot.core.error.InvalidInputException;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import io.rolloutpilot.core.rollout.RolloutService;

/** {@code undo}: put an earlier revision's pod template back, as {@code kubectl argo rollouts undo} does. */
@Command(name = "undo", mixinStandardHelpOptions = true, description = {
    "Roll back to the previous revision (or --to-revision N) by restoring its pod"
    + " template.", "When that revision is the stable one, the controller skips the steps and analysis."})
public final class UndoCommand extends RolloutCommand {
  @Option(names = "--to-revision", paramLabel = "N", defaultValue = "0",
      description = "revision to go back to; 0 means the previous one (default: ${DEFAULT-VALUE})")
  String toRevision;

  private long revision;

  @Override
  protected void validate() {
    try {
      revision = Long.parseLong(toRevision.trim());
    } catch (NumberFormatException e) {
      revision = -1;
    }
    if (revision < 0) {
      throw new InvalidInputException("toRevision", "'" + toRevision + "' is not a revision; use 0 for the"
          + " previous revision or a revision number shown by status");
    }
  }

  @Override
  protected int run(RolloutService rollouts, RolloutRef ref, Output output) {
    UndoResult result = rollouts.undo(ref, revision);
    String text = result.skipped()
        ? "skipped rollback (current template already matches revision " + result.revision() + ")"
        : "rollout '" + ref.name() + "' undo";
    if (output.json()) {
      Map<String, Object> json = ActionView.base(ref, "undo");
      json.put("revision", result.revision());
      json.put("skipped", result.skipped());
      json.put("generation", result.rollout().metadata().generation());
      output.document(json);
    } else {
      output.line(text);
    }
    return ExitCodes.OK;
  }
}
