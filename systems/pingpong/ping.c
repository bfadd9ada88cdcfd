/* pingpong: starts the exchange, counts the returns and ends the system. */
#include <microkit.h>
#include <rampart/sys.h>

#define PONG 0
#define ROUNDS 5

static unsigned rounds;

static void put_round(const char* what, unsigned n) {
    char digit[2] = {(char)('0' + n), '\0'};
    microkit_dbg_puts(what);
    microkit_dbg_puts(digit);
    microkit_dbg_puts("\n");
}

void init(void) {
    microkit_dbg_puts("ping: start\n");
    microkit_notify(PONG);
}

void notified(microkit_channel ch) {
    if (ch != PONG) {
        microkit_dbg_puts("ping: notification on an unexpected channel\n");
        rampart_debug_halt(1);
    }
    ++rounds;
    put_round("ping: pong ", rounds);
    if (rounds == ROUNDS) {
        microkit_dbg_puts("pingpong: done\n");
        rampart_debug_halt(0);
    }
    microkit_notify(PONG);
}
