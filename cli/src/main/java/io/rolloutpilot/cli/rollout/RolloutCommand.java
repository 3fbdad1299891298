package io.rolloutpilot.cli.rollout;

import io.rolloutpilot.cli.common.ClusterOptions;
import io.rolloutpilot.cli.common.Output;
import io.rolloutpilot.cli.common.OutputFormat;
import io.rolloutpilot.cli.common.OutputOptions;
import io.rolloutpilot.core.RolloutPilotEngine;
import io.rolloutpilot.core.kube.ClusterAccess;
import io.rolloutpilot.core.kube.ClusterConnection;
import io.rolloutpilot.core.rollout.RolloutRef;
import io.rolloutpilot.core.rollout.RolloutService;
import io.rolloutpilot.core.validation.Names;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * A command about one Rollout. It validates all input before it connects, so bad input exits 2 and
 * changes nothing; only then does it build the engine and act.
 */
abstract class RolloutCommand implements Callable<Integer> {
  @Mixin
  ClusterOptions cluster;

  @Mixin
  OutputOptions outputOptions;

  @Parameters(index = "0", paramLabel = "ROLLOUT", description = "name of the Rollout")
  String rollout;

  @Spec
  CommandSpec spec;

  @Override
  public final Integer call() throws Exception {
    OutputFormat format = outputOptions.format();
    Names.requireSubdomain("rollout", rollout);
    validate();
    ClusterAccess access = cluster.access();
    Output output = new Output(spec.commandLine().getOut(), spec.commandLine().getErr(), format);
    try (RolloutPilotEngine engine = RolloutPilotEngine.connect(ClusterConnection.open(access))) {
      return run(engine.rollouts(), ref(engine), output);
    }
  }

  private RolloutRef ref(RolloutPilotEngine engine) {
    return new RolloutRef(engine.namespace(), rollout);
  }

  /** Parses and checks the command's own options; throws InvalidInputException on bad input. */
  protected void validate() {}

  protected abstract int run(RolloutService rollouts, RolloutRef ref, Output output) throws Exception;
}
