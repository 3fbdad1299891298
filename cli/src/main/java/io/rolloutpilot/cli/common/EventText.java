package io.rolloutpilot.cli.common;

import io.rolloutpilot.core.event.AnalysisRunAwaited;
import io.rolloutpilot.core.event.AnalysisRunFollowed;
import io.rolloutpilot.core.event.AnalysisRunPhaseChanged;
import io.rolloutpilot.core.event.AnalysisTemplateWarned;
import io.rolloutpilot.core.event.BlobExists;
import io.rolloutpilot.core.event.BlobMounted;
import io.rolloutpilot.core.event.BlobUploaded;
import io.rolloutpilot.core.event.DegradedGraceEnded;
import io.rolloutpilot.core.event.DegradedGraceStarted;
import io.rolloutpilot.core.event.EngineEvent;
import io.rolloutpilot.core.event.JudgementLook;
import io.rolloutpilot.core.event.ManifestPut;
import io.rolloutpilot.core.event.MeasurementTaken;
import io.rolloutpilot.core.event.MetricErrored;
import io.rolloutpilot.core.event.RegistryTokenRefreshed;
import io.rolloutpilot.core.event.RepositoryReady;
import io.rolloutpilot.core.event.RequestRetried;
import io.rolloutpilot.core.event.RolloutProgressed;
import io.rolloutpilot.core.event.ScanCompleted;
import io.rolloutpilot.core.event.ScanWaiting;
import io.rolloutpilot.core.event.ServerReachable;
import io.rolloutpilot.core.event.ServerUnreachable;
import io.rolloutpilot.core.event.SourceOpened;
import io.rolloutpilot.core.event.TagSet;
import io.rolloutpilot.core.event.TagUnchanged;
import io.rolloutpilot.core.rollout.follow.RolloutProgress;
import io.rolloutpilot.core.validation.Durations;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The command line's words for the engine's events: one stderr line each. */
public final class EventText {
  private EventText() {}

  public static String of(EngineEvent event) {
    if (event instanceof RolloutProgressed e) {
      return progress(e.progress());
    }
    if (event instanceof DegradedGraceStarted e) {
      return "note: progress deadline exceeded; waiting up to " + Durations.format(e.grace())
          + " for the rollout to recover (--degraded-grace)";
    }
    if (event instanceof DegradedGraceEnded) {
      return "note: recovered from the progress deadline";
    }
    if (event instanceof ServerUnreachable e) {
      return "note: " + e.server() + " is unreachable (" + e.cause() + "); still trying, giving up after "
          + Durations.format(e.giveUpAfter()) + " (--max-outage)";
    }
    if (event instanceof ServerReachable e) {
      return "note: " + e.server() + " answers again after " + Durations.format(toSecond(e.outage()));
    }
    if (event instanceof RequestRetried e) {
      return e.server() + " " + e.request() + ": attempt " + e.attempt() + " of " + e.maxAttempts() + " failed ("
          + e.reason() + "); retrying in " + e.delay().toMillis() + " ms";
    }
    String push = pushEvent(event);
    return push != null ? push : analysisEvent(event);
  }

  /** One line for a build log: {@code Paused - CanaryPauseStep | step 1/5 | weight 20 (actual 20) | analysis x Running}. */
  public static String progress(RolloutProgress p) {
    StringBuilder line = new StringBuilder(p.phase().watchLine());
    if (p.stepIndex() != null) {
      line.append(" | step ").append(p.stepIndex()).append('/').append(p.stepCount());
    }
    line.append(" | weight ").append(p.setWeight()).append(" (actual ").append(p.actualWeight()).append(')');
    if (p.analysisRun() != null) {
      line.append(" | analysis ").append(p.analysisRun()).append(' ')
          .append(p.analysisPhase() == null || p.analysisPhase().isEmpty() ? "Pending" : p.analysisPhase());
    }
    return line.toString();
  }

