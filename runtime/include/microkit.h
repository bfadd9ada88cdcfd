/* The protection-domain API of seL4 Microkit 2.x, on Rampart: PD code written
   against Microkit's microkit.h compiles unchanged (C11 and C++20). The library
   behind it is runtime/libpd (docs/pd.md); cap slots, badges and the monitor
   protocol come from rampart/pd.h. */
#ifndef MICROKIT_H
#define MICROKIT_H

#include <rampart/message.h>
#include <rampart/pd.h>
#include <sel4/sel4.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef unsigned int microkit_channel;
typedef unsigned int microkit_child;
typedef unsigned int microkit_ioport; /* x86 I/O port ids: no I/O ports on AArch64 */
typedef seL4_MessageInfo_t microkit_msginfo;

/* The PD's CSpace (rampart/pd.h, Microkit's slot numbers). TCB_CAP (the PD's
   own TCB in Microkit's benchmark configuration), ARM_SMC_CAP and the VM and
   I/O port bases name slots Rampart leaves empty. */
#define MONITOR_EP RAMPART_PD_SLOT_MONITOR
#define TCB_CAP 6
#define ARM_SMC_CAP 7
#define BASE_OUTPUT_NOTIFICATION_CAP RAMPART_PD_SLOT_NOTIFY_BASE
#define BASE_ENDPOINT_CAP RAMPART_PD_SLOT_PPC_BASE
#define BASE_IRQ_CAP RAMPART_PD_SLOT_IRQ_BASE
#define BASE_TCB_CAP RAMPART_PD_SLOT_CHILD_BASE
#define BASE_VM_TCB_CAP 266
#define BASE_VCPU_CAP 330
#define BASE_IOPORT_CAP 394
/* <cspace> entries: slot N of the system file is BASE_USER_CAPS + N. */
#define BASE_USER_CAPS RAMPART_PD_SLOT_USER_BASE

/* Plain ints as in Microkit (loops over `int i` compare without warnings);
   libpd checks they match rampart/pd.h. */
#define MICROKIT_MAX_CHANNELS 62 /* RAMPART_PD_MAX_ID + 1 */
#define MICROKIT_MAX_CHANNEL_ID (MICROKIT_MAX_CHANNELS - 1)
#define MICROKIT_MAX_IOPORT_ID MICROKIT_MAX_CHANNELS
#define MICROKIT_MAX_USER_CAPS RAMPART_PD_USER_CAP_SLOTS
#define MICROKIT_PD_NAME_LENGTH 64 /* the longest name a system file allows */

/* Entry points the PD defines. init and notified are required; libpd has weak
   defaults for protected and fault that report the unexpected call. */
void init(void);
void notified(microkit_channel ch);
#ifdef __cplusplus
/* `protected` is a C++ keyword: C++ PDs define microkit_protected, which links
   as the symbol `protected`. */
microkit_msginfo microkit_protected(microkit_channel ch,
                                    microkit_msginfo msginfo) __asm__("protected");
#else
microkit_msginfo protected(microkit_channel ch, microkit_msginfo msginfo);
#endif
seL4_Bool fault(microkit_child child, microkit_msginfo msginfo, microkit_msginfo* reply_msginfo);

/* Patched by the composer into each program (docs/spec.md, "CSpace layout"):
   the PD's name, NUL-terminated, and the masks of valid ids. */
extern char microkit_name[MICROKIT_PD_NAME_LENGTH + 1];
extern volatile seL4_Word microkit_irqs;
extern volatile seL4_Word microkit_notifications;
extern volatile seL4_Word microkit_pps;
extern volatile seL4_Word microkit_ioports; /* always 0: no I/O ports on AArch64 */
extern volatile seL4_Bool microkit_passive;

/* The pending deferred action, as Microkit keeps it: when microkit_have_signal
   is set, the PD's next receive first sends microkit_signal_msg to
   microkit_signal_cap (a signal to BASE_OUTPUT_NOTIFICATION_CAP + ch, or an
   IRQAckIRQ to BASE_IRQ_CAP + ch). Code such as sDDF reads them. */
extern seL4_Bool microkit_have_signal;
extern seL4_CPtr microkit_signal_cap;
extern seL4_MessageInfo_t microkit_signal_msg;

/* Every function checks its channel or child id and reports a bad one on the
   debug console ("<pd>: <function>: ..."), then returns without acting. */
void microkit_notify(microkit_channel ch);
void microkit_irq_ack(microkit_channel ch);
microkit_msginfo microkit_ppcall(microkit_channel ch, microkit_msginfo msginfo);
/* Performed with the PD's next receive: at most one is pending; a second one
   performs the first at once (nothing is dropped). */
void microkit_deferred_notify(microkit_channel ch);
void microkit_deferred_irq_ack(microkit_channel ch);
void microkit_pd_restart(microkit_child pd, seL4_Word entry_point);
void microkit_pd_stop(microkit_child pd);
void microkit_pd_resume(microkit_child pd);
void microkit_dbg_putc(int c);
void microkit_dbg_puts(const char* s);
/* The decimal representation of x. */
void microkit_dbg_put8(seL4_Uint8 x);
void microkit_dbg_put32(seL4_Uint32 x);

/* Microkit ends a PD that hit an unrecoverable error with a fault at address
   err; so does this (the monitor reports it). */
static inline void microkit_internal_crash(seL4_Error err) {
    const seL4_Word at = RAMPART_SEL4_AS(seL4_Word, err);
    __asm__ volatile("str wzr, [%0]" : : "r"(at) : "memory");
}

/* The cap address of <cspace> slot `slot` (1..MICROKIT_MAX_USER_CAPS-1), or
   seL4_CapNull for a slot out of range. */
static inline seL4_CPtr microkit_cspace_root_slot_to_cptr(seL4_Word slot) {
    if (slot == 0 || slot >= MICROKIT_MAX_USER_CAPS)
        return seL4_CapNull;
    return BASE_USER_CAPS + slot;
}

/* Reports a message-register index out of range (libpd). */
void rampart_pd_bad_mr(const char* function, seL4_Word index);

static inline microkit_msginfo microkit_msginfo_new(seL4_Word label, seL4_Uint16 count) {
    return seL4_MessageInfo_new(label, 0, 0, count);
}
static inline seL4_Word microkit_msginfo_get_label(microkit_msginfo msginfo) {
    return seL4_MessageInfo_get_label(msginfo);
}
static inline seL4_Word microkit_msginfo_get_count(microkit_msginfo msginfo) {
    return seL4_MessageInfo_get_length(msginfo);
}

/* Message registers live in the IPC buffer (whose address the kernel keeps
   in TPIDRRO_EL0); libpd moves words 0..3 to and from the registers. */
static inline struct rampart_ipc_buffer* rampart_pd_ipc_buffer(void) {
    struct rampart_ipc_buffer* buffer;
    __asm__("mrs %0, tpidrro_el0" : "=r"(buffer));
    return buffer;
}
static inline void microkit_mr_set(seL4_Uint8 mr, seL4_Word value) {
    if (mr < RAMPART_MSG_MAX_LENGTH)
        rampart_pd_ipc_buffer()->msg[mr] = value;
    else
        rampart_pd_bad_mr("microkit_mr_set", mr);
}
static inline seL4_Word microkit_mr_get(seL4_Uint8 mr) {
    if (mr < RAMPART_MSG_MAX_LENGTH)
        return rampart_pd_ipc_buffer()->msg[mr];
    rampart_pd_bad_mr("microkit_mr_get", mr);
    return 0;
}

#ifdef __cplusplus
}
#endif

#endif
