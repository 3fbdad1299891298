package io.rolloutpilot.cli.demo;

import io.rolloutpilot.cli.sandbox.SandboxJar;
import io.rolloutpilot.core.validation.Durations;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code demo}: the whole story in one command, on an in-process sandbox: a good version goes through
 * every canary step to Healthy, then a bad one is stopped by its analysis and aborted.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, description = {
    "Start a sandbox, create the sample rollout, release a good version through every canary step, then a bad"
        + " version whose analysis fails and is aborted, and summarise what happened.",
    "Exit 0 when the demo behaved as designed."})
public final class DemoCommand implements Callable<Integer> {
  @Option(names = "--pod-ready-delay", paramLabel = "D", defaultValue = "300ms",
      description = "how long simulated pods take to become ready (default: ${DEFAULT-VALUE})")
  String podReadyDelay;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Duration delay = Durations.parse("--pod-ready-delay", podReadyDelay);
    SandboxJar.require("demo");
    return new DemoSandbox(delay, new DemoLog(spec.commandLine().getOut()), spec.commandLine().getErr()).play();
  }
}
