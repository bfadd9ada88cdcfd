/* The PD's life: the symbols the composer patches, the IPC buffer page, and
   the event loop that runs after init() (docs/pd.md). */
#include "pd_internal.h"

#include <rampart/ipc.h>
#include <rampart/types.h>

/* Patched by the composer; in .data so that the patched bytes are in the
   image, and volatile so that the compiler never folds the zero default. */
__attribute__((section(".data.microkit"))) char microkit_name[MICROKIT_PD_NAME_LENGTH + 1] = {0};
__attribute__((section(".data.microkit"))) volatile seL4_Word microkit_irqs = 0;
__attribute__((section(".data.microkit"))) volatile seL4_Word microkit_notifications = 0;
__attribute__((section(".data.microkit"))) volatile seL4_Word microkit_pps = 0;
__attribute__((section(".data.microkit"))) volatile seL4_Bool microkit_passive = 0;
volatile seL4_Word microkit_ioports = 0;

/* The composer maps the IPC buffer at this page (docs/spec.md, "Address
   spaces"); the kernel reports its address in TPIDRRO_EL0. */
__attribute__((aligned(RAMPART_PAGE_SIZE), section(".bss.ipc_buffer")))
uint8_t __sel4_ipc_buffer_obj[RAMPART_PAGE_SIZE];

typedef void (*rampart_pd_ctor)(void);
extern rampart_pd_ctor __init_array_start[], __init_array_end[];

/* Message words 0..3 travel in registers, the IPC buffer holds the rest;
   microkit_mr_set/get see them all in the buffer. */
static void load_registers(uint64_t mr[4]) {
    const struct rampart_ipc_buffer* b = rampart_pd_ipc_buffer();
    for (unsigned i = 0; i < RAMPART_MSG_REGISTERS; ++i)
        mr[i] = b->msg[i];
}

static void store_registers(const uint64_t mr[4]) {
    struct rampart_ipc_buffer* b = rampart_pd_ipc_buffer();
    for (unsigned i = 0; i < RAMPART_MSG_REGISTERS; ++i)
        b->msg[i] = mr[i];
}

/* Handles one received message; true when a reply is due. */
static bool dispatch(uint64_t badge, rampart_msginfo_t tag, rampart_msginfo_t* reply) {
    const uint64_t id = badge & ~(RAMPART_PD_BADGE_PPC | RAMPART_PD_BADGE_FAULT);
    microkit_msginfo in;
    in.words[0] = tag;
    if (badge & RAMPART_PD_BADGE_FAULT) {
        microkit_msginfo out = microkit_msginfo_new(0, 0);
        if (!fault((microkit_child)id, in, &out))
            return false;
        *reply = out.words[0];
        return true;
    }
    if (badge & RAMPART_PD_BADGE_PPC) {
        *reply = protected((microkit_channel)id, in).words[0];
        return true;
    }
    for (microkit_channel ch = 0; badge; ++ch, badge >>= 1)
        if (badge & 1u)
            notified(ch);
    return false;
}

/* Takes the pending deferred action. A signal is returned to go out with the
   receive; an IRQ ack is performed here, before the receive: the kernel's
   NBSendRecv only sends to endpoints and notifications
   (kernel/src/api/receive.cpp). Returns the notification cap to signal, or 0. */
static rampart_cptr_t take_deferred(void) {
    if (!microkit_have_signal || seL4_MessageInfo_get_label(microkit_signal_msg) == IRQAckIRQ) {
        rampart_pd_perform_deferred();
        return 0;
    }
    microkit_have_signal = seL4_False;
    return microkit_signal_cap;
}

__attribute__((noreturn)) void rampart_pd_main(void) {
    for (rampart_pd_ctor* c = __init_array_start; c != __init_array_end; ++c)
        (*c)();
    init();
    bool have_reply = false;
    bool tell_monitor = microkit_passive != 0;
    rampart_msginfo_t reply = 0;
    for (;;) {
        uint64_t badge = 0;
        uint64_t mr[4] = {0, 0, 0, 0};
        rampart_msginfo_t tag;
        const rampart_cptr_t signal = take_deferred();
        if (tell_monitor) {
            /* Passive: wait on the input before the monitor takes the SC away. */
            if (signal)
                rampart_signal(signal);
            tell_monitor = false;
            tag = rampart_nbsend_recv(RAMPART_PD_SLOT_MONITOR,
                                      rampart_msginfo_new(RAMPART_MONITOR_PASSIVE_READY, 0, 0, 0),
                                      RAMPART_PD_SLOT_INPUT, &badge, RAMPART_PD_SLOT_REPLY, mr);
        } else if (have_reply) {
            /* A deferred signal goes out before the reply (Microkit keeps it
               for a later receive, which a passive PD may never reach). */
            if (signal)
                rampart_signal(signal);
            load_registers(mr);
            tag =
                rampart_reply_recv(RAMPART_PD_SLOT_INPUT, reply, &badge, RAMPART_PD_SLOT_REPLY, mr);
        } else if (signal) {
            tag = rampart_nbsend_recv(signal, 0, RAMPART_PD_SLOT_INPUT, &badge,
                                      RAMPART_PD_SLOT_REPLY, mr);
        } else {
            tag = rampart_recv(RAMPART_PD_SLOT_INPUT, &badge, RAMPART_PD_SLOT_REPLY, mr);
        }
        store_registers(mr);
        have_reply = dispatch(badge, tag, &reply);
    }
}
