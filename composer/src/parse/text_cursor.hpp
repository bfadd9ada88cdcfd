// A position in a text being parsed, with the line and column that
// diagnostics need; the XML and JSON readers both build on it.
#pragma once

#include "diag/source.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace rampart::parse {

// Thrown by a reader at the first syntax error; caught at its entry point.
struct SyntaxError {
    diag::Loc loc;
    std::string message;
};

class TextCursor {
  protected:
    TextCursor(std::string_view text, diag::FileId file) : s_(text), file_(file) {}

    bool at_end() const { return pos_ >= s_.size(); }
    void advance(std::size_t n) {
        for (; n && pos_ < s_.size(); --n, ++pos_) {
            if (s_[pos_] == '\n')
                ++line_, col_ = 1;
            else
                ++col_;
        }
    }
    diag::Loc here(std::uint32_t len) const { return {file_, line_, col_, len}; }
    // Length from start to the current position, clipped to the start's line.
    std::uint32_t line_len(std::size_t start) const {
        std::size_t end = start;
        while (end < pos_ && s_[end] != '\n')
            ++end;
        return static_cast<std::uint32_t>(end - start);
    }
    [[noreturn]] void fail(std::string message) const {
        throw SyntaxError{here(at_end() ? 0 : 1), std::move(message)};
    }
    [[noreturn]] void fail_at(diag::Loc l, std::string message) const {
        throw SyntaxError{l, std::move(message)};
    }

    std::string_view s_;
    diag::FileId file_;
    std::size_t pos_ = 0;
    std::uint32_t line_ = 1, col_ = 1;
};

} // namespace rampart::parse
