#!/usr/bin/env bash
# Runs one benchmark: benchmarks/run.sh parser|ingest|dashboards|footprint [options]
# Builds what is missing first (the services are packaged by the same reactor). Needs a quiet
# machine: every benchmark prints its baseline, measured in the same run, beside its figures.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

name="${1:-}"
case "$name" in
  parser)     main=io.coursetracker.benchmarks.parser.ParserBenchmarkMain; jvm_args=() ;;
  # The ingest benchmark's JVM (footprint is the same with a smaller load) runs the Kafka broker, the
  # edit client and the live-stream readers on the same two cores as the services it measures; C1
  # only, like the services (ServiceProcess): with C2 its compiler threads took 36 % of its CPU over a
  # run (async-profiler), taken from the services.
  ingest)     main=io.coursetracker.benchmarks.ingest.IngestBenchmark; jvm_args=(-XX:TieredStopAtLevel=1) ;;
  footprint)  main=io.coursetracker.benchmarks.footprint.FootprintBenchmark; jvm_args=(-XX:TieredStopAtLevel=1) ;;
  dashboards) main=io.coursetracker.benchmarks.dashboards.DashboardBenchmark; jvm_args=() ;;
  *) echo "usage: benchmarks/run.sh parser|ingest|dashboards|footprint [options]" >&2; exit 2 ;;
esac
shift

if [ "${SKIP_BUILD:-}" != 1 ]; then
  ./mvnw -B -q package -DskipTests -pl benchmarks -am
fi
exec java "${jvm_args[@]}" -Dlog4j2.shutdownHookEnabled=false -cp "benchmarks/target/classes:benchmarks/target/lib/*" "$main" "$@"
