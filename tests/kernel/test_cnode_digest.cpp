// CNode Digest: the canonical words of each cap type, batches, resumption, errors.
#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "object/cnode_digest.hpp"

#include <rampart/invocations.h>
#include <rampart/spec.h>

#include <initializer_list>

using namespace rampart::kernel;
using namespace rampart::kernel::test;

namespace {

constexpr unsigned radix = 10; // 1024 empty slots fit one batch, 1024 caps two

// The test's own digest stream: a folded FNV-1a step per word.
struct Expect {
    uint64_t h = 0xcbf29ce484222325ull;
    void words(std::initializer_list<uint64_t> ws) {
        for (uint64_t w : ws) {
            h = (h ^ w) * 0x100000001b3ull;
            h ^= h >> 32;
        }
    }
};

// A CNode of `radix` in root slot 40, and objects in root slots 20...
struct WithCNode : Fixture {
    WithCNode() : Fixture(22) {
        REQUIRE(retype(ram_slot, RAMPART_OBJ_CNODE, radix, 40).is_ok());
        cnode = cap(40);
    }
    Cap cnode;
    [[nodiscard]] SlotAddr in(uint64_t index) const { return {cnode, CPtr{index}, radix}; }
    [[nodiscard]] Slot& at(uint64_t index) const { return phys_ptr<Slot>(cnode.paddr())[index]; }

    // Runs the invocation to the end, `steps` counting the batches.
    uint64_t digest(unsigned& steps) const {
        uint64_t next = 0, hash = RAMPART_DIGEST_START;
        steps = 0;
        while (next < (1u << radix)) {
            const uint64_t before = next;
            REQUIRE(cnode_digest(cnode, next, hash).is_ok());
            REQUIRE(next > before);
            ++steps;
        }
        return hash;
    }
};

} // namespace

TEST_CASE_METHOD(WithCNode, "CNode Digest of an empty CNode is the offset basis",
                 "[kernel][digest]") {
    uint64_t next = 0, hash = RAMPART_DIGEST_START;
    REQUIRE(cnode_digest(cnode, next, hash).is_ok());
    CHECK(next == (1u << radix)); // empty slots count 1/16 of a cap
    unsigned steps = 0;
    CHECK(digest(steps) == RAMPART_DIGEST_START);
    CHECK(steps == 1);
}

TEST_CASE_METHOD(WithCNode, "CNode Digest visits at most a batch of caps per invocation",
                 "[kernel][digest]") {
    REQUIRE(retype(ram_slot, RAMPART_OBJ_ENDPOINT, 0, 20).is_ok());
    Expect e;
    for (uint64_t i = 0; i < (1u << radix); ++i) {
        REQUIRE(cnode_mint(in(i), addr(20), Rights::all(), i + 1).is_ok());
        e.words({i, RAMPART_OBJ_ENDPOINT, cap(20).paddr().value, RAMPART_RIGHTS_ALL, i + 1});
    }
    uint64_t next = 0, hash = RAMPART_DIGEST_START;
    REQUIRE(cnode_digest(cnode, next, hash).is_ok());
    CHECK(next == RAMPART_DIGEST_BATCH);
    // Half empty: a batch of caps, and the empty slots between them at 1/16.
    for (uint64_t i = 0; i < (1u << radix); i += 2) {
        Budget budget = Budget::unlimited();
        REQUIRE(cnode_delete(in(i), budget).is_ok());
    }
    next = 0;
    REQUIRE(cnode_digest(cnode, next, hash).is_ok());
    CHECK(next == 2 * (RAMPART_DIGEST_BATCH * RAMPART_DIGEST_EMPTY_SHARE /
                       (RAMPART_DIGEST_EMPTY_SHARE + 1)) + 1);
    for (uint64_t i = 0; i < (1u << radix); i += 2)
        REQUIRE(cnode_mint(in(i), addr(20), Rights::all(), i + 1).is_ok());
    unsigned steps = 0;
    CHECK(digest(steps) == e.h);
    CHECK(steps == 2);
}

