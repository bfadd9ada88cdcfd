# The kernel's generic sources, for every architecture: the target build
# (kernel/CMakeLists.txt) and the host architecture (arch/host/host.cmake).
set(_kernel_src ${CMAKE_CURRENT_LIST_DIR}/src)
file(GLOB RAMPART_KERNEL_GENERIC_SOURCES CONFIGURE_DEPENDS
     ${_kernel_src}/api/*.cpp ${_kernel_src}/boot/*.cpp ${_kernel_src}/check/*.cpp
     ${_kernel_src}/ipc/*.cpp
     ${_kernel_src}/irq/*.cpp ${_kernel_src}/kernel/*.cpp ${_kernel_src}/lib/*.cpp
     ${_kernel_src}/log/*.cpp ${_kernel_src}/object/*.cpp ${_kernel_src}/sched/*.cpp
     ${_kernel_src}/thread/*.cpp)
