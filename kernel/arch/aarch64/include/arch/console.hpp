// The kernel's debug console (polled, output only).
#pragma once

namespace rampart::arch {

void console_init();
void console_putc(char c);

} // namespace rampart::arch
