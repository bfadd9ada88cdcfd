# `cmake --install build --prefix P`: a self-contained SDK laid out as seL4
# Microkit's (docs/microkit.md, "The SDK"):
#   P/bin/rampart, P/bin/microkit (the same program, called by either name)
#   P/board/BOARD/CONFIG/{elf,include,lib}   for every board in RAMPART_BOARDS
#     and configuration debug, release, benchmark; P/board/<Microkit's name of
#     BOARD> (underscores) is a link to it
#   P/share/rampart/{boards,schemas}
#   P/lib/cmake/Rampart/   the CMake package (find_package(Rampart))
include(GNUInstallDirs)

install(TARGETS rampart RUNTIME DESTINATION bin)
install(PROGRAMS $<TARGET_FILE:rampart> DESTINATION bin RENAME microkit)
install(DIRECTORY ${RAMPART_ROOT}/boards/ DESTINATION share/rampart/boards
        FILES_MATCHING PATTERN "*.json")
install(DIRECTORY ${RAMPART_ROOT}/schemas/ DESTINATION share/rampart/schemas)
install(FILES ${RAMPART_ROOT}/cmake/sdk/RampartConfig.cmake
              ${RAMPART_ROOT}/cmake/toolchain-aarch64.cmake
        DESTINATION lib/cmake/Rampart)

if(RAMPART_BUILD_TARGET)
  foreach(board IN LISTS RAMPART_BOARDS)
    rampart_board_arch(${board} arch)
    set(dir ${CMAKE_BINARY_DIR}/target/${board})
    foreach(config debug release benchmark)
      set(dest board/${board}/${config})
      if(config STREQUAL "debug")
        set(kernel ${dir}/kernel/kernel.elf)
      else()
        set(kernel ${dir}/kernel/kernel-${config}.elf)
      endif()
      install(FILES ${kernel} DESTINATION ${dest}/elf RENAME kernel.elf)
      install(FILES ${dir}/runtime/loader/loader.elf
                    ${dir}/runtime/initializer/initializer.elf DESTINATION ${dest}/elf)
      install(FILES ${dir}/runtime/libpd/libmicrokit.a DESTINATION ${dest}/lib)
      install(FILES ${RAMPART_ROOT}/runtime/libpd/pd.ld DESTINATION ${dest}/lib
              RENAME microkit.ld)
      install(FILES ${RAMPART_ROOT}/runtime/include/microkit.h DESTINATION ${dest}/include)
      install(DIRECTORY ${RAMPART_ROOT}/runtime/include/sel4 ${RAMPART_ROOT}/runtime/include/rampart
              DESTINATION ${dest}/include)
      install(DIRECTORY ${RAMPART_ROOT}/kernel/include/rampart DESTINATION ${dest}/include
              FILES_MATCHING PATTERN "*.h")

      # kernel/gen_config.h, as Microkit's SDK has it.
      set(RAMPART_SDK_BOARD ${board})
      set(RAMPART_SDK_CONFIG ${config})
      set(RAMPART_SDK_ARCH ${arch})
      string(TOUPPER ${arch} RAMPART_SDK_ARCH_UPPER)
      set(RAMPART_SDK_CONFIG_DEFINES "")
      if(config STREQUAL "debug")
        string(APPEND RAMPART_SDK_CONFIG_DEFINES "#define CONFIG_DEBUG_BUILD 1\n")
      endif()
      if(NOT config STREQUAL "release")
        string(APPEND RAMPART_SDK_CONFIG_DEFINES "#define CONFIG_PRINTING 1\n")
      endif()
      if(config STREQUAL "benchmark")
        string(APPEND RAMPART_SDK_CONFIG_DEFINES
               "#define CONFIG_ENABLE_BENCHMARKS 1\n#define CONFIG_EXPORT_PMU_USER 1\n")
      endif()
      set(gen ${CMAKE_BINARY_DIR}/sdk/${board}/${config}/kernel/gen_config.h)
      configure_file(${RAMPART_ROOT}/cmake/sdk/gen_config.h.in ${gen} @ONLY)
      install(FILES ${gen} DESTINATION ${dest}/include/kernel)
    endforeach()
    # Microkit spells board names with underscores (qemu_virt_aarch64).
    string(REPLACE "-" "_" microkit_name ${board})
    if(NOT microkit_name STREQUAL board)
      install(CODE "file(CREATE_LINK ${board} \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/board/${microkit_name}\" SYMBOLIC)")
    endif()
  endforeach()
endif()
