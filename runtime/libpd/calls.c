/* microkit.h's functions: each checks its id against the masks the composer
   patched and reports a bad one instead of faulting (docs/pd.md). */
#include "pd_internal.h"

#include <rampart/errors.h>
#include <rampart/invocations.h>
#include <rampart/invoke.h>
#include <rampart/ipc.h>
#include <rampart/sys.h>

_Static_assert(MICROKIT_MAX_CHANNEL_ID == RAMPART_PD_MAX_ID, "microkit.h's ids are rampart/pd.h's");

void microkit_dbg_putc(int c) {
    rampart_debug_putchar((char)c);
}

void microkit_dbg_puts(const char* s) {
    rampart_debug_puts(s);
}

void microkit_dbg_put8(seL4_Uint8 x) {
    rampart_pd_put_decimal(x);
}

void microkit_dbg_put32(seL4_Uint32 x) {
    rampart_pd_put_decimal(x);
}

void rampart_pd_put_decimal(uint64_t n) {
    char digits[21];
    unsigned i = sizeof digits;
    digits[--i] = 0;
    do {
        digits[--i] = (char)('0' + n % 10);
        n /= 10;
    } while (n);
    rampart_debug_puts(&digits[i]);
}

/* "<pd>: <function>: <what> <n>" — the start of every error line. */
static void report_start(const char* function, const char* what, uint64_t n) {
    rampart_debug_puts(microkit_name[0] ? microkit_name : "(unnamed PD)");
    rampart_debug_puts(": ");
    rampart_debug_puts(function);
    rampart_debug_puts(": ");
    rampart_debug_puts(what);
    rampart_debug_puts(" ");
    rampart_pd_put_decimal(n);
}

void rampart_pd_report(const char* function, const char* what, uint64_t n, const char* tail) {
    report_start(function, what, n);
    rampart_debug_puts(tail);
    rampart_debug_puts("\n");
}

/* "<pd>: <function>: <what> <n> is out of range (0..<max>)" */
static void report_range(const char* function, const char* what, uint64_t n, uint64_t max) {
    report_start(function, what, n);
    rampart_debug_puts(" is out of range (0..");
    rampart_pd_put_decimal(max);
    rampart_debug_puts(")\n");
}

void rampart_pd_bad_mr(const char* function, seL4_Word index) {
    report_range(function, "message register", index, RAMPART_MSG_MAX_LENGTH - 1);
}

/* Whether `ch` is in `mask`; reports it when not. */
static bool valid(const char* function, microkit_channel ch, uint64_t mask, const char* kind) {
    if (ch <= MICROKIT_MAX_CHANNEL_ID && (mask >> ch) & 1u)
        return true;
    rampart_pd_report(function, "channel", ch, kind);
    return false;
}

#define NOT_NOTIFY " is not a notification channel of this PD"
#define NOT_IRQ " is not an IRQ channel of this PD"
#define NOT_PP " is not a protected-procedure channel of this PD"

void rampart_pd_signal(microkit_channel ch) {
    rampart_signal(RAMPART_PD_SLOT_NOTIFY_BASE + ch);
}

/* IRQHandler Ack, as an invocation with every word in registers, so that the
   message registers in the IPC buffer stay as the PD set them. */
void rampart_pd_ack(const char* function, seL4_CPtr handler) {
    uint64_t mr[4] = {0, 0, 0, 0};
    const rampart_msginfo_t r =
        rampart_sys_call(handler, rampart_msginfo_new(RAMPART_IRQ_ACK_IRQ, 0, 0, 0), mr);
    if (rampart_msginfo_label(r) != RAMPART_NO_ERROR)
        rampart_pd_report(function, "the IRQ handler of channel", handler - BASE_IRQ_CAP,
                          " refused the ack");
}

void microkit_notify(microkit_channel ch) {
    if (valid("microkit_notify", ch, microkit_notifications, NOT_NOTIFY))
        rampart_pd_signal(ch);
}

void microkit_irq_ack(microkit_channel ch) {
    if (valid("microkit_irq_ack", ch, microkit_irqs, NOT_IRQ))
        rampart_pd_ack("microkit_irq_ack", BASE_IRQ_CAP + ch);
}

seL4_Bool microkit_have_signal;
seL4_CPtr microkit_signal_cap;
seL4_MessageInfo_t microkit_signal_msg;

void rampart_pd_perform_deferred(void) {
    if (!microkit_have_signal)
        return;
    microkit_have_signal = seL4_False;
    if (seL4_MessageInfo_get_label(microkit_signal_msg) == IRQAckIRQ)
        rampart_pd_ack("microkit_deferred_irq_ack", microkit_signal_cap);
    else
        rampart_signal(microkit_signal_cap);
}

