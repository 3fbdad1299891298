package io.rolloutpilot.core.image.push;

/** A push in its own JVM, so a test can kill it with SIGKILL half-way. Args: FROM TO (insecure registry = TO's host). */
public final class PushMain {
  private PushMain() {}

  public static void main(String[] args) throws Exception {
    String authority = args[1].substring(0, args[1].indexOf('/'));
    System.out.println("pushing");
    System.out.flush();
    Pushes.plain(authority).push(args[0], args[1]);
    System.out.println("done");
  }
}
