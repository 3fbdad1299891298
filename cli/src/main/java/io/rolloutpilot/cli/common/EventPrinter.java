package io.rolloutpilot.cli.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.rolloutpilot.core.event.EngineEvent;
import io.rolloutpilot.core.event.EngineListener;
import io.rolloutpilot.core.event.RolloutProgressed;
import io.rolloutpilot.core.rollout.follow.RolloutProgress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The command line's listener: each event as one stderr line, in words ({@link EventText}) or, with
 * {@code -o json}, as one JSON object per line: {@code {"event": "BlobUploaded", ...its fields}}.
 */
public final class EventPrinter implements EngineListener {
  private static final ObjectMapper FIELDS = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);

  private final Output output;

  public EventPrinter(Output output) {
    this.output = output;
  }

  @Override
  public void on(EngineEvent event) {
    if (output.json()) {
      output.progressJson(json(event));
    } else {
      output.progress(EventText.of(event));
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> json(EngineEvent event) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("event", event.getClass().getSimpleName());
    if (event instanceof RolloutProgressed progressed) {
      json.putAll(progress(progressed));
    } else {
      json.putAll(FIELDS.convertValue(event, Map.class));
    }
    return json;
  }

  /** Flat, as a pipeline reads it with one jq filter; the previous state is left out (the line before had it). */
  private static Map<String, Object> progress(RolloutProgressed event) {
    RolloutProgress p = event.progress();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("at", event.at().toString());
    json.put("rollout", event.rollout().name());
    json.put("namespace", event.rollout().namespace());
    json.put("phase", p.phase().phase().name());
    json.put("message", p.phase().message());
    json.put("stepIndex", p.stepIndex());
    json.put("stepCount", p.stepCount());
    json.put("setWeight", p.setWeight());
    json.put("actualWeight", p.actualWeight());
    json.put("analysisRun", p.analysisRun());
    json.put("analysisPhase", p.analysisPhase());
    return json;
  }
}
