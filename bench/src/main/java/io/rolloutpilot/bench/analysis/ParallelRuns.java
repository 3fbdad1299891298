package io.rolloutpilot.bench.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs every (scenario, seed) pair as its own task on all cores. Each task draws from its own stream and
 * the tallies are merged in scenario and seed order, so the figures are the same for a given seed list
 * whatever the number of cores or the order the tasks finish in.
 */
final class ParallelRuns {
  private final ScenarioRuns runs;
  private final int threads;

  ParallelRuns(ScenarioRuns runs, int threads) {
    this.runs = runs;
    this.threads = threads;
  }

  /** One merged tally per case, in the cases' order. */
  List<ScenarioTally> run(List<BenchCase> cases, BenchArguments arguments) {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<List<Future<ScenarioTally>>> futures = new ArrayList<>();
      for (int c = 0; c < cases.size(); c++) {
        int index = c;
        BenchCase benchCase = cases.get(c);
        int perSeed = arguments.perSeed(benchCase.runs());
        List<Future<ScenarioTally>> perCase = new ArrayList<>();
        for (long seed : arguments.seeds()) {
          perCase.add(pool.submit(() -> runs.run(benchCase.scenario(), index, perSeed, seed)));
        }
        futures.add(perCase);
      }
      List<ScenarioTally> tallies = new ArrayList<>();
      for (List<Future<ScenarioTally>> perCase : futures) {
        ScenarioTally merged = perCase.get(0).get();
        for (int s = 1; s < perCase.size(); s++) {
          merged.merge(perCase.get(s).get());
        }
        tallies.add(merged);
      }
      return tallies;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a run failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
