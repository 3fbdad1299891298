package io.rolloutpilot.core.rollout;

import io.rolloutpilot.core.error.InvalidInputException;
import io.rolloutpilot.core.error.RolloutPilotException.Details;
import io.rolloutpilot.core.error.Hint;
import io.rolloutpilot.core.event.EngineListener;
import io.rolloutpilot.core.kube.Deadline;
import io.rolloutpilot.core.rollout.follow.FollowRequest;
import io.rolloutpilot.core.rollout.follow.FollowResult;
import io.rolloutpilot.core.rollout.follow.RolloutFollower;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The rollout engine's entry point for front ends: one method per user action. A timeout given to an
 * action bounds all of it, its first reads and its last one included.
 */
public final class RolloutService {
  /**
   * The status read after following may take this long even when the time given has run out, so a
   * release that timed out still shows where it stands.
   */
  public static final Duration FINAL_READ = Duration.ofSeconds(5);

  private final RolloutClient client;
  private final RolloutFollower follower;
  private final Clock clock;

  public RolloutService(RolloutClient client, RolloutFollower follower, Clock clock) {
    this.client = client;
    this.follower = follower;
    this.clock = clock;
  }

  public RolloutStatusReport status(RolloutRef ref) {
    return status(ref, Deadline.NONE);
  }

  /** The status, read within {@code timeout} (zero: each call's own budget only). */
  public RolloutStatusReport status(RolloutRef ref, Duration timeout) {
    return status(ref, Deadline.after(timeout, clock));
  }

  private RolloutStatusReport status(RolloutRef ref, Deadline deadline) {
    RolloutClient bounded = client.within(deadline);
    Rollout rollout = bounded.get(ref);
    return RolloutStatusReport.of(rollout, bounded.replicaSets(rollout));
  }

  /** Follows until the request's target; fails fast with a "not found" listing when the Rollout is missing. */
  public FollowResult follow(FollowRequest request, EngineListener listener) throws InterruptedException {
    Deadline deadline = Deadline.after(request.timeout(), clock);
    return withFinalStatus(request.rollout(), follower.follow(request, deadline, listener), deadline);
  }

  /**
   * As {@link #follow}, holding no thread while it waits: for hosts that follow many releases at once.
   * The result carries no final status; {@link #status} reads it when wanted.
   */
  public CompletableFuture<FollowResult> followAsync(FollowRequest request, EngineListener listener) {
    return follower.start(request, listener);
  }

  /** Sets the image and follows; the request's timeout bounds the reads and the update as well as the follow. */
  public DeployResult deploy(DeployRequest request, EngineListener listener) throws InterruptedException {
    Deadline deadline = Deadline.after(request.timeout(), clock);
    RolloutClient bounded = client.within(deadline);
    String container = request.container() != null ? request.container() : onlyContainer(bounded, request.rollout());
    Rollout updated = bounded.setImage(request.rollout(), container, request.image());
    long generation = updated.metadata().generation();
    if (request.waitFor() == null) {
      return new DeployResult(request.rollout(), container, request.image(), generation, null);
    }
    FollowRequest follow = new FollowRequest(request.rollout(), request.waitFor(), request.timeout(),
        request.degradedGrace(), 0, null, request.maxOutage()).after(updated);
    return new DeployResult(request.rollout(), container, request.image(), generation,
        withFinalStatus(request.rollout(), follower.follow(follow, deadline, listener), deadline));
  }

  public Rollout promote(RolloutRef ref, boolean full) {
    return full ? client.promoteFull(ref) : client.promote(ref);
  }

  public Rollout abort(RolloutRef ref) {
    return client.abort(ref);
  }

  public Rollout retry(RolloutRef ref) {
    return client.retry(ref);
  }

  public Rollout pause(RolloutRef ref) {
    return client.pause(ref);
  }

  public Rollout resume(RolloutRef ref) {
    return client.resume(ref);
  }

  public UndoResult undo(RolloutRef ref, long toRevision) {
    if (toRevision < 0) {
      throw new InvalidInputException("toRevision", toRevision + " is negative; use 0 for the previous revision"
          + " or a revision number shown by status");
    }
    return client.undo(ref, toRevision);
  }

  /** The Rollout's spec and status, for front ends that narrate a release step by step. */
  public Rollout get(RolloutRef ref) {
    return client.get(ref);
  }

  private FollowResult withFinalStatus(RolloutRef ref, FollowResult result, Deadline deadline) {
    return result.outcome() == FollowResult.Outcome.DELETED ? result
        : result.withStatus(status(ref, deadline.atLeast(FINAL_READ, clock)));
  }

  private static String onlyContainer(RolloutClient client, RolloutRef ref) {
    List<Rollout.Container> containers = client.get(ref).spec().containers().stream()
        .filter(c -> "containers".equals(c.kind())).toList();
    if (containers.size() != 1) {
      throw new InvalidInputException(new Details("container", "rollout " + ref + " has " + containers.size()
          + " containers (" + String.join(", ", containers.stream().map(Rollout.Container::name).toList())
          + "); name the one to change, or * for all", Hint.NAME_THE_CONTAINER, null));
    }
    return containers.get(0).name();
  }
}
