package io.rolloutpilot.cli.common;

import picocli.CommandLine.Option;

/** {@code -o text|json}, declared once for every command that prints a result. */
public final class OutputOptions {
  @Option(names = {"-o", "--output"}, paramLabel = "text|json", defaultValue = "text",
      description = "output format: text, or one JSON document on stdout (default: ${DEFAULT-VALUE})")
  String output;

  public OutputFormat format() {
    return OutputFormat.parse(output);
  }
}
