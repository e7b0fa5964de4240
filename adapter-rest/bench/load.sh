#!/usr/bin/env bash
# The long form of the reliability scenarios (docs/reliability.md): load on H2 and PostgreSQL at
# 150 requests/s for 120 s, kill -9 under load on H2 (60 s), PostgreSQL stopped for 20 s during a
# 90 s run. Every run stops by itself; figures go to adapter-rest/target/reliability/*.json.
#
#   eval "$(bash .ci/pg-start)"     # for the PostgreSQL scenarios (skipped without it)
#   bash adapter-rest/bench/load.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
mvn -q -pl adapter-rest -am verify -Dplantrack.long=true \
    -Dtest='LoadTest' -Dit.test='LoadPostgresIT' \
    -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false
cat adapter-rest/target/reliability/*.json
