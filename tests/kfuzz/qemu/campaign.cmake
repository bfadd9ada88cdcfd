# One long QEMU fuzz run: boots IMAGE on the board of BOARD_JSON (-icount
# shift=0, so a run repeats exactly) with its output on the terminal; fails
# unless the root task ends it with status 0 (no violation).
cmake_minimum_required(VERSION 3.25)
set(ICOUNT ON)
set(NO_SLEEP ON)
include(${CMAKE_CURRENT_LIST_DIR}/../../../cmake/qemu_command.cmake)
string(TIMESTAMP start "%s")
execute_process(COMMAND ${qemu_cmd} RESULT_VARIABLE rc)
string(TIMESTAMP end "%s")
math(EXPR seconds "${end} - ${start}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "kfuzz: the QEMU run failed (status ${rc}) after ${seconds} s: ${IMAGE}")
endif()
message(STATUS "kfuzz: ${IMAGE}: no violation, ${seconds} s")
