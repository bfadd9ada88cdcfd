/* The system spec: what the composer computed and the initializer executes
   (DESIGN contract 3). Written by `rampart build`, mapped read-only into the
   initializer as the image's boot data. All records are fixed-size and
   little-endian; tables are (offset, count) pairs from the start of the spec.
   docs/spec.md gives the meaning of every field and the execution order. */
#ifndef RAMPART_SPEC_H
#define RAMPART_SPEC_H

#include "bootinfo.h"
#include "types.h"

#define RAMPART_SPEC_MAGIC 0x3130434550535452ull /* "RTSPEC01" little-endian */
#define RAMPART_SPEC_VERSION 3u

/* "No object / no record" in any 32-bit index field. */
#define RAMPART_SPEC_NONE 0xffffffffu

/* A table: count records of a fixed size starting offset bytes into the spec. */
struct rampart_spec_table {
    uint32_t offset;
    uint32_t count;
};

struct rampart_spec_header {
    uint64_t magic;
    uint32_t version;
    uint32_t header_size;               /* sizeof(struct rampart_spec_header) */
    uint64_t total_size;                /* bytes of the whole spec, header included */
    uint64_t checksum;                  /* rampart_checksum (image.h) of the bytes after the header */
    struct rampart_spec_table untypeds; /* struct rampart_untyped_desc: the predicted boot list */
    struct rampart_spec_table untyped_checks; /* struct rampart_spec_untyped_check */
    struct rampart_spec_table objects;  /* struct rampart_spec_object, in creation order */
    struct rampart_spec_table caps;     /* struct rampart_spec_cap, sorted by (cnode, slot) */
    struct rampart_spec_table mappings; /* struct rampart_spec_mapping, in mapping order */
    struct rampart_spec_table tcbs;     /* struct rampart_spec_tcb */
    struct rampart_spec_table scs;      /* struct rampart_spec_sc */
    struct rampart_spec_table irqs;     /* struct rampart_spec_irq */
    struct rampart_spec_table fills;    /* struct rampart_spec_fill, sorted by frame */
    struct rampart_spec_table pds;      /* struct rampart_spec_pd, depth-first */
    struct rampart_spec_table domain_schedule; /* struct rampart_spec_domain_entry */
    struct rampart_spec_table strings;         /* bytes: NUL-terminated names */
    struct rampart_spec_table data;            /* bytes: frame contents referenced by fills */
    uint32_t workspace;        /* object index of the initializer's workspace CNode */
    uint32_t workspace_radix;  /* its radix (also the object's size_bits) */
    uint32_t monitor_endpoint; /* object index of the endpoint every top-level fault goes to */
    uint32_t domain_start_index;
    uint32_t domain_index_shift;
    uint32_t flags; /* RAMPART_SPEC_F_* */
    /* Bytes the kernel clears for the spec's objects (Retype, ASID pools),
       planned with kernel/include/rampart/untyped_rule.hpp; untyped_checks
       lets the initializer check it. */
    uint64_t cleared_bytes;
};

#define RAMPART_SPEC_F_DOMAINS 0x1u /* the system has a domain schedule */

/* One kernel object, made by Untyped Retype from `source` (a boot untyped, or
   an earlier object of type UNTYPED when RAMPART_SPEC_OBJ_FROM_OBJECT is set). */
struct rampart_spec_object {
    rampart_paddr_t paddr; /* where the kernel's retype rule places it */
    uint32_t name;         /* offset into the string table */
    uint32_t source;       /* boot untyped index or object index (see flags) */
    uint32_t pd;           /* owning PD index, RAMPART_SPEC_NONE for system objects */
    uint8_t type;          /* enum rampart_object_type */
    uint8_t size_bits;     /* Retype's size_bits argument (CNode: radix) */
    uint16_t flags;        /* RAMPART_SPEC_OBJ_* */
};

#define RAMPART_SPEC_OBJ_FROM_OBJECT 0x1u /* source is an object index */
#define RAMPART_SPEC_OBJ_ASID_POOL 0x2u   /* a 4 KiB untyped handed to ASIDControl MakePool */
#define RAMPART_SPEC_OBJ_FILLER 0x4u      /* untyped retyped only to move a watermark */

/* An untyped the spec retypes RAM from, as the kernel must leave it once
   every object is made: its watermark and clear mark (Untyped Describe). */
