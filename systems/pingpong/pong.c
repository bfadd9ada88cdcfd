/* pingpong: answers every notification from ping with one back. */
#include <microkit.h>

#define PING 3

static unsigned pings;

void init(void) {
    microkit_dbg_puts("pong: ready\n");
}

void notified(microkit_channel ch) {
    if (ch != PING)
        return;
    char digit[2] = {(char)('0' + ++pings), '\0'};
    microkit_dbg_puts("pong: ping ");
    microkit_dbg_puts(digit);
    microkit_dbg_puts("\n");
    microkit_notify(PING);
}
