package io.rolloutpilot.bench.analysis;

/** A scenario, how many runs it gets, and what our judge must show in it. */
record BenchCase(Scenario scenario, int runs, Goal goal) {}
