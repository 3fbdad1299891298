package io.rolloutpilot.sandbox.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Template equality as Argo's FindNewReplicaSet falls back to it. */
class PodTemplatesTest {
  private static JsonNode json(String text) throws Exception {
    return Json.MAPPER.readTree(text.replace('\'', '"'));
  }

  @Test
  void theHashLabelServiceAccountAndEmptyValuesDoNotCount() throws Exception {
    JsonNode desired = json("{'metadata':{'labels':{'app':'a'}},'spec':{'containers':[{'name':'c','image':'i:1','ports':[]}]}}");
    JsonNode live = json("{'metadata':{'labels':{'app':'a','rollouts-pod-template-hash':'x'},'annotations':{}},"
        + "'spec':{'serviceAccount':'old','containers':[{'name':'c','image':'i:1','env':null}]}}");
    assertThat(PodTemplates.equalIgnoringHash(live, desired)).isTrue();
  }

  @Test
  void numbersCompareByValueAndRealDifferencesCount() throws Exception {
    JsonNode a = json("{'spec':{'terminationGracePeriodSeconds':30,'containers':[{'name':'c','image':'i:1'}]}}");
    JsonNode b = json("{'spec':{'terminationGracePeriodSeconds':30.0,'containers':[{'name':'c','image':'i:1'}]}}");
    JsonNode c = json("{'spec':{'terminationGracePeriodSeconds':30,'containers':[{'name':'c','image':'i:2'}]}}");
    assertThat(PodTemplates.equalIgnoringHash(a, b)).isTrue();
    assertThat(PodTemplates.equalIgnoringHash(a, c)).isFalse();
  }
}
