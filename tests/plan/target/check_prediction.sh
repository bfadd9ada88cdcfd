#!/bin/sh
# Boots real images to check DESIGN contract 2 end to end: the kernel's boot
# untyped list equals the composer's prediction in the spec. The root task
# spec_check_root.c (a stand-in for the initializer's first step) compares
# them and exits 0 only when they are identical.
#   tests/plan/target/check_prediction.sh BUILD TARGET_BUILD [SYSTEM...]
# BUILD: a host build tree (rampart); TARGET_BUILD: a configured tree whose
# target/qemu-virt-aarch64 holds kernel, loader and runtime/user (e.g. a build
# with RAMPART_BUILD_TARGET=ON after `cmake --build . --target target-qemu-virt-aarch64`).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
build=$1
target=$2/target/qemu-virt-aarch64
shift 2
[ $# -gt 0 ] || set -- "$here/../systems/hello.system" "$here/../systems/echo.system" \
    "$here/../systems/domains.system"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
clang --target=aarch64-none-elf -I"$root/runtime/include" -I"$root/kernel/include" -O2 \
    -ffreestanding -fno-stack-protector -fno-pic -std=gnu11 -c "$here/spec_check_root.c" -o "$work/s.o"
clang --target=aarch64-none-elf -fuse-ld=lld -nostdlib -static -Wl,--build-id=none \
    -T "$root/runtime/user/user.ld" -Wl,--gc-sections "$work/s.o" \
    "$target/runtime/user/librampart_user.a" "$target/runtime/freestanding/librampart_freestanding.a" \
    -o "$work/spec-check.elf"
status=0
for system in "$@"; do
    name=$(basename "$system")
    "$build/composer/rampart" build "$system" -o "$work/$name" --kernel "$target/kernel/kernel.elf" \
        --loader "$target/runtime/loader/loader.elf" --initializer "$work/spec-check.elf" >/dev/null
    if timeout 60 qemu-system-aarch64 -M virt,virtualization=on,gic-version=2 -cpu cortex-a53 \
        -m 2G -nographic -semihosting-config enable=on,target=native \
        -kernel "$work/$name/image.elf" >"$work/$name.log" 2>&1; then
        echo "$name: prediction exact"
    else
        echo "$name: MISMATCH"
        cat "$work/$name.log"
        status=1
    fi
done
exit $status
