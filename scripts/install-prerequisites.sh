#!/usr/bin/env bash
# Installs what the tests need beyond the .NET SDK: Wine (to run the win-x64 CLI) and mingw-w64
# (to build the stand-in wtsapi32.dll). Debian/Ubuntu, as root or with sudo.
set -euo pipefail
need=()
command -v wine >/dev/null 2>&1 || need+=(wine wine64)
command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1 || need+=(gcc-mingw-w64-x86-64)
if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq "${need[@]}" </dev/null
