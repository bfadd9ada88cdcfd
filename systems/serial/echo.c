/* serial: collects the bytes the driver received into lines and echoes each
   line; the line "bye" ends the system. */
#include "rx_queue.h"

#include <microkit.h>
#include <rampart/sys.h>

#define DRIVER 0
#define LINE_MAX 80u

uintptr_t rx_vaddr; /* set by the composer (setvar_vaddr) */

static char line[LINE_MAX + 1];
static uint32_t len;

static int is_bye(void) {
    return len == 3 && line[0] == 'b' && line[1] == 'y' && line[2] == 'e';
}

static void end_line(void) {
    line[len] = '\0';
    microkit_dbg_puts("echo: ");
    microkit_dbg_puts(line);
    microkit_dbg_puts("\n");
    if (is_bye()) {
        microkit_dbg_puts("serial: done\n");
        rampart_debug_halt(0);
    }
    len = 0;
}

void init(void) {
    microkit_dbg_puts("echo: type a line (\"bye\" ends)\n");
}

void notified(microkit_channel ch) {
    if (ch != DRIVER)
        return;
    struct rx_queue* q = (struct rx_queue*)rx_vaddr;
    const uint32_t head = rx_load(&q->head);
    uint32_t tail = q->tail;
    for (; tail != head; ++tail) {
        const char c = (char)q->data[tail % RX_QUEUE_SIZE];
        if (c == '\r' || c == '\n') {
            if (len > 0)
                end_line();
        } else if (len < LINE_MAX) {
            line[len++] = c;
        }
    }
    rx_store(&q->tail, tail);
}
