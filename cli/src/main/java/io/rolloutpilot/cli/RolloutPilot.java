package io.rolloutpilot.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code rollout-pilot}: drive Argo Rollouts canary releases from CI or a shell. */
@Command(name = "rollout-pilot", mixinStandardHelpOptions = true, versionProvider = RolloutPilot.Version.class,
    description = "Drive Argo Rollouts canary releases: deploy an image, follow it step by step, promote, abort,"
        + " retry or undo it.",
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
    ProcessExit.exit(commandLine(Subcommands.forArgs(args)).execute(args));
  }

  /** The configured command line with every subcommand; tests use it in-process with their own writers. */
  public static CommandLine commandLine() {
    return commandLine(Subcommands.all());
  }

  private static CommandLine commandLine(List<Class<?>> subcommands) {
    ErrorReporter errors = new ErrorReporter();
    CommandLine cmd = new CommandLine(new RolloutPilot());
    // a loop, not a method reference: a lambda typed on CommandLine makes the launcher's archive dump
    // link that Java 5 class, which then cannot be archived
    for (Class<?> subcommand : subcommands) {
      cmd.addSubcommand(subcommand);
    }
    cmd.setExecutionExceptionHandler(errors)
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
