package io.rolloutpilot.cli.analyze;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.rolloutpilot.core.analysis.AnalysisOutcome;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/**
 * The {@code -o json} document of an analysis: the engine's result record as it is, with {@code mode}
 * first. Undefined numbers (NaN, ±∞: a p-value never computed, a ratio of zero means) become
 * {@code null}, so the output is strict JSON; instants are RFC 3339 and durations seconds.
 */
public final class AnalysisJson {
  private final ObjectMapper mapper = new ObjectMapper().registerModule(new SimpleModule("analysis-json")
      .addSerializer(Double.class, new FiniteOrNull())
      .addSerializer(double.class, new FiniteOrNull())
      .addSerializer(Instant.class, ToStringSerializer.instance)
      .addSerializer(Duration.class, new Seconds()));

  public ObjectNode document(String mode, AnalysisOutcome result) {
    ObjectNode document = mapper.createObjectNode();
    document.put("mode", mode);
    document.setAll((ObjectNode) mapper.valueToTree(result));
    return document;
  }

  private static final class FiniteOrNull extends JsonSerializer<Double> {
    @Override
    public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      if (value == null || !Double.isFinite(value)) {
        gen.writeNull();
      } else {
        gen.writeNumber(value);
      }
    }
  }

  private static final class Seconds extends JsonSerializer<Duration> {
    @Override
    public void serialize(Duration value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeNumber(value.toMillis() / 1000.0);
    }
  }
}
