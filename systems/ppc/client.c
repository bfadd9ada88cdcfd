/* ppc: calls the server's add and multiply, prints the results, ends the system. */
#include <microkit.h>
#include <rampart/sys.h>

#define SERVER 0
#define OP_ADD 1
#define OP_MUL 2

static void put_dec(seL4_Word v) {
    char buf[24];
    int i = (int)sizeof buf - 1;
    buf[i] = '\0';
    do {
        buf[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v != 0);
    microkit_dbg_puts(&buf[i]);
}

static seL4_Word call(seL4_Word op, seL4_Word a, seL4_Word b) {
    microkit_mr_set(0, a);
    microkit_mr_set(1, b);
    const microkit_msginfo reply = microkit_ppcall(SERVER, microkit_msginfo_new(op, 2));
    if (microkit_msginfo_get_label(reply) != 0) {
        microkit_dbg_puts("client: the server refused the call\n");
        rampart_debug_halt(1);
    }
    return microkit_mr_get(0);
}

static void show(const char* op, seL4_Word a, seL4_Word b, seL4_Word r) {
    microkit_dbg_puts("client: ");
    put_dec(a);
    microkit_dbg_puts(op);
    put_dec(b);
    microkit_dbg_puts(" = ");
    put_dec(r);
    microkit_dbg_puts("\n");
}

void init(void) {
    microkit_dbg_puts("client: calling the server\n");
    show(" + ", 20, 22, call(OP_ADD, 20, 22));
    show(" * ", 6, 7, call(OP_MUL, 6, 7));
    microkit_dbg_puts("ppc: done\n");
    rampart_debug_halt(0);
}

void notified(microkit_channel ch) {
    (void)ch;
}
