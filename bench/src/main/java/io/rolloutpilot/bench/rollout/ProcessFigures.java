package io.rolloutpilot.bench.rollout;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;

/** This JVM's live thread count, peak thread count and heap in use after a full collection. */
record ProcessFigures(int threads, int peakThreads, long heapUsedBytes) {
  static ProcessFigures now() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    memory.gc();
    return new ProcessFigures(threads.getThreadCount(), threads.getPeakThreadCount(),
        memory.getHeapMemoryUsage().getUsed());
  }

  double heapMiB() {
    return heapUsedBytes / (1024.0 * 1024.0);
  }
}
