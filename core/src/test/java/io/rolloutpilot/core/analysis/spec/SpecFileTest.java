package io.rolloutpilot.core.analysis.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.rolloutpilot.core.error.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only a regular spec file of reasonable size is read; anything else is bad input at once, never a hang. */
class SpecFileTest {
  @TempDir
  Path dir;

  private final AnalysisSpecParser parser = new AnalysisSpecParser();

  private void refused(Path file, String message) {
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThatThrownBy(() -> parser.parse(file))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("spec"))
        .hasMessageContaining(message));
  }

  @Test
  void aFifoIsRefusedWithoutWaitingForAWriter() throws Exception {
    Path fifo = dir.resolve("spec.yaml");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
    assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0).as("mkfifo").isTrue();

    refused(fifo, "is not a regular file");
  }

  @Test
  void aDirectoryAMissingFileAndAHugeFileAreRefused() throws Exception {
    refused(dir, "is a directory");
    refused(dir.resolve("missing.yaml"), "does not exist");
    Path huge = dir.resolve("huge.yaml");
    Files.write(huge, new byte[SpecFile.MAX_BYTES + 1]);
    refused(huge, "is larger than 1024 KiB");
  }

  @Test
  void textThatIsNotUtf8IsRefused() throws Exception {
    Path latin1 = dir.resolve("latin1.yaml");
    Files.write(latin1, AnalysisSpecParserTest.VALID.replace("p99-latency", "p99-lat\u00e9ncy")
        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    refused(latin1, "is not UTF-8 text");
  }

  @Test
  void aRegularFileIsRead() throws Exception {
    Path file = Files.writeString(dir.resolve("spec.yaml"), AnalysisSpecParserTest.VALID);
    assertThat(parser.parse(file).metrics()).hasSize(2);
  }
}
