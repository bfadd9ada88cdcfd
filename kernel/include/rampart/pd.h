/* A protection domain's CSpace layout and its protocol with the monitor: the
   contract between the composer (which places the caps), the PD library
   (microkit.h, which uses them) and the monitor (docs/spec.md, "CSpace layout").
   Microkit-compatible slot numbers. C-compatible ABI. */
#ifndef RAMPART_PD_H
#define RAMPART_PD_H

#include <stdint.h>

#define RAMPART_PD_SLOT_INPUT 1u        /* own endpoint or notification */
#define RAMPART_PD_SLOT_FAULT 2u        /* fault endpoint (monitor or parent) */
#define RAMPART_PD_SLOT_VSPACE 3u       /* own VSpace */
#define RAMPART_PD_SLOT_REPLY 4u        /* own reply object */
#define RAMPART_PD_SLOT_MONITOR 5u      /* monitor endpoint (passive PDs) */
#define RAMPART_PD_SLOT_NOTIFY_BASE 10u /* + channel id: the peer's notification */
#define RAMPART_PD_SLOT_PPC_BASE 74u    /* + channel id: the peer's endpoint */
#define RAMPART_PD_SLOT_IRQ_BASE 138u   /* + channel id: IRQ handler */
#define RAMPART_PD_SLOT_CHILD_BASE 202u /* + child id: the child's TCB */
#define RAMPART_PD_SLOT_USER_BASE 394u  /* + slot: <cspace> entries */
#define RAMPART_PD_USER_CAP_SLOTS 128u  /* <cspace> slots 1..127 (0 is reserved) */
#define RAMPART_PD_MIN_CNODE_RADIX 9u

/* Channel, IRQ and child ids: 0..RAMPART_PD_MAX_ID. Bits 62 and 63 of a badge
   are taken by the two flags below. */
#define RAMPART_PD_MAX_ID 61u

/* Badges a PD's input endpoint receives: a protected procedure call carries
   PPC | the caller's channel id; a child's fault carries FAULT | child id.
   Notification and IRQ badges are 1 << channel id. */
#define RAMPART_PD_BADGE_PPC (1ull << 63)
#define RAMPART_PD_BADGE_FAULT (1ull << 62)

/* Messages a PD sends the monitor on RAMPART_PD_SLOT_MONITOR (badge: the PD's
   index + 1). A passive PD sends READY with NBSendRecv once init() is done, so
   it is already waiting on its input when the monitor takes its SC away. */
#define RAMPART_MONITOR_PASSIVE_READY 0x5244u /* "DR": label, no words */

#endif
