/* Attestation: CNode Digest and VSpace Digest (docs/spec.md, "Digests")
   against the test's own FNV-1a over the words it expects. */
#include "framework.h"

#include <rampart/invocations.h>
#include <rampart/spec.h>

#define RADIX 10u /* one batch when empty (empty slots count 1/16) */
#define SLOTS (1ull << RADIX)
#define BASE 0x40000000ull
#define RW (RAMPART_RIGHT_READ | RAMPART_RIGHT_WRITE)
#define WGP (RAMPART_RIGHT_WRITE | RAMPART_RIGHT_GRANT | RAMPART_RIGHT_GRANT_REPLY)
#define XN RAMPART_ATTR_EXECUTE_NEVER
#define CACHED RAMPART_ATTR_CACHEABLE

static uint64_t fnv5(uint64_t h, uint64_t a, uint64_t b, uint64_t c, uint64_t d, uint64_t e) {
    const uint64_t w[5] = {a, b, c, d, e};
    for (unsigned i = 0; i < 5; ++i) {
        h = (h ^ w[i]) * 0x100000001b3ull;
        h ^= h >> 32;
    }
    return h;
}

/* One invocation from (start, hash); the reply in *hash and *next. */
static uint64_t step(uint64_t cap, uint64_t label, uint64_t start, uint64_t* hash, uint64_t* next) {
    const uint64_t words[2] = {start, *hash};
    const uint64_t err = rampart_invoke(cap, label, 2, words, 0, 0);
    if (err == RAMPART_NO_ERROR) {
        *hash = rampart_mr(0);
        *next = rampart_mr(1);
    }
    return err;
}

/* Invocations from `start` until `end`; counts them in *steps. */
static uint64_t run(struct env* env, uint64_t cap, uint64_t label, uint64_t start, uint64_t hash,
                    uint64_t end, unsigned* steps) {
    *steps = 0;
    for (uint64_t at = start, next = 0; at < end; at = next) {
        CHECK_OK(step(cap, label, at, &hash, &next));
        CHECK(next > at);
        if (next <= at)
            break;
        ++*steps;
    }
    return hash;
}

static uint64_t paddr_of(struct env* env, uint64_t frame) {
    uint64_t pa = 0;
    CHECK_OK(rampart_page_get_address(frame, &pa));
    return pa;
}

TEST(digest_of_an_empty_cnode_is_the_offset_basis) {
    const uint64_t cn = make(env, RAMPART_OBJ_CNODE, RADIX);
    unsigned steps = 0;
    CHECK_EQ(run(env, cn, RAMPART_CNODE_DIGEST, 0, RAMPART_DIGEST_START, SLOTS, &steps),
             RAMPART_DIGEST_START);
    CHECK_EQ(steps, 1);
    uint64_t hash = RAMPART_DIGEST_START, next = 0;
    CHECK_OK(step(cn, RAMPART_CNODE_DIGEST, 0, &hash, &next));
    CHECK_EQ(next, SLOTS);
}

