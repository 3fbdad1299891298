package io.rolloutpilot.sandbox.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class WatchHistoryTest {
  private static final String ROLLOUTS = "/apis/argoproj.io/v1alpha1/namespaces/default/rollouts";

  private static byte[] object(String name, long version, String app) {
    return ("{\"kind\":\"Rollout\",\"metadata\":{\"name\":\"" + name + "\",\"resourceVersion\":\"" + version
        + "\",\"labels\":{\"app\":\"" + app + "\"}}}").getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> missed(WatchHistory history, String query) {
    return history.missedBy(ROLLOUTS + "?watch=true&" + query).orElseThrow().stream()
        .map(c -> c.type() + " " + c.name() + "@" + c.resourceVersion()).toList();
  }

  @Test
  void aResumedWatchGetsWhatItMissedForItsCollectionAndSelectors() {
    WatchHistory history = new WatchHistory(100);
    history.record("POST", ROLLOUTS, 201, object("a", 5, "a"));
    history.record("PATCH", ROLLOUTS + "/a/status", 200, object("a", 6, "a"));
    history.record("PUT", ROLLOUTS + "/b", 200, object("b", 7, "b"));
    history.record("PUT", "/apis/argoproj.io/v1alpha1/namespaces/other/rollouts/a", 200, object("a", 8, "a"));
    history.record("PATCH", ROLLOUTS + "/a", 409, object("a", 9, "a"));
    history.record("DELETE", ROLLOUTS + "/a", 200, object("a", 6, "a"));

    assertThat(missed(history, "resourceVersion=5")).containsExactly("MODIFIED a@6", "MODIFIED b@7", "DELETED a@9");
    assertThat(missed(history, "resourceVersion=5&fieldSelector=metadata.name%3Db")).containsExactly("MODIFIED b@7");
    assertThat(missed(history, "resourceVersion=4&labelSelector=app%3Da"))
        .containsExactly("ADDED a@5", "MODIFIED a@6", "DELETED a@9");
    assertThat(missed(history, "")).isEmpty();
    assertThat(history.missedBy("/apis/argoproj.io/v1alpha1/rollouts?watch=true&resourceVersion=7").orElseThrow())
        .extracting(WatchHistory.Change::name).containsExactly("a", "a");
  }

  @Test
  void aVersionOlderThanTheHistoryIsGone() {
    WatchHistory history = new WatchHistory(2);
    history.record("PUT", ROLLOUTS + "/a", 200, object("a", 5, "a"));
    history.record("PUT", ROLLOUTS + "/a", 200, object("a", 6, "a"));
    history.record("PUT", ROLLOUTS + "/a", 200, object("a", 7, "a"));
    assertThat(history.missedBy(ROLLOUTS + "?watch=true&resourceVersion=4")).isEmpty();
    assertThat(missed(history, "resourceVersion=5")).containsExactly("MODIFIED a@6", "MODIFIED a@7");
  }
}
