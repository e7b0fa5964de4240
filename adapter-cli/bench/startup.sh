#!/usr/bin/env bash
# Start-up of `plantrack status` against `java -version`, measured in the same run.
#
#   adapter-cli/bench/startup.sh [RUNS]      (default 20 runs per variant)
#
# Uses hyperfine when installed, else a loop timed with date +%s%N. Prints the median of each
# variant and its ratio to `java -version`. Runs against a throw-away H2 store holding the
# reference plan, so it does not touch ~/.plantrack.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
runs="${1:-20}"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
export PLANTRACK_DB="$tmp/db"

"$root/plantrack" --version >/dev/null            # builds and records the CDS archive if needed
plan_file="$root/../shared/examples-data/nanping-cast-2017-workplan.txt"
[[ -f "$plan_file" ]] || plan_file="$root/adapter-cli/src/test/resources/nanping-cast-2017-workplan.txt"
if "$root/plantrack" import "$plan_file" --id bench >/dev/null 2>&1; then
    plan=bench
    echo "plan: the reference plan ($plan_file)"
else
    "$root/plantrack" __warmup --into "$PLANTRACK_DB"
    plan=warmup
    echo "plan: the small warm-up plan (the importer is not available in this build)"
fi

target="$root/adapter-cli/target"
jar="$(ls "$target"/plantrack-adapter-cli-*.jar | grep -v -e '-tests.jar' | head -1)"
mp="$target/lib:$jar"
main=org.plantrack.adapter.cli.Main

declare -a names cmds
names+=("java -version");                        cmds+=("$java -version")
names+=("plantrack status (launcher: class path, CDS, C1)"); cmds+=("$root/plantrack status $plan")
names+=("module path, no CDS, default JIT");     cmds+=("$java -p $mp -m org.plantrack.adapter.cli/$main status $plan")
names+=("class path, no CDS, default JIT");      cmds+=("$java -cp $target/lib/*:$jar $main status $plan")
names+=("module path, C1 only, no CDS");         cmds+=("$java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -p $mp -m org.plantrack.adapter.cli/$main status $plan")

median_ms() {   # runs a command $runs times, prints the median wall time in ms
    local cmd="$1" i t0 t1
    local -a ts=()
    for ((i = 0; i < runs; i++)); do
        t0=$(date +%s%N)
        bash -c "$cmd" >/dev/null 2>&1 || true
        t1=$(date +%s%N)
        ts+=($(((t1 - t0) / 1000000)))
    done
    printf '%s\n' "${ts[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'
}

echo "machine: $(nproc) cores, $(uname -sm), $("$java" -version 2>&1 | head -1)"
echo "runs per variant: $runs ($(command -v hyperfine >/dev/null && echo hyperfine || echo 'date +%s%N loop'))"
base=""
for i in "${!names[@]}"; do
    if command -v hyperfine >/dev/null; then
        m=$(hyperfine -N --runs "$runs" --warmup 2 --export-json "$tmp/h.json" "${cmds[$i]}" >/dev/null 2>&1 \
            && python3 -c "import json,sys; print(round(json.load(open('$tmp/h.json'))['results'][0]['median']*1000))")
    else
        bash -c "${cmds[$i]}" >/dev/null 2>&1 || true   # warm the file cache
        m=$(median_ms "${cmds[$i]}")
    fi
    [[ -z "$base" ]] && base="$m"
    printf '%-42s median %5d ms   x%.2f of java -version\n' "${names[$i]}" "$m" "$(echo "$m / $base" | bc -l)"
done