TEST(digest_of_a_cnode_reports_what_each_cap_keeps) {
    const uint64_t cn = make(env, RAMPART_OBJ_CNODE, RADIX);
    /* A 16 KiB untyped: its objects' addresses follow from the frame's. */
    const uint64_t ut = make(env, RAMPART_OBJ_UNTYPED, 14);
    const uint64_t frame = new_slot(env), ep = new_slot(env), ntfn = new_slot(env),
                   tcb = new_slot(env), reply = new_slot(env);
    CHECK_OK(rampart_untyped_retype(ut, RAMPART_OBJ_FRAME_4K, 0, ROOT, 0, 0, frame, 1));
    CHECK_OK(rampart_untyped_retype(ut, RAMPART_OBJ_ENDPOINT, 0, ROOT, 0, 0, ep, 1));
    CHECK_OK(rampart_untyped_retype(ut, RAMPART_OBJ_NOTIFICATION, 0, ROOT, 0, 0, ntfn, 1));
    CHECK_OK(rampart_untyped_retype(ut, RAMPART_OBJ_TCB, 0, ROOT, 0, 0, tcb, 1));
    CHECK_OK(rampart_untyped_retype(ut, RAMPART_OBJ_REPLY, 0, ROOT, 0, 0, reply, 1));
    const uint64_t base = paddr_of(env, frame);

    CHECK_OK(rampart_cnode_mint(cn, 2, RADIX, ROOT, ep, DEPTH, WGP, 7));
    CHECK_OK(rampart_cnode_mint(cn, 4, RADIX, ROOT, reply, DEPTH, RAMPART_RIGHT_WRITE, 0));
    CHECK_OK(rampart_cnode_mint(cn, 10, RADIX, ROOT, ntfn, DEPTH, RAMPART_RIGHTS_ALL, 8));
    CHECK_OK(rampart_cnode_mint(cn, 202, RADIX, ROOT, tcb, DEPTH, RAMPART_RIGHT_READ, 0));
    CHECK_OK(rampart_cnode_copy(cn, 700, RADIX, ROOT, frame, DEPTH, RAMPART_RIGHTS_ALL));

    uint64_t h = RAMPART_DIGEST_START;
    h = fnv5(h, 2, RAMPART_OBJ_ENDPOINT, base + 0x1000, WGP, 7);
    h = fnv5(h, 4, RAMPART_OBJ_REPLY, base + 0x2000, 0, 0); /* no Grant: "can grant" clear */
    const uint64_t below_202 = h = fnv5(h, 10, RAMPART_OBJ_NOTIFICATION, base + 0x1040, RW, 8);
    h = fnv5(h, 202, RAMPART_OBJ_TCB, base + 0x1800, RAMPART_RIGHTS_ALL, 0); /* not kept */
    h = fnv5(h, 700, RAMPART_OBJ_FRAME_4K, base, RW, 0);

    unsigned steps = 0;
    CHECK_EQ(run(env, cn, RAMPART_CNODE_DIGEST, 0, RAMPART_DIGEST_START, SLOTS, &steps), h);
    CHECK_EQ(steps, 1);
    /* Resuming anywhere with the digest of the slots below gives the same value. */
    CHECK_EQ(run(env, cn, RAMPART_CNODE_DIGEST, 11, below_202, SLOTS, &steps), h);
    CHECK_EQ(run(env, cn, RAMPART_CNODE_DIGEST, 202, below_202, SLOTS, &steps), h);
}

TEST(digest_of_a_cnode_beyond_its_slots_is_a_range_error) {
    const uint64_t cn = make(env, RAMPART_OBJ_CNODE, RADIX);
    uint64_t hash = 5, next = 0;
    CHECK_EQ(step(cn, RAMPART_CNODE_DIGEST, SLOTS + 1, &hash, &next), RAMPART_RANGE_ERROR);
    CHECK_EQ(rampart_mr(0), 0);
    CHECK_EQ(rampart_mr(1), SLOTS);
    CHECK_OK(step(cn, RAMPART_CNODE_DIGEST, SLOTS, &hash, &next));
    CHECK_EQ(hash, 5);
    CHECK_EQ(next, SLOTS);
}

TEST(digest_on_the_wrong_cap_type_is_illegal) {
    const uint64_t tcb = make(env, RAMPART_OBJ_TCB, 0);
    const uint64_t vs = make(env, RAMPART_OBJ_VSPACE, 0);
    const uint64_t cn = make(env, RAMPART_OBJ_CNODE, RADIX);
    uint64_t hash = RAMPART_DIGEST_START, next = 0;
    CHECK_EQ(step(tcb, RAMPART_CNODE_DIGEST, 0, &hash, &next), RAMPART_ILLEGAL_OPERATION);
    CHECK_EQ(step(vs, RAMPART_CNODE_DIGEST, 0, &hash, &next), RAMPART_ILLEGAL_OPERATION);
    CHECK_EQ(step(cn, RAMPART_VSPACE_DIGEST, 0, &hash, &next), RAMPART_ILLEGAL_OPERATION);
    CHECK_EQ(step(tcb, RAMPART_VSPACE_DIGEST, 0, &hash, &next), RAMPART_ILLEGAL_OPERATION);
    CHECK_EQ(rampart_invoke(vs, RAMPART_VSPACE_DIGEST, 1, &hash, 0, 0), RAMPART_TRUNCATED_MESSAGE);
}

/* A device frame (the UART's), from its device untyped. */
static uint64_t device_frame(struct env* env) {
    uint64_t ut = 0;
    for (uint32_t i = 0; i < rampart_bootinfo_untyped_count(env->bi) && !ut; ++i)
        if (env->bi->untyped_list[i].is_device && env->bi->untyped_list[i].paddr == UART_PA)
            ut = env->bi->untyped.start + i;
    CHECK(ut != 0);
    const uint64_t frame = new_slot(env);
    CHECK_OK(rampart_untyped_retype(ut, RAMPART_OBJ_FRAME_4K, 0, ROOT, 0, 0, frame, 1));
    return frame;
}

