#!/usr/bin/env bash
# Installs Plantrack into the local Maven repository (mvn install at the root, tests skipped), then
# builds this separate project, which depends on org.plantrack:plantrack-core by its coordinates, and
# runs it on the module path.
#
#   examples/consumer/run.sh                 # uses your local repository (~/.m2/repository)
#   MAVEN_REPO_LOCAL=/tmp/m2 examples/consumer/run.sh   # another local repository
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
opts=(-q -B -ntp)
if [ -n "${MAVEN_REPO_LOCAL:-}" ]; then
  opts+=("-Dmaven.repo.local=$MAVEN_REPO_LOCAL")
fi
echo "installing Plantrack into the local repository (mvn install -DskipTests)..." >&2
(cd "$root" && mvn "${opts[@]}" install -DskipTests)
echo "building the consumer against the installed plantrack-core..." >&2
cd "$here"
mvn "${opts[@]}" package dependency:build-classpath -Dmdep.outputFile=target/modulepath.txt \
    -Dmdep.includeScope=runtime
exec java -p "target/plantrack-consumer-1.0.jar:$(cat target/modulepath.txt)" -m org.example.consumer/org.example.consumer.Main
