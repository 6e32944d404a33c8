#!/usr/bin/env bash
# Installs what the tests need beyond the .NET SDK: Wine (to run the win-x64 CLI) and mingw-w64
# (to build the stand-in wtsapi32.dll); for the Linux backend, OpenSSH's server and client (a real login
# end to end), gcc (glibc writes a utmp record the parser must read) and dbus-daemon (a private bus
# with a stand-in logind). Debian/Ubuntu, as root or with sudo.
set -euo pipefail
need=()
command -v wine >/dev/null 2>&1 || need+=(wine wine64)
command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1 || need+=(gcc-mingw-w64-x86-64)
[ -x /usr/sbin/sshd ] || need+=(openssh-server)
[ -x /usr/bin/ssh ] && [ -x /usr/bin/ssh-keygen ] || need+=(openssh-client)
command -v gcc >/dev/null 2>&1 || need+=(gcc libc6-dev)
command -v dbus-daemon >/dev/null 2>&1 || need+=(dbus-daemon)
command -v setpriv >/dev/null 2>&1 && command -v setsid >/dev/null 2>&1 || need+=(util-linux)
command -v useradd >/dev/null 2>&1 || need+=(passwd)
command -v Xvfb >/dev/null 2>&1 || need+=(xvfb)
command -v xdotool >/dev/null 2>&1 || need+=(xdotool)
if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq "${need[@]}" </dev/null
