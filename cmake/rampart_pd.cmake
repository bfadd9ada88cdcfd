# rampart_add_pd(NAME SOURCES src... [LIBRARIES lib...]): builds the protection
# domain program NAME.elf (target NAME.elf; NAME may already end in .elf) from
# C and C++ sources, linked with libpd (microkit.h), its crt0 and
# runtime/libpd/pd.ld. docs/pd.md.
#
# Inside the Rampart tree cmake/target/CMakeLists.txt includes this file; a
# project elsewhere sets RAMPART_ROOT, uses cmake/toolchain-aarch64.cmake and
# includes it too: the runtime libraries are then built in its binary tree.
include_guard(GLOBAL)

if(NOT DEFINED RAMPART_ROOT)
  get_filename_component(RAMPART_ROOT ${CMAKE_CURRENT_LIST_DIR}/.. ABSOLUTE)
endif()

# Outside the tree: the flags of every target program, as the target build sets them.
if(NOT TARGET rampart_target_flags)
  add_library(rampart_target_flags INTERFACE)
  target_compile_options(rampart_target_flags INTERFACE
    -ffreestanding -fno-stack-protector -fno-pic -fno-unwind-tables
    -fno-asynchronous-unwind-tables -ffunction-sections -fdata-sections
    -Wall -Wextra -Wno-unused-command-line-argument
    $<$<COMPILE_LANGUAGE:CXX>:-fno-exceptions -fno-rtti -fno-threadsafe-statics
                              -fno-use-cxa-atexit>)
  target_include_directories(rampart_target_flags INTERFACE ${RAMPART_ROOT}/kernel/include)
  target_link_options(rampart_target_flags INTERFACE -nostdlib -static -Wl,--gc-sections)
endif()
if(NOT TARGET rampart_freestanding)
  add_subdirectory(${RAMPART_ROOT}/runtime/freestanding ${CMAKE_BINARY_DIR}/rampart/freestanding)
endif()
if(NOT TARGET rampart_user)
  add_subdirectory(${RAMPART_ROOT}/runtime/user ${CMAKE_BINARY_DIR}/rampart/user)
endif()
if(NOT TARGET rampart_libpd)
  add_subdirectory(${RAMPART_ROOT}/runtime/libpd ${CMAKE_BINARY_DIR}/rampart/libpd)
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
  set(target ${name}.elf)
  set(script ${RAMPART_ROOT}/runtime/libpd/pd.ld)
  add_executable(${target} ${PD_SOURCES} $<TARGET_OBJECTS:rampart_libpd_crt0>)
  target_link_libraries(${target} PRIVATE ${PD_LIBRARIES} rampart_libpd rampart_target_flags)
  target_link_options(${target} PRIVATE -T ${script})
  set_target_properties(${target} PROPERTIES LINK_DEPENDS ${script})
endfunction()