struct rampart_spec_untyped_check {
    uint32_t untyped; /* boot untyped index, or object index (see flags) */
    uint32_t flags;   /* RAMPART_SPEC_OBJ_FROM_OBJECT */
    uint64_t watermark;
    uint64_t clear_mark;
};

/* What a cap record places in a CNode slot. */
enum rampart_spec_cap_kind {
    RAMPART_SPEC_CAP_OBJECT = 0,        /* Mint of object `object` with rights and badge */
    RAMPART_SPEC_CAP_IRQ_HANDLER = 1,   /* the handler of irq record `object` */
    RAMPART_SPEC_CAP_SCHED_CONTROL = 2, /* SchedControl of core `object` */
    RAMPART_SPEC_CAP_KIND_COUNT
};

struct rampart_spec_cap {
    uint32_t cnode;  /* object index of the destination CNode */
    uint32_t slot;   /* slot index in it */
    uint32_t object; /* depends on kind */
    uint8_t kind;    /* enum rampart_spec_cap_kind */
    uint8_t rights;  /* RAMPART_RIGHT_* */
    uint16_t pd;     /* owning PD index (low 16 bits), for messages only */
    uint64_t badge;  /* badge, or CNode cap data (RAMPART_CNODE_CAPDATA) for CNode caps */
};

/* Mapping rights and attributes. */
#define RAMPART_SPEC_MAP_R 0x1u
#define RAMPART_SPEC_MAP_W 0x2u
#define RAMPART_SPEC_MAP_X 0x4u
#define RAMPART_SPEC_ATTR_CACHED 0x1u

enum rampart_spec_mapping_kind {
    RAMPART_SPEC_MAP_PAGE_TABLE = 0, /* PageTable Map of `object` at vaddr */
    RAMPART_SPEC_MAP_FRAME = 1,      /* Page Map of a copy of frame `object` at vaddr */
    RAMPART_SPEC_MAP_FRAME_OWN = 2   /* Page Map of frame `object`'s own cap (its first mapping) */
};

/* A mapping of a frame, through a copy or the frame's own cap. */
static inline int rampart_spec_maps_frame(uint8_t kind) {
    return kind == RAMPART_SPEC_MAP_FRAME || kind == RAMPART_SPEC_MAP_FRAME_OWN;
}

struct rampart_spec_mapping {
    rampart_vaddr_t vaddr;
    uint32_t vspace; /* object index of the VSpace */
    uint32_t object; /* page table or frame */
    uint8_t kind;    /* enum rampart_spec_mapping_kind */
    uint8_t level;   /* page table: 1 (covers 512 GiB), 2 (1 GiB) or 3 (2 MiB); frame: 0 */
    uint8_t rights;  /* RAMPART_SPEC_MAP_* (frames) */
    uint8_t attrs;   /* RAMPART_SPEC_ATTR_* (frames) */
    uint32_t pd;
};

#define RAMPART_SPEC_TCB_FPU 0x1u
#define RAMPART_SPEC_TCB_START 0x2u /* resume after configuration (top-level PDs) */

struct rampart_spec_tcb {
    uint32_t tcb, cspace, vspace, ipc_buffer_frame; /* object indices */
    uint32_t sc;                                    /* sc record index, or NONE */
    uint32_t fault_cap;          /* cap record whose cap is the fault endpoint, or NONE */
    uint32_t bound_notification; /* object index, or NONE */
    uint32_t pd;
    uint64_t cspace_data; /* guard data of the CSpace root (RAMPART_CNODE_CAPDATA) */
    rampart_vaddr_t ipc_buffer;
    rampart_vaddr_t entry;
    rampart_vaddr_t stack_pointer;
    uint64_t arg0; /* x0 at entry */
    uint8_t priority, mcp, domain, flags;
    uint32_t cpu;
};

#define RAMPART_SPEC_SC_PASSIVE 0x1u /* unbound by the monitor once the PD reports init done */

struct rampart_spec_sc {
    uint32_t sc;  /* object index */
    uint32_t cpu; /* SchedControl of this core configures it */
    uint64_t budget_us;
    uint64_t period_us;
    uint64_t badge;
    uint32_t extra_refills;
    uint32_t flags; /* RAMPART_SPEC_SC_* */
};

#define RAMPART_SPEC_TRIGGER_LEVEL 0u
#define RAMPART_SPEC_TRIGGER_EDGE 1u

