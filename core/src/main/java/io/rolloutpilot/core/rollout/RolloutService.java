package io.rolloutpilot.core.rollout;

import io.rolloutpilot.core.error.InvalidInputException;
import io.rolloutpilot.core.error.RolloutPilotException.Details;
import io.rolloutpilot.core.error.Hint;
import io.rolloutpilot.core.event.EngineListener;
import io.rolloutpilot.core.rollout.follow.FollowRequest;
import io.rolloutpilot.core.rollout.follow.FollowResult;
import io.rolloutpilot.core.rollout.follow.RolloutFollower;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The rollout engine's entry point for front ends: one method per user action. */
public final class RolloutService {
  private final RolloutClient client;
  private final RolloutFollower follower;

  public RolloutService(RolloutClient client, RolloutFollower follower) {
    this.client = client;
    this.follower = follower;
  }

  public RolloutStatusReport status(RolloutRef ref) {
    Rollout rollout = client.get(ref);
    return RolloutStatusReport.of(rollout, client.replicaSets(rollout));
  }

  /** Follows until the request's target; fails fast with a "not found" listing when the Rollout is missing. */
  public FollowResult follow(FollowRequest request, EngineListener listener) throws InterruptedException {
    return withFinalStatus(request.rollout(), follower.follow(request, listener));
  }

  /**
   * As {@link #follow}, holding no thread while it waits: for hosts that follow many releases at once.
   * The result carries no final status; {@link #status} reads it when wanted.
   */
  public CompletableFuture<FollowResult> followAsync(FollowRequest request, EngineListener listener) {
    return follower.start(request, listener);
  }

  public DeployResult deploy(DeployRequest request, EngineListener listener) throws InterruptedException {
    String container = request.container() != null ? request.container() : onlyContainer(request.rollout());
    Rollout updated = client.setImage(request.rollout(), container, request.image());
    long generation = updated.metadata().generation();
    if (request.waitFor() == null) {
      return new DeployResult(request.rollout(), container, request.image(), generation, null);
    }
    FollowRequest follow = new FollowRequest(request.rollout(), request.waitFor(), request.timeout(),
        request.degradedGrace(), 0).after(updated);
    return new DeployResult(request.rollout(), container, request.image(), generation,
        withFinalStatus(request.rollout(), follower.follow(follow, listener)));
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

  private FollowResult withFinalStatus(RolloutRef ref, FollowResult result) {
    return result.outcome() == FollowResult.Outcome.DELETED ? result : result.withStatus(status(ref));
  }

  private String onlyContainer(RolloutRef ref) {
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
