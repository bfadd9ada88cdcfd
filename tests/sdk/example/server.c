/* The passive server: protected() sums the words the client left in the shared
   page; notified() turns the text there to upper case and notifies back. */
#include <stdint.h>
#include <microkit.h>

#define CLIENT 0

uintptr_t shared; /* set by the tool (setvar_vaddr) */

void init(void)
{
    microkit_dbg_puts("server: ready\n");
}

microkit_msginfo protected(microkit_channel ch, microkit_msginfo msginfo)
{
    const uint64_t *words = (const uint64_t *)shared;
    seL4_Word count = microkit_mr_get(0);
    seL4_Word sum = 0;
    for (seL4_Word i = 0; i < count && i < 64; i++) {
        sum += words[i];
    }
    microkit_dbg_puts("server: protected call on channel ");
    microkit_dbg_put32(ch);
    microkit_dbg_puts(", label ");
    microkit_dbg_put32(microkit_msginfo_get_label(msginfo));
    microkit_dbg_puts("\n");
    microkit_mr_set(0, sum);
    return microkit_msginfo_new(0, 1);
}

void notified(microkit_channel ch)
{
    char *text = (char *)shared + 512;
    for (char *c = text; *c; c++) {
        if (*c >= 'a' && *c <= 'z') {
            *c = (char)(*c - 'a' + 'A');
        }
    }
    microkit_dbg_puts("server: notified on channel ");
    microkit_dbg_put32(ch);
    microkit_dbg_puts("\n");
    microkit_notify(ch);
}
