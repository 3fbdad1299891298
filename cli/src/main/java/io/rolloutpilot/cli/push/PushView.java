package io.rolloutpilot.cli.push;

import io.rolloutpilot.core.image.ecr.EcrPushResult;
import io.rolloutpilot.core.image.ecr.ScanReport;
import io.rolloutpilot.core.image.push.PushResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How a push result and its progress events look as text lines and as JSON. */
final class PushView {
  private PushView() {}

  static List<String> text(PushResult r, EcrPushResult ecr) {
    List<String> lines = new ArrayList<>();
    lines.add("pushed " + r.imageRef());
    lines.add("  tags:       " + (r.tags().isEmpty() ? "(none)" : String.join(", ", r.tags())));
    lines.add("  media type: " + r.mediaType());
    lines.add("  blobs:      " + r.blobsUploaded() + " uploaded (" + size(r.bytesUploaded()) + "), " + r.blobsReused()
        + " reused");
    lines.add("  duration:   " + String.format(Locale.ROOT, "%.2f s", r.duration().toMillis() / 1000.0));
    if (ecr != null && ecr.repository().created()) {
      lines.add("  repository: created " + ecr.repository().name() + (ecr.repository().immutableTags()
          ? " (immutable tags)" : ""));
    }
    if (ecr != null && ecr.scan() != null) {
      lines.add("  scan:       " + ecr.scan().counts() + (ecr.scan().passed() ? " within the gate"
          : " exceeds the gate for " + ecr.scan().exceeded()));
    }
    return lines;
  }

  static Map<String, Object> json(PushResult r, EcrPushResult ecr) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("registry", r.registry());
    json.put("repository", r.repository());
    json.put("digest", r.digest());
    json.put("imageRef", r.imageRef());
    json.put("tags", r.tags());
    json.put("mediaType", r.mediaType());
    json.put("blobsUploaded", r.blobsUploaded());
    json.put("blobsReused", r.blobsReused());
    json.put("bytesUploaded", r.bytesUploaded());
    json.put("durationMs", r.duration().toMillis());
    if (ecr != null) {
      json.put("repositoryCreated", ecr.repository().created());
      json.put("scan", ecr.scan() == null ? null : scan(ecr.scan()));
    }
    return json;
  }

  private static Map<String, Object> scan(ScanReport scan) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("status", scan.status());
    json.put("counts", scan.counts());
    json.put("passed", scan.passed());
    json.put("exceeded", scan.exceeded());
    json.put("worstFindings", scan.worstFindings());
    return json;
  }

  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
  }
}
