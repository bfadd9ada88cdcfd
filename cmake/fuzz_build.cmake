# libFuzzer targets need clang: whatever compiler the main build uses, they are
# built in one clang sub-build (build/fuzz/, RAMPART_FUZZ_BUILD) in which every
# file is compiled with coverage, AddressSanitizer and UBSan. Without clang
# there are no fuzz targets and rampart_fuzz_test does nothing.
#
# A fuzz target is declared in the folder of its sources, listed in
# RAMPART_FUZZ_DIRS (top-level CMakeLists.txt), which both builds read:
#   - in the sub-build (RAMPART_FUZZ_BUILD) it adds the executable, linked
#     with -fsanitize=fuzzer;
#   - in the main build it calls
#       rampart_fuzz_test(<test name> TARGET <executable> RUNS <n>
#                         SEEDS <folders…> [ARGS <libFuzzer options…>])
#     which makes the sub-build build that executable and ctest run it for
#     <n> inputs from the seeds (fixed seed, so a failure repeats; new inputs
#     go to a scratch folder, never the source tree).
find_program(RAMPART_CLANGXX NAMES clang++ clang++-14)
find_program(RAMPART_CLANG NAMES clang clang-14)
if(NOT RAMPART_CLANGXX OR NOT RAMPART_CLANG)
  message(STATUS "clang not found: no fuzz targets are built")
  function(rampart_fuzz_test)
  endfunction()
  return()
endif()

set(RAMPART_FUZZ_BINARY_DIR ${CMAKE_BINARY_DIR}/fuzz)

function(rampart_fuzz_test name)
  cmake_parse_arguments(PARSE_ARGV 1 F "" "TARGET;RUNS" "SEEDS;ARGS")
  file(RELATIVE_PATH dir ${RAMPART_ROOT} ${CMAKE_CURRENT_SOURCE_DIR})
  set(exe ${RAMPART_FUZZ_BINARY_DIR}/${dir}/${F_TARGET})
  set_property(GLOBAL APPEND PROPERTY RAMPART_FUZZ_TARGETS ${F_TARGET})
  set_property(GLOBAL APPEND PROPERTY RAMPART_FUZZ_EXECUTABLES ${exe})
  add_test(NAME ${name}
    COMMAND ${CMAKE_COMMAND} -DFUZZER=${exe} -DSCRATCH=${RAMPART_FUZZ_BINARY_DIR}/ctest-${name}
            -DRUNS=${F_RUNS} "-DARGS=${F_ARGS}" "-DSEEDS=${F_SEEDS}"
            -P ${RAMPART_ROOT}/cmake/run_fuzzer.cmake)
  set_tests_properties(${name} PROPERTIES LABELS fuzz)
endfunction()

# The sub-build, made once every folder has declared its targets: its
# `rampart-fuzz` target builds them all.
function(rampart_fuzz_sub_build)
  get_property(targets GLOBAL PROPERTY RAMPART_FUZZ_TARGETS)
  get_property(executables GLOBAL PROPERTY RAMPART_FUZZ_EXECUTABLES)
  if(NOT targets)
    return()
  endif()
  include(ExternalProject)
  ExternalProject_Add(rampart-fuzz
    SOURCE_DIR ${RAMPART_ROOT}
    BINARY_DIR ${RAMPART_FUZZ_BINARY_DIR}
    CMAKE_GENERATOR Ninja
    CMAKE_ARGS
      -DCMAKE_C_COMPILER=${RAMPART_CLANG}
      -DCMAKE_CXX_COMPILER=${RAMPART_CLANGXX}
      -DCMAKE_BUILD_TYPE=RelWithDebInfo
      -DRAMPART_FUZZ_BUILD=ON
      -DRAMPART_FUZZ_TARGET_DIR=${CMAKE_BINARY_DIR}/target/${RAMPART_DEFAULT_BOARD}
    BUILD_COMMAND ${CMAKE_COMMAND} --build <BINARY_DIR> --target ${targets}
    BUILD_ALWAYS ON
    INSTALL_COMMAND ""
    BUILD_BYPRODUCTS ${executables})
endfunction()
cmake_language(DEFER DIRECTORY ${RAMPART_ROOT} CALL rampart_fuzz_sub_build)
