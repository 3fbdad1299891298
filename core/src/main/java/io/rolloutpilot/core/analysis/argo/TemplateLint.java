package io.rolloutpilot.core.analysis.argo;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Static checks of a run's metrics for templates that cannot fail, or fail for the wrong reason.
 * Each finding is one warning line naming the metric.
 */
public final class TemplateLint {
  private static final Pattern FIRST_ELEMENT = Pattern.compile("result\\s*\\[\\s*0\\s*]");
  private static final Pattern GUARDED = Pattern.compile("len\\s*\\(\\s*result\\s*\\)|isNaN\\s*\\(|default\\s*\\(");

  /** One finding about one metric. */
  public record Finding(String metric, String text) {
    /** As the analysis result lists it: {@code metric NAME: text}. */
    public String describe() {
      return "metric " + metric + ": " + text;
    }
  }

  public List<Finding> check(AnalysisRunState run) {
    List<Finding> warnings = new ArrayList<>();
    for (ArgoMetricSpec metric : run.metrics()) {
      check(metric, run.dryRun(metric.name()), warnings);
    }
    return warnings;
  }

  private static void check(ArgoMetricSpec metric, boolean dryRun, List<Finding> findings) {
    java.util.function.Consumer<String> out = text -> findings.add(new Finding(metric.name(), text));
    if (dryRun) {
      out.accept("dry-run; its result never affects the run's phase");
    }
    if (!metric.hasCondition()) {
      out.accept("no successCondition or failureCondition, so every measurement is Successful"
          + " (it can never fail)");
    }
    if (metric.failureLimit() < 0 && metric.consecutiveSuccessLimit() <= 0) {
      out.accept("failureLimit -1 without consecutiveSuccessLimit: failed measurements never fail it");
    } else if (metric.count() != null && metric.failureLimit() >= metric.count()) {
      out.accept("failureLimit " + metric.failureLimit() + " ≥ count " + metric.count()
          + ": it can never fail");
    }
    if (metric.count() != null && metric.consecutiveErrorLimit() >= metric.count()
        && metric.consecutiveErrorLimit() > ArgoMetricSpec.DEFAULT_CONSECUTIVE_ERROR_LIMIT) {
      out.accept("consecutiveErrorLimit " + metric.consecutiveErrorLimit() + " ≥ count " + metric.count()
          + ": errors are effectively ignored while count can still be reached");
    }
    String conditions = metric.successCondition() + " " + metric.failureCondition();
    if (FIRST_ELEMENT.matcher(conditions).find()) {
      if (metric.rangeQuery()) {
        out.accept("a range query checked with result[0] judges only the first sample; use all(result, …)");
      } else if (!GUARDED.matcher(conditions).find()) {
        out.accept("result[0] without len(result) > 0 or isNaN(): an empty result is an Error and NaN"
            + " fails the comparison");
      }
    }
  }
}
