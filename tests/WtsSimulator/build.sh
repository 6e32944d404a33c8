#!/usr/bin/env bash
# Builds the stand-in wtsapi32.dll into OUTDIR, OUTDIR/legacy/wtsapi32.dll without the Ex exports, and
# OUTDIR/decoy/wtsapi32.dll, which only marks that it was loaded (a planted DLL the program must not load).
# Usage: tests/WtsSimulator/build.sh OUTDIR
set -euo pipefail
if [ $# -ne 1 ]; then
    echo "usage: $0 OUTDIR" >&2
    exit 2
fi
compiler=x86_64-w64-mingw32-gcc
if ! command -v "$compiler" >/dev/null 2>&1; then
    echo "error: $compiler not found; install Debian's gcc-mingw-w64-x86-64 (apt-get install gcc-mingw-w64-x86-64)" >&2
    exit 1
fi
here=$(cd "$(dirname "$0")" && pwd)
out=$1
mkdir -p "$out/legacy" "$out/decoy"
flags=(-shared -O2 -Wall -Wextra -Werror -std=gnu11 -static-libgcc)
"$compiler" "${flags[@]}" -o "$out/wtsapi32.dll" "$here/wtsapi32.c" "$here/wtsapi32.def" -lws2_32
"$compiler" "${flags[@]}" -o "$out/legacy/wtsapi32.dll" "$here/wtsapi32.c" "$here/wtsapi32-legacy.def" -lws2_32
"$compiler" "${flags[@]}" -o "$out/decoy/wtsapi32.dll" "$here/decoy.c"
echo "built $out/wtsapi32.dll, $out/legacy/wtsapi32.dll and $out/decoy/wtsapi32.dll"
