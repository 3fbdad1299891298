package io.rolloutpilot.cli;

import io.rolloutpilot.cli.command.AbortCommand;
import io.rolloutpilot.cli.command.DeployCommand;
import io.rolloutpilot.cli.command.PauseCommand;
import io.rolloutpilot.cli.command.PromoteCommand;
import io.rolloutpilot.cli.command.ResumeCommand;
import io.rolloutpilot.cli.command.RetryCommand;
import io.rolloutpilot.cli.command.StatusCommand;
import io.rolloutpilot.cli.command.UndoCommand;
import io.rolloutpilot.cli.demo.DemoCommand;
import io.rolloutpilot.cli.sandbox.SandboxCommand;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code rollout-pilot}: drive Argo Rollouts canary releases from CI or a shell. */
@Command(name = "rollout-pilot", mixinStandardHelpOptions = true, versionProvider = RolloutPilot.Version.class,
    description = "Drive Argo Rollouts canary releases: deploy an image, follow it step by step, promote, abort,"
        + " retry or undo it.",
    subcommands = {StatusCommand.class, DeployCommand.class, PromoteCommand.class, AbortCommand.class,
        RetryCommand.class, UndoCommand.class, PauseCommand.class, ResumeCommand.class, SandboxCommand.class,
        DemoCommand.class, io.rolloutpilot.cli.push.PushCommand.class, AnalyzeCommand.class,
        CommandLine.HelpCommand.class},
    footer = {"", "Exit codes: 0 success, 1 the release failed (Degraded, aborted, timed out, deleted),"
        + " 2 bad input, 3 environment error (unreachable, unauthorized, not found)."})
public final class RolloutPilot implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command; see the list below or use --help");
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line; tests use it in-process with their own writers. */
  public static CommandLine commandLine() {
    ErrorReporter errors = new ErrorReporter();
    CommandLine cmd = new CommandLine(new RolloutPilot())
        .setExecutionExceptionHandler(errors)
        .setParameterExceptionHandler(errors)
        .setOut(new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true))
        .setErr(new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
    cmd.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.BAD_INPUT);
    cmd.getCommandSpec().exitCodeOnExecutionException(ExitCodes.ENVIRONMENT);
    return cmd;
  }

  /** The version from the jar manifest when packaged, else "development build". */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = RolloutPilot.class.getPackage().getImplementationVersion();
      return new String[] {"rollout-pilot " + (version == null ? "development build" : version)};
    }
  }
}
