// The host machine's console: the harness reads what the kernel printed.
#pragma once

namespace rampart::arch {

void console_init();
void console_putc(char c);

} // namespace rampart::arch
