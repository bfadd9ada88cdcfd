# Boots an image under QEMU with the board file's settings and checks its serial output.
#   cmake -DBOARD_JSON=... -DIMAGE=... -DEXPECT=file [-DCPU=...] [-DMACHINE=...]
#         [-DTIMEOUT=s] [-DEXIT_STATUS=n | -DEXPECT_TIMEOUT=ON] [-DICOUNT=ON [-DNO_SLEEP=ON]]
#         [-DINPUT=file] -P qemu_test.cmake
# INPUT is fed to the serial input (QEMU's standard input). Instead of IMAGE,
# -DRAMPART=<rampart> -DSYSTEM=<system file> [-DSEARCH_PATH=dir] builds and
# boots the system with `rampart run` (its --timeout is TIMEOUT).
# EXPECT holds lines that must appear, in order, as whole lines of the output;
# a line starting with "re:" is a regular expression the whole line must match.
# On any mismatch the whole captured output is printed.
cmake_minimum_required(VERSION 3.25)

if(RAMPART)
  set(IMAGE "${SYSTEM}")
endif()
foreach(var BOARD_JSON IMAGE EXPECT)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "qemu_test: ${var} is required")
  endif()
endforeach()
if(NOT DEFINED TIMEOUT)
  set(TIMEOUT 30)
endif()
if(NOT DEFINED EXIT_STATUS)
  set(EXIT_STATUS 0)
endif()

if(NOT DEFINED INPUT)
  set(INPUT /dev/null)
endif()

if(RAMPART)
  set(cmd ${RAMPART} run ${SYSTEM} --board ${BOARD_JSON} --timeout ${TIMEOUT})
  if(SEARCH_PATH)
    list(APPEND cmd --search-path ${SEARCH_PATH})
  endif()
  if(DEFINED CPU)
    list(APPEND cmd --cpu ${CPU})
  endif()
  math(EXPR TIMEOUT "${TIMEOUT} + 30") # rampart's own timeout comes first
else()
  include(${CMAKE_CURRENT_LIST_DIR}/qemu_command.cmake)
  set(cmd ${qemu_cmd})
endif()
execute_process(COMMAND ${cmd} TIMEOUT ${TIMEOUT} OUTPUT_VARIABLE out ERROR_VARIABLE err
                RESULT_VARIABLE rc INPUT_FILE ${INPUT})
string(REPLACE "\r" "" out "${out}")
string(JOIN " " cmdline ${cmd})

set(failure "")
if(EXPECT_TIMEOUT)
  if(NOT rc MATCHES "timeout")
    set(failure "expected QEMU to keep running until the timeout, but it ended: ${rc}")
  endif()
elseif(rc MATCHES "timeout")
  set(failure "timed out after ${TIMEOUT} s")
elseif(NOT rc STREQUAL "${EXIT_STATUS}")
  set(failure "exit status ${rc}, expected ${EXIT_STATUS}")
endif()

# Expected lines must appear in order as whole lines.
file(STRINGS ${EXPECT} expected)
string(REPLACE ";" "\\;" out_escaped "${out}")
string(REPLACE "\n" ";" lines "${out_escaped}")
set(pos 0)
list(LENGTH lines nlines)
foreach(want IN LISTS expected)
  set(found OFF)
  while(pos LESS nlines)
    list(GET lines ${pos} line)
    math(EXPR pos "${pos} + 1")
    if(want MATCHES "^re:(.*)$")
      if(line MATCHES "^${CMAKE_MATCH_1}$")
        set(found ON)
        break()
      endif()
    elseif(line STREQUAL want)
      set(found ON)
      break()
    endif()
  endwhile()
  if(NOT found)
    string(APPEND failure "\nmissing expected line (in order): '${want}'")
    break()
  endif()
endforeach()

if(failure)
  message(FATAL_ERROR "qemu_test: ${failure}\ncommand: ${cmdline}\n"
                      "---- serial output ----\n${out}\n---- stderr ----\n${err}")
endif()
message(STATUS "qemu_test: ok (${IMAGE})")
