// Numbers as the composer prints them in messages, reports and object names:
// C's lower-case hex with a 0x prefix.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>

namespace rampart::diag {

inline std::string hex(std::uint64_t v) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(v));
    return buf;
}

} // namespace rampart::diag
