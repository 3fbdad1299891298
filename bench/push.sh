#!/usr/bin/env bash
# Push benchmark, side by side with skopeo copy on the same generated image:
#   1. cold push, whole process, fresh registry per run, our CLI through bin/rollout-pilot (as users
#      run it) and as java -jar, and skopeo, rotating: medians and ratios ours/skopeo
#   2. re-push when every blob exists: in process and whole process (both ways, and skopeo's)
#   3. promote between repositories of one registry with mount: time and blob bytes sent
#   4. raw throughput of one 256 MiB blob PUT (the single-stream limit)
#   5. cold push over TLS with Basic auth, certificate verified (as every ECR push), beside skopeo
# Needs the Debian packages docker-registry, skopeo, apache2-utils (htpasswd) and openssl. Prints its
# figures; nothing is hard-coded.
# Builds in the reactor (package, no install into the local Maven repository).
# Usage: bench/push.sh [RUNS=5] [TOTAL_MIB=256]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
TOTAL_MIB=${2:-256}
for tool in docker-registry skopeo htpasswd openssl; do
  command -v "$tool" >/dev/null || { echo "bench/push.sh needs $tool: apt-get install -y $tool" >&2; exit 3; }
done

echo "== building" >&2
mvn -B -q -ntp -DskipTests package dependency:build-classpath -pl bench,cli -am \
  -Dmdep.outputFile=target/bench-classpath.txt >&2
cp="bench/target/classes:$(cat bench/target/bench-classpath.txt)"

# the TLS registry's password, for our CLI by variable name; made up per run
BENCH_REGISTRY_PASSWORD="bench-$RANDOM$RANDOM" \
  java -cp "$cp" io.rolloutpilot.bench.push.PushBench "$PWD/cli/target/rollout-pilot.jar" "$PWD/bin/rollout-pilot" \
  "$RUNS" "$TOTAL_MIB"
