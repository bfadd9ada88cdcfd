/* The protection-domain API of seL4 Microkit 2.x, on Rampart: PD code written
   against Microkit's microkit.h compiles unchanged (C11 and C++20). The library
   behind it is runtime/libpd (docs/pd.md); cap slots, badges and the monitor
   protocol come from rampart/pd.h. */
#ifndef MICROKIT_H
#define MICROKIT_H

#include <rampart/message.h>
#include <rampart/pd.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The seL4 vocabulary Microkit code uses alongside microkit.h. */
#ifndef RAMPART_SEL4_COMPAT_TYPES
#define RAMPART_SEL4_COMPAT_TYPES
typedef uint8_t seL4_Uint8;
typedef uint16_t seL4_Uint16;
typedef uint32_t seL4_Uint32;
typedef uint64_t seL4_Uint64;
typedef uint64_t seL4_Word;
typedef uint64_t seL4_CPtr;
typedef int8_t seL4_Bool;
enum { seL4_False = 0, seL4_True = 1 };
#define seL4_MsgMaxLength RAMPART_MSG_MAX_LENGTH

/* The message-info word in seL4's shape (a one-word struct); the bit layout is
   rampart/message.h's, which is seL4's. */
typedef struct seL4_MessageInfo {
    seL4_Word words[1];
} seL4_MessageInfo_t;

static inline seL4_MessageInfo_t seL4_MessageInfo_new(seL4_Word label, seL4_Word capsUnwrapped,
                                                      seL4_Word extraCaps, seL4_Word length) {
    seL4_MessageInfo_t m;
    m.words[0] = rampart_msginfo_new(label, capsUnwrapped, extraCaps, length);
    return m;
}
static inline seL4_Word seL4_MessageInfo_get_label(seL4_MessageInfo_t m) {
    return rampart_msginfo_label(m.words[0]);
}
static inline seL4_Word seL4_MessageInfo_get_length(seL4_MessageInfo_t m) {
    return rampart_msginfo_length(m.words[0]);
}
static inline seL4_Word seL4_MessageInfo_get_extraCaps(seL4_MessageInfo_t m) {
    return rampart_msginfo_extra_caps(m.words[0]);
}
static inline seL4_Word seL4_MessageInfo_get_capsUnwrapped(seL4_MessageInfo_t m) {
    return rampart_msginfo_unwrapped(m.words[0]);
}
#endif

typedef unsigned int microkit_channel;
typedef unsigned int microkit_child;
typedef unsigned int microkit_ioid; /* x86 I/O port ids: no I/O ports on AArch64 */
typedef seL4_MessageInfo_t microkit_msginfo;

#define MICROKIT_MAX_CHANNELS (RAMPART_PD_MAX_ID + 1u)
#define MICROKIT_MAX_CHANNEL_ID RAMPART_PD_MAX_ID
#define MICROKIT_PD_NAME_LENGTH 64u /* the longest name a system file allows */

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
extern volatile seL4_Bool microkit_passive;

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
void microkit_dbg_putc(int c);
void microkit_dbg_puts(const char* s);

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
