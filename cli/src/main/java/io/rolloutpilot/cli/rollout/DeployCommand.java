package io.rolloutpilot.cli.rollout;

import io.rolloutpilot.cli.common.ExitCodes;
import io.rolloutpilot.cli.rollout.FollowView;
import io.rolloutpilot.cli.common.Output;
import io.rolloutpilot.cli.rollout.StatusView;
import io.rolloutpilot.core.rollout.DeployRequest;
import io.rolloutpilot.core.rollout.DeployResult;
import io.rolloutpilot.core.rollout.RolloutRef;
import io.rolloutpilot.core.rollout.follow.FollowResult;
import io.rolloutpilot.core.rollout.follow.WaitTarget;
import io.rolloutpilot.core.image.reference.ImageReference;
import io.rolloutpilot.core.validation.Names;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import io.rolloutpilot.cli.common.EventPrinter;
import io.rolloutpilot.core.rollout.RolloutService;

/** {@code deploy}: Argo's {@code set image}, then follow the canary through its steps. */
@Command(name = "deploy", mixinStandardHelpOptions = true, description = {
    "Set a new image on the rollout (like kubectl argo rollouts set image) and"
    + " follow the release.",
    "Exit 0 when the --wait target was reached, 1 when the release went Degraded (e.g. analysis failed and it was"
    + " aborted), timed out or was deleted."})
public final class DeployCommand extends RolloutCommand {
  @Option(names = "--image", required = true, paramLabel = "[CONTAINER=]IMAGE",
      description = "the new image; name the container when the pod has several, * for all")
  String image;

  @Option(names = "--wait", paramLabel = "healthy|paused|none", defaultValue = "healthy",
      description = "follow until healthy, until paused (a pause or Healthy), or none: return once the update"
          + " is accepted (default: ${DEFAULT-VALUE})")
  String waitFor;

  @Mixin
  FollowOptions followOptions;

  private String container;
  private String imageRef;
  private WaitTarget target;
  private Duration timeoutValue;
  private Duration graceValue;
  private Duration maxOutageValue;

  @Override
  protected void validate() {
    String[] parts = DeployRequest.splitImageArgument(image);
    container = parts[0];
    if (container != null && !"*".equals(container)) {
      Names.requireLabel("container", container);
    }
    imageRef = ImageReference.parse("image", parts[1]).toString();
    target = Choices.waitTarget("waitFor", waitFor, true);
    timeoutValue = followOptions.timeout();
    graceValue = followOptions.degradedGrace();
    maxOutageValue = followOptions.maxOutage();
  }

  @Override
  protected int run(RolloutService rollouts, RolloutRef ref, Output output) throws InterruptedException {
    DeployRequest request = new DeployRequest(ref, container, imageRef, target, timeoutValue, graceValue,
        maxOutageValue);
    if (!output.json()) {
      output.progress("rollout '" + ref.name() + "' setting image " + (container == null ? "" : container + "=")
          + imageRef);
    }
    DeployResult result = rollouts.deploy(request, new EventPrinter(output));
    FollowResult follow = result.follow();
    if (output.json()) {
      output.document(json(result));
    } else {
      output.line("rollout '" + ref.name() + "' image updated: " + result.container() + "=" + result.image()
          + " (generation " + result.generation() + ")");
      if (follow != null) {
        StatusView.text(follow.status()).forEach(output::line);
      }
    }
    if (follow == null) {
      return ExitCodes.OK;
    }
    if (!follow.succeeded()) {
      output.error(FollowView.failure(follow));
    }
    return FollowView.exitCode(follow);
  }

  private static Map<String, Object> json(DeployResult result) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("rollout", result.rollout().name());
    json.put("namespace", result.rollout().namespace());
    json.put("container", result.container());
    json.put("image", result.image());
    json.put("generation", result.generation());
    FollowResult follow = result.follow();
    json.put("follow", follow == null ? null : FollowView.json(follow));
    json.put("status", follow == null || follow.outcome() == FollowResult.Outcome.DELETED ? null
        : StatusView.json(follow.status()));
    return json;
  }
}
