/* The client: a protected procedure call to the passive server over the shared
   page, then a notification round trip that the server answers. */
#include <stdint.h>
#include <microkit.h>

#define SERVER 1

uintptr_t shared; /* set by the tool (setvar_vaddr) */

static const char message[] = "hello from the client";

void init(void)
{
    uint64_t *words = (uint64_t *)shared;
    for (int i = 0; i < 8; i++) {
        words[i] = (uint64_t)(i + 1);
    }
    microkit_mr_set(0, 8);
    microkit_msginfo reply = microkit_ppcall(SERVER, microkit_msginfo_new(7, 1));
    microkit_dbg_puts("client: sum of 1..8 is ");
    microkit_dbg_put32((seL4_Uint32)microkit_mr_get(0));
    microkit_dbg_puts(" (reply label ");
    microkit_dbg_put8((seL4_Uint8)microkit_msginfo_get_label(reply));
    microkit_dbg_puts(")\n");

    char *text = (char *)shared + 512;
    for (unsigned i = 0; i < sizeof message; i++) {
        text[i] = message[i];
    }
    microkit_notify(SERVER);
}

void notified(microkit_channel ch)
{
    microkit_dbg_puts("client: notified on channel ");
    microkit_dbg_put32(ch);
    microkit_dbg_puts(": ");
    microkit_dbg_puts((const char *)shared + 512);
    microkit_dbg_puts("\n");
    microkit_dbg_puts("client: done\n");
}
