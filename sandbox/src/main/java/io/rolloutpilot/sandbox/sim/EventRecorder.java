package io.rolloutpilot.sandbox.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Writes the controller's Kubernetes Events (core/v1 Event objects in the object's namespace) as
 * Argo's controller does through Kubernetes' client library: source component
 * {@code rollouts-controller}, name {@code <object>.<hex nanoseconds>}, and the correlation of
 * {@link EventCorrelator}. Like the library, it never fails the caller: a rejected event is lost.
 */
final class EventRecorder {
  static final String COMPONENT = "rollouts-controller";
  static final String NORMAL = "Normal";
  static final String WARNING = "Warning";
  private static final System.Logger LOG = System.getLogger(EventRecorder.class.getName());

  private final KubeApi api;
  private final EventCorrelator correlator;
  private final Clock clock;
  private long lastNanos;
  private volatile boolean closed;

  EventRecorder(KubeApi api) {
    this(api, new EventCorrelator(), Clock.systemUTC());
  }

  EventRecorder(KubeApi api, EventCorrelator correlator, Clock clock) {
    this.api = api;
    this.correlator = correlator;
    this.clock = clock;
  }

  void normal(JsonNode object, String reason, String message) {
    record(object, NORMAL, reason, message);
  }

  void warning(JsonNode object, String reason, String message) {
    record(object, WARNING, reason, message);
  }

  /** Later events are dropped (the simulator is stopping). */
  void close() {
    closed = true;
  }

  private synchronized void record(JsonNode object, String type, String reason, String message) {
    if (closed || object == null) {
      return;
    }
    ObjectNode ref = reference(object);
    Instant now = clock.instant();
    String fresh = Json.text(ref.path("name")) + "." + Long.toHexString(uniqueNanos(now));
    EventCorrelator.Subject subject = new EventCorrelator.Subject(ref.path("kind").asText() + "/"
        + ref.path("namespace").asText() + "/" + ref.path("name").asText() + "/" + ref.path("uid").asText(),
        type, reason);
    correlator.correlate(subject, message, now, fresh).ifPresent(outcome -> write(ref, type, reason, outcome, now));
  }

  /** Event names must not collide, so two events in the same clock tick get distinct nanoseconds. */
  private long uniqueNanos(Instant now) {
    long nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
    lastNanos = Math.max(nanos, lastNanos + 1);
    return lastNanos;
  }

  private void write(ObjectNode ref, String type, String reason, EventCorrelator.Outcome outcome, Instant now) {
    String namespace = Json.text(ref.path("namespace"));
    try {
      if (outcome.count() > 1 && update(namespace, outcome, now)) {
        return;
      }
      api.create(KubeApi.EVENTS, namespace, event(ref, type, reason, outcome, now));
    } catch (KubernetesClientException e) {
      if (!closed) {
        LOG.log(System.Logger.Level.DEBUG, "event " + reason + " not recorded: " + e.getMessage());
      }
    }
  }

  /** A repeat updates count, lastTimestamp and message; false when the event is gone (then it is created again). */
  private boolean update(String namespace, EventCorrelator.Outcome outcome, Instant now) {
    ObjectNode patch = Json.MAPPER.createObjectNode();
    patch.put("count", outcome.count()).put("lastTimestamp", time(now)).put("message", outcome.message());
    try {
      api.mergePatch(KubeApi.EVENTS, namespace, outcome.name(), patch);
      return true;
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return false;
      }
      throw e;
    }
  }

  private static ObjectNode event(ObjectNode ref, String type, String reason, EventCorrelator.Outcome outcome,
      Instant now) {
    ObjectNode event = Json.MAPPER.createObjectNode();
    event.put("apiVersion", "v1").put("kind", "Event");
    event.putObject("metadata").put("name", outcome.name()).put("namespace", Json.text(ref.path("namespace")));
    event.set("involvedObject", ref);
    event.put("reason", reason).put("message", outcome.message());
    event.putObject("source").put("component", COMPONENT);
    event.put("firstTimestamp", time(outcome.firstTimestamp())).put("lastTimestamp", time(now));
    event.put("count", outcome.count()).put("type", type);
    event.put("reportingComponent", COMPONENT).put("reportingInstance", "");
    return event;
  }

  /** An ObjectReference to the object as it was when the event happened. */
  private static ObjectNode reference(JsonNode object) {
    JsonNode meta = object.path("metadata");
    ObjectNode ref = Json.MAPPER.createObjectNode();
    ref.put("kind", Json.text(object.path("kind"))).put("namespace", Json.text(meta.path("namespace")))
        .put("name", Json.text(meta.path("name"))).put("uid", Json.text(meta.path("uid")))
        .put("apiVersion", Json.text(object.path("apiVersion")))
        .put("resourceVersion", Json.text(meta.path("resourceVersion")));
    return ref;
  }

  /** Event timestamps are metav1.Time: seconds. */
  private static String time(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
