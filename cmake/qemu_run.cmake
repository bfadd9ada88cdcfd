# Boots an image under QEMU with the board's settings; output goes to the
# terminal and the script fails when the system's exit status is not 0.
#   cmake -DBOARD_JSON=... -DIMAGE=... [-DCPU=...] -P qemu_run.cmake
cmake_minimum_required(VERSION 3.25)
include(${CMAKE_CURRENT_LIST_DIR}/qemu_command.cmake)
execute_process(COMMAND ${qemu_cmd} RESULT_VARIABLE rc)
if(NOT rc STREQUAL "0")
  message(FATAL_ERROR "the system ended with status ${rc}")
endif()
