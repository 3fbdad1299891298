package io.rolloutpilot.core.image.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.rolloutpilot.core.image.push.PushOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.rolloutpilot.testkit.registry.Skopeo;
import io.rolloutpilot.testkit.registry.LocalRegistry;
import io.rolloutpilot.testkit.registry.TestImages;
import io.rolloutpilot.core.error.ConflictException;
import io.rolloutpilot.core.error.Hint;
import io.rolloutpilot.core.event.TagSet;
import io.rolloutpilot.core.event.TagUnchanged;

/** Re-runs are safe: the same digest under an immutable tag succeeds, another digest fails naming both. */
class ImmutableTagsTest {
  @TempDir
  static Path dir;
  static LocalRegistry registry;

  @BeforeAll
  static void start() throws Exception {
    registry = LocalRegistry.startPlain(dir.resolve("registry"));
  }

  @AfterAll
  static void stop() throws Exception {
    registry.close();
  }

  @Test
  void sameDigestIsASuccessAnotherDigestIsAConflictNamingBoth() throws Exception {
    TestImages.Layout first = TestImages.single(dir.resolve("a"), 41, 1, 4096, false, "v1");
    TestImages.Layout second = TestImages.single(dir.resolve("b"), 42, 1, 4096, false, "v1");
    Pushes pushes = Pushes.plain(registry.authority()).options(new PushOptions(2, true, Pushes.FAST_RETRY));
    String to = registry.authority() + "/team/immutable:1.0";

    pushes.push(first.ociSource(), to);
    pushes.events.clear();
    pushes.push(first.ociSource(), to);
    assertThat(pushes.count(TagUnchanged.class)).isEqualTo(1);
    assertThat(pushes.count(TagSet.class)).isZero();

    ConflictException conflict = catchThrowableOfType(ConflictException.class, () -> pushes.push(second.ociSource(), to));
    assertThat(conflict).hasMessageContaining(first.root().digest().value())
        .hasMessageContaining(second.root().digest().value());
    assertThat(conflict.hint()).contains(Hint.PUSH_UNDER_NEW_TAG);
    assertThat(new Skopeo().inspectRaw(registry, "team/immutable:1.0", null, null)).isEqualTo(first.rootBytes());
  }
}
