package io.rolloutpilot.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rolloutpilot.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpUrlsTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "file:///etc/passwd | is not an http(s) URL",
      "ftp://prometheus:21 | is not an http(s) URL",
      "jar:http://prometheus/x.jar!/y | is not an http(s) URL",
      "prometheus:9090 | is not an http(s) URL",
      "//prometheus:9090 | is not an http(s) URL",
      "http:///api/v1 | has no host",
      "http://prometheus_1:9090 | has no host",
      "http://prometheus:0 | has port 0",
      "http://prometheus:65536 | has port 65536",
      "http://prometheus:9090/?x=1 | has a query or fragment",
      "http://prometheus:9090/#top | has a query or fragment",
      "'http://prometheus:9090/a b' | is not a URL",
      "'   ' | must not be empty"})
  void refusesWhatIsNotAnHttpBaseUrlNamingTheField(String url, String message) {
    assertThatThrownBy(() -> HttpUrls.parse("prometheus", url))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("prometheus"))
        .hasMessageContaining(message);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "http://ci:hunter2-PLANTED@prometheus:9090",
      "http://hunter2-PLANTED@prometheus:9090",
      "'http://ci:hunter2 PLANTED@prometheus:9090'",
      "'https://ci:hunter2@PLANTED@prometheus:9090/x'",
      "ftp://ci:hunter2-PLANTED@prometheus:21",
      "ci:hunter2-PLANTED@prometheus:9090"})
  void userInfoIsRefusedAndNeverEchoed(String url) {
    assertThatThrownBy(() -> HttpUrls.parse("prometheus", url)).isInstanceOf(InvalidInputException.class)
        .hasMessageNotContaining("hunter2").hasMessageNotContaining("PLANTED");
  }

  @Test
  void acceptsHttpAndHttpsWithPortAndPathWithoutTheTrailingSlash() {
    assertThat(HttpUrls.parse("p", "http://prometheus:9090/").toString()).isEqualTo("http://prometheus:9090");
    assertThat(HttpUrls.parse("p", "HTTPS://aps.example.com/workspaces/ws-1").getPath())
        .isEqualTo("/workspaces/ws-1");
    assertThat(HttpUrls.parse("p", "http://[::1]:65535").getPort()).isEqualTo(65535);
  }
}
