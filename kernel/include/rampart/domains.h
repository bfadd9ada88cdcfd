/* The static domain schedule (C-compatible ABI): a cyclic list of (domain,
   duration) slots; only threads of the slot's domain run during it. It
   travels in the boot image (image.h) and the loader's handoff. */
#ifndef RAMPART_DOMAINS_H
#define RAMPART_DOMAINS_H

#include "types.h"

#define RAMPART_DOMAIN_COUNT 16u
#define RAMPART_MAX_DOMAIN_SLOTS 32u

struct rampart_domain_slot {
    uint32_t domain;
    uint32_t reserved;
    uint64_t duration_us;
};

/* No slots: domain 0 runs all the time. */
struct rampart_domain_schedule {
    uint32_t count;
    uint32_t reserved;
    struct rampart_domain_slot slots[RAMPART_MAX_DOMAIN_SLOTS];
};

#endif
