package io.rolloutpilot.core.image.ecr;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.DescribeImageScanFindingsResponse;
import software.amazon.awssdk.services.ecr.model.ImageScanFinding;
import software.amazon.awssdk.services.ecr.model.ScanNotFoundException;
import io.rolloutpilot.core.error.Hint;
import io.rolloutpilot.core.event.EngineListener;
import io.rolloutpilot.core.event.ScanCompleted;
import io.rolloutpilot.core.event.ScanWaiting;

/**
 * Waits for ECR's scan of the pushed digest and judges it against a {@link ScanGateSpec}. Never fails
 * open: a scan that fails, is unsupported or does not finish in time is an error, not a pass.
 */
public final class ScanGate {
  private static final int WORST_SHOWN = 5;

  private final EcrClient ecr;
  private final Clock clock;
  private final Duration pollInterval;
  private final Duration timeout;

  public ScanGate(EcrClient ecr, Clock clock, Duration pollInterval, Duration timeout) {
    this.ecr = ecr;
    this.clock = clock;
    this.pollInterval = pollInterval;
    this.timeout = timeout;
  }

  public ScanReport await(String registryId, String repository, String digest, ScanGateSpec spec,
      EngineListener listener) throws InterruptedException {
    Instant deadline = clock.instant().plus(timeout);
    boolean started = false;
    while (true) {
      try {
        DescribeImageScanFindingsResponse response = ecr.describeImageScanFindings(r -> r.registryId(registryId)
            .repositoryName(repository).imageId(i -> i.imageDigest(digest)));
        String status = response.imageScanStatus() == null ? "PENDING" : response.imageScanStatus().statusAsString();
        if ("COMPLETE".equals(status)) {
          return report(repository, digest, response, spec, listener);
        }
        if (!"IN_PROGRESS".equals(status) && !"PENDING".equals(status)) {
          throw EcrErrors.failed("Scan" + status, "the scan of " + repository + "@" + digest + " ended " + status
              + "; the gate cannot pass without a complete scan, so check the repository's scanning setup", null);
        }
      } catch (ScanNotFoundException e) {
        if (!started) {
          startScan(registryId, repository, digest);
          started = true;
        }
      } catch (SdkException e) {
        throw EcrErrors.from("DescribeImageScanFindings", e, "ecr:DescribeImageScanFindings");
      }
      if (!clock.instant().isBefore(deadline)) {
        throw EcrErrors.failed("ScanTimeout", "the scan of " + repository + "@" + digest
            + " did not complete within " + timeout + "; the image is pushed", Hint.LONGER_SCAN_TIMEOUT);
      }
      listener.on(new ScanWaiting(repository, digest));
      Thread.sleep(pollInterval.toMillis());
    }
  }

  private void startScan(String registryId, String repository, String digest) {
    try {
      ecr.startImageScan(r -> r.registryId(registryId).repositoryName(repository).imageId(i -> i.imageDigest(digest)));
    } catch (SdkException e) {
      throw EcrErrors.from("StartImageScan", e, "ecr:StartImageScan (or enable scan on push for the repository)");
    }
  }

  private static ScanReport report(String repository, String digest, DescribeImageScanFindingsResponse response,
      ScanGateSpec spec, EngineListener listener) {
    Map<String, Integer> counts = new HashMap<>();
    List<String> worst = new ArrayList<>();
    if (response.imageScanFindings() != null) {
      counts.putAll(response.imageScanFindings().findingSeverityCountsAsStrings());
      response.imageScanFindings().findings().stream()
          .sorted(Comparator.comparingInt(f -> rank(f.severityAsString())))
          .limit(WORST_SHOWN).map(ScanGate::describe).forEach(worst::add);
    }
    ScanReport report = new ScanReport("COMPLETE", counts, worst, spec.exceeded(counts));
    listener.on(new ScanCompleted(repository, digest, counts, report.exceeded()));
    return report;
  }

  private static int rank(String severity) {
    int index = ScanGateSpec.SEVERITIES.indexOf(severity);
    return index < 0 ? ScanGateSpec.SEVERITIES.size() : index;
  }

  private static String describe(ImageScanFinding finding) {
    return finding.severityAsString() + " " + finding.name() + (finding.uri() == null ? "" : " (" + finding.uri() + ")");
  }
}
