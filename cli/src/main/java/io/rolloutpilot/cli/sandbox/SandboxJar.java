package io.rolloutpilot.cli.sandbox;

import io.rolloutpilot.core.error.NotFoundException;

/**
 * The sandbox (mock API server and controller simulator) ships as {@code rollout-pilot-sandbox.jar}
 * beside the product jar, whose manifest names it, so the product jar carries no test machinery. The
 * commands that need it check for it first: a missing jar is then a clear error, not a class that
 * fails to load halfway through.
 */
public final class SandboxJar {
  static final String ENTRY_CLASS = "io.rolloutpilot.sandbox.Sandbox";

  private SandboxJar() {}

  /** Throws an environment error naming the missing jar when the sandbox classes are not on the class path. */
  public static void require(String command) {
    try {
      Class.forName(ENTRY_CLASS, false, SandboxJar.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new NotFoundException(null, command + " needs the sandbox, which is not"
          + " installed: rollout-pilot-sandbox.jar must lie beside rollout-pilot.jar (bin/rollout-pilot builds both)");
    }
  }
}
