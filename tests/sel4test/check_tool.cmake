# Runs tools/sel4test and checks its exit status and output.
#   cmake -DTOOL=tools/sel4test -DARGS="a;b" -DEXIT_STATUS=n -DEXPECT=file
#         [-DTREE=dir [-DTREE_DIRS="x;y/z"]] -P check_tool.cmake
# EXPECT holds lines that must appear, in order, as whole lines of the output
# (standard output and standard error together), with @TREE@ standing for
# TREE. With TREE_DIRS, TREE is first made an empty folder with those
# subfolders: a source tree of the wrong shape.
cmake_minimum_required(VERSION 3.25)

if(TREE_DIRS)
  file(REMOVE_RECURSE ${TREE})
  foreach(d IN LISTS TREE_DIRS)
    file(MAKE_DIRECTORY ${TREE}/${d})
  endforeach()
endif()

execute_process(COMMAND ${TOOL} ${ARGS} OUTPUT_VARIABLE out ERROR_VARIABLE err
                RESULT_VARIABLE rc TIMEOUT 60)
set(out "${err}${out}")
set(failure "")
if(NOT rc STREQUAL "${EXIT_STATUS}")
  set(failure "exit status ${rc}, expected ${EXIT_STATUS}")
endif()

file(STRINGS ${EXPECT} expected)
string(REPLACE ";" "\\;" escaped "${out}")
string(REPLACE "\n" ";" lines "${escaped}")
list(LENGTH lines nlines)
set(pos 0)
foreach(want IN LISTS expected)
  string(REPLACE "@TREE@" "${TREE}" want "${want}")
  set(found OFF)
  while(pos LESS nlines)
    list(GET lines ${pos} line)
    math(EXPR pos "${pos} + 1")
    if(line STREQUAL want)
      set(found ON)
      break()
    endif()
  endwhile()
  if(NOT found)
    set(failure "${failure}\nmissing (in this order): ${want}")
    break()
  endif()
endforeach()

if(failure)
  message(FATAL_ERROR "${failure}\n--- output of ${TOOL} ${ARGS}:\n${out}")
endif()
