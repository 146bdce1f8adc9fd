#!/usr/bin/env bash
# The replay on the libraries recorded in RESULTS.md, at their recorded commits, one after another:
#   benchmarks/RealLibraries/run-all.sh <folder holding the checkouts: cronos/, superpower/, ncrontab/>
# Prints the results table's rows; each library's full report is in $REPLAY_WORK/<name>/report.md.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
checkouts=$(cd "$1" && pwd)
export REPLAY_RESULTS=${REPLAY_RESULTS:-$(mktemp)}
"$here/replay.sh" "$checkouts/cronos" src/Cronos/Cronos.csproj tests/Cronos.Tests/Cronos.Tests.csproj cronos > /dev/null
"$here/replay.sh" "$checkouts/superpower" src/Superpower/Superpower.csproj test/Superpower.Tests/Superpower.Tests.csproj superpower > /dev/null
"$here/replay.sh" "$checkouts/ncrontab" NCrontab/NCrontab.csproj NCrontab.Tests/NCrontab.Tests.csproj ncrontab > /dev/null
cat "$REPLAY_RESULTS"
