package io.rolloutpilot.core.rollout;

import io.rolloutpilot.core.rollout.follow.FollowRequest;
import io.rolloutpilot.core.rollout.follow.FollowResult;
import io.rolloutpilot.core.rollout.follow.ProgressListener;
import io.rolloutpilot.core.rollout.follow.RolloutFollower;
import io.rolloutpilot.core.validation.InvalidInputException;
import java.util.List;

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
  public FollowResult follow(FollowRequest request, ProgressListener listener) throws InterruptedException {
    client.get(request.rollout());
    return follower.follow(request, listener);
  }

  public DeployResult deploy(DeployRequest request, ProgressListener listener) throws InterruptedException {
    String container = request.container() != null ? request.container() : onlyContainer(request.rollout());
    Rollout updated = client.setImage(request.rollout(), container, request.image());
    long generation = updated.metadata().generation();
    if (request.waitFor() == null) {
      return new DeployResult(request.rollout(), container, request.image(), generation, null);
    }
    FollowRequest follow = new FollowRequest(request.rollout(), request.waitFor(), request.timeout(),
        request.degradedGrace(), 0).after(updated);
    return new DeployResult(request.rollout(), container, request.image(), generation,
        follower.follow(follow, listener));
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
      throw new InvalidInputException("to-revision", toRevision + " is negative; use 0 for the previous revision"
          + " or a revision number shown by status");
    }
    return client.undo(ref, toRevision);
  }

  private String onlyContainer(RolloutRef ref) {
    List<Rollout.Container> containers = client.get(ref).spec().containers().stream()
        .filter(c -> "containers".equals(c.kind())).toList();
    if (containers.size() != 1) {
      throw new InvalidInputException("image", "rollout " + ref + " has " + containers.size() + " containers ("
          + String.join(", ", containers.stream().map(Rollout.Container::name).toList())
          + "); say which one with CONTAINER=IMAGE, or *=IMAGE for all");
    }
    return containers.get(0).name();
  }
}
