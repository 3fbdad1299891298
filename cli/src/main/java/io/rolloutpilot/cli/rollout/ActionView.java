package io.rolloutpilot.cli.rollout;

import io.rolloutpilot.cli.common.ExitCodes;
import io.rolloutpilot.cli.common.Output;
import io.rolloutpilot.core.rollout.Rollout;
import io.rolloutpilot.core.rollout.RolloutRef;
import java.util.LinkedHashMap;
import java.util.Map;

/** The one-line confirmation of a control command, in Argo's words, or its JSON. */
final class ActionView {
  private ActionView() {}

  /** Prints {@code rollout '<name>' <verb>} (text) or {@code {rollout, namespace, action, generation}} (JSON). */
  static int confirm(Output output, RolloutRef ref, String verb, Rollout after) {
    if (output.json()) {
      Map<String, Object> json = base(ref, verb);
      json.put("generation", after.metadata().generation());
      output.document(json);
    } else {
      output.line("rollout '" + ref.name() + "' " + verb);
    }
    return ExitCodes.OK;
  }

  static Map<String, Object> base(RolloutRef ref, String action) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("rollout", ref.name());
    json.put("namespace", ref.namespace());
    json.put("action", action);
    return json;
  }
}
