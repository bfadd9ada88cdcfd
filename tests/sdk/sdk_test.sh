#!/usr/bin/env bash
# The installed SDK as its users meet it (docs/microkit.md). Installs the build
# tree BUILD to a temporary prefix, then:
#   microkit-example CONFIG
#                     builds tests/sdk/example with its Makefile (make, clang,
#                     ld.lld, bin/microkit) for CONFIG and boots loader.img
#                     with Microkit's QEMU command until the client's last
#                     line; a release kernel drops the PDs' output, so there
#                     the boot runs until the kernel's first line
#   cmake-package     builds tests/sdk/cmake with find_package(Rampart) in
#                     Release and checks its PDs were compiled with -O3
#   sdk_test.sh BUILD WHAT [CONFIG]
set -euo pipefail
build=$1 what=$2 config=${3:-debug}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cmake --install "$build" --prefix "$tmp/sdk" >"$tmp/install.log"
sdk=$tmp/sdk

case "$what" in
  microkit-example)
    cp -r "$here/example" "$tmp/example"
    make -s -C "$tmp/example" MICROKIT_SDK="$sdk" MICROKIT_BOARD=qemu_virt_aarch64 \
      MICROKIT_CONFIG="$config" BUILD_DIR="$tmp/build"
    grep -q "^pd server" "$tmp/build/report.txt"
    if [ "$config" = release ]; then
      line="Rampart kernel on qemu-virt-aarch64 (GICv2, entered at EL2)"
      echo "$line" >"$tmp/expected.txt"
      "$here/microkit_boot.sh" "$tmp/build/loader.img" "$tmp/expected.txt" "$line" 120
    else
      "$here/microkit_boot.sh" "$tmp/build/loader.img" "$here/example/expected.txt" \
        "client: done" 120
    fi
    ;;
  cmake-package)
    cmake -S "$here/cmake" -B "$tmp/b" -G Ninja -DCMAKE_BUILD_TYPE=Release \
      -DCMAKE_PREFIX_PATH="$sdk" -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
      -DCMAKE_TOOLCHAIN_FILE="$sdk/lib/cmake/Rampart/toolchain-aarch64.cmake" >"$tmp/configure.log"
    cmake --build "$tmp/b" >"$tmp/build.log"
    grep -q -- "-O3" "$tmp/b/compile_commands.json" ||
      { echo "sdk_test: the PDs were not compiled with the Release build type's -O3"; exit 1; }
    test -s "$tmp/b/pingpong/image.bin"
    grep -q "^pd client" "$tmp/b/pingpong/report.txt"
    ;;
  *)
    echo "sdk_test: unknown test '$what'" >&2
    exit 2
    ;;
esac
echo "sdk_test: $what $config ok"
