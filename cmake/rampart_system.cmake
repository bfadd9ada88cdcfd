# Composed systems in a board's target sub-build (cmake/target): the host
# composer packs PD programs, kernel, loader and initializer into one image.
#
# rampart_add_system(NAME SYSTEM <file> PDS <elf targets...> [BOARD b])
#   Runs `rampart build` on <file> with this sub-build's kernel, loader and
#   initializer and the folders of the PD programs as search paths. Outputs go
#   to ${CMAKE_BINARY_DIR}/systems/NAME/ (image.elf, image.bin, spec.bin,
#   report.txt, report.json, system.dot), built by the target system-NAME
#   (part of ALL). With BOARD the system is built only in that board's
#   sub-build. Needs RAMPART_COMPOSER, the host `rampart` (passed in by
#   cmake/target_builds.cmake).
function(rampart_add_system name)
  cmake_parse_arguments(S "" "SYSTEM;BOARD" "PDS" ${ARGN})
  if(NOT S_SYSTEM)
    message(FATAL_ERROR "rampart_add_system(${name}): SYSTEM is required")
  endif()
  if(S_BOARD AND NOT S_BOARD STREQUAL RAMPART_BOARD)
    return()
  endif()
  if(NOT RAMPART_COMPOSER)
    message(STATUS "system ${name}: skipped (no RAMPART_COMPOSER)")
    return()
  endif()
  get_filename_component(system ${S_SYSTEM} ABSOLUTE)
  set(out ${CMAKE_BINARY_DIR}/systems/${name})
  set(search)
  set(programs)
  foreach(pd IN LISTS S_PDS)
    list(APPEND search --search-path $<TARGET_FILE_DIR:${pd}>)
    list(APPEND programs $<TARGET_FILE:${pd}>)
  endforeach()
  set(kernel $<TARGET_FILE:kernel.elf>)
  set(loader $<TARGET_FILE:loader.elf>)
  set(initializer $<TARGET_FILE:initializer.elf>)
  add_custom_command(
    OUTPUT ${out}/image.elf ${out}/image.bin ${out}/spec.bin ${out}/report.txt
           ${out}/report.json ${out}/system.dot
    COMMAND ${RAMPART_COMPOSER} build ${system} -o ${out} --board ${RAMPART_BOARD_JSON}
            --kernel ${kernel} --loader ${loader} --initializer ${initializer} ${search}
    DEPENDS ${system} ${RAMPART_COMPOSER} ${S_PDS} ${programs} kernel.elf loader.elf
            initializer.elf ${kernel} ${loader} ${initializer}
    COMMENT "Composing system ${name}"
    VERBATIM)
  add_custom_target(system-${name} ALL DEPENDS ${out}/image.elf)
endfunction()
