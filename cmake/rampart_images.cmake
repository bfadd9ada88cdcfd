# Host-side helpers: boot images packed from a board's target sub-build, and
# the QEMU tests that boot them.

# rampart_boot_image(NAME BOARD ROOT_ELF [DOMAINS D:US,...] [CNODE_BITS n]): images
# NAME.elf and NAME.bin for BOARD, optionally with a domain schedule and a root
# CNode of 2^n slots.
function(rampart_boot_image name board root_elf)
  cmake_parse_arguments(I "" "DOMAINS;CNODE_BITS" "" ${ARGN})
  set(extra)
  if(I_DOMAINS)
    set(extra --domains ${I_DOMAINS})
  endif()
  if(I_CNODE_BITS)
    list(APPEND extra --root-cnode-bits ${I_CNODE_BITS})
  endif()
  set(dir ${CMAKE_BINARY_DIR}/target/${board})
  set(out ${CMAKE_CURRENT_BINARY_DIR}/${name})
  add_custom_command(
    OUTPUT ${out}.elf ${out}.bin
    COMMAND rampart-mkimage ${RAMPART_ROOT}/boards/${board}.json
            ${dir}/runtime/loader/loader.elf ${dir}/kernel/kernel.elf ${dir}/${root_elf}
            ${out}.elf ${out}.bin ${extra}
    DEPENDS target-${board} rampart-mkimage ${dir}/kernel/kernel.elf
            ${dir}/runtime/loader/loader.elf ${dir}/${root_elf}
    COMMENT "Packing ${name}")
  set_property(DIRECTORY APPEND PROPERTY RAMPART_IMAGES ${out}.elf)
endfunction()

# rampart_qemu_test(NAME IMAGE EXPECT [CPU c] [MACHINE m] [EXIT_STATUS n] [EXPECT_TIMEOUT]
#                   [ICOUNT] [TIMEOUT s] [INPUT file] [FIRMWARE_DIR d] BOARD b)
# ICOUNT runs QEMU with -icount shift=0: virtual time follows instructions, so
# tests that depend on budgets and timers are deterministic; NO_SLEEP (with
# ICOUNT) lets virtual time jump over idle periods instead of waiting for them. INPUT is fed to
# the serial input. FIRMWARE_DIR is QEMU's only firmware directory (-L).
function(rampart_qemu_test name)
  cmake_parse_arguments(T "EXPECT_TIMEOUT;ICOUNT;NO_SLEEP" "IMAGE;EXPECT;CPU;MACHINE;EXIT_STATUS;TIMEOUT;BOARD;INPUT;FIRMWARE_DIR" "" ${ARGN})
  set(defs -DBOARD_JSON=${RAMPART_ROOT}/boards/${T_BOARD}.json -DIMAGE=${T_IMAGE}
           -DEXPECT=${T_EXPECT})
  foreach(opt CPU MACHINE EXIT_STATUS TIMEOUT INPUT FIRMWARE_DIR)
    if(DEFINED T_${opt})
      list(APPEND defs -D${opt}=${T_${opt}})
    endif()
  endforeach()
  if(T_EXPECT_TIMEOUT)
    list(APPEND defs -DEXPECT_TIMEOUT=ON)
  endif()
  if(T_ICOUNT)
    list(APPEND defs -DICOUNT=ON)
  endif()
  if(T_NO_SLEEP)
    list(APPEND defs -DNO_SLEEP=ON)
  endif()
  add_test(NAME ${name} COMMAND ${CMAKE_COMMAND} ${defs} -P ${RAMPART_ROOT}/cmake/qemu_test.cmake)
  set_tests_properties(${name} PROPERTIES LABELS qemu)
endfunction()

# rampart_images_target(NAME [ALL]): a target building the images packed in this directory.
function(rampart_images_target name)
  get_property(images DIRECTORY PROPERTY RAMPART_IMAGES)
  add_custom_target(${name} ${ARGN} DEPENDS ${images})
endfunction()

# rampart_system_test(SYSTEM BOARD b [rampart_qemu_test options...]): boots the
# example system systems/SYSTEM, composed in BOARD's target sub-build
# (cmake/rampart_system.cmake), and matches systems/SYSTEM/expected.txt; the
# serial input is systems/SYSTEM/input.txt when there is one. Test name:
# system.SYSTEM.BOARD.
function(rampart_system_test system)
  cmake_parse_arguments(S "" "BOARD" "" ${ARGN})
  set(src ${RAMPART_ROOT}/systems/${system})
  set(input)
  if(EXISTS ${src}/input.txt)
    set(input INPUT ${src}/input.txt)
  endif()
  rampart_qemu_test(system.${system}.${S_BOARD} BOARD ${S_BOARD}
                    IMAGE ${CMAKE_BINARY_DIR}/target/${S_BOARD}/systems/${system}/image.elf
                    EXPECT ${src}/expected.txt ${input} ${S_UNPARSED_ARGUMENTS})
endfunction()