TEST(digest_of_a_vspace_reports_its_leaf_mappings) {
    const uint64_t vs = make(env, RAMPART_OBJ_VSPACE, 0);
    unsigned steps = 0;
    /* Without an ASID nothing can be mapped: the empty stream. */
    CHECK_EQ(run(env, vs, RAMPART_VSPACE_DIGEST, 0, RAMPART_DIGEST_START, RAMPART_DIGEST_VSPACE_END,
                 &steps),
             RAMPART_DIGEST_START);
    CHECK_OK(rampart_asid_pool_assign(RAMPART_ROOT_ASID_POOL, vs));
    for (unsigned level = 1; level <= 3; ++level)
        CHECK_OK(rampart_page_table_map(make(env, RAMPART_OBJ_PAGE_TABLE, 0), vs, BASE, 0));
    uint64_t f[5];
    for (unsigned i = 0; i < 4; ++i)
        f[i] = make(env, RAMPART_OBJ_FRAME_4K, 0);
    f[4] = make(env, RAMPART_OBJ_FRAME_2M, 0);
    const uint64_t dev = device_frame(env);
    CHECK_OK(rampart_page_map(f[0], vs, BASE, RAMPART_RIGHT_READ, CACHED | XN));
    CHECK_OK(rampart_page_map(f[1], vs, BASE + 0x1000, RW, CACHED | XN));
    CHECK_OK(rampart_page_map(f[2], vs, BASE + 0x3000, RAMPART_RIGHT_READ, CACHED));
    CHECK_OK(rampart_page_map(f[3], vs, BASE + 0x5000, RW, XN));
    CHECK_OK(rampart_page_map(dev, vs, BASE + 0x6000, RW, CACHED | XN)); /* device: uncached */
    CHECK_OK(rampart_page_map(f[4], vs, BASE + 0x200000, RW, CACHED | XN));

    const uint64_t R = RAMPART_SPEC_MAP_R, W = RAMPART_SPEC_MAP_W, X = RAMPART_SPEC_MAP_X;
    const uint64_t C = RAMPART_SPEC_ATTR_CACHED;
    uint64_t h = RAMPART_DIGEST_START;
    const uint64_t below_1 = h = fnv5(h, BASE, paddr_of(env, f[0]), 12, R, C);
    const uint64_t below_2 = h = fnv5(h, BASE + 0x1000, paddr_of(env, f[1]), 12, R | W, C);
    h = fnv5(h, BASE + 0x3000, paddr_of(env, f[2]), 12, R | X, C);
    h = fnv5(h, BASE + 0x5000, paddr_of(env, f[3]), 12, R | W, 0);
    h = fnv5(h, BASE + 0x6000, UART_PA, 12, R | W, 0);
    h = fnv5(h, BASE + 0x200000, paddr_of(env, f[4]), 21, R | W, C);

    CHECK_EQ(run(env, vs, RAMPART_VSPACE_DIGEST, 0, RAMPART_DIGEST_START, RAMPART_DIGEST_VSPACE_END,
                 &steps),
             h);
    CHECK_EQ(steps, 1); /* a sparse address space: one invocation */
    /* Resuming at a page boundary with the digest of the mappings below. */
    CHECK_EQ(run(env, vs, RAMPART_VSPACE_DIGEST, BASE + 0x2000, below_2, RAMPART_DIGEST_VSPACE_END,
                 &steps),
             h);
    CHECK_EQ(run(env, vs, RAMPART_VSPACE_DIGEST, BASE + 0x1000, below_1, RAMPART_DIGEST_VSPACE_END,
                 &steps),
             h);
    /* A start inside a 2 MiB page skips it. */
    CHECK_EQ(run(env, vs, RAMPART_VSPACE_DIGEST, BASE + 0x201000, RAMPART_DIGEST_START,
                 RAMPART_DIGEST_VSPACE_END, &steps),
             RAMPART_DIGEST_START);
}

TEST(digest_of_a_vspace_checks_its_start) {
    const uint64_t vs = make(env, RAMPART_OBJ_VSPACE, 0);
    uint64_t hash = 5, next = 0;
    CHECK_EQ(step(vs, RAMPART_VSPACE_DIGEST, BASE + 0x800, &hash, &next), RAMPART_ALIGNMENT_ERROR);
    CHECK_EQ(step(vs, RAMPART_VSPACE_DIGEST, RAMPART_DIGEST_VSPACE_END + 0x1000, &hash, &next),
             RAMPART_RANGE_ERROR);
    CHECK_EQ(rampart_mr(0), 0);
    CHECK_EQ(rampart_mr(1), RAMPART_DIGEST_VSPACE_END);
    CHECK_OK(step(vs, RAMPART_VSPACE_DIGEST, RAMPART_DIGEST_VSPACE_END, &hash, &next));
    CHECK_EQ(hash, 5);
    CHECK_EQ(next, RAMPART_DIGEST_VSPACE_END);
}
