package io.rolloutpilot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

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

  /** A command running on its own thread, whose output a test can read while it runs. */
  public static final class Running {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final CompletableFuture<Integer> exit;

    private Running(String... args) {
      exit = CompletableFuture.supplyAsync(() -> RolloutPilot.commandLine().setOut(new PrintWriter(out, true))
          .setErr(new PrintWriter(err, true)).execute(args));
    }

    /** stderr so far. */
    public String err() {
      return err.toString();
    }

    /** Waits for the command to end; fails the test when it takes longer than {@code limit}. */
    public Run await(Duration limit) {
      try {
        return new Run(exit.get(limit.toMillis(), TimeUnit.MILLISECONDS), out.toString(), err.toString());
      } catch (Exception e) {
        throw new AssertionError("the command did not end within " + limit + "; stderr so far:\n" + err, e);
      }
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

  /** Starts a command on its own thread. */
  public static Running start(String... args) {
    return new Running(args);
  }

  /** Runs against a kubeconfig: the arguments, then {@code --kubeconfig FILE}. */
  static Run run(java.nio.file.Path kubeconfig, String... args) {
    return run(withKubeconfig(kubeconfig, args));
  }

  static String[] withKubeconfig(java.nio.file.Path kubeconfig, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--kubeconfig");
    all.add(kubeconfig.toString());
    return all.toArray(String[]::new);
  }
}
