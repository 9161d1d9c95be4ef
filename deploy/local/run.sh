#!/usr/bin/env bash
# Starts the whole Course Tracker platform on this machine: Kafka, PostgreSQL, the three services,
# and (unless --no-sample) the sample vaults. Needs only a JDK 17+. Ctrl-C stops everything.
# Options: see `deploy/local/run.sh --help`.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"

built() {
  for module in ingest-service progress-service tracker-api; do
    [ -f "$module/target/quarkus-app/quarkus-run.jar" ] || return 1
  done
  [ -d local-stack/target/classes ] && [ -d local-stack/target/lib ] || return 1
  # Rebuild when any source is newer than the last build.
  [ -z "$(find . -path ./deploy -prune -o \( -name '*.java' -o -name '*.properties' -o -name '*.sql' -o -name '*.json' -o -name 'pom.xml' \) \
        -newer tracker-api/target/quarkus-app/quarkus-run.jar -not -path '*/target/*' -print -quit)" ]
}

if ! built; then
  echo "Building Course Tracker (first run or sources changed)…"
  ./mvnw -B -q package -DskipTests
fi

exec java -Dlog4j2.shutdownHookEnabled=false -cp "local-stack/target/classes:local-stack/target/lib/*" \
  io.coursetracker.localstack.LocalPlatformCommand --repo "$repo" "$@"
