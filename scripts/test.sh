#!/usr/bin/env bash
# Runs every test of the solution and ends with one line: "N passed, N failed[, N skipped]".
# Needs the .NET 10 SDK; installs the rest itself (scripts/install-prerequisites.sh: Wine, mingw-w64, ...), and
# builds the release zips first (release.ps1): the host tests load the x64 zip as PowerToys Run would.
set -uo pipefail
cd "$(dirname "$0")/.."

if ! bash scripts/install-prerequisites.sh; then
  echo "installing prerequisites failed (scripts/install-prerequisites.sh)"
  echo "0 passed, 1 failed"
  exit 1
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
log=$(mktemp)
trap 'rm -f "$log"' EXIT

if [ -f .config/dotnet-tools.json ]; then
  dotnet tool restore >/dev/null || { echo "dotnet tool restore failed"; echo "0 passed, 1 failed"; exit 1; }
fi

# The release the host tests unzip and load (Community.PowerToys.Run.Plugin.SessionKiller.Host.Tests).
export SESSIONKILLER_RELEASE_DIR="$PWD/artifacts/test-release"
release_failed=0
if ! dotnet tool run pwsh -- -NoProfile -NonInteractive -File ./release.ps1 -ArtifactsPath "$SESSIONKILLER_RELEASE_DIR"; then
  echo "release.ps1 failed: the host tests have no zip to load"
  release_failed=1
fi

dotnet test Run.Plugin.SessionKiller.sln -c Release 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Sum the per-assembly summaries dotnet test prints ("Passed!  - Failed: 0, Passed: 140, Skipped: 0, ...").
read -r passed failed skipped < <(
  grep -Eo 'Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$log" |
    awk -F'[:,] *' '{ f += $2; p += $4; s += $6 } END { printf "%d %d %d\n", p, f, s }')
assemblies=$(grep -Ec 'Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$log")

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # The build or a test host failed before any test could report: count that as a failure.
  failed=1
fi
failed=$((failed + release_failed))
if [ "$assemblies" -eq 0 ]; then
  echo "no test assembly reported a result"
  failed=$((failed > 0 ? failed : 1))
fi

summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
[ "$failed" -eq 0 ]
