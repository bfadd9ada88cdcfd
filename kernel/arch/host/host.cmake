# The host architecture: the whole kernel compiled for the build machine,
# with AddressSanitizer and UndefinedBehaviorSanitizer, on the host machine
# of kernel/arch/host (see docs/kernel-host.md). Two libraries:
#   rampart-host-kernel   the kernel and the machine's devices; all their
#                         variables form the state a machine reset puts back
#   rampart-host-machine  physical memory and the reset itself (outlive it)
# A program linking them defines arch::host::on_halt and on_idle_forever.
include(${CMAKE_CURRENT_LIST_DIR}/../../sources.cmake)
set(_host ${CMAKE_CURRENT_LIST_DIR})
set(_aarch64 ${CMAKE_CURRENT_LIST_DIR}/../aarch64)

# A build may ask for other instrumentation (the libFuzzer build adds coverage)
# under other library names.
if(NOT DEFINED RAMPART_HOST_SANITIZE)
  set(RAMPART_HOST_SANITIZE -fsanitize=address,undefined -fno-sanitize-recover=all
      -fno-omit-frame-pointer)
endif()
set(_k rampart-host-kernel${RAMPART_HOST_KERNEL_SUFFIX})
set(_m rampart-host-machine${RAMPART_HOST_KERNEL_SUFFIX})
if(TARGET ${_k})
  return()
endif()
set(RAMPART_HOST_STRICT -Wall -Wextra -Wshadow -Wconversion -Wold-style-cast -Werror)

add_library(${_k} STATIC
  ${RAMPART_KERNEL_GENERIC_SOURCES}
  ${_host}/machine.cpp
  ${_host}/mmu.cpp
  ${_host}/entry.cpp
  # The MMU's table format is AArch64's: its table code runs unchanged.
  ${_aarch64}/asid.cpp
  ${_aarch64}/boot_map.cpp
  ${_aarch64}/decode_vspace.cpp
  ${_aarch64}/invariants.cpp
  ${_aarch64}/vspace_digest.cpp
  ${_aarch64}/vspace_ops.cpp)
target_include_directories(${_k} PUBLIC
  ${RAMPART_ROOT}/kernel/src ${_host}/include ${RAMPART_ROOT}/kernel/include)
target_compile_definitions(${_k} PUBLIC RAMPART_DEBUG=1)
target_compile_options(${_k} PRIVATE
  ${RAMPART_HOST_STRICT} -ffreestanding -fno-exceptions -fno-rtti
  PUBLIC ${RAMPART_HOST_SANITIZE})
target_link_options(${_k} PUBLIC ${RAMPART_HOST_SANITIZE}
  -Wl,-T,${_host}/kernel_state.ld)
set_target_properties(${_k} PROPERTIES LINK_DEPENDS ${_host}/kernel_state.ld)

add_library(${_m} STATIC ${_host}/reset.cpp)
target_compile_options(${_m} PRIVATE ${RAMPART_HOST_STRICT})
# Kernel and machine call each other: a cycle of static libraries.
target_link_libraries(${_m} PUBLIC ${_k})
target_link_libraries(${_k} PUBLIC ${_m})
