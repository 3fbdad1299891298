package io.rolloutpilot.core.analysis;

import io.rolloutpilot.core.analysis.argo.ArgoAnalysisFollower;
import io.rolloutpilot.core.analysis.argo.ArgoAnalysisRequest;
import io.rolloutpilot.core.analysis.argo.ArgoAnalysisResult;
import io.rolloutpilot.core.analysis.judge.Aggregator;
import io.rolloutpilot.core.analysis.judge.CanaryJudge;
import io.rolloutpilot.core.analysis.judge.JudgeRequest;
import io.rolloutpilot.core.analysis.judge.JudgeResult;
import io.rolloutpilot.core.analysis.judge.MetricDecider;
import io.rolloutpilot.core.analysis.judge.QueryPlanner;
import io.rolloutpilot.core.analysis.prometheus.PrometheusClient;
import io.rolloutpilot.core.analysis.prometheus.PrometheusMetricSource;
import io.rolloutpilot.core.analysis.prometheus.RetryPolicy;
import io.rolloutpilot.core.analysis.stats.MannWhitneyTest;
import io.rolloutpilot.core.analysis.stats.TwoSampleComparator;
import io.rolloutpilot.core.event.EngineListener;
import io.rolloutpilot.core.rollout.RolloutRef;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The analysis engine's entry point for front ends: judge a canary on Prometheus with our statistics,
 * or follow the Rollout's own Argo AnalysisRun to its end. Verdicts never pass on missing data.
 */
public final class AnalysisService {
  private final Supplier<CanaryTargets> targets;
  private final Supplier<ArgoAnalysisFollower> argo;
  private final Clock clock;
  private final Sleeper sleeper;

  /**
   * @param targets and {@code argo} need a cluster; they are asked for only by the calls that use one, so
   *     an engine without a cluster still judges on Prometheus
   */
  public AnalysisService(Supplier<CanaryTargets> targets, Supplier<ArgoAnalysisFollower> argo, Clock clock,
      Sleeper sleeper) {
    this.targets = targets;
    this.argo = argo;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /**
   * Judges the canary over the spec's window, with interim looks; blocks until the verdict, or until the
   * request's timeout, which bounds the waits for the window and every Prometheus request alike.
   */
  public JudgeResult judge(PrometheusJudgeRequest request, EngineListener listener) throws InterruptedException {
    Deadline deadline = Deadline.after(request.timeout(), clock);
    HttpClient http = HttpClient.newBuilder().connectTimeout(request.endpoint().timeout()).build();
    PrometheusClient client = new PrometheusClient(http, request.endpoint(), RetryPolicy.DEFAULT, sleeper, listener,
        deadline);
    CanaryJudge judge = new CanaryJudge(new PrometheusMetricSource(client),
        new MetricDecider(new TwoSampleComparator(new MannWhitneyTest())), new Aggregator(), new QueryPlanner(),
        clock, sleeper, listener);
    CanaryTarget target = request.target();
    return judge.judge(new JudgeRequest(request.spec(), target.canaryHash(), target.stableHash(), target.start(),
        request.timeout().isZero() ? null : request.timeout()));
  }

  /**
   * The Rollout's canary and stable pod hashes, and when the canary started: {@code since} when given,
   * else the creation of the canary's ReplicaSet.
   */
  public CanaryTarget canaryTarget(RolloutRef rollout, Instant since) {
    if (since != null) {
      CanaryStarts.requireRecent("since", since, clock);
    }
    return targets.get().of(rollout, since);
  }

  /** Follows the Rollout's current AnalysisRun through watches to its end, keeping every measurement. */
  public ArgoAnalysisResult followRuns(ArgoAnalysisRequest request, EngineListener listener) {
    return argo.get().follow(request, listener);
  }
}
