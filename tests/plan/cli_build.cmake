# `rampart build` end to end: two builds of one system give byte-identical
# outputs, and a build that fails leaves no output at all.
# -DRAMPART=<binary> -DSYSTEMS=<tests/plan/systems> -DWORK=<scratch folder>
file(REMOVE_RECURSE ${WORK})
foreach(run a b)
  execute_process(COMMAND ${RAMPART} build ${SYSTEMS}/echo.system -o ${WORK}/${run} --capdl
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "build ${run} failed (${rc}): ${out}${err}")
  endif()
endforeach()
foreach(f spec.bin report.txt report.json system.dot system.cdl)
  if(NOT EXISTS ${WORK}/a/${f})
    message(FATAL_ERROR "missing output ${f}")
  endif()
  execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${WORK}/a/${f} ${WORK}/b/${f}
                  RESULT_VARIABLE same)
  if(NOT same EQUAL 0)
    message(FATAL_ERROR "${f} differs between two builds")
  endif()
endforeach()

execute_process(COMMAND ${RAMPART} build ${SYSTEMS}/bad_symbol.system -o ${WORK}/bad
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(rc EQUAL 0 OR NOT err MATCHES "symbol 'no_such_symbol' of protection domain 'a' is not in its program image")
  message(FATAL_ERROR "bad_symbol.system: expected a planning error, got ${rc}: ${err}")
endif()
file(GLOB left ${WORK}/bad/* ${WORK}/bad/.*)
if(left)
  message(FATAL_ERROR "a failed build left output: ${left}")
endif()

# `rampart report` reads the built spec back.
execute_process(COMMAND ${RAMPART} report ${WORK}/a/spec.bin RESULT_VARIABLE rc OUTPUT_VARIABLE out)
if(NOT rc EQUAL 0 OR NOT out MATCHES "Rampart spec, version 3" OR NOT out MATCHES "client.cnode\\[75\\] = server.endpoint")
  message(FATAL_ERROR "report of spec.bin: ${rc}: ${out}")
endif()

# Back-end failures are one diagnostic each, `file: error: …`, with the exit
# status of their kind (docs/composer.md): a target ELF that cannot be used
# is the input's fault (1), an output that cannot be written is 74.
execute_process(COMMAND ${RAMPART} build ${SYSTEMS}/echo.system -o ${WORK}/noelf
                --kernel ${WORK}/missing.elf
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
string(REGEX MATCHALL "error:" errors "${err}")
list(LENGTH errors count)
if(NOT rc EQUAL 1 OR NOT err MATCHES "^${WORK}/missing.elf: error: cannot use it as the kernel: cannot read the file\n1 error generated.\n$")
  message(FATAL_ERROR "missing target ELF: expected status 1 and one error, got ${rc}: ${err}")
endif()
if(EXISTS ${WORK}/noelf)
  message(FATAL_ERROR "a build with a missing ELF left ${WORK}/noelf")
endif()
file(WRITE ${WORK}/not-a-folder "")
execute_process(COMMAND ${RAMPART} build ${SYSTEMS}/echo.system -o ${WORK}/not-a-folder
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 74 OR NOT err MATCHES "^${WORK}/not-a-folder: error: cannot create the folder: [^\n]*\n1 error generated.\n$")
  message(FATAL_ERROR "unwritable output: expected status 74 and one error, got ${rc}: ${err}")
endif()
