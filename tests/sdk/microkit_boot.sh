#!/usr/bin/env bash
# Boots IMAGE with seL4 Microkit's own QEMU command for qemu_virt_aarch64 and
# adds nothing to it: the serial output is captured from standard output, and
# QEMU is stopped once a line equals LAST; with LAST "-" QEMU must end by
# itself with status 0. Either way TIMEOUT seconds stop it. Then every line of
# EXPECT must appear, in order, as a whole line of the output (docs/microkit.md).
#   microkit_boot.sh IMAGE EXPECT LAST TIMEOUT
set -uo pipefail
image=$1 expect=$2 last=$3 timeout=$4
out=$(mktemp)
trap 'rm -f "$out"' EXIT

qemu-system-aarch64 -machine virt,virtualization=on -cpu cortex-a53 -serial mon:stdio \
  -device loader,file="$image",addr=0x70000000,cpu-num=0 -m size=2G -nographic \
  </dev/null >"$out" 2>&1 &
qemu=$!

failure=""
end=$((SECONDS + timeout))
while kill -0 "$qemu" 2>/dev/null; do
  if [ "$last" != "-" ] && tr -d '\r' <"$out" | grep -qxF -- "$last"; then
    kill "$qemu"
    break
  fi
  if [ "$SECONDS" -ge "$end" ]; then
    failure="timeout: QEMU still ran after $timeout s"
    kill "$qemu"
    break
  fi
  sleep 0.2
done
wait "$qemu"
status=$?
if [ -z "$failure" ] && [ "$last" = "-" ] && [ "$status" -ne 0 ]; then
  failure="QEMU exited with status $status, not 0"
fi

if [ -z "$failure" ]; then
  missing=$(tr -d '\r' <"$out" | awk -v file="$expect" '
    BEGIN { n = 0; while ((getline line < file) > 0) want[n++] = line; i = 0 }
    i < n && $0 == want[i] { i++ }
    END { if (i < n) print want[i] }')
  [ -n "$missing" ] && failure="missing expected line (in order): '$missing'"
fi

if [ -n "$failure" ]; then
  echo "microkit_boot: $failure"
  echo "--- output ---"
  tr -d '\r' <"$out"
  exit 1
fi
echo "microkit_boot: ok"
