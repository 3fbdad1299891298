package io.rolloutpilot.sandbox.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The {@code scale-down-deadline} annotation on a ReplicaSet, written as Argo's addScaleDownDelay
 * does (RFC 3339, UTC, whole seconds: now plus the delay), and the reconcile it calls for when the
 * deadline passes.
 */
final class ScaleDownDeadlines {
  private final ReplicaSetWriter writer;
  private final WorkQueue queue;

  ScaleDownDeadlines(ReplicaSetWriter writer, WorkQueue queue) {
    this.writer = writer;
    this.queue = queue;
  }

  /** Sets the deadline {@code delay} from now; a zero delay removes one instead. */
  void add(RolloutState st, ObjectNode rs, Duration delay) {
    if (delay.isZero()) {
      remove(st, rs);
      return;
    }
    Instant deadline = Instant.now().plus(delay).truncatedTo(ChronoUnit.SECONDS);
    ObjectNode patch = Json.MAPPER.createObjectNode();
    patch.putObject("metadata").putObject("annotations").put(ReplicaSets.SCALE_DOWN_DEADLINE, deadline.toString());
    writer.patch(st, rs, patch);
    wakeAt(st, deadline);
  }

  void remove(RolloutState st, ObjectNode rs) {
    if (!ReplicaSets.hasScaleDownDeadline(rs)) {
      return;
    }
    ObjectNode patch = Json.MAPPER.createObjectNode();
    patch.putObject("metadata").putObject("annotations").putNull(ReplicaSets.SCALE_DOWN_DEADLINE);
    writer.patch(st, rs, patch);
  }

  /** True while the ReplicaSet's deadline lies ahead (then a reconcile is due when it passes). */
  boolean pending(RolloutState st, ObjectNode rs) {
    Instant deadline = ReplicaSets.scaleDownDeadline(rs);
    if (deadline == null || !deadline.isAfter(Instant.now())) {
      return false;
    }
    wakeAt(st, deadline);
    return true;
  }

  private void wakeAt(RolloutState st, Instant deadline) {
    queue.wakeAt(st.namespace() + "/" + st.name(), deadline.plusMillis(50));
  }
}
