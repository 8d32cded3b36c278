package dev.ringstore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Which subcommands the command tree registers for a command line, and that nothing goes amiss. */
@Timeout(60)
class RingstoreTest {
  private static List<String> names() {
    return Ringstore.SUBCOMMANDS.stream().map(Ringstore.Subcommand::name).toList();
  }

  @Test
  void eachSubcommandIsRegisteredUnderItsOwnName() {
    for (Ringstore.Subcommand subcommand : Ringstore.SUBCOMMANDS) {
      assertThat(subcommand.type().getAnnotation(Command.class).name())
          .isEqualTo(subcommand.name());
    }
  }

  @Test
  void withoutASubcommandEveryOneIsRegisteredInHelpOrder() {
    assertThat(Ringstore.commandLine().getSubcommands().keySet())
        .containsExactlyElementsOf(names());
    assertThat(Ringstore.commandLine("--help").getSubcommands().keySet())
        .containsExactlyElementsOf(names());
  }

  @ParameterizedTest
  @ValueSource(strings = {"get", "put", "node", "local", "ring", "plan"})
  void aNamedSubcommandIsTheOnlyOneRegistered(String name) {
    CommandLine cli = Ringstore.commandLine(name, "--help");

    assertThat(cli.getSubcommands().keySet()).containsExactly(name);
  }

  @Test
  void nestedSubcommandsComeWithTheirParent() {
    assertThat(Ringstore.commandLine("plan", "join").getSubcommands().get("plan").getSubcommands())
        .containsKeys("join", "leave", "replace", "remove-dead", "cancel");
    assertThat(Ringstore.commandLine("ring").getSubcommands().get("ring").getSubcommands())
        .containsKey("simulate");
  }

  @Test
  void aMisspeltSubcommandIsRefusedWithSuggestionsFromEveryOne() {
    assertThat(Ringstore.commandLine("gte").getSubcommands().keySet())
        .containsExactlyElementsOf(names());

    CommandRun result = CommandRun.of("gte", "key");

    assertThat(result.exitCode()).isEqualTo(Ringstore.EXIT_USAGE);
    assertThat(result.err()).startsWith("ringstore: ").contains("gte");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void helpListsEverySubcommand() {
    CommandRun result = CommandRun.of("--help");

    assertThat(result.exitCode()).isZero();
    for (String name : names()) {
      assertThat(result.out()).contains("  " + name + " ");
    }
  }
}
