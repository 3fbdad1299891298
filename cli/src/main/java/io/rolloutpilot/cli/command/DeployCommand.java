package io.rolloutpilot.cli.command;

import io.rolloutpilot.cli.EngineSession;
import io.rolloutpilot.cli.ExitCodes;
import io.rolloutpilot.cli.render.FollowView;
import io.rolloutpilot.cli.render.Output;
import io.rolloutpilot.cli.render.ProgressPrinter;
import io.rolloutpilot.cli.render.StatusView;
import io.rolloutpilot.core.rollout.DeployRequest;
import io.rolloutpilot.core.rollout.DeployResult;
import io.rolloutpilot.core.rollout.RolloutRef;
import io.rolloutpilot.core.rollout.follow.FollowResult;
import io.rolloutpilot.core.rollout.follow.WaitTarget;
import io.rolloutpilot.core.validation.ImageReference;
import io.rolloutpilot.core.validation.Names;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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

  @Option(names = "--timeout", paramLabel = "D", defaultValue = "0",
      description = "give up following after D (e.g. 15m); 0 waits forever (default: ${DEFAULT-VALUE})")
  String timeout;

  @Option(names = "--degraded-grace", paramLabel = "D", defaultValue = "0",
      description = "keep following through a ProgressDeadlineExceeded for up to D (argo-rollouts#1225);"
          + " 0 fails at once (default: ${DEFAULT-VALUE})")
  String degradedGrace;

  private String container;
  private String imageRef;
  private WaitTarget target;
  private Duration timeoutValue;
  private Duration graceValue;

  @Override
  protected void validate() {
    String[] parts = DeployRequest.splitImageArgument(image);
    container = parts[0];
    if (container != null && !"*".equals(container)) {
      Names.requireLabel("container", container);
    }
    imageRef = ImageReference.parse("image", parts[1]).toString();
    target = Choices.waitTarget("--wait", waitFor, true);
    timeoutValue = Choices.duration("--timeout", timeout);
    graceValue = Choices.duration("--degraded-grace", degradedGrace);
  }

  @Override
  protected int run(EngineSession session, RolloutRef ref, Output output) throws InterruptedException {
    DeployRequest request = new DeployRequest(ref, container, imageRef, target, timeoutValue, graceValue);
    if (!output.json()) {
      output.progress("rollout '" + ref.name() + "' setting image " + (container == null ? "" : container + "=")
          + imageRef);
    }
    DeployResult result = session.service().deploy(request, new ProgressPrinter(output));
    FollowResult follow = result.follow();
    if (output.json()) {
      output.document(json(session, result));
    } else {
      output.line("rollout '" + ref.name() + "' image updated: " + result.container() + "=" + result.image()
          + " (generation " + result.generation() + ")");
      if (follow != null) {
        StatusView.text(session.service().status(ref)).forEach(output::line);
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

  private static Map<String, Object> json(EngineSession session, DeployResult result) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("rollout", result.rollout().name());
    json.put("namespace", result.rollout().namespace());
    json.put("container", result.container());
    json.put("image", result.image());
    json.put("generation", result.generation());
    FollowResult follow = result.follow();
    json.put("follow", follow == null ? null : FollowView.json(follow));
    json.put("status", follow == null || follow.outcome() == FollowResult.Outcome.DELETED ? null
        : StatusView.json(session.service().status(result.rollout())));
    return json;
  }
}
