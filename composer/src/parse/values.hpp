// Scalar syntax of system files: numbers ("4096", "0x1000", "0x20_0000"),
// permissions ("rwx") and durations ("100 us", "5 ticks").
#pragma once

#include "model/system.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rampart::parse {

enum class NumberError { None, Empty, BadDigit, Overflow };

struct NumberResult {
    std::uint64_t value = 0;
    NumberError error = NumberError::None;
};

// Decimal or 0x-hex, with '_' allowed between digits; no sign.
NumberResult parse_number(std::string_view text);

// "r", "rw", "rx", "rwx", "w", ... in any order; nothing else, no repeats.
std::optional<std::uint8_t> parse_perms(std::string_view text);

// "N us" or "N ticks" (one or more spaces; N a number as above).
std::optional<model::Duration> parse_duration(std::string_view text);

} // namespace rampart::parse