struct rampart_spec_irq {
    uint32_t irq;          /* number as the kernel sees it (GIC INTID) */
    uint32_t notification; /* object index */
    uint64_t badge;        /* of the notification cap the handler signals */
    uint8_t trigger;
    uint8_t padding[3];
    uint32_t pd;
};

/* Bytes to write into a frame: data[data_offset, +size) at frame offset. */
struct rampart_spec_fill {
    uint32_t frame; /* object index */
    uint32_t pd;
    uint64_t frame_offset;
    uint64_t data_offset; /* from the start of the data table */
    uint64_t size;
};

#define RAMPART_SPEC_RESTART_STOP 0u
#define RAMPART_SPEC_RESTART_RESTART 1u
/* restart_limit counts restarts in any window of this many microseconds. */
#define RAMPART_SPEC_RESTART_WINDOW_US 1000000u

struct rampart_spec_pd {
    uint32_t name;          /* string offset */
    uint32_t parent;        /* PD index, or NONE */
    uint32_t tcb;           /* tcb record index */
    uint32_t cnode, vspace; /* object indices */
    uint32_t asid_pool;     /* 0: the boot pool; n: the n-th ASID_POOL object */
    uint32_t restart_policy;
    uint32_t restart_limit; /* 0: no limit */
    uint64_t cspace_digest; /* canonical digests, docs/spec.md */
    uint64_t vspace_digest;
    uint32_t id; /* child id under its parent, 0 for top-level PDs */
    uint32_t padding;
};

/* An entry of the schedule as the system file writes it; duration 0 is the
   end marker (the kernel runs from domain_start_index up to the marker). */
struct rampart_spec_domain_entry {
    uint32_t domain;
    uint32_t unit; /* 0: microseconds, 1: timer ticks */
    uint64_t duration;
};

/* Canonical digest cap types beyond enum rampart_object_type. */
#define RAMPART_DIGEST_CAP_IRQ_HANDLER 0x100u
#define RAMPART_DIGEST_CAP_SCHED_CONTROL 0x101u
/* Caps a PD never holds, so that any CNode has a digest (address 0, or the
   ASID pool's / zombie's physical address). */
#define RAMPART_DIGEST_CAP_IRQ_CONTROL 0x102u
#define RAMPART_DIGEST_CAP_ASID_CONTROL 0x103u
#define RAMPART_DIGEST_CAP_ASID_POOL 0x104u
#define RAMPART_DIGEST_CAP_DOMAIN 0x105u
#define RAMPART_DIGEST_CAP_ZOMBIE 0x106u

/* The first record of a table (check the table against total_size first). */
static inline const void* rampart_spec_records(const struct rampart_spec_header* h,
                                               struct rampart_spec_table t) {
#ifdef __cplusplus
    return reinterpret_cast<const unsigned char*>(h) + t.offset;
#else
    return (const unsigned char*)h + t.offset;
#endif
}

/* Does the table of count records of record_size bytes lie inside the spec? */
static inline int rampart_spec_table_ok(const struct rampart_spec_header* h,
                                        struct rampart_spec_table t, uint64_t record_size) {
    const uint64_t offset = t.offset, count = t.count;
    return offset >= sizeof(*h) && (offset & 7u) == 0 && count <= h->total_size / record_size &&
           offset + count * record_size <= h->total_size;
}

#ifdef __cplusplus
static_assert(sizeof(struct rampart_spec_header) == 168, "ABI");
static_assert(sizeof(struct rampart_spec_untyped_check) == 24, "ABI");
static_assert(sizeof(struct rampart_spec_object) == 24, "ABI");
static_assert(sizeof(struct rampart_spec_cap) == 24, "ABI");
static_assert(sizeof(struct rampart_spec_mapping) == 24, "ABI");
static_assert(sizeof(struct rampart_spec_tcb) == 80, "ABI");
static_assert(sizeof(struct rampart_spec_sc) == 40, "ABI");
static_assert(sizeof(struct rampart_spec_irq) == 24, "ABI");
static_assert(sizeof(struct rampart_spec_fill) == 32, "ABI");
static_assert(sizeof(struct rampart_spec_pd) == 56, "ABI");
static_assert(sizeof(struct rampart_spec_domain_entry) == 16, "ABI");
#endif

#endif
