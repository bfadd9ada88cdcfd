// Kernel build configuration, set by the build (kernel/CMakeLists.txt).
#pragma once

namespace rampart::config {

#ifndef RAMPART_DEBUG
#error "RAMPART_DEBUG must be defined to 0 or 1 by the build"
#endif
// Debug builds add the debug system calls and kernel self-checks.
inline constexpr bool debug = RAMPART_DEBUG != 0;

} // namespace rampart::config
