package io.rolloutpilot.core.analysis.judge;

import io.rolloutpilot.core.analysis.DeadlineReached;
import io.rolloutpilot.core.analysis.MetricVerdict;
import io.rolloutpilot.core.analysis.Sleeper;
import io.rolloutpilot.core.analysis.Verdict;
import io.rolloutpilot.core.analysis.spec.AnalysisSpec;
import io.rolloutpilot.core.validation.Durations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.rolloutpilot.core.event.EngineListener;
import io.rolloutpilot.core.event.JudgementLook;
import io.rolloutpilot.core.event.MetricErrored;

/**
 * Mode B: judges a canary against its baseline on Prometheus data. While the window is still open it
 * takes interim looks every {@code evaluateEvery} that can only fail fast; the full decision,
 * including PASS by non-inferiority, is made once, on the whole window at its end. A window already in
 * the past is judged at once. Our own deadline ends the judgement with TIMED_OUT, whether it comes while
 * waiting for the window or while waiting for Prometheus ({@link DeadlineReached}).
 */
public final class CanaryJudge {
  private final MetricSource source;
  private final MetricDecider decider;
  private final Aggregator aggregator;
  private final QueryPlanner planner;
  private final Clock clock;
  private final Sleeper sleeper;
  private final EngineListener listener;

  public CanaryJudge(MetricSource source, MetricDecider decider, Aggregator aggregator, QueryPlanner planner,
      Clock clock, Sleeper sleeper, EngineListener listener) {
    this.source = source;
    this.decider = decider;
    this.aggregator = aggregator;
    this.planner = planner;
    this.clock = clock;
    this.sleeper = sleeper;
    this.listener = listener;
  }

  public JudgeResult judge(JudgeRequest request) throws InterruptedException {
    AnalysisSpec spec = request.spec();
    List<QueryPlan> plans = planner.plan(spec, request.canaryHash(), request.stableHash());
    Instant start = request.canaryStart().plus(spec.window().warmup());
    Instant end = request.canaryStart().plus(spec.window().duration());
    Instant deadline = request.deadline() == null ? null : clock.instant().plus(request.deadline());
    BaselineHistories histories = new BaselineHistories(source, spec, request.canaryStart());
    FailFastTracker tracker = new FailFastTracker();
    int looks = 0;
    Instant look = start.plus(spec.window().evaluateEvery());
    while (look.isBefore(end) && clock.instant().isBefore(end)) {
      if (!waitUntil(look, deadline)) {
        return timedOut(request, looks, start, end);
      }
      List<MetricResult> interim;
      try {
        interim = evaluate(plans, histories, spec, start, look, true);
      } catch (DeadlineReached e) {
        return timedOut(request, looks, start, end, e.getMessage());
      }
      looks++;
      listener.on(new JudgementLook(looks, true, start, look, verdicts(interim)));
      MetricResult confirmed = tracker.record(interim);
      if (confirmed != null) {
        String reason = confirmed.name() + " regressed on " + FailFastTracker.CONSECUTIVE_LOOKS
            + " consecutive looks: " + confirmed.reason();
        return result(request, new Aggregate(Verdict.FAILED, reason, Double.NaN), interim, looks, start, look);
      }
      look = look.plus(spec.window().evaluateEvery());
    }
    if (!waitUntil(end, deadline)) {
      return timedOut(request, looks, start, end);
    }
    return finalLook(request, plans, histories, looks, start, end);
  }

  /** The full decision on the whole window, after {@code looks} interim ones. */
  private JudgeResult finalLook(JudgeRequest request, List<QueryPlan> plans, BaselineHistories histories,
      int looks, Instant start, Instant end) {
    List<MetricResult> last;
    try {
      last = evaluate(plans, histories, request.spec(), start, end, false);
    } catch (DeadlineReached e) {
      return timedOut(request, looks, start, end, e.getMessage());
    }
    listener.on(new JudgementLook(looks + 1, false, start, end, verdicts(last)));
    return result(request, aggregator.aggregate(last, request.spec().scoring()), last, looks + 1, start, end);
  }

  private List<MetricResult> evaluate(List<QueryPlan> plans, BaselineHistories histories, AnalysisSpec spec,
      Instant from, Instant to, boolean interim) {
    DecisionSettings settings = new DecisionSettings(spec.alpha(), spec.autocorrelation(), interim);
    long step = spec.window().step().toMillis();
    List<MetricResult> results = new ArrayList<>();
    for (QueryPlan plan : plans) {
      MetricData data = histories.attach(plan, source.fetch(plan, from.toEpochMilli(), to.toEpochMilli(), step));
      MetricResult result = decider.decide(data, settings);
      results.add(result);
      if (result.verdict() == MetricVerdict.ERROR) {
        listener.on(new MetricErrored(result.name(), result.reason()));
      }
    }
    return results;
  }

  /** Sleeps until the instant; false when our own deadline comes first. */
  private boolean waitUntil(Instant instant, Instant deadline) throws InterruptedException {
    Instant now = clock.instant();
    if (deadline != null && deadline.isBefore(instant)) {
      if (deadline.isAfter(now)) {
        sleeper.sleep(Duration.between(now, deadline));
      }
      return false;
    }
    if (instant.isAfter(now)) {
      sleeper.sleep(Duration.between(now, instant));
    }
    return true;
  }

  private JudgeResult timedOut(JudgeRequest request, int looks, Instant start, Instant end) {
    return timedOut(request, looks, start, end, null);
  }

  /** @param during what the deadline interrupted, or null when it came before the window's end */
  private JudgeResult timedOut(JudgeRequest request, int looks, Instant start, Instant end, String during) {
    String reason = "deadline " + Durations.format(request.deadline()) + " reached "
        + (during == null ? "before the window ended at " + end : "while " + during);
    return result(request, new Aggregate(Verdict.TIMED_OUT, reason, Double.NaN), List.of(), looks, start, end);
  }

  private JudgeResult result(JudgeRequest request, Aggregate aggregate, List<MetricResult> metrics, int looks,
      Instant start, Instant end) {
    AnalysisSpec spec = request.spec();
    return new JudgeResult(aggregate.verdict(), aggregate.reason(), aggregate.score(), spec.scoring().pass(),
        spec.scoring().marginal(), request.canaryStart(), start, end, spec.window().warmup(), spec.window().step(),
        planner.selector(spec, true, request.canaryHash()), planner.selector(spec, false, request.stableHash()),
        request.canaryHash(), request.stableHash(), source.endpoint(), JudgeResult.JUDGE_VERSION, looks, metrics,
        spec.warnings());
  }

  private static Map<String, String> verdicts(List<MetricResult> results) {
    Map<String, String> verdicts = new LinkedHashMap<>();
    results.forEach(r -> verdicts.put(r.name(), r.verdict().name()));
    return verdicts;
  }
}