TEST_CASE_METHOD(WithCNode, "CNode Digest reports what each cap type keeps", "[kernel][digest]") {
    REQUIRE(retype(ram_slot, RAMPART_OBJ_ENDPOINT, 0, 20).is_ok());
    REQUIRE(retype(ram_slot, RAMPART_OBJ_NOTIFICATION, 0, 21).is_ok());
    REQUIRE(retype(ram_slot, RAMPART_OBJ_TCB, 0, 22).is_ok());
    REQUIRE(retype(ram_slot, RAMPART_OBJ_REPLY, 0, 23).is_ok());
    REQUIRE(retype(ram_slot, RAMPART_OBJ_CNODE, 2, 24).is_ok());
    REQUIRE(retype(ram_slot, RAMPART_OBJ_FRAME_4K, 0, 25).is_ok());
    REQUIRE(retype(ram_slot, RAMPART_OBJ_SCHED_CONTEXT, 8, 26).is_ok());
    constexpr uint64_t wgp = RAMPART_RIGHT_WRITE | RAMPART_RIGHT_GRANT | RAMPART_RIGHT_GRANT_REPLY;
    constexpr uint64_t rw = RAMPART_RIGHT_READ | RAMPART_RIGHT_WRITE;
    REQUIRE(cnode_mint(in(2), addr(20), Rights{wgp}, 7).is_ok());
    REQUIRE(cnode_mint(in(10), addr(21), Rights::all(), 1u << 3).is_ok());
    REQUIRE(cnode_mint(in(202), addr(22), Rights{RAMPART_RIGHT_READ}, 0).is_ok());
    REQUIRE(cnode_mint(in(4), addr(23), Rights{RAMPART_RIGHT_WRITE}, 0).is_ok());
    REQUIRE(cnode_mint(in(5), addr(24), Rights::all(), RAMPART_CNODE_CAPDATA(0xff, 3)).is_ok());
    REQUIRE(cnode_copy(in(700), addr(25), Rights::all()).is_ok());
    REQUIRE(cnode_mint(in(3), addr(26), Rights{RAMPART_RIGHT_WRITE}, 0).is_ok());
    mdb_insert_root(Cap::irq_handler(33), at(138));
    mdb_insert_root(Cap::sched_control(0), at(900));

    const auto pa = [&](uint64_t s) { return cap(s).paddr().value; };
    Expect e;
    e.words({2, RAMPART_OBJ_ENDPOINT, pa(20), wgp, 7});
    e.words({3, RAMPART_OBJ_SCHED_CONTEXT, pa(26), RAMPART_RIGHTS_ALL, 0}); // not kept
    e.words({4, RAMPART_OBJ_REPLY, pa(23), 0, 0});                          // only "can grant"
    e.words({5, RAMPART_OBJ_CNODE, pa(24), RAMPART_RIGHTS_ALL, RAMPART_CNODE_CAPDATA(7, 3)});
    e.words({10, RAMPART_OBJ_NOTIFICATION, pa(21), rw, 8});
    e.words({138, RAMPART_DIGEST_CAP_IRQ_HANDLER, 33, RAMPART_RIGHTS_ALL, 0});
    e.words({202, RAMPART_OBJ_TCB, pa(22), RAMPART_RIGHTS_ALL, 0});
    e.words({700, RAMPART_OBJ_FRAME_4K, pa(25), rw, 0});
    e.words({900, RAMPART_DIGEST_CAP_SCHED_CONTROL, 0, RAMPART_RIGHTS_ALL, 0});
    unsigned steps = 0;
    CHECK(digest(steps) == e.h);

    // Resuming at any slot with the digest of the slots below it gives the same value.
    Expect below;
    below.words({2, RAMPART_OBJ_ENDPOINT, pa(20), wgp, 7});
    below.words({3, RAMPART_OBJ_SCHED_CONTEXT, pa(26), RAMPART_RIGHTS_ALL, 0});
    below.words({4, RAMPART_OBJ_REPLY, pa(23), 0, 0});
    below.words({5, RAMPART_OBJ_CNODE, pa(24), RAMPART_RIGHTS_ALL, RAMPART_CNODE_CAPDATA(7, 3)});
    below.words({10, RAMPART_OBJ_NOTIFICATION, pa(21), rw, 8});
    uint64_t next = 11, hash = below.h;
    while (next < (1u << radix))
        REQUIRE(cnode_digest(cnode, next, hash).is_ok());
    CHECK(hash == e.h);
}

TEST_CASE_METHOD(WithCNode, "CNode Digest: a start beyond the CNode is a range error",
                 "[kernel][digest]") {
    uint64_t next = (1u << radix) + 1, hash = 5;
    const Status s = cnode_digest(cnode, next, hash);
    CHECK(s.error() == Error::RangeError);
    CHECK(s.word(0) == 0);
    CHECK(s.word(1) == (1u << radix));
    next = 1u << radix; // the end: nothing left, the value unchanged
    REQUIRE(cnode_digest(cnode, next, hash).is_ok());
    CHECK(next == (1u << radix));
    CHECK(hash == 5);
}
