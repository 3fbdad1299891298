package io.rolloutpilot.testkit.registry;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Finds and runs the external programs the registry rig needs. A missing program is a loud failure
 * naming the Debian package that provides it, never a skipped test.
 */
public final class Tools {
  private Tools() {}

  /** The absolute path of {@code program} on the PATH, or an exception naming the package to install. */
  public static Path require(String program, String debianPackage) {
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir, program);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(program + " is missing: the registry test rig needs it; install it with"
        + " apt-get install -y " + debianPackage);
  }

  /** The result of one finished program run. */
  public record Result(int exitCode, String stdout, String stderr) {
    public Result requireSuccess(String what) {
      if (exitCode != 0) {
        throw new IllegalStateException(what + " failed with exit " + exitCode + ": " + stderr.strip());
      }
      return this;
    }
  }

  /** Runs a program to completion (at most {@code timeoutSeconds}) and captures its output. */
  public static Result run(List<String> command, Path workDir, long timeoutSeconds)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile("tool-out", ".txt");
    Path err = Files.createTempFile("tool-err", ".txt");
    try {
      ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectOutput(out.toFile())
          .redirectError(err.toFile());
      if (workDir != null) {
        builder.directory(workDir.toFile());
      }
      Process process = builder.start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(command.get(0) + " did not finish within " + timeoutSeconds + " s");
      }
      return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
