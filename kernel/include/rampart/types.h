/* Fixed-width types shared by kernel, runtime and composer (C-compatible ABI). */
#ifndef RAMPART_TYPES_H
#define RAMPART_TYPES_H

#include <stdint.h>

typedef uint64_t rampart_word_t;
typedef uint64_t rampart_cptr_t;
typedef uint64_t rampart_paddr_t;
typedef uint64_t rampart_vaddr_t;

/* A half-open physical range [base, end). */
struct rampart_region {
    rampart_paddr_t base;
    rampart_paddr_t end;
};

#define RAMPART_PAGE_BITS 12u
#define RAMPART_PAGE_SIZE (1ull << RAMPART_PAGE_BITS)
#define RAMPART_WORD_BITS 64u

#endif
