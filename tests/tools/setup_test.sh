#!/usr/bin/env bash
# tools/setup as a fresh machine sees it: dpkg-query fails (status 1) when a
# package was never installed, as on a Debian without Rampart's packages.
# Runs it as a non-root user against a fake dpkg database and checks the
# apt-get line it asks for.
#   setup_test.sh TOOLS_SETUP
set -uo pipefail
setup=$1
fake=$(mktemp -d)
trap 'rm -rf "$fake"' EXIT

# id -u: not root, so setup prints the line instead of running apt-get.
printf '#!/bin/sh\necho 1000\n' >"$fake/id"
# dpkg-query -W -f=FORMAT PKG...: the packages named in $INSTALLED are
# installed; any other one is unknown (stderr, and status 1 at the end).
cat >"$fake/dpkg-query" <<'FAKE'
#!/usr/bin/env bash
status=0
for p in "$@"; do
  case "$p" in -*) continue ;; esac
  case " $INSTALLED " in
    *" $p "*) echo "$p:install ok installed" ;;
    *) echo "dpkg-query: no packages found matching $p" >&2; status=1 ;;
  esac
done
exit $status
FAKE
chmod +x "$fake/id" "$fake/dpkg-query"

all="cmake ninja-build g++ clang lld libclang-rt-14-dev qemu-system-arm qemu-system-misc"
all+=" libpugixml-dev nlohmann-json3-dev libcli11-dev catch2 libxml2-utils make ipxe-qemu python3"
failures=0

# expect NAME INSTALLED STATUS MISSING: setup exits with STATUS and, when
# MISSING is not empty, asks for exactly those packages.
expect() {
  local out status
  out=$(INSTALLED=$2 PATH="$fake:$PATH" "$setup" 2>&1)
  status=$?
  local want=""
  [ -n "$4" ] && want="apt-get update && apt-get install -y --no-install-recommends $4"
  if [ "$status" -ne "$3" ] || { [ -n "$want" ] && [[ "$out" != *"$want"* ]]; } ||
    { [ -z "$want" ] && [ -n "$out" ]; }; then
    echo "FAIL $1: status $status (want $3), output:"
    echo "$out" | sed 's/^/  | /'
    [ -n "$want" ] && echo "  wanted a line containing: $want"
    failures=$((failures + 1))
  else
    echo "ok   $1"
  fi
}

expect fresh-machine "" 1 "$all"
expect one-missing "${all/ ipxe-qemu/}" 1 "ipxe-qemu"
expect all-installed "$all" 0 ""
exit $failures
