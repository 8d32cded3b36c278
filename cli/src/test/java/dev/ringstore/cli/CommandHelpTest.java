package dev.ringstore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code --help} on every command of the tree: exit 0, a description, and every option and
 * parameter shown with a description of its own.
 */
@Timeout(60)
class CommandHelpTest {
  /** Every command path under {@code ringstore}, the root included ("" for the root). */
  static Stream<String> commands() {
    List<String> paths = new ArrayList<>();
    collect(Ringstore.commandLine(), "", paths);
    return paths.stream();
  }

  private static void collect(CommandLine command, String path, List<String> paths) {
    paths.add(path);
    command
        .getSubcommands()
        .forEach((name, sub) -> collect(sub, (path + " " + name).strip(), paths));
  }

  private static CommandSpec spec(String path) {
    CommandLine command = Ringstore.commandLine();
    for (String name : path.isEmpty() ? new String[0] : path.split(" ")) {
      command = command.getSubcommands().get(name);
    }
    return command.getCommandSpec();
  }

  @ParameterizedTest(name = "ringstore {0} --help")
  @MethodSource("commands")
  void helpExitsZeroAndDescribesEveryOption(String path) {
    List<String> args = new ArrayList<>(path.isEmpty() ? List.of() : List.of(path.split(" ")));
    args.add("--help");

    CommandRun result = CommandRun.of(args.toArray(String[]::new));

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.err()).isEmpty();
    CommandSpec spec = spec(path);
    assertThat(String.join(" ", spec.usageMessage().description()))
        .as("the description of `ringstore %s`", path)
        .isNotBlank();
    assertThat(result.out()).contains("Usage: ringstore " + path);
    for (OptionSpec option : spec.options()) {
      if (option.hidden()) {
        continue;
      }
      assertThat(result.out()).as("ringstore %s --help", path).contains(option.longestName());
      assertThat(String.join(" ", option.description()))
          .as("the description of %s in `ringstore %s`", option.longestName(), path)
          .isNotBlank();
    }
    for (PositionalParamSpec parameter : spec.positionalParameters()) {
      assertThat(result.out()).as("ringstore %s --help", path).contains(parameter.paramLabel());
      assertThat(String.join(" ", parameter.description()))
          .as("the description of %s in `ringstore %s`", parameter.paramLabel(), path)
          .isNotBlank();
    }
    spec.subcommands()
        .keySet()
        .forEach(name -> assertThat(result.out()).as("ringstore %s --help", path).contains(name));
  }

  @ParameterizedTest(name = "ringstore {0}")
  @MethodSource("commands")
  void everyCommandThatPrintsHasJson(String path) {
    CommandSpec spec = spec(path);
    if (spec.userObject() instanceof java.util.concurrent.Callable<?>) {
      assertThat(spec.findOption("--json")).as("`ringstore %s --json`", path).isNotNull();
    }
  }
}
