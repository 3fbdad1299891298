package io.rolloutpilot.cli.render;

import io.rolloutpilot.core.rollout.follow.ProgressEvent;
import io.rolloutpilot.core.rollout.follow.ProgressListener;
import io.rolloutpilot.core.rollout.follow.RolloutProgress;
import java.util.LinkedHashMap;
import java.util.Map;

/** The CLI's {@link ProgressListener}: one stderr line per change, text or a JSON object per line. */
public final class ProgressPrinter implements ProgressListener {
  private final Output output;

  public ProgressPrinter(Output output) {
    this.output = output;
  }

  @Override
  public void onProgress(ProgressEvent event) {
    if (!output.json()) {
      output.progress(event.progress().describe());
      return;
    }
    RolloutProgress p = event.progress();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("event", "progress");
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
    output.progressJson(json);
  }

  @Override
  public void onNotice(String text) {
    if (output.json()) {
      output.progressJson(Map.of("event", "notice", "text", text));
    } else {
      output.progress("note: " + text);
    }
  }
}
