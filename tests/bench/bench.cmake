# `cmake --build <dir> --target bench`: boots every benchmark image under
# QEMU -icount shift=0 on the board's default CPU; each prints lines
# "bench: <name> <value> insns". Not part of the test suite.
set(board ${RAMPART_DEFAULT_BOARD})
set(bench_commands)
foreach(prog kernel-entry-bench ipc-bench)
  rampart_boot_image(${prog}-${board} ${board} tests/bench/${prog}.elf)
  list(APPEND bench_commands
       COMMAND ${CMAKE_COMMAND} -DBOARD_JSON=${RAMPART_ROOT}/boards/${board}.json
               -DIMAGE=${CMAKE_CURRENT_BINARY_DIR}/${prog}-${board}.elf -DICOUNT=ON
               -P ${RAMPART_ROOT}/cmake/qemu_run.cmake)
endforeach()
# Boot benchmarks: composed systems (tests/bench/CMakeLists.txt), each prints
# "bench: boot-<name> <instructions from reset to its first PD> insns".
foreach(name hello chain63 pds1000)
  list(APPEND bench_commands
       COMMAND ${CMAKE_COMMAND} -DBOARD_JSON=${RAMPART_ROOT}/boards/${board}.json
               -DIMAGE=${CMAKE_BINARY_DIR}/target/${board}/systems/boot-${name}/image.elf
               -DICOUNT=ON -P ${RAMPART_ROOT}/cmake/qemu_run.cmake)
endforeach()
rampart_images_target(bench-images)
add_custom_target(bench ${bench_commands} DEPENDS bench-images USES_TERMINAL
                  COMMENT "Benchmarks (guest instructions, QEMU -icount shift=0)")
