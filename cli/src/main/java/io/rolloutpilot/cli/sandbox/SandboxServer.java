package io.rolloutpilot.cli.sandbox;

import io.rolloutpilot.core.error.InvalidInputException;
import io.rolloutpilot.sandbox.Sandbox;
import io.rolloutpilot.sandbox.SandboxOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import io.rolloutpilot.core.error.UnreachableException;

/**
 * Runs the sandbox until the process is stopped: starts it, applies the manifests, writes the
 * kubeconfig, prints the ready line, and closes everything on SIGTERM. The only class of the
 * command that touches sandbox classes, so it is loaded once {@link SandboxJar} found them.
 */
final class SandboxServer {
  private final ServerSettings settings;
  private final List<Path> manifests;
  private final Path kubeconfig;
  private final PrintWriter out;
  private final PrintWriter err;

  SandboxServer(ServerSettings settings, List<Path> manifests, Path kubeconfig, PrintWriter out, PrintWriter err) {
    this.settings = settings;
    this.manifests = List.copyOf(manifests);
    this.kubeconfig = kubeconfig;
    this.out = out;
    this.err = err;
  }

  int run() {
    Sandbox sandbox = start();
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> stop(sandbox, stopped), "rollout-pilot-sandbox-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      applyAll(sandbox);
      sandbox.writeKubeconfig(kubeconfig);
      announce(sandbox);
      stopped.await();
      return 0;
    } catch (InterruptedException e) {
      // Stopped in-process (tests run the command on a thread and interrupt it).
      return 0;
    } finally {
      if (stopped.getCount() > 0) {
        Runtime.getRuntime().removeShutdownHook(hook);
        stop(sandbox, stopped);
      }
    }
  }

  private Sandbox start() {
    try {
      return Sandbox.start(SandboxOptions.defaults().withPort(settings.port())
          .withPodReadyDelay(settings.podReadyDelay()));
    } catch (IllegalStateException e) {
      throw new UnreachableException(null, e.getMessage());
    }
  }

  private void applyAll(Sandbox sandbox) {
    for (Path file : manifests) {
      try {
        sandbox.apply(file);
      } catch (RuntimeException e) {
        // the server refused it, or the client could not make a resource of it: the file is at fault
        throw new InvalidInputException("--apply", "'" + file + "' could not be applied: "
            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
      }
    }
  }

  private void announce(Sandbox sandbox) {
    err.println("sandbox: Kubernetes API with the Argo Rollouts simulator at " + sandbox.url()
        + (manifests.isEmpty() ? "" : "; applied " + manifests.size() + " file(s)") + "; stop with Ctrl-C");
    err.flush();
    out.println("sandbox ready: kubeconfig=" + kubeconfig.toAbsolutePath());
    out.flush();
  }

  private static void stop(Sandbox sandbox, CountDownLatch stopped) {
    try {
      sandbox.close();
    } finally {
      stopped.countDown();
    }
  }
}
