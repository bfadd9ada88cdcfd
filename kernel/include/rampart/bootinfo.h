/* The boot-info page the kernel hands the root task, and the root task's
   initial cap slots: seL4's layout and numbering (seL4_BootInfo,
   seL4_RootCNodeCapSlots, seL4_BootInfoHeader for AArch64 with MCS), with
   Rampart's names. */
#ifndef RAMPART_BOOTINFO_H
#define RAMPART_BOOTINFO_H

#include "types.h"

/* Slots of the root task's CSpace at boot. A slot for something this kernel
   does not have (IO ports, IO space, SMMU, SMC) holds a null cap. */
enum rampart_root_slot {
    RAMPART_ROOT_NULL = 0,
    RAMPART_ROOT_TCB = 1,
    RAMPART_ROOT_CNODE = 2,
    RAMPART_ROOT_VSPACE = 3,
    RAMPART_ROOT_IRQ_CONTROL = 4,
    RAMPART_ROOT_ASID_CONTROL = 5,
    RAMPART_ROOT_ASID_POOL = 6,
    RAMPART_ROOT_IO_PORT_CONTROL = 7,
    RAMPART_ROOT_IO_SPACE = 8,
    RAMPART_ROOT_BOOTINFO_FRAME = 9,
    RAMPART_ROOT_IPC_BUFFER = 10,
    RAMPART_ROOT_DOMAIN = 11,
    RAMPART_ROOT_SMMU_SID_CONTROL = 12,
    RAMPART_ROOT_SMMU_CB_CONTROL = 13,
    RAMPART_ROOT_SC = 14,
    RAMPART_ROOT_SMC = 15,
    RAMPART_ROOT_FIRST_FREE = 16 /* the slot regions of the boot info start here */
};

/* The root task's CNode has 2^root_cnode_bits slots (boot info
   root_cnode_bits; the image chooses it, image.h) and a guard of the
   remaining bits, so a slot index is a cap address. */
#define RAMPART_ROOT_CNODE_DEFAULT_BITS 12u
#define RAMPART_ROOT_CNODE_MIN_BITS 8u
#define RAMPART_ROOT_CNODE_MAX_BITS 24u

/* Untyped descriptors in the boot-info page (seL4's default
   CONFIG_MAX_NUM_BOOTINFO_UNTYPED_CAPS). */
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
    uint64_t extra_len;   /* bytes of extra boot information after this page */
    uint64_t node_id;     /* 0: one core */
    uint64_t node_count;  /* 1 */
    uint64_t iopt_levels; /* 0: no IOMMU */
    rampart_vaddr_t ipc_buffer;
    struct rampart_slot_range empty;             /* null caps up to the CNode's end */
    struct rampart_slot_range shared_frames;     /* empty */
    struct rampart_slot_range user_image_frames; /* the image's frames, by address */
    struct rampart_slot_range user_image_paging; /* the tables that map image and boot info */
    struct rampart_slot_range io_space_caps;     /* empty */
    struct rampart_slot_range extra_bi_pages;    /* the frames of the extra boot information */
    uint64_t root_cnode_bits;
    uint64_t domain;
    struct rampart_slot_range sched_control; /* one SchedControl cap per core */
    struct rampart_slot_range untyped;
    struct rampart_untyped_desc untyped_list[RAMPART_MAX_BOOT_UNTYPEDS];
};

/* The extra boot information: chunks, each starting with this header, from
   the page after the boot-info page, extra_len bytes in all. */
struct rampart_bootinfo_header {
    uint64_t id;
    uint64_t len; /* bytes of the chunk, header included */
};

#define RAMPART_BOOTINFO_HEADER_PADDING 0u /* seL4's ids */
#define RAMPART_BOOTINFO_HEADER_FDT 6u
/* Rampart's: the image's boot data (the initializer's spec, docs/spec.md). */
#define RAMPART_BOOTINFO_HEADER_BOOT_DATA 0x52414d50u

static inline uint64_t rampart_bootinfo_untyped_count(const struct rampart_bootinfo* bi) {
    return bi->untyped.end - bi->untyped.start;
}

/* The chunk at offset `at` of the extra boot information. */
static inline const struct rampart_bootinfo_header* rampart_bootinfo_chunk(
    const struct rampart_bootinfo* bi, uint64_t at) {
#ifdef __cplusplus
    return reinterpret_cast<const struct rampart_bootinfo_header*>(
        reinterpret_cast<const unsigned char*>(bi) + RAMPART_PAGE_SIZE + at);
#else
    return (const struct rampart_bootinfo_header*)((const unsigned char*)bi + RAMPART_PAGE_SIZE +
                                                   at);
#endif
}

/* The first chunk with this id, or 0 (null) when there is none or the chunks
   are malformed; *size receives the bytes after its header. */
static inline const void* rampart_bootinfo_find(const struct rampart_bootinfo* bi, uint64_t id,
                                                uint64_t* size) {
    uint64_t at = 0;
    while (at < bi->extra_len && bi->extra_len - at >= sizeof(struct rampart_bootinfo_header)) {
        const struct rampart_bootinfo_header* h = rampart_bootinfo_chunk(bi, at);
        if (h->len < sizeof(*h) || h->len > bi->extra_len - at)
            return 0;
        if (h->id == id) {
            *size = h->len - sizeof(*h);
            return h + 1;
        }
        at += h->len;
    }
    return 0;
}

#ifdef __cplusplus
static_assert(sizeof(struct rampart_untyped_desc) == 16, "seL4_UntypedDesc");
static_assert(sizeof(struct rampart_bootinfo_header) == 16, "seL4_BootInfoHeader");
static_assert(__builtin_offsetof(struct rampart_bootinfo, ipc_buffer) == 32, "seL4_BootInfo");
static_assert(__builtin_offsetof(struct rampart_bootinfo, empty) == 40, "seL4_BootInfo");
static_assert(__builtin_offsetof(struct rampart_bootinfo, extra_bi_pages) == 120, "seL4_BootInfo");
static_assert(__builtin_offsetof(struct rampart_bootinfo, root_cnode_bits) == 136, "seL4_BootInfo");
static_assert(__builtin_offsetof(struct rampart_bootinfo, sched_control) == 152, "seL4_BootInfo");
static_assert(__builtin_offsetof(struct rampart_bootinfo, untyped) == 168, "seL4_BootInfo");
static_assert(__builtin_offsetof(struct rampart_bootinfo, untyped_list) == 184, "seL4_BootInfo");
static_assert(sizeof(struct rampart_bootinfo) == 184 + 16 * RAMPART_MAX_BOOT_UNTYPEDS,
              "seL4_BootInfo");
static_assert(sizeof(struct rampart_bootinfo) <= RAMPART_PAGE_SIZE, "boot info fits one page");
#endif

#endif
