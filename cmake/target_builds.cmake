# One cross sub-build per board: kernel, loader, root tasks, PD programs.
# Their outputs land in ${CMAKE_BINARY_DIR}/target/<board>/.
include(ExternalProject)
include(${RAMPART_ROOT}/systems/systems.cmake)
include(${RAMPART_ROOT}/tests/test_systems.cmake)
include(${RAMPART_ROOT}/tests/kfuzz/qemu/long_runs.cmake)

function(rampart_board_arch board out)
  file(READ ${RAMPART_ROOT}/boards/${board}.json json)
  string(JSON arch GET "${json}" arch)
  set(${out} ${arch} PARENT_SCOPE)
endfunction()

foreach(board IN LISTS RAMPART_BOARDS)
  rampart_board_arch(${board} arch)
  set(dir ${CMAKE_BINARY_DIR}/target/${board})
  set(system_images)
  foreach(system IN LISTS RAMPART_EXAMPLE_SYSTEMS RAMPART_TEST_SYSTEMS)
    list(APPEND system_images ${dir}/systems/${system}/image.elf ${dir}/systems/${system}/image.bin)
  endforeach()
  foreach(bench hello chain63 pds1000) # tests/bench/CMakeLists.txt
    list(APPEND system_images ${dir}/systems/boot-${bench}/image.elf)
  endforeach()
  set(kfuzz_long)
  foreach(seed IN LISTS RAMPART_KFUZZ_LONG_SEEDS)
    list(APPEND kfuzz_long ${dir}/tests/kfuzz/qemu/kfuzz-long-${seed}.elf)
  endforeach()
  ExternalProject_Add(target-${board}
    SOURCE_DIR ${RAMPART_ROOT}/cmake/target
    BINARY_DIR ${dir}
    CMAKE_GENERATOR Ninja
    CMAKE_ARGS
      -DCMAKE_TOOLCHAIN_FILE=${RAMPART_ROOT}/cmake/toolchain-${arch}.cmake
      -DCMAKE_BUILD_TYPE=${CMAKE_BUILD_TYPE}
      -DRAMPART_ROOT=${RAMPART_ROOT}
      -DRAMPART_BOARD=${board}
      -DRAMPART_BOARDGEN=$<TARGET_FILE:rampart-boardgen>
      -DRAMPART_ELFSIZE=$<TARGET_FILE:rampart-elfsize>
      -DRAMPART_COMPOSER=$<TARGET_FILE:rampart>
    BUILD_ALWAYS ON
    INSTALL_COMMAND ""
    USES_TERMINAL_BUILD ON
    DEPENDS rampart-boardgen rampart-elfsize rampart
    BUILD_BYPRODUCTS ${dir}/kernel/kernel.elf ${dir}/runtime/loader/loader.elf
                     ${dir}/tests/boot/hello-root.elf ${dir}/tests/boot/fault-root.elf
                     ${dir}/tests/boot/exit-root.elf ${dir}/tests/bench/kernel-entry-bench.elf
                     ${dir}/tests/conformance/conformance.elf ${dir}/tests/bench/ipc-bench.elf
                     ${dir}/tests/kfuzz/qemu/kfuzz-short.elf ${kfuzz_long}
                     ${dir}/tests/boot/domain-root.elf
                     ${dir}/runtime/initializer/initializer.elf ${system_images}
                     ${dir}/tests/libpd/libpd-client.elf ${dir}/tests/libpd/libpd-server.elf
                     ${dir}/tests/libpd/libpd-plain.elf ${dir}/tests/libpd/libpd-parent.elf
                     ${dir}/tests/libpd/libpd-child.elf ${dir}/tests/libpd/libpd-ticker.elf)
endforeach()
