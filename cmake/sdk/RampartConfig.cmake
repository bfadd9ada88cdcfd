# find_package(Rampart): builds protection domains and composes systems against
# an installed Rampart SDK from a project outside the Rampart tree
# (docs/microkit.md, "CMake package"). The project is configured with the
# SDK's cross toolchain:
#   cmake -S . -B build -G Ninja -DCMAKE_PREFIX_PATH=P \
#         -DCMAKE_TOOLCHAIN_FILE=P/lib/cmake/Rampart/toolchain-aarch64.cmake
#
# RAMPART_BOARD (default qemu-virt-aarch64; Microkit's spelling works too) and
# RAMPART_CONFIG (debug, release or benchmark; default debug) choose the
# board/BOARD/CONFIG/ of the SDK that PDs link with and systems boot.
#
# rampart_add_pd(NAME SOURCES src... [LIBRARIES lib...])
#   NAME.elf from C and C++ sources, with the SDK's microkit.h, libmicrokit.a
#   and microkit.ld; compiled with the optimisation level of the project's
#   build type (CMAKE_BUILD_TYPE) like any of its targets.
# rampart_add_system(NAME SYSTEM file PDS targets...)
#   `rampart build` of the system into ${CMAKE_CURRENT_BINARY_DIR}/NAME/
#   (image.elf, image.bin, report.txt, ...), part of ALL.
include_guard(GLOBAL)

get_filename_component(RAMPART_SDK ${CMAKE_CURRENT_LIST_DIR}/../../.. ABSOLUTE)
set(RAMPART_COMPOSER ${RAMPART_SDK}/bin/rampart)
if(NOT RAMPART_BOARD)
  set(RAMPART_BOARD qemu-virt-aarch64)
endif()
if(NOT RAMPART_CONFIG)
  set(RAMPART_CONFIG debug)
endif()
set(RAMPART_BOARD_DIR ${RAMPART_SDK}/board/${RAMPART_BOARD}/${RAMPART_CONFIG})
if(NOT EXISTS ${RAMPART_BOARD_DIR}/lib/libmicrokit.a)
  set(Rampart_FOUND FALSE)
  set(Rampart_NOT_FOUND_MESSAGE
      "the Rampart SDK at ${RAMPART_SDK} has no board '${RAMPART_BOARD}' in configuration '${RAMPART_CONFIG}'")
  return()
endif()

if(NOT TARGET Rampart::microkit)
  add_library(Rampart::microkit STATIC IMPORTED)
  set_target_properties(Rampart::microkit PROPERTIES
    IMPORTED_LOCATION ${RAMPART_BOARD_DIR}/lib/libmicrokit.a
    INTERFACE_INCLUDE_DIRECTORIES ${RAMPART_BOARD_DIR}/include
    INTERFACE_COMPILE_OPTIONS "-ffreestanding;-fno-stack-protector;-fno-pic;-fno-unwind-tables;-fno-asynchronous-unwind-tables;-ffunction-sections;-fdata-sections;$<$<COMPILE_LANGUAGE:CXX>:-fno-exceptions;-fno-rtti;-fno-threadsafe-statics;-fno-use-cxa-atexit>"
    INTERFACE_LINK_OPTIONS "-nostdlib;-static;-Wl,--gc-sections;-L${RAMPART_BOARD_DIR}/lib;-Tmicrokit.ld")
endif()

function(rampart_add_pd name)
  cmake_parse_arguments(PARSE_ARGV 1 PD "" "" "SOURCES;LIBRARIES")
  if(NOT PD_SOURCES)
    message(FATAL_ERROR "rampart_add_pd(${name}): no SOURCES given")
  endif()
  if(PD_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "rampart_add_pd(${name}): unexpected arguments: ${PD_UNPARSED_ARGUMENTS}")
  endif()
  string(REGEX REPLACE "\\.elf$" "" name ${name})
  add_executable(${name}.elf ${PD_SOURCES})
  target_link_libraries(${name}.elf PRIVATE ${PD_LIBRARIES} Rampart::microkit)
  set_target_properties(${name}.elf PROPERTIES LINK_DEPENDS ${RAMPART_BOARD_DIR}/lib/microkit.ld)
endfunction()

function(rampart_add_system name)
  cmake_parse_arguments(PARSE_ARGV 1 S "" "SYSTEM" "PDS")
  if(NOT S_SYSTEM)
    message(FATAL_ERROR "rampart_add_system(${name}): SYSTEM is required")
  endif()
  get_filename_component(system ${S_SYSTEM} ABSOLUTE)
  set(out ${CMAKE_CURRENT_BINARY_DIR}/${name})
  set(search)
  foreach(pd IN LISTS S_PDS)
    list(APPEND search --search-path $<TARGET_FILE_DIR:${pd}>)
  endforeach()
  add_custom_command(
    OUTPUT ${out}/image.elf ${out}/image.bin ${out}/spec.bin ${out}/report.txt
           ${out}/report.json ${out}/system.dot
    COMMAND ${RAMPART_COMPOSER} build ${system} -o ${out} --board ${RAMPART_BOARD}
            --config ${RAMPART_CONFIG} ${search}
    DEPENDS ${system} ${RAMPART_COMPOSER} ${S_PDS}
    COMMENT "Composing system ${name}"
    VERBATIM)
  add_custom_target(system-${name} ALL DEPENDS ${out}/image.elf)
endfunction()

set(Rampart_FOUND TRUE)
