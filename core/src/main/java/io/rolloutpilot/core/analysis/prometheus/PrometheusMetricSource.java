package io.rolloutpilot.core.analysis.prometheus;

import io.rolloutpilot.core.analysis.judge.BaselineHistory;
import io.rolloutpilot.core.analysis.judge.GroupSamples;
import io.rolloutpilot.core.analysis.judge.MetricData;
import io.rolloutpilot.core.analysis.judge.MetricSource;
import io.rolloutpilot.core.analysis.judge.QueryPlan;
import io.rolloutpilot.core.analysis.judge.SampleCleaner;
import io.rolloutpilot.core.analysis.judge.TimeSeries;
import io.rolloutpilot.core.analysis.spec.MetricKind;
import io.rolloutpilot.core.analysis.spec.MetricSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Fetches a metric's samples with one {@code query_range} per query and group over the same window.
 * Each query must return at most one series: none is empty, more than one is an
 * error ("aggregate to one series"). Failures carry the resolved PromQL.
 */
public final class PrometheusMetricSource implements MetricSource {
  private final PrometheusClient client;

  public PrometheusMetricSource(PrometheusClient client) {
    this.client = client;
  }

  @Override
  public String endpoint() {
    return client.endpoint().display();
  }

  @Override
  public MetricData fetch(QueryPlan plan, long startMillis, long endMillis, long stepMillis) {
    List<String> warnings = new ArrayList<>();
    MetricSpec metric = plan.metric();
    SampleCleaner cleaner = new SampleCleaner(SampleCleaner.grid(startMillis, endMillis, stepMillis));
    String current = null;
    try {
      List<TimeSeries> canary = new ArrayList<>();
      List<TimeSeries> baseline = new ArrayList<>();
      for (String query : plan.canaryQueries()) {
        current = query;
        canary.add(single(query, startMillis, endMillis, stepMillis, warnings));
      }
      for (String query : plan.baselineQueries()) {
        current = query;
        baseline.add(single(query, startMillis, endMillis, stepMillis, warnings));
      }
      return new MetricData(metric, SampleCleaner.grid(startMillis, endMillis, stepMillis),
          clean(cleaner, metric, canary), clean(cleaner, metric, baseline), plan.canaryQueries(),
          plan.baselineQueries(), warnings, null);
    } catch (PrometheusException e) {
      return MetricData.failed(metric, plan.canaryQueries(), plan.baselineQueries(), warnings,
          e.getMessage() + " — query: " + current);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return MetricData.failed(metric, plan.canaryQueries(), plan.baselineQueries(), warnings, "interrupted");
    }
  }

  /**
   * Only the baseline queries, cleaned like the window's. Any failure, a query returning several series
   * included, is reported as unavailable history: the window's own fetch reports real errors.
   */
  @Override
  public BaselineHistory baselineHistory(QueryPlan plan, long startMillis, long endMillis, long stepMillis) {
    List<String> ignored = new ArrayList<>();
    try {
      List<TimeSeries> baseline = new ArrayList<>();
      for (String query : plan.baselineQueries()) {
        baseline.add(single(query, startMillis, endMillis, stepMillis, ignored));
      }
      SampleCleaner cleaner = new SampleCleaner(SampleCleaner.grid(startMillis, endMillis, stepMillis));
      return BaselineHistory.of(clean(cleaner, plan.metric(), baseline));
    } catch (PrometheusException e) {
      return BaselineHistory.unavailable(e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return BaselineHistory.unavailable("interrupted");
    }
  }

  private TimeSeries single(String query, long start, long end, long step, List<String> warnings)
      throws PrometheusException, InterruptedException {
    QueryResult result = client.queryRange(query, start, end, step);
    result.warnings().forEach(w -> warnings.add(w + " (query: " + query + ")"));
    if (result.series().size() > 1) {
      throw new PrometheusException(200, "multiple_series", result.series().size()
          + " series returned; aggregate the query to one series (e.g. sum(...)) — first two: "
          + result.series().get(0).labels() + ", " + result.series().get(1).labels(), false);
    }
    return result.series().isEmpty() ? TimeSeries.EMPTY : result.series().get(0).samples();
  }

  private static GroupSamples clean(SampleCleaner cleaner, MetricSpec metric, List<TimeSeries> series) {
    return metric.kind() == MetricKind.RATIO ? cleaner.ratio(series.get(0), series.get(1), metric.nan())
        : cleaner.plain(series.get(0), metric.nan());
  }
}
