/* What the loader tells the kernel: passed in x0 (physical address) at kernel entry. */
#ifndef RAMPART_BOOT_HANDOFF_H
#define RAMPART_BOOT_HANDOFF_H

#include "image.h"

#define RAMPART_HANDOFF_MAGIC 0x46464f444e414852ull /* "RHANDOFF" little-endian */

struct rampart_boot_handoff {
    uint64_t magic;
    uint32_t entry_el; /* exception level the loader was entered at (1 or 2) */
    uint32_t segment_count;
    struct rampart_region kernel;
    struct rampart_region root_image;
    rampart_vaddr_t root_entry;
    uint64_t extra_bootinfo_size; /* as in the image header */
    uint64_t root_cnode_bits;
    struct rampart_user_segment segments[RAMPART_MAX_ROOT_SEGMENTS];
    struct rampart_domain_schedule domains;
};

#endif