  private static String pushEvent(EngineEvent event) {
    if (event instanceof SourceOpened e) {
      return "source " + e.description() + ": " + e.manifests() + " manifest(s), " + e.blobs() + " blob(s), "
          + size(e.bytes());
    }
    if (event instanceof BlobExists e) {
      return "blob " + shortDigest(e.digest()) + " exists";
    }
    if (event instanceof BlobMounted e) {
      return "blob " + shortDigest(e.digest()) + " mounted from " + e.fromRepository();
    }
    if (event instanceof BlobUploaded e) {
      return "blob " + shortDigest(e.digest()) + " uploaded (" + size(e.size()) + ")";
    }
    if (event instanceof ManifestPut e) {
      return "manifest " + shortDigest(e.digest()) + " put (" + e.mediaType() + ")";
    }
    if (event instanceof TagSet e) {
      return e.repository() + ":" + e.tag() + " -> " + e.digest();
    }
    if (event instanceof TagUnchanged e) {
      return e.repository() + ":" + e.tag() + " already points at " + e.digest();
    }
    if (event instanceof RepositoryReady e) {
      return "repository " + e.repository() + (e.created() ? " created: " : ": ") + e.uri();
    }
    if (event instanceof RegistryTokenRefreshed e) {
      return e.registry().toUpperCase(Locale.ROOT) + " authorization token " + (e.renewal() ? "renewed" : "fetched")
          + " (valid until " + e.validUntil() + ")";
    }
    if (event instanceof ScanWaiting) {
      return "waiting for the image scan";
    }
    if (event instanceof ScanCompleted e) {
      return "scan complete: " + e.counts() + (e.passed() ? ", within the gate" : ", exceeds the gate for "
          + e.exceeded());
    }
    return null;
  }

  private static String analysisEvent(EngineEvent event) {
    if (event instanceof AnalysisRunFollowed e) {
      return "following AnalysisRun " + e.run() + " of rollout " + e.rollout();
    }
    if (event instanceof AnalysisRunAwaited e) {
      return "waiting for rollout " + e.rollout() + " to start an " + ("any".equals(e.kind()) ? "" : e.kind() + " ")
          + "AnalysisRun";
    }
    if (event instanceof AnalysisTemplateWarned e) {
      return "warning: metric " + e.metric() + ": " + e.finding();
    }
    if (event instanceof MeasurementTaken e) {
      return "measurement " + e.metric() + ": " + e.phase() + (e.value().isEmpty() ? "" : " value " + e.value())
          + (e.message().isEmpty() ? "" : " (" + e.message() + ")");
    }
    if (event instanceof AnalysisRunPhaseChanged e) {
      return "AnalysisRun " + e.run() + ": " + (e.phase().isEmpty() ? "created" : e.phase())
          + (e.message().isEmpty() ? "" : " - " + e.message());
    }
    if (event instanceof JudgementLook e) {
      return (e.interim() ? "interim look " + e.look() + " at " + e.to() : "final look over " + e.from() + " .. "
          + e.to()) + ": " + verdicts(e.verdicts());
    }
    if (event instanceof MetricErrored e) {
      return e.metric() + ": ERROR " + e.reason();
    }
    throw new IllegalArgumentException("no words for " + event.getClass().getSimpleName());
  }

  private static String verdicts(Map<String, String> verdicts) {
    return verdicts.entrySet().stream().map(v -> v.getKey() + "=" + v.getValue()).collect(Collectors.joining(", "));
  }

  /** A measured duration to the second ("12s", not "12347ms"); below a second, as it is. */
  private static java.time.Duration toSecond(java.time.Duration measured) {
    long millis = Math.max(0, measured.toMillis());
    return millis < 1000 ? java.time.Duration.ofMillis(millis)
        : java.time.Duration.ofSeconds(Math.round(millis / 1000.0));
  }

  static String shortDigest(String digest) {
    return digest != null && digest.startsWith("sha256:") && digest.length() >= 19 ? digest.substring(7, 19) : digest;
  }

  public static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
  }
}
