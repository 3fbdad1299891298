package io.rolloutpilot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the rollout-pilot command line in-process and captures what a user would see. Public for the
 * tests of the commands' own packages.
 */
public final class Cli {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Cli() {}

  public record Run(int exit, String out, String err) {
    public JsonNode json() {
      try {
        return JSON.readTree(out);
      } catch (Exception e) {
        throw new AssertionError("stdout is not JSON: " + out + "\nstderr: " + err, e);
      }
    }

    String firstLine() {
      return out.lines().findFirst().orElse("");
    }

    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  public static Run run(String... args) {
    return run(RolloutPilot.commandLine(), args);
  }

  /** Runs with {@code environment} as the only environment variables the commands see. */
  public static Run runWith(java.util.Map<String, String> environment, String... args) {
    return run(RolloutPilot.commandLine(environment), args);
  }

  private static Run run(picocli.CommandLine commandLine, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = commandLine.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  /** Runs against a kubeconfig: the arguments, then {@code --kubeconfig FILE}. */
  static Run run(java.nio.file.Path kubeconfig, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--kubeconfig");
    all.add(kubeconfig.toString());
    return run(all.toArray(String[]::new));
  }
}
