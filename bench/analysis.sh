#!/usr/bin/env bash
# Canary-judge quality benchmark (issue 4). Prints its figures; nothing here is hard-coded.
#   1. A/A false FAILED rate (>= 1000 seeded runs), also with lag-1 autocorrelation 0.5 (goal <= 1 %)
#   2. A/B: canary error ratio 5x the baseline's (0.2 % -> 1 %) at 100 requests/s, 10-minute window:
#      share detected as FAILED (goal >= 95 %)
#   3. time per judgement of 20 metrics x 2 groups x 600 samples (goal <= 20 ms)
# each beside a Flagger-style threshold rule and Kayenta's classification rule, and below each scenario our
# judge's FAILED runs broken down by metric and by the test that fired (rank test, count test, guardrail).
# Usage: bench/analysis.sh [A/A runs=2000] [A/B runs=1000] [seed=20260101]
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== building (reactor build, nothing installed)"
mvn -B -q -ntp -DskipTests package dependency:build-classpath -pl bench -am \
  -Dmdep.outputFile="$work/cp.txt" >&2
cp="bench/target/classes:core/target/classes:$(cat "$work/cp.txt")"

echo
echo "== canary judge quality: error rates and time per judgement"
java -cp "$cp" io.rolloutpilot.bench.analysis.AnalysisQualityBench "${1:-2000}" "${2:-1000}" "${3:-20260101}"
