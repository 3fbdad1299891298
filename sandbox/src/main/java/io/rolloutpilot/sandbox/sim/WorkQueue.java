package io.rolloutpilot.sandbox.sim;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A de-duplicating key queue drained by one worker thread (so reconciles never overlap, as with
 * Argo's per-key workqueue) plus timers. Timers are "short" (pod readiness, analysis outcomes: work
 * the controller does on its own soon) or "waits" (timed pauses, progress deadlines); only short
 * ones keep {@link #awaitIdle} waiting.
 */
final class WorkQueue implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(WorkQueue.class.getName());

  private final Set<String> pending = new LinkedHashSet<>();
  private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "sim-timers"));
  /** Due times of pending short timers, by id. */
  private final java.util.Map<Integer, Long> shortTimers = new java.util.concurrent.ConcurrentHashMap<>();
  private final AtomicInteger timerIds = new AtomicInteger();
  private final Thread worker;
  private final Consumer<String> handler;
  private boolean busy;
  private boolean paused;
  private boolean closed;

  WorkQueue(Consumer<String> handler) {
    this.handler = handler;
    this.worker = daemon(this::run, "sim-reconciler");
    worker.start();
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  void addRollout(String namespaceAndName) {
    add("ro:" + namespaceAndName);
  }

  synchronized void add(String key) {
    if (!closed && pending.add(key)) {
      notifyAll();
    }
  }

  /** Runs {@code task} on the worker thread after {@code delay}; nothing once the queue is closed. */
  void schedule(Duration delay, boolean blocksIdle, Runnable task) {
    int id = timerIds.incrementAndGet();
    long delayMillis = Math.max(0, Math.min(delay.toMillis(), TimeUnit.DAYS.toMillis(1)));
    if (blocksIdle) {
      shortTimers.put(id, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMillis));
    }
    try {
      timers.schedule(() -> {
        try {
          runOnWorker(task);
        } finally {
          shortTimers.remove(id);
        }
      }, delayMillis, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      shortTimers.remove(id);
    }
  }

  private final Set<String> wakeups = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** Re-reconciles a rollout at a wall-clock time; repeated requests for the same time are merged. */
  void wakeAt(String namespaceAndName, java.time.Instant at) {
    String id = namespaceAndName + "@" + at.toEpochMilli();
    if (wakeups.add(id)) {
      Duration delay = Duration.between(java.time.Instant.now(), at);
      schedule(delay, false, () -> {
        wakeups.remove(id);
        addRollout(namespaceAndName);
      });
    }
  }

  /** Tasks are queued as keys so they are serialised with reconciles. */
  private final java.util.Map<String, Runnable> tasks = new java.util.concurrent.ConcurrentHashMap<>();
  private final AtomicInteger taskIds = new AtomicInteger();

  private void runOnWorker(Runnable task) {
    String key = "task:" + taskIds.incrementAndGet();
    tasks.put(key, task);
    add(key);
  }

  synchronized void setPaused(boolean paused) {
    this.paused = paused;
    notifyAll();
  }

  synchronized boolean isPaused() {
    return paused;
  }

  synchronized boolean isClosed() {
    return closed;
  }

  private void run() {
    while (true) {
      String key;
      synchronized (this) {
        while (!closed && (paused || pending.isEmpty())) {
          waitQuietly();
        }
        if (closed) {
          return;
        }
        key = pending.iterator().next();
        pending.remove(key);
        busy = true;
      }
      try {
        Runnable task = tasks.remove(key);
        if (task != null) {
          task.run();
        } else {
          handler.accept(key);
        }
      } catch (RuntimeException | Error e) {
        if (!isClosed()) {
          LOG.log(System.Logger.Level.WARNING, "simulator work item " + key + " failed", e);
        }
      } finally {
        synchronized (this) {
          busy = false;
          notifyAll();
        }
      }
    }
  }

  private void waitQuietly() {
    try {
      wait(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed = true;
    }
  }

  /** A short timer due after the caller's deadline (e.g. a pod-ready delay of an hour) does not count. */
  private synchronized boolean idleNow(long deadline) {
    return pending.isEmpty() && !busy && shortTimers.values().stream().noneMatch(due -> due - deadline <= 0);
  }

  /**
   * Waits until no work is queued or running and no short timer falls due before the timeout,
   * stable for 50 ms.
   */
  boolean awaitIdle(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    int quietChecks = 0;
    while (System.nanoTime() < deadline) {
      quietChecks = idleNow(deadline) ? quietChecks + 1 : 0;
      if (quietChecks >= 5) {
        return true;
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }

  /**
   * Stops the timers and the worker. A reconcile in flight is interrupted (its requests fail, and
   * nothing it would still write matters) rather than waited for.
   */
  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      notifyAll();
    }
    timers.shutdownNow();
    worker.interrupt();
    try {
      worker.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
