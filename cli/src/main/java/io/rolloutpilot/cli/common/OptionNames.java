package io.rolloutpilot.cli.common;

import java.util.Map;

/**
 * The command line's name for a field the engine names in an error: {@code degradedGrace} is
 * {@code --degraded-grace}, {@code rollout} is the {@code ROLLOUT} argument. Fields inside files (an
 * analysis spec's {@code window.interval}) keep their own names.
 */
public final class OptionNames {
  private static final Map<String, String> IRREGULAR = Map.ofEntries(
      Map.entry("rollout", "ROLLOUT"),
      Map.entry("container", "--image CONTAINER"),
      Map.entry("output", "--output"),
      Map.entry("namespace", "--namespace"),
      Map.entry("parallelism", "--parallel"),
      Map.entry("passwordVariable", "--password-env"),
      Map.entry("fromPasswordVariable", "--from-password-env"),
      Map.entry("prometheus", "--prometheus"),
      Map.entry("spec", "--spec"),
      Map.entry("analysisRuns", "--analysis-runs"),
      Map.entry("runKind", "--run"),
      Map.entry("waitFor", "--wait"),
      Map.entry("until", "--until"),
      Map.entry("onFailure", "--on-failure"),
      Map.entry("apiEndpoint", "--ecr-endpoint"),
      Map.entry("registryEndpoint", "--ecr-registry-endpoint"),
      Map.entry("manifest", "--apply"));

  private OptionNames() {}

  /** The option (or argument) a user types for {@code field}; a dotted or unknown field is returned as it is. */
  public static String of(String field) {
    if (field == null) {
      return null;
    }
    String irregular = IRREGULAR.get(field);
    if (irregular != null) {
      return irregular;
    }
    if (!field.matches("[a-z][A-Za-z0-9]*")) {
      return field;
    }
    return "--" + field.replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT);
  }
}
