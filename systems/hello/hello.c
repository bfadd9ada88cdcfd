/* The hello system's only PD: prints a greeting, then ends the system. */
#include <microkit.h>
#include <rampart/sys.h>

void init(void) {
    microkit_dbg_puts("hello, world\n");
    rampart_debug_halt(0);
}

void notified(microkit_channel ch) {
    (void)ch;
}
