package io.rolloutpilot.core.image.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chunks hand out exactly the segment's bytes, across mapping windows and at odd offsets. */
class MappedChunksTest {
  @TempDir
  Path dir;

  private final byte[] content = new byte[100_003];

  MappedChunksTest() {
    new Random(5).nextBytes(content);
  }

  @Test
  void segmentInsideAFileAcrossSeveralWindows() throws IOException {
    Path file = Files.write(dir.resolve("archive.tar"), content);
    FileSegment segment = new FileSegment(file, 513, 70_001);
    try (MappedChunks chunks = new MappedChunks(segment, 4_099)) {
      byte[] read = drain(chunks, 1_000);
      assertThat(read).isEqualTo(Arrays.copyOfRange(content, 513, 513 + 70_001));
    }
  }

  @Test
  void neverMoreThanAskedAndEmptyAtTheEnd() throws IOException {
    Path file = Files.write(dir.resolve("blob"), content);
    try (BlobChunks chunks = new FileSegment(file, 0, content.length).chunks()) {
      long total = 0;
      for (ByteBuffer chunk = chunks.next(8_192); chunk.hasRemaining(); chunk = chunks.next(8_192)) {
        assertThat(chunk.remaining()).isLessThanOrEqualTo(8_192);
        total += chunk.remaining();
      }
      assertThat(total).isEqualTo(content.length);
      assertThat(chunks.next(8_192).hasRemaining()).isFalse();
    }
  }

  @Test
  void aTruncatedFileRunsDryInsteadOfFailingTheMapping() throws IOException {
    Path file = Files.write(dir.resolve("cut"), Arrays.copyOf(content, 50_000));
    try (MappedChunks chunks = new MappedChunks(new FileSegment(file, 1_000, 60_000), 16_384)) {
      assertThat(drain(chunks, 4_096)).isEqualTo(Arrays.copyOfRange(content, 1_000, 50_000));
    }
    try (MappedChunks chunks = new MappedChunks(new FileSegment(file, 60_000, 10), 16_384)) {
      assertThat(drain(chunks, 4_096)).isEmpty();
    }
  }

  @Test
  void streamChunksReadTheWholeStream() throws IOException {
    try (StreamChunks chunks = new StreamChunks(new ByteArrayInputStream(content))) {
      assertThat(drain(chunks, 30_000)).isEqualTo(content);
    }
  }

  private static byte[] drain(BlobChunks chunks, int max) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (ByteBuffer chunk = chunks.next(max); chunk.hasRemaining(); chunk = chunks.next(max)) {
      byte[] bytes = new byte[chunk.remaining()];
      chunk.get(bytes);
      out.write(bytes);
    }
    return out.toByteArray();
  }
}
