package io.rolloutpilot.core.analysis.spec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.rolloutpilot.core.error.InvalidInputException;
import java.io.IOException;

/**
 * The YAML of a spec, read strictly: YAML lets a later key silently replace an earlier one and a file carry
 * several documents of which a reader takes the first, so a spec could mean something other than what its
 * author sees. A duplicate key and a second document are refused instead.
 */
final class SpecYaml {
  private static final int MAX_MESSAGE = 160;

  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  /** The one document's root, or null when the text holds none. */
  JsonNode read(String text) {
    try (JsonParser parser = yaml.getFactory().createParser(text)) {
      JsonNode root = yaml.readTree(parser);
      refuseMoreDocuments(parser);
      return root;
    } catch (JsonProcessingException e) {
      throw invalid(e);
    } catch (IOException e) {
      throw new InvalidInputException("spec", "cannot be read as YAML (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** An empty document after the first (a stray {@code ---} at the end) carries nothing and is let be. */
  private static void refuseMoreDocuments(JsonParser parser) throws IOException {
    for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
      if (token != JsonToken.VALUE_NULL) {
        throw new InvalidInputException("spec", "holds more than one YAML document (a second one starts at line "
            + parser.currentTokenLocation().getLineNr() + "); put the whole spec in one document");
      }
    }
  }

  private static InvalidInputException invalid(JsonProcessingException e) {
    String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
    if (message.startsWith("Duplicate field") && e.getProcessor() instanceof JsonParser parser) {
      return new InvalidInputException(field(parser.getParsingContext().pathAsPointer().toString()),
          "is given twice (line " + line + "); YAML would keep only the last one, so say it once");
    }
    String first = message.split("\n")[0];
    return new InvalidInputException("spec", "is not valid YAML" + (line > 0 ? " (line " + line + ")" : "")
        + ": " + (first.length() > MAX_MESSAGE ? first.substring(0, MAX_MESSAGE) + "…" : first));
  }

  /** {@code /metrics/0/name} as the parser names fields: {@code spec.metrics[0].name}. */
  private static String field(String pointer) {
    StringBuilder field = new StringBuilder("spec");
    for (String part : pointer.split("/")) {
      if (part.isEmpty()) {
        continue;
      }
      field.append(part.matches("[0-9]+") ? "[" + part + "]" : "." + part.replace("~1", "/").replace("~0", "~"));
    }
    return field.toString();
  }
}
