package io.rolloutpilot.core.analysis.argo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rolloutpilot.core.analysis.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The mapping of AnalysisRun phases to our outcomes, and the static template checks. */
class RunVerdictsTest {
  private final AnalysisRunParser parser = new AnalysisRunParser();

  private AnalysisRunState run(String metrics, String status, boolean terminate) throws Exception {
    String json = "{\"metadata\":{\"name\":\"r\"},\"spec\":{\"terminate\":" + terminate + ",\"metrics\":" + metrics
        + "},\"status\":" + status + "}";
    return parser.parse(new ObjectMapper().readTree(json.replace('\'', '"')));
  }

  private static final String TWO = "[{'name':'a','interval':'1m','count':3,'successCondition':'result[0] > 1'},"
      + "{'name':'b','successCondition':'result > 1'}]";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "both measured fully         | Successful | ''             | 3 | 1 | false | false | PASSED",
      "b never measured            | Successful | ''             | 3 | 0 | false | false | INCONCLUSIVE",
      "terminated short of count   | Successful | Run Terminated | 2 | 1 | true  | false | INCONCLUSIVE",
      "terminated after count      | Successful | Run Terminated | 3 | 1 | true  | false | PASSED",
      "terminated by an abort      | Successful | Run Terminated | 3 | 1 | true  | true  | FAILED",
      "failed                      | Failed     | m              | 3 | 1 | false | false | FAILED",
      "error                       | Error      | m              | 3 | 1 | false | false | ERROR",
      "inconclusive                | Inconclusive | m            | 3 | 1 | false | false | INCONCLUSIVE",
      "running, rollout aborted    | Running    | ''             | 1 | 0 | false | true  | FAILED",
  })
  void mapsTheRunPhase(String name, String phase, String message, int countA, int countB, boolean terminate,
      boolean aborted, Verdict expected) throws Exception {
    String status = "{'phase':'" + phase + "','message':'" + message + "','metricResults':["
        + "{'name':'a','phase':'Successful','count':" + countA + ",'successful':" + countA + "},"
        + "{'name':'b','phase':'Successful','count':" + countB + ",'successful':" + countB + "}]}";
    RunDecision decision = new RunVerdicts().decide(run(TWO, status, terminate), aborted, "RolloutAborted: x");
    assertThat(decision.verdict()).as(decision.reason()).isEqualTo(expected);
  }

  @Test
  void aRunningRunHasNoVerdictYet() throws Exception {
    assertThat(new RunVerdicts().decide(run(TWO, "{'phase':'Running'}", false), false, "")).isNull();
  }

  @Test
  void onlyDryRunMetricsJudgeNothing() throws Exception {
    String metrics = "[{'name':'a','successCondition':'result > 1'}]";
    String json = "{\"metadata\":{\"name\":\"r\"},\"spec\":{\"dryRun\":[{\"metricName\":\".*\"}],\"metrics\":" + metrics
        + "},\"status\":{\"phase\":\"Successful\",\"metricResults\":[{\"name\":\"a\",\"count\":1,\"dryRun\":true}]}}";
    AnalysisRunState state = parser.parse(new ObjectMapper().readTree(json.replace('\'', '"')));
    assertThat(new RunVerdicts().decide(state, false, "").verdict()).isEqualTo(Verdict.INCONCLUSIVE);
  }

  @Test
  void warnsAboutTemplatesThatCanNeverFail() throws Exception {
    String metrics = "[{'name':'none','provider':{'web':{}}},"
        + "{'name':'unlimited','failureLimit':-1,'successCondition':'len(result) > 0 && result[0] > 1'},"
        + "{'name':'generous','interval':'1m','count':3,'failureLimit':3,'successCondition':'isNaN(result[0]) || result[0] > 1'},"
        + "{'name':'range','successCondition':'result[0] < 1','provider':{'prometheus':{'query':'q','rangeQuery':{'step':'1m'}}}},"
        + "{'name':'bare','successCondition':'result[0] >= 0.95'},"
        + "{'name':'fine','successCondition':'all(result, # < 1)'}]";
    assertThat(new TemplateLint().check(run(metrics, "{}", false)).stream().map(TemplateLint.Finding::describe))
        .containsExactly(
        "metric none: no successCondition or failureCondition, so every measurement is Successful (it can never fail)",
        "metric unlimited: failureLimit -1 without consecutiveSuccessLimit: failed measurements never fail it",
        "metric generous: failureLimit 3 ≥ count 3: it can never fail",
        "metric range: a range query checked with result[0] judges only the first sample; use all(result, …)",
        "metric bare: result[0] without len(result) > 0 or isNaN(): an empty result is an Error and NaN fails the"
            + " comparison");
  }

  @Test
  void keepsEveryMeasurementAcrossTheSlidingWindowAndUpdatesInFlightOnes() throws Exception {
    MeasurementLog log = new MeasurementLog();
    String first = "{'metricResults':[{'name':'a','measurements':[{'phase':'Successful','startedAt':'t1'},"
        + "{'phase':'Running','startedAt':'t2'}]}]}";
    String second = "{'metricResults':[{'name':'a','measurements':[{'phase':'Failed','startedAt':'t2'},"
        + "{'phase':'Successful','startedAt':'t3'}]}]}";
    assertThat(log.merge(run("[]", first, false))).hasSize(2);
    assertThat(log.merge(run("[]", second, false))).extracting(ArgoMeasurement::phase).containsExactly("Failed", "Successful");
    assertThat(log.measurements("a")).extracting(m -> m.startedAt() + "=" + m.phase())
        .containsExactly("t1=Successful", "t2=Failed", "t3=Successful");
  }
}
