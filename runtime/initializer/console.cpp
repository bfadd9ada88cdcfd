// Console lines and error names.
#include "console.hpp"

#include <rampart/errors.h>
#include <rampart/invoke.h>
#include <rampart/sys.h>

namespace rampart::init {

void Line::flush() {
    rampart_debug_write(buf_, len_);
    len_ = 0;
}

Line& Line::operator<<(char c) {
    if (len_ == sizeof buf_)
        flush();
    buf_[len_++] = c;
    return *this;
}

Line& Line::operator<<(const char* s) {
    while (*s)
        *this << *s++;
    return *this;
}

Line& Line::operator<<(uint64_t v) {
    char digits[20];
    unsigned n = 0;
    do {
        digits[n++] = static_cast<char>('0' + v % 10);
        v /= 10;
    } while (v);
    while (n)
        *this << digits[--n];
    return *this;
}

Line& Line::operator<<(Hex h) {
    *this << "0x";
    bool started = false;
    for (int shift = 60; shift >= 0; shift -= 4) {
        const unsigned nibble = (h.value >> shift) & 0xf;
        if (nibble || started || shift == 0) {
            *this << "0123456789abcdef"[nibble];
            started = true;
        }
    }
    return *this;
}

void Line::end() {
    *this << '\n';
    flush();
}

void stop_boot() {
    Line line;
    line << "initializer: boot stopped; no protection domain was started";
    line.end();
    rampart_debug_halt(1);
}

void fail(Line& line, uint64_t error) {
    line << " failed: " << error_name(error);
    unsigned words = rampart_reply_length();
    words = words < RAMPART_ERROR_MAX_WORDS ? words : RAMPART_ERROR_MAX_WORDS;
    for (unsigned i = 0; i < words; ++i)
        line << (i ? ", " : " (") << Hex{rampart_mr(i)} << (i + 1 == words ? ")" : "");
    line.end();
    stop_boot();
}

const char* error_name(uint64_t error) {
    static const char* const names[RAMPART_ERROR_COUNT] = {
        "no error",     "invalid argument", "invalid capability", "illegal operation",
        "range error",  "alignment error",  "failed lookup",      "truncated message",
        "delete first", "revoke first",     "not enough memory"};
    return error < RAMPART_ERROR_COUNT ? names[error] : "unknown error";
}

} // namespace rampart::init
