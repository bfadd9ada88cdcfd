# Runs `rampart check INPUT` and compares its standard error with EXPECTED
# byte for byte; the check must also fail (exit status 1).
execute_process(COMMAND ${RAMPART} check ${INPUT}
  RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT EXISTS ${EXPECTED})
  message(FATAL_ERROR "missing ${EXPECTED}; rampart printed:\n${err}")
endif()
file(READ ${EXPECTED} expected)
if(NOT status EQUAL 1)
  message(FATAL_ERROR "${INPUT}: expected exit status 1, got ${status}\n${err}")
endif()
if(NOT err STREQUAL expected)
  message(FATAL_ERROR "${INPUT}: diagnostics differ\n--- expected\n${expected}--- got\n${err}")
endif()
