package io.rolloutpilot.cli;

import io.rolloutpilot.cli.rollout.AbortCommand;
import io.rolloutpilot.cli.rollout.DeployCommand;
import io.rolloutpilot.cli.rollout.PauseCommand;
import io.rolloutpilot.cli.rollout.PromoteCommand;
import io.rolloutpilot.cli.rollout.ResumeCommand;
import io.rolloutpilot.cli.rollout.RetryCommand;
import io.rolloutpilot.cli.rollout.StatusCommand;
import io.rolloutpilot.cli.rollout.UndoCommand;
import io.rolloutpilot.cli.demo.DemoCommand;
import io.rolloutpilot.cli.push.PushCommand;
import io.rolloutpilot.cli.sandbox.SandboxCommand;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import io.rolloutpilot.cli.analyze.AnalyzeCommand;

/**
 * The subcommands, in the order {@code --help} lists them. Building a picocli model reflects over a
 * command class and everything its options name, so a run that names its subcommand first gets only
 * that one: {@code push} then never loads the Kubernetes, sandbox or analysis wiring of the others.
 */
final class Subcommands {
  private static final Map<String, Class<?>> ALL = table();

  private Subcommands() {}

  private static Map<String, Class<?>> table() {
    Map<String, Class<?>> table = new LinkedHashMap<>();
    table.put("status", StatusCommand.class);
    table.put("deploy", DeployCommand.class);
    table.put("promote", PromoteCommand.class);
    table.put("abort", AbortCommand.class);
    table.put("retry", RetryCommand.class);
    table.put("undo", UndoCommand.class);
    table.put("pause", PauseCommand.class);
    table.put("resume", ResumeCommand.class);
    table.put("sandbox", SandboxCommand.class);
    table.put("demo", DemoCommand.class);
    table.put("push", PushCommand.class);
    table.put("analyze", AnalyzeCommand.class);
    table.put("help", CommandLine.HelpCommand.class);
    return table;
  }

  /** Every subcommand, for help, usage errors and in-process tests. */
  static List<Class<?>> all() {
    return List.copyOf(ALL.values());
  }

  /** Just the subcommand {@code args} starts with, when it names one (other than help); else all. */
  static List<Class<?>> forArgs(String[] args) {
    if (args.length > 0 && !"help".equals(args[0]) && ALL.containsKey(args[0])) {
      return List.of(ALL.get(args[0]));
    }
    return all();
  }

  /** The names in table order, for tests that check the table matches the commands' own names. */
  static List<String> names() {
    return List.copyOf(ALL.keySet());
  }
}
