#!/usr/bin/env bash
# Push benchmark (issue 3), side by side with skopeo copy on the same generated image:
#   1. cold push, whole process, fresh registry per run, tools alternating: medians and ratio ours/skopeo
#   2. re-push when every blob exists: in process and whole process (and skopeo's whole process)
#   3. promote between repositories of one registry with mount: time and blob bytes sent
#   4. raw throughput of one 256 MiB blob PUT (the single-stream limit)
# Needs the Debian packages docker-registry and skopeo. Prints its figures; nothing is hard-coded.
# Usage: bench/push.sh [RUNS=5] [TOTAL_MIB=256]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
TOTAL_MIB=${2:-256}
for tool in docker-registry skopeo; do
  command -v "$tool" >/dev/null || { echo "bench/push.sh needs $tool: apt-get install -y $tool" >&2; exit 3; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== building" >&2
mvn -B -q -ntp -DskipTests install -pl bench,cli -am >&2
mvn -B -q -ntp dependency:build-classpath -pl bench -Dmdep.outputFile="$work/cp.txt" >&2
cp="bench/target/classes:$(cat "$work/cp.txt")"

java -cp "$cp" io.rolloutpilot.bench.push.PushBench "$PWD/cli/target/rollout-pilot.jar" "$RUNS" "$TOTAL_MIB"
