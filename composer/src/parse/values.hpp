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

// A number as Microkit reads it: every '_' is ignored; then "0x" (lower-case
// x) and hex digits, or decimal digits, either optionally after one '+'.
NumberResult parse_number(std::string_view text);

// Letters r, w and x in any order and number ("rw", "xr", "rrw"); at least
// one, nothing else.
std::optional<std::uint8_t> parse_perms(std::string_view text);

// "N us" or "N ticks" (one space; N a number as above).
std::optional<model::Duration> parse_duration(std::string_view text);

} // namespace rampart::parse
