/* Kernel object types and their sizes (C-compatible ABI). Sizes are in bits:
   an object of size_bits n occupies 2^n bytes, naturally aligned. */
#ifndef RAMPART_OBJECTS_H
#define RAMPART_OBJECTS_H

#include <stdint.h>

/* Argument "type" of Untyped Retype. */
enum rampart_object_type {
    RAMPART_OBJ_UNTYPED = 0,
    RAMPART_OBJ_TCB = 1,
    RAMPART_OBJ_ENDPOINT = 2,
    RAMPART_OBJ_NOTIFICATION = 3,
    RAMPART_OBJ_CNODE = 4,
    RAMPART_OBJ_SCHED_CONTEXT = 5,
    RAMPART_OBJ_REPLY = 6,
    /* AArch64 (4 KiB granule: one table type below the VSpace), numbered as
       seL4 numbers them: its AArch64-only types (HugePage, VSpace) first, then
       those of all ARM cores (SmallPage, LargePage, PageTable). */
    RAMPART_OBJ_FRAME_1G = 7,
    RAMPART_OBJ_VSPACE = 8,
    RAMPART_OBJ_FRAME_4K = 9,
    RAMPART_OBJ_FRAME_2M = 10,
    RAMPART_OBJ_PAGE_TABLE = 11,
    RAMPART_OBJ_TYPE_COUNT
};

#define RAMPART_WORD_SIZE_BITS 3u /* 8-byte words */

/* Fixed object sizes. */
#define RAMPART_TCB_BITS 11u
#define RAMPART_ENDPOINT_BITS 4u
#define RAMPART_NOTIFICATION_BITS 6u
#define RAMPART_REPLY_BITS 5u
#define RAMPART_FRAME_4K_BITS 12u
#define RAMPART_FRAME_2M_BITS 21u
#define RAMPART_FRAME_1G_BITS 30u
#define RAMPART_PAGE_TABLE_BITS 12u
#define RAMPART_VSPACE_BITS 12u
#define RAMPART_ASID_POOL_BITS 12u /* made by ASIDControl MakePool, not by Retype */
#define RAMPART_ASID_POOL_ENTRIES 512u
#define RAMPART_ASID_BITS 16u

/* Variable sizes: the size_bits argument of Retype. A CNode's size_bits is its
   radix (log2 of its slot count); a CNode occupies 2^(radix + SLOT_BITS) bytes. */
#define RAMPART_SLOT_BITS 5u /* one CNode slot: 2-word cap + 2-word derivation links */
#define RAMPART_CNODE_MIN_RADIX 1u
#define RAMPART_SCHED_CONTEXT_MIN_BITS 8u
#define RAMPART_SCHED_CONTEXT_MAX_BITS 16u
#define RAMPART_MIN_UNTYPED_BITS 4u
#define RAMPART_MAX_UNTYPED_BITS 47u

/* Most objects one Retype creates (the destination window of slots). */
#define RAMPART_RETYPE_FAN_OUT_LIMIT 256u

/* CNode cap data for Mint / Mutate / Rotate of CNode caps: the guard and its
   size in bits, packed into one word (guard in bits 63..6, guard size in 5..0). */
#define RAMPART_CNODE_GUARD_SIZE_BITS 6u
#define RAMPART_CNODE_CAPDATA(guard, guard_size)                                                   \
    (((0ull + (guard)) << RAMPART_CNODE_GUARD_SIZE_BITS) | ((0ull + (guard_size)) & 0x3fu))

#endif
