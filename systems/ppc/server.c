/* ppc: a passive server. After init() its scheduling context is taken away;
   protected() then runs on the caller's, lent for the call. */
#include <microkit.h>

#define CLIENT 1
#define OP_ADD 1
#define OP_MUL 2

void init(void) {
    microkit_dbg_puts("server: init done, now passive\n");
}

void notified(microkit_channel ch) {
    (void)ch;
}

microkit_msginfo protected(microkit_channel ch, microkit_msginfo msginfo) {
    if (ch != CLIENT || microkit_msginfo_get_count(msginfo) != 2)
        return microkit_msginfo_new(0xbad, 0);
    const seL4_Word a = microkit_mr_get(0);
    const seL4_Word b = microkit_mr_get(1);
    switch (microkit_msginfo_get_label(msginfo)) {
    case OP_ADD:
        microkit_mr_set(0, a + b);
        break;
    case OP_MUL:
        microkit_mr_set(0, a * b);
        break;
    default:
        return microkit_msginfo_new(0xbad, 0);
    }
    return microkit_msginfo_new(0, 1);
}
