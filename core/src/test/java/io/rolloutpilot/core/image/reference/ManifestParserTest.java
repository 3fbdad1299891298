package io.rolloutpilot.core.image.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rolloutpilot.core.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Manifests without the information that says what they are, or with it in the wrong form, are bad input. */
class ManifestParserTest {
  private final ManifestParser parser = new ManifestParser(new ObjectMapper());

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"config\":{},\"layers\":[]} | | not a schema version 2 manifest",
      "{\"schemaVersion\":\"2\",\"manifests\":[]} | | not a schema version 2 manifest",
      "{\"schemaVersion\":2.5,\"manifests\":[]} | | not a schema version 2 manifest",
      "[2] | | not a schema version 2 manifest",
      "{\"schemaVersion\":2} | | says no mediaType and is neither an image manifest (config, layers) nor an index",
      "{\"schemaVersion\":2,\"config\":{},\"manifests\":[]} | | is neither an image manifest",
      "{\"schemaVersion\":2,\"mediaType\":7,\"manifests\":[]} | | has a mediaType that is not a string",
      "{\"schemaVersion\":2,\"mediaType\":\"text/plain\"} | | has media type 'text/plain'",
      "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\"x\",\"digest\":\"sha256:../../etc/passwd\",\"size\":1}]}"
          + " | | manifests[0].digest: 'sha256:../../etc/passwd' is not a digest",
      "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\"x\",\"digest\":\"sha256:x\",\"size\":\"1\"}]}"
          + " | | manifests[0] needs a mediaType, a digest and a non-negative size",
      "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\"x\",\"digest\":\"sha256:x\",\"size\":-1}]}"
          + " | | manifests[0] needs a mediaType, a digest and a non-negative size",
      "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\"}"
          + " | application/vnd.oci.image.index.v1+json | but was referenced as"})
  void manifestsThatDoNotSayWhatTheyAreAreRefused(String json, String declaredType, String fragment) {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> parser.parse("test", json.getBytes(StandardCharsets.UTF_8),
        declaredType));
    assertThat(e).as(json).isNotNull();
    assertThat(e.field()).isEqualTo("from");
    assertThat(e.getMessage()).contains(fragment);
  }
}
