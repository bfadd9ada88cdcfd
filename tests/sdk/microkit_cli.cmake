# `microkit`'s command line as Microkit's tool takes it (docs/microkit.md):
# usage errors, Rampart's diagnostics for a bad system, nothing left behind on
# an error, and both files written on success.
#   cmake -DMICROKIT=<build>/composer/microkit -DSOURCE=<repo> -DBUILD=<build> -DWORK=<dir>
#         -P microkit_cli.cmake
cmake_minimum_required(VERSION 3.25)
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
set(programs ${BUILD}/target/qemu-virt-aarch64/systems/hello)

function(expect_run want_rc want_text)
  execute_process(COMMAND ${MICROKIT} ${ARGN} WORKING_DIRECTORY ${WORK}
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL want_rc)
    message(FATAL_ERROR "microkit ${ARGN}: exit ${rc}, not ${want_rc}\n${out}${err}")
  endif()
  string(FIND "${out}${err}" "${want_text}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "microkit ${ARGN}: no '${want_text}' in:\n${out}${err}")
  endif()
endfunction()

expect_run(1 "the following arguments are required: --board, --config, system")
expect_run(1 "argument --config: invalid choice 'fast' (choose from: debug, release, benchmark)"
           x.system --board qemu_virt_aarch64 --config fast)
expect_run(1 "argument --capdl-json: not supported" x.system --capdl-json c.json)
expect_run(1 "error: unknown board 'nowhere'" x.system --board nowhere --config debug)
expect_run(0 "usage: microkit" --help)
# --search-path takes every word up to the next option, as in Microkit: here
# the system file too.
expect_run(1 "the following arguments are required: system"
           --board qemu_virt_aarch64 --config debug --search-path ${programs} hello.system)

# A bad system: Rampart's diagnostics, and no image or report left.
file(WRITE ${WORK}/bad.system "<system>\n  <protection_domain name=\"a\" prio=\"1\">\n    <program_image path=\"hello.elf\" />\n  </protection_domain>\n</system>\n")
expect_run(1 "bad.system:2:" bad.system --board qemu_virt_aarch64 --config debug
           --search-path ${programs} -o out/loader.img -r out/report.txt)
foreach(f out/loader.img out/report.txt)
  if(EXISTS ${WORK}/${f})
    message(FATAL_ERROR "microkit left ${f} behind after an error")
  endif()
endforeach()
file(GLOB leftovers ${WORK}/out/.microkit-*)
if(leftovers)
  message(FATAL_ERROR "microkit left its scratch folder behind: ${leftovers}")
endif()

# Success: the raw image and the report, named as asked.
expect_run(0 "out/loader.img: 1 protection domains" ${SOURCE}/systems/hello/hello.system
           --search-path ${programs} --board qemu-virt-aarch64 --config benchmark
           -o out/loader.img -r out/report.txt)
file(READ ${WORK}/out/report.txt report)
if(NOT report MATCHES "pd hello")
  message(FATAL_ERROR "out/report.txt is not hello's report")
endif()
file(SIZE ${WORK}/out/loader.img size)
if(size LESS 65536)
  message(FATAL_ERROR "out/loader.img is only ${size} bytes")
endif()

# Outputs that cannot be written: status 74, `file: error: …` once, and
# nothing of the build left behind (not the report either).
file(MAKE_DIRECTORY ${WORK}/blocked/loader.img/inside)
expect_run(74 "blocked/loader.img: error: cannot write it: " ${SOURCE}/systems/hello/hello.system
           --search-path ${programs} --board qemu-virt-aarch64 --config debug
           -o blocked/loader.img -r blocked/report.txt)
file(WRITE ${WORK}/plain-file "")
expect_run(74 "plain-file/loader.img: error: cannot write it: cannot make a temporary folder"
           ${SOURCE}/systems/hello/hello.system --search-path ${programs}
           --board qemu-virt-aarch64 --config debug -o plain-file/loader.img)
file(GLOB leftovers ${WORK}/blocked/.microkit-* ${WORK}/blocked/report.txt)
if(leftovers)
  message(FATAL_ERROR "microkit left files behind after a write error: ${leftovers}")
endif()
