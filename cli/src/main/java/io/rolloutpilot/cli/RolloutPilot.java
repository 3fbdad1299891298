package io.rolloutpilot.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import io.rolloutpilot.cli.common.ErrorReporter;
import io.rolloutpilot.cli.common.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import io.rolloutpilot.cli.common.ErrorReporter;
import io.rolloutpilot.cli.common.ExitCodes;

/** {@code rollout-pilot}: drive Argo Rollouts canary releases from CI or a shell. */
@Command(name = "rollout-pilot", mixinStandardHelpOptions = true, versionProvider = RolloutPilot.Version.class,
    description = "Push images byte for byte to ECR or any OCI registry, drive Argo Rollouts canary releases step"
        + " by step, and judge canaries on Prometheus.",
    footer = {"", "Exit codes:",
        "  0    success",
        "  1    the release failed: Degraded, aborted, timed out, analysis FAILED",
        "  2    bad input (usage, validation); nothing was changed",
        "  3    environment: unreachable, unauthorized, not found, analysis ERROR",
        "  4    analysis INCONCLUSIVE",
        "  70   internal error (run again with --stacktrace and report it)",
        "  130  interrupted"})
public final class RolloutPilot implements Runnable {
  @Spec
  CommandSpec spec;

  @Option(names = ErrorReporter.STACKTRACE_OPTION, scope = ScopeType.INHERIT,
      description = "on an error, print the chain of causes (secrets redacted)")
  boolean stacktrace;

  private final Map<String, String> environment;

  RolloutPilot(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /** The environment variables commands read (passwords named by --password-env, AWS settings): the process's, or a test's. */
  public Map<String, String> environment() {
    return environment;
  }

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

  /** The same, reading environment variables from {@code environment} instead of the process's. */
  public static CommandLine commandLine(Map<String, String> environment) {
    return commandLine(Subcommands.all(), environment);
  }

  private static CommandLine commandLine(List<Class<?>> subcommands) {
    return commandLine(subcommands, System.getenv());
  }

  private static CommandLine commandLine(List<Class<?>> subcommands, Map<String, String> environment) {
    ErrorReporter errors = new ErrorReporter();
    CommandLine cmd = new CommandLine(new RolloutPilot(environment));
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
    cmd.getCommandSpec().exitCodeOnExecutionException(ExitCodes.INTERNAL);
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
