package io.rolloutpilot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine.Command;

/** The lazily wired subcommand table: names match the commands, and a named run gets only its own. */
class SubcommandsTest {
  @Test
  void everyNameIsItsCommandsOwnName() {
    List<String> names = Subcommands.all().stream().map(c -> c.getAnnotation(Command.class).name()).toList();
    assertThat(names).isEqualTo(Subcommands.names());
    assertThat(RolloutPilot.commandLine().getSubcommands().keySet()).containsAll(names);
  }

  @Test
  void aRunNamingItsSubcommandWiresOnlyThatOne() {
    assertThat(Subcommands.forArgs(new String[] {"push", "--from", "x"}))
        .containsExactly(io.rolloutpilot.cli.push.PushCommand.class);
    assertThat(Subcommands.forArgs(new String[] {"help", "push"})).hasSameSizeAs(Subcommands.all());
    assertThat(Subcommands.forArgs(new String[] {"--help"})).hasSameSizeAs(Subcommands.all());
    assertThat(Subcommands.forArgs(new String[] {"pusj"})).hasSameSizeAs(Subcommands.all());
    assertThat(Subcommands.forArgs(new String[0])).hasSameSizeAs(Subcommands.all());
  }

  static List<String> names() {
    return Subcommands.names();
  }

  /** Every command answers {@code --help} with its usage and exit 0, before checking required options. */
  @ParameterizedTest
  @MethodSource("names")
  void everyCommandAnswersHelp(String name) {
    Cli.Run run = Cli.run(name, "--help");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("Usage: rollout-pilot " + name, "--help");
  }
}
