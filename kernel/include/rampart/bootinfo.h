/* The boot-info page the kernel hands the root task, and the root task's initial cap slots. */
#ifndef RAMPART_BOOTINFO_H
#define RAMPART_BOOTINFO_H

#include "types.h"

#define RAMPART_BOOTINFO_MAGIC 0x4f464e49544f4f42ull /* "BOOTINFO" little-endian */
#define RAMPART_BOOTINFO_VERSION 1u

/* Slots of the root task's CSpace at boot (numbering as in seL4). */
enum rampart_root_slot {
    RAMPART_ROOT_NULL = 0,
    RAMPART_ROOT_TCB = 1,
    RAMPART_ROOT_CNODE = 2,
    RAMPART_ROOT_VSPACE = 3,
    RAMPART_ROOT_IRQ_CONTROL = 4,
    RAMPART_ROOT_ASID_CONTROL = 5,
    RAMPART_ROOT_ASID_POOL = 6,
    RAMPART_ROOT_BOOTINFO_FRAME = 9,
    RAMPART_ROOT_IPC_BUFFER = 10,
    RAMPART_ROOT_DOMAIN = 11,
    RAMPART_ROOT_SCHED_CONTROL = 12,
    RAMPART_ROOT_SC = 14,
    RAMPART_ROOT_FIRST_FREE = 16
};

/* The root task's CNode has 2^RAMPART_ROOT_CNODE_RADIX slots (and a guard of
   the remaining bits, so a slot index is a cap address); the composer needs it
   to predict the boot objects. */
#define RAMPART_ROOT_CNODE_RADIX 12u

/* Most untyped descriptors one boot-info page carries. */
#define RAMPART_MAX_BOOT_UNTYPEDS 230u

struct rampart_slot_range {
    uint64_t start; /* first slot */
    uint64_t end;   /* one past the last */
};

struct rampart_untyped_desc {
    rampart_paddr_t paddr;
    uint8_t size_bits;
    uint8_t is_device;
    uint8_t padding[6];
};

struct rampart_bootinfo {
    uint64_t magic;
    uint32_t version;
    uint32_t node_id;
    uint32_t node_count;
    uint32_t root_cnode_bits;
    uint32_t domain;
    uint32_t untyped_count;
    rampart_vaddr_t ipc_buffer;
    rampart_vaddr_t boot_data; /* the image's boot data (spec), 0 when absent */
    uint64_t boot_data_size;
    struct rampart_slot_range empty;
    struct rampart_slot_range user_image_frames;
    struct rampart_slot_range user_image_page_tables;
    struct rampart_slot_range untyped;
    struct rampart_untyped_desc untyped_list[RAMPART_MAX_BOOT_UNTYPEDS];
};

#ifdef __cplusplus
static_assert(sizeof(struct rampart_untyped_desc) == 16, "ABI");
static_assert(sizeof(struct rampart_bootinfo) <= RAMPART_PAGE_SIZE, "boot info fits one page");
#endif

#endif
