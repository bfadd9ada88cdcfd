# `rampart run` errors before anything boots: the diagnostics engine's lines
# (`error: …` and the count), file:line:col for errors in the system file.
# -DRAMPART=<binary> -DROOT=<source tree> -DWORK=<scratch folder>
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
file(READ ${ROOT}/boards/qemu-virt-aarch64.json board)

# A board whose QEMU is not installed.
string(JSON missing SET "${board}" qemu binary "\"rampart-no-such-qemu\"")
file(WRITE ${WORK}/no-qemu.json "${missing}")
execute_process(COMMAND ${RAMPART} run ${ROOT}/tests/plan/systems/hello.system
                        --board ${WORK}/no-qemu.json
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 1 OR NOT err STREQUAL
   "error: cannot run QEMU: 'rampart-no-such-qemu' (qemu.binary of board 'qemu-virt-aarch64') is not installed or not in PATH\n1 error generated.\n")
  message(FATAL_ERROR "missing QEMU: expected one error line, got ${rc}: '${out}${err}'")
endif()

# A system with an error: the build's diagnostics, nothing run.
string(JSON present SET "${board}" qemu binary "\"sh\"")
file(WRITE ${WORK}/sh.json "${present}")
execute_process(COMMAND ${RAMPART} run ${ROOT}/tests/corpus/bad_boolean_case.system
                        --board ${WORK}/sh.json -o ${WORK}/out
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 1 OR NOT err MATCHES "bad_boolean_case.system:[0-9]+:[0-9]+: error: " OR out)
  message(FATAL_ERROR "system error: expected clang-style diagnostics, got ${rc}: '${out}${err}'")
endif()

# An unknown CPU.
execute_process(COMMAND ${RAMPART} run ${ROOT}/tests/plan/systems/hello.system
                        --board ${WORK}/sh.json --cpu cortex-x9
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 1 OR NOT err STREQUAL "error: board 'qemu-virt-aarch64' does not support CPU 'cortex-x9'\n1 error generated.\n")
  message(FATAL_ERROR "unknown CPU: got ${rc}: '${err}'")
endif()

# No temporary folder for the build (TMPDIR is a file): an output failure,
# status 74, and nothing written anywhere else instead.
execute_process(COMMAND ${CMAKE_COMMAND} -E env TMPDIR=${WORK}/sh.json
                        ${RAMPART} run ${ROOT}/tests/plan/systems/hello.system --board ${WORK}/sh.json
                WORKING_DIRECTORY ${WORK}
                RESULT_VARIABLE rc ERROR_VARIABLE err)
file(GLOB leftovers ${WORK}/rampart-run-*)
if(NOT rc EQUAL 74 OR NOT err MATCHES "^error: no temporary folder \\(TMPDIR\\): " OR leftovers)
  message(FATAL_ERROR "no TMPDIR: got ${rc}: '${err}' ${leftovers}")
endif()
