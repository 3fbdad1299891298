package io.rolloutpilot.testkit.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code skopeo}, the byte-equality oracle: {@code inspect --raw} returns a manifest exactly as the
 * registry stores it, and {@code copy} makes Docker-format images and archives from our layouts.
 */
public final class Skopeo {
  private final Path binary;

  public Skopeo() {
    this.binary = Tools.require("skopeo", "skopeo");
  }

  /** The raw manifest bytes of {@code docker://authority/repo:ref} as the registry serves them. */
  public byte[] inspectRaw(LocalRegistry registry, String repositoryAndRef, String user, String password)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(binary.toString(), "inspect", "--raw"));
    command.addAll(tlsFlags("", registry, user, password));
    command.add("docker://" + registry.authority() + "/" + repositoryAndRef);
    Tools.Result result = Tools.run(command, null, 60).requireSuccess("skopeo inspect " + repositoryAndRef);
    return result.stdout().getBytes(StandardCharsets.UTF_8);
  }

  /** {@code skopeo copy [flags] FROM TO} with TLS and credential flags for the registries involved. */
  public Tools.Result copy(List<String> flags, String from, String to) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(binary.toString(), "copy", "--quiet"));
    command.addAll(flags);
    command.add(from);
    command.add(to);
    return Tools.run(command, null, 300).requireSuccess("skopeo copy " + from + " " + to);
  }

  /** {@code --src-...}/{@code --dest-...} (prefix) TLS and credential flags for one registry. */
  public static List<String> tlsFlags(String prefix, LocalRegistry registry, String user, String password) {
    List<String> flags = new ArrayList<>();
    if (registry.tls()) {
      flags.add("--" + prefix + "cert-dir=" + registry.certificate().skopeoCertDir());
    } else {
      flags.add("--" + prefix + "tls-verify=false");
    }
    if (user != null) {
      flags.add("--" + prefix + "creds=" + user + ":" + password);
    }
    return flags;
  }
}
