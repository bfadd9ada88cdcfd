// Scalar value syntax.
#include "parse/values.hpp"

#include <string>

namespace rampart::parse {

NumberResult parse_number(std::string_view text) {
    NumberResult r;
    std::string digits;
    for (char c : text)
        if (c != '_')
            digits += c;
    std::string_view rest = digits;
    unsigned base = 10;
    if (rest.starts_with("0x")) {
        base = 16;
        rest.remove_prefix(2);
    }
    if (rest.starts_with('+'))
        rest.remove_prefix(1);
    if (rest.empty()) {
        r.error = digits.empty() || digits == "0x" ? NumberError::Empty : NumberError::BadDigit;
        return r;
    }
    bool overflow = false;
    for (char c : rest) {
        unsigned digit;
        if (c >= '0' && c <= '9')
            digit = static_cast<unsigned>(c - '0');
        else if (base == 16 && c >= 'a' && c <= 'f')
            digit = static_cast<unsigned>(c - 'a' + 10);
        else if (base == 16 && c >= 'A' && c <= 'F')
            digit = static_cast<unsigned>(c - 'A' + 10);
        else {
            r.error = NumberError::BadDigit;
            return r;
        }
        if (r.value > (UINT64_MAX - digit) / base)
            overflow = true;
        r.value = r.value * base + digit;
    }
    if (overflow) {
        r.value = 0;
        r.error = NumberError::Overflow;
    }
    return r;
}

std::optional<std::uint8_t> parse_perms(std::string_view text) {
    if (text.empty())
        return std::nullopt;
    std::uint8_t perms = 0;
    for (char c : text) {
        std::uint8_t bit = c == 'r'   ? model::kRead
                           : c == 'w' ? model::kWrite
                           : c == 'x' ? model::kExecute
                                      : 0;
        if (bit == 0)
            return std::nullopt;
        perms = static_cast<std::uint8_t>(perms | bit);
    }
    return perms;
}

std::optional<model::Duration> parse_duration(std::string_view text) {
    std::size_t space = text.find(' ');
    if (space == std::string_view::npos)
        return std::nullopt;
    NumberResult n = parse_number(text.substr(0, space));
    if (n.error != NumberError::None)
        return std::nullopt;
    std::string_view unit = text.substr(space + 1);
    model::Duration d{n.value, model::DurationUnit::Microseconds};
    if (unit == "ticks")
        d.unit = model::DurationUnit::Ticks;
    else if (unit != "us")
        return std::nullopt;
    return d;
}

} // namespace rampart::parse
