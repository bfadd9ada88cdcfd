// Numbers as the composer prints them in messages, reports and object names:
// C's lower-case hex with a 0x prefix.
#pragma once

#include <charconv>
#include <cstdint>
#include <string>

namespace rampart::diag {

inline std::string hex(std::uint64_t v) {
    char buf[18] = {'0', 'x'};
    const auto end = std::to_chars(buf + 2, buf + sizeof buf, v, 16).ptr;
    return std::string(buf, end);
}

} // namespace rampart::diag
