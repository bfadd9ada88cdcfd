/* The second PD of zeroed.system: its program carries the noise (noise.S);
   it reads one word so that nothing drops it, and does nothing else. */
#include <microkit.h>
#include <stdint.h>

extern const volatile uint64_t noise_pages[];

void init(void) {
    if (noise_pages[0] != 1)
        microkit_dbg_puts("zeroed: the noise is not where it should be\n");
}

void notified(microkit_channel ch) {
    (void)ch;
}
