package io.rolloutpilot.core.event;

import java.time.Instant;
import java.util.Map;

/**
 * One look of the canary judge over {@code from .. to}: interim looks can stop a clear regression
 * early, the final one decides. {@code verdicts} is each metric's verdict, in the spec's order.
 */
public record JudgementLook(int look, boolean interim, Instant from, Instant to, Map<String, String> verdicts)
    implements EngineEvent {
  public JudgementLook {
    verdicts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(verdicts));
  }
}
