package io.rolloutpilot.cli.command;

import io.rolloutpilot.cli.EngineSession;
import io.rolloutpilot.cli.GlobalOptions;
import io.rolloutpilot.cli.OutputFormat;
import io.rolloutpilot.cli.render.Output;
import io.rolloutpilot.core.rollout.RolloutRef;
import io.rolloutpilot.core.validation.Names;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * A command about one Rollout. It validates all input before it connects, so bad input exits 2 and
 * changes nothing; only then does it open a session and act.
 */
abstract class RolloutCommand implements Callable<Integer> {
  @Mixin
  GlobalOptions global;

  @Parameters(index = "0", paramLabel = "ROLLOUT", description = "name of the Rollout")
  String rollout;

  @Spec
  CommandSpec spec;

  @Override
  public final Integer call() throws Exception {
    OutputFormat format = global.format();
    global.namespace();
    Names.requireSubdomain("rollout", rollout);
    validate();
    Output output = new Output(spec.commandLine().getOut(), spec.commandLine().getErr(), format);
    try (EngineSession session = EngineSession.open(global)) {
      return run(session, session.ref(rollout), output);
    }
  }

  /** Parses and checks the command's own options; throws InvalidInputException on bad input. */
  protected void validate() {}

  protected abstract int run(EngineSession session, RolloutRef ref, Output output) throws Exception;
}
