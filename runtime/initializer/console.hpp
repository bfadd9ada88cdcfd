// Console output of the initializer and monitor: a line is built from pieces
// (text, decimal and hex numbers) and written with the debug console call.
#pragma once

#include <stdint.h>

namespace rampart::init {

struct Hex {
    uint64_t value;
};

class Line {
  public:
    Line& operator<<(const char* s);
    Line& operator<<(uint64_t v);
    Line& operator<<(Hex h);
    Line& operator<<(char c);
    // Writes the line and a newline; the Line can be reused.
    void end();

  private:
    void flush();
    char buf_[160];
    unsigned len_ = 0;
};

// "initializer: error: ..." then the system stops with status 1.
[[noreturn]] void stop_boot();

// Ends `line` (which names the record and the invocation) with the kernel's
// error, its words, and stops the boot.
[[noreturn]] void fail(Line& line, uint64_t error);

// The name of a rampart_error.
const char* error_name(uint64_t error);

} // namespace rampart::init
