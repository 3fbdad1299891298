package io.rolloutpilot.cli.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.rolloutpilot.cli.common.OutputFormat;
import io.rolloutpilot.core.error.Redaction;
import java.io.PrintWriter;

/**
 * Where a command's words go: results on stdout, progress and errors on stderr, so that
 * {@code -o json} leaves stdout a single JSON document a script can parse. Everything passes through
 * {@link Redaction} on its way out, text and JSON alike.
 */
public final class Output {
  private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final ObjectMapper COMPACT = new ObjectMapper();

  private final PrintWriter out;
  private final PrintWriter err;
  private final OutputFormat format;

  public Output(PrintWriter out, PrintWriter err, OutputFormat format) {
    this.out = out;
    this.err = err;
    this.format = format;
  }

  public boolean json() {
    return format == OutputFormat.JSON;
  }

  public OutputFormat format() {
    return format;
  }

  /** A result line on stdout. */
  public void line(String text) {
    out.println(Redaction.redact(text));
    out.flush();
  }

  /** A pretty-printed JSON document on stdout. */
  public void document(Object value) {
    line(write(PRETTY, value));
  }

  /** A progress line on stderr; called from watch threads, hence the lock. */
  public synchronized void progress(String text) {
    err.println(Redaction.redact(text));
    err.flush();
  }

  /** One compact JSON object per line on stderr, for progress in {@code -o json} mode. */
  public void progressJson(Object value) {
    progress(write(COMPACT, value));
  }

  /** An {@code error: ...} line on stderr for a failure the command reports itself (exit 1). */
  public void error(String message) {
    progress("error: " + message);
  }

  /** An engine error the command reports itself, worded as the error reporter words every error. */
  public synchronized void error(Throwable error) {
    ErrorReporter.report(error, err);
    err.flush();
  }

  private static String write(ObjectMapper mapper, Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render JSON", e);
    }
  }
}
