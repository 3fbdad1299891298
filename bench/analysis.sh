#!/usr/bin/env bash
# Canary-judge quality benchmark. Prints its figures; nothing here is hard-coded.
#   1. A/A false FAILED rate (goal: upper end of its 95 % interval <= 1 %) with independent steps, lag-1
#      autocorrelation 0.5, overdispersed (gamma-Poisson) error counts and bursty latency
#   2. A/B: canary error ratio 5x the baseline's (0.2 % -> 1 %) at 100 requests/s, 10-minute window: share
#      detected as FAILED (goal: lower end of its 95 % interval >= 95 %); also with autocorrelation 0.5 and
#      overdispersed errors, as extras without a goal
#   3. time per judgement of 20 metrics x 2 groups x 600 samples (goal: mean <= 20 ms), in a fresh JVM, with
#      the judging thread's CPU time beside the wall time
# Every rate comes with its 95 % Wilson score interval over runs spread evenly across several seeds, beside
# a Flagger-style threshold rule and Kayenta's classification rule; below each scenario, our FAILED runs per
# seed and broken down by metric and by the test that fired, and the baseline's error-count dispersion.
# The runs use every core; the figures depend only on the seeds.
# Usage: bench/analysis.sh [A/A runs=25000] [A/B runs=5000] [seeds: first (and the next 4)=20260101 | a,b,c,...]
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== building (reactor build, nothing installed)"
mvn -B -q -ntp -DskipTests package dependency:build-classpath -pl bench -am \
  -Dmdep.outputFile="$work/cp.txt" >&2
cp="bench/target/classes:core/target/classes:$(cat "$work/cp.txt")"

echo
echo "== canary judge quality: error rates"
java -cp "$cp" io.rolloutpilot.bench.analysis.AnalysisQualityBench "$@"

# In a process of its own: the quality runs' JIT profiles and garbage would slow it down.
echo
echo "== time per judgement"
java -cp "$cp" io.rolloutpilot.bench.analysis.JudgeTimingBench "$@"
