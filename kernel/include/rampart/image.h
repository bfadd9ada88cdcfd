/* The boot image: the loader's code followed by this payload, which the loader
   unpacks before it starts the kernel. Written by the composer, read by the loader. */
#ifndef RAMPART_IMAGE_H
#define RAMPART_IMAGE_H

#include "domains.h"
#include "types.h"

#define RAMPART_IMAGE_MAGIC 0x31304547414d4952ull /* "RIMAGE01" little-endian */
#define RAMPART_IMAGE_VERSION 3u
#define RAMPART_MAX_ROOT_SEGMENTS 8u

/* Permissions of a user segment. */
#define RAMPART_SEG_R 4u
#define RAMPART_SEG_W 2u
#define RAMPART_SEG_X 1u

/* One page-aligned segment of the root task's image: physical home and virtual address. */
struct rampart_user_segment {
    rampart_vaddr_t vaddr;
    rampart_paddr_t paddr;
    uint64_t size;  /* bytes, a multiple of the page size */
    uint64_t perms; /* RAMPART_SEG_* */
};

/* One copy the loader performs: file_size bytes from the payload, then zeroes up to mem_size. */
struct rampart_image_copy {
    rampart_paddr_t dest;
    uint64_t src_offset; /* from the start of the payload header */
    uint64_t file_size;
    uint64_t mem_size;
};

/* Payload header. The copies and segments follow it directly, then the data. */
struct rampart_image_header {
    uint64_t magic;
    uint32_t version;
    uint32_t header_size;  /* bytes of header + copies + segments */
    uint64_t payload_size; /* bytes of the whole payload, header included */
    uint64_t checksum;     /* rampart_checksum of the payload bytes after header_size */
    rampart_vaddr_t kernel_entry;
    struct rampart_region kernel;     /* physical extent of the kernel, bss included */
    struct rampart_region root_image; /* physical extent of the root task (reserved) */
    rampart_vaddr_t root_entry;
    /* Bytes of extra boot information (bootinfo.h: chunks, for example the
       initializer's spec), 0 if none; then its pages are the last segment,
       mapped after the boot-info page (root_layout.hpp). */
    uint64_t extra_bootinfo_size;
    uint64_t root_cnode_bits; /* the root task's CNode has 2^root_cnode_bits slots */
    uint32_t copy_count;
    uint32_t segment_count;
    struct rampart_domain_schedule domains;
};

/* FNV-1a, 64 bit, over bytes (the composer's data sharing). */
#define RAMPART_FNV_OFFSET 0xcbf29ce484222325ull
#define RAMPART_FNV_PRIME 0x100000001b3ull

static inline uint64_t rampart_fnv1a(uint64_t hash, const uint8_t* bytes, uint64_t count) {
    for (uint64_t i = 0; i < count; ++i)
        hash = (hash ^ bytes[i]) * RAMPART_FNV_PRIME;
    return hash;
}

/* One step of FNV-1a over a 64-bit word, folded (h ^= h >> 32) so that every
   bit of the word reaches every bit of the hash: the attestation digests feed
   their words with it (docs/spec.md, "Digests"), the checksum below its data. */
static inline uint64_t rampart_checksum_step(uint64_t hash, uint64_t word) {
    hash = (hash ^ word) * RAMPART_FNV_PRIME;
    return hash ^ (hash >> 32);
}

/* The payload and spec checksum: those steps over 64-bit little-endian words
   (the last one zero-padded), the byte count fed last. A step per 8 bytes
   (the byte-wise FNV-1a took 8): a corrupted image is still refused, at an
   eighth of the cost. */
static inline uint64_t rampart_checksum(const uint8_t* bytes, uint64_t count) {
    uint64_t hash = RAMPART_FNV_OFFSET, i = 0;
#ifdef __cplusplus
    const uintptr_t address = reinterpret_cast<uintptr_t>(bytes);
#else
    const uintptr_t address = (uintptr_t)bytes;
#endif
    if ((address & 7u) == 0) {
        for (; i + 16 <= count; i += 16) {
            uint64_t words[2];
            __builtin_memcpy(words, __builtin_assume_aligned(bytes + i, 8), 16);
            hash = rampart_checksum_step(rampart_checksum_step(hash, words[0]), words[1]);
        }
        for (; i + 8 <= count; i += 8) {
            uint64_t word;
            __builtin_memcpy(&word, __builtin_assume_aligned(bytes + i, 8), 8);
            hash = rampart_checksum_step(hash, word);
        }
    }
    for (; i < count; i += 8) {
        uint64_t word = 0;
        for (unsigned b = 0; b < 8 && i + b < count; ++b) {
            const uint64_t byte = bytes[i + b];
            word |= byte << (8 * b);
        }
        hash = rampart_checksum_step(hash, word);
    }
    return rampart_checksum_step(hash, count);
}

#endif
