# Runs a libFuzzer target for RUNS inputs from SEEDS (folders), writing what
# it finds to a fresh SCRATCH folder; fails on any crash, leak or sanitizer report.
# -DFUZZER=<binary> -DSCRATCH=<folder> -DRUNS=<n> -DSEEDS=<folders> [-DARGS=<options>]
file(REMOVE_RECURSE ${SCRATCH})
file(MAKE_DIRECTORY ${SCRATCH}/corpus ${SCRATCH}/artifacts)
execute_process(COMMAND ${FUZZER} -seed=1 -runs=${RUNS} ${ARGS}
                        -artifact_prefix=${SCRATCH}/artifacts/ ${SCRATCH}/corpus ${SEEDS}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${FUZZER} failed (${rc}):\n${out}${err}")
endif()
string(REGEX MATCH "Done [0-9]+ runs[^\n]*" done "${err}")
message(STATUS "${done}")
