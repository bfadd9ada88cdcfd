# The libFuzzer targets — the composer's (composer/fuzz/) and the kernel's
# system-call fuzzer (tests/kfuzz/libfuzzer/) — need clang: they are built in
# a clang sub-build of the composer and the host kernel alone
# (RAMPART_FUZZ_BUILD), instrumented for coverage and with AddressSanitizer
# and UBSan, whatever compiler the main build uses. ctest runs each for a
# bounded number of inputs. Without clang++ there are no fuzz targets.
find_program(RAMPART_CLANGXX NAMES clang++ clang++-14)
find_program(RAMPART_CLANG NAMES clang clang-14)
if(NOT RAMPART_CLANGXX OR NOT RAMPART_CLANG)
  message(STATUS "clang not found: the libFuzzer targets are not built")
  return()
endif()

include(ExternalProject)
set(RAMPART_FUZZ_DIR ${CMAKE_BINARY_DIR}/fuzz)
set(_kfuzz_libfuzzer ${RAMPART_FUZZ_DIR}/tests/kfuzz/libfuzzer/rampart-kfuzz-libfuzzer)
set(_fuzzers ${RAMPART_FUZZ_DIR}/composer/fuzz/rampart-fuzz-frontend
             ${RAMPART_FUZZ_DIR}/composer/fuzz/rampart-fuzz-pipeline ${_kfuzz_libfuzzer})
ExternalProject_Add(composer-fuzz
  SOURCE_DIR ${RAMPART_ROOT}
  BINARY_DIR ${RAMPART_FUZZ_DIR}
  CMAKE_GENERATOR Ninja
  CMAKE_ARGS
    -DCMAKE_C_COMPILER=${RAMPART_CLANG}
    -DCMAKE_CXX_COMPILER=${RAMPART_CLANGXX}
    -DCMAKE_BUILD_TYPE=RelWithDebInfo
    -DRAMPART_FUZZ_BUILD=ON
    -DRAMPART_FUZZ_TARGET_DIR=${CMAKE_BINARY_DIR}/target/${RAMPART_DEFAULT_BOARD}
  BUILD_COMMAND ${CMAKE_COMMAND} --build <BINARY_DIR> --target rampart-fuzz-frontend
                rampart-fuzz-pipeline rampart-kfuzz-libfuzzer
  BUILD_ALWAYS ON
  INSTALL_COMMAND ""
  BUILD_BYPRODUCTS ${_fuzzers})

# ctest: a bounded run of each target from its seeds (fixed seed, so a
# failure repeats); new inputs go to a scratch folder, never the source tree.
set(_dict -dict=${RAMPART_ROOT}/composer/fuzz/system.dict)
add_test(NAME fuzz.frontend
  COMMAND ${CMAKE_COMMAND} -DFUZZER=${RAMPART_FUZZ_DIR}/composer/fuzz/rampart-fuzz-frontend
          -DSCRATCH=${RAMPART_FUZZ_DIR}/ctest-frontend -DRUNS=20000
          "-DARGS=${_dict};-max_len=4096"
          "-DSEEDS=${RAMPART_ROOT}/tests/corpus;${RAMPART_ROOT}/tests/composer/examples"
          -P ${RAMPART_ROOT}/composer/fuzz/run_fuzzer.cmake)
add_test(NAME fuzz.pipeline
  COMMAND ${CMAKE_COMMAND} -DFUZZER=${RAMPART_FUZZ_DIR}/composer/fuzz/rampart-fuzz-pipeline
          -DSCRATCH=${RAMPART_FUZZ_DIR}/ctest-pipeline -DRUNS=2000
          "-DARGS=${_dict};-max_len=8192"
          "-DSEEDS=${RAMPART_ROOT}/composer/fuzz/pipeline-seeds"
          -P ${RAMPART_ROOT}/composer/fuzz/run_fuzzer.cmake)

# The kernel's system-call fuzzer, coverage-guided: each input is one machine
# (boot, world, then the calls its bytes choose); no seed corpus.
add_test(NAME kfuzz.libfuzzer
  COMMAND ${CMAKE_COMMAND} -DFUZZER=${_kfuzz_libfuzzer}
          -DSCRATCH=${RAMPART_FUZZ_DIR}/ctest-kfuzz -DRUNS=300 "-DARGS=-max_len=4096" -DSEEDS=
          -P ${RAMPART_ROOT}/composer/fuzz/run_fuzzer.cmake)
