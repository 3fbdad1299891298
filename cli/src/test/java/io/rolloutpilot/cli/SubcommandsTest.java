package io.rolloutpilot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
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
}