/* A second deferred action performs the pending one at once. */
static void defer(seL4_CPtr cap, seL4_Word label) {
    rampart_pd_perform_deferred();
    microkit_have_signal = seL4_True;
    microkit_signal_cap = cap;
    microkit_signal_msg = seL4_MessageInfo_new(label, 0, 0, 0);
}

void microkit_deferred_notify(microkit_channel ch) {
    if (valid("microkit_deferred_notify", ch, microkit_notifications, NOT_NOTIFY))
        defer(BASE_OUTPUT_NOTIFICATION_CAP + ch, 0);
}

void microkit_deferred_irq_ack(microkit_channel ch) {
    if (valid("microkit_deferred_irq_ack", ch, microkit_irqs, NOT_IRQ))
        defer(BASE_IRQ_CAP + ch, IRQAckIRQ);
}

microkit_msginfo microkit_ppcall(microkit_channel ch, microkit_msginfo msginfo) {
    if (!valid("microkit_ppcall", ch, microkit_pps, NOT_PP))
        return microkit_msginfo_new(0, 0);
    uint64_t mr[4];
    struct rampart_ipc_buffer* b = rampart_pd_ipc_buffer();
    for (unsigned i = 0; i < RAMPART_MSG_REGISTERS; ++i)
        mr[i] = b->msg[i];
    microkit_msginfo out;
    out.words[0] = rampart_call(RAMPART_PD_SLOT_PPC_BASE + ch, msginfo.words[0], mr);
    for (unsigned i = 0; i < RAMPART_MSG_REGISTERS; ++i)
        b->msg[i] = mr[i];
    return out;
}

/* Child ids have no mask (the composer patches none): only the range is
   checked; an id with no child is a cap fault, as in Microkit. */
static bool valid_child(const char* function, microkit_child child) {
    if (child <= MICROKIT_MAX_CHANNEL_ID)
        return true;
    report_range(function, "child", child, MICROKIT_MAX_CHANNEL_ID);
    return false;
}

static uint64_t invoke_tcb(microkit_child child, uint64_t label, uint64_t nwords, uint64_t mr[4]) {
    const rampart_msginfo_t r = rampart_sys_call(RAMPART_PD_SLOT_CHILD_BASE + child,
                                                 rampart_msginfo_new(label, 0, 0, nwords), mr);
    return rampart_msginfo_label(r);
}

/* Suspend first: the kernel's Resume restarts only an inactive thread, and a
   faulted child is waiting for its fault reply. Then pc = entry, resumed. */
void microkit_pd_restart(microkit_child pd, seL4_Word entry_point) {
    if (!valid_child("microkit_pd_restart", pd))
        return;
    uint64_t none[4] = {0, 0, 0, 0};
    uint64_t err = invoke_tcb(pd, RAMPART_TCB_SUSPEND, 0, none);
    if (err == RAMPART_NO_ERROR) {
        uint64_t regs[4] = {RAMPART_TCB_WRITE_RESUME_TARGET, 1 /* pc only */, entry_point, 0};
        err = invoke_tcb(pd, RAMPART_TCB_WRITE_REGISTERS, 3, regs);
    }
    if (err != RAMPART_NO_ERROR)
        rampart_pd_report("microkit_pd_restart", "the TCB of child", pd, " refused the restart");
}

void microkit_pd_resume(microkit_child pd) {
    if (!valid_child("microkit_pd_resume", pd))
        return;
    uint64_t none[4] = {0, 0, 0, 0};
    if (invoke_tcb(pd, RAMPART_TCB_RESUME, 0, none) != RAMPART_NO_ERROR)
        rampart_pd_report("microkit_pd_resume", "the TCB of child", pd, " refused to resume");
}

void microkit_pd_stop(microkit_child pd) {
    if (!valid_child("microkit_pd_stop", pd))
        return;
    uint64_t none[4] = {0, 0, 0, 0};
    if (invoke_tcb(pd, RAMPART_TCB_SUSPEND, 0, none) != RAMPART_NO_ERROR)
        rampart_pd_report("microkit_pd_stop", "the TCB of child", pd, " refused to stop");
}

/* Weak defaults: a PD that receives what it has no entry point for. */
__attribute__((weak)) microkit_msginfo protected(microkit_channel ch, microkit_msginfo msginfo) {
    (void)msginfo;
    rampart_pd_report("protected", "called on channel", ch,
                      ", but this PD does not define protected(); replying with label 0");
    return microkit_msginfo_new(0, 0);
}

__attribute__((weak)) seL4_Bool fault(microkit_child child, microkit_msginfo msginfo,
                                      microkit_msginfo* reply_msginfo) {
    (void)msginfo;
    (void)reply_msginfo;
    rampart_pd_report("fault", "called for child", child,
                      ", but this PD does not define fault(); the child stays stopped");
    return seL4_False;
}
