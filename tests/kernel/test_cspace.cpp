// CSpace addressing: guards, radix, depth and every lookup failure.
#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "kernel/cspace.hpp"

using namespace rampart::kernel;
using namespace rampart::kernel::test;

namespace {

// A (radix 4, guard 0xA of 4 bits) whose slot 3 holds B (radix 6, guard 1 of
// 2 bits) and whose slot 5 holds an endpoint.
struct TwoLevel : Fixture {
    Cap a;
    Cap b_in_a;
    TwoLevel() {
        REQUIRE(retype(ram_slot, RAMPART_OBJ_CNODE, 4, 20).is_ok());
        REQUIRE(retype(ram_slot, RAMPART_OBJ_CNODE, 6, 21).is_ok());
        REQUIRE(retype(ram_slot, RAMPART_OBJ_ENDPOINT, 0, 22).is_ok());
        a = Cap::cnode(cap(20).paddr(), 4, 4, 0xA);
        REQUIRE(cnode_mint({a, CPtr{(0xA << 4) | 3}, 8}, addr(21), Rights::all(),
                           RAMPART_CNODE_CAPDATA(1, 2))
                    .is_ok());
        REQUIRE(cnode_copy({a, CPtr{(0xA << 4) | 5}, 8}, addr(22), Rights::all()).is_ok());
        b_in_a = phys_ptr<Slot>(a.paddr())[3].cap;
    }
    static constexpr uint64_t deep(uint64_t a_guard, uint64_t a_index, uint64_t b_guard,
                                   uint64_t b_index) {
        return (a_guard << 12) | (a_index << 8) | (b_guard << 6) | b_index;
    }
};

} // namespace

TEST_CASE_METHOD(TwoLevel, "two-level lookup resolves guards and radices", "[kernel][cspace]") {
    Resolved r;
    REQUIRE(resolve_address_bits(a, CPtr{deep(0xA, 3, 1, 9)}, 16, r).kind == LookupFailure::None);
    CHECK(r.slot == phys_ptr<Slot>(b_in_a.paddr()) + 9);
    CHECK(r.bits_remaining == 0);

    REQUIRE(resolve_address_bits(a, CPtr{(0xA << 4) | 3}, 8, r).kind == LookupFailure::None);
    CHECK(r.slot->cap.type() == CapType::CNode);

    Slot* s = nullptr;
    REQUIRE(lookup_slot_for_cnode_op(false, a, CPtr{deep(0xA, 3, 1, 63)}, 16, s).is_ok());
    CHECK(s == phys_ptr<Slot>(b_in_a.paddr()) + 63);
}

TEST_CASE_METHOD(TwoLevel, "lookup failures report the bits left", "[kernel][cspace]") {
    Resolved r;
    LookupFault f = resolve_address_bits(a, CPtr{deep(0xB, 3, 1, 9)}, 16, r);
    CHECK(f.kind == LookupFailure::GuardMismatch);
    CHECK(f.bits_left == 16);
    CHECK(f.word1 == 0xA);
    CHECK(f.word2 == 4);

    f = resolve_address_bits(a, CPtr{deep(0xA, 3, 2, 9)}, 16, r);
    CHECK(f.kind == LookupFailure::GuardMismatch);
    CHECK(f.bits_left == 8);
    CHECK(f.word1 == 1);
    CHECK(f.word2 == 2);

    f = resolve_address_bits(a, CPtr{0x2a}, 6, r);
    CHECK(f.kind == LookupFailure::DepthMismatch);
    CHECK(f.bits_left == 6);
    CHECK(f.word1 == 8);

    f = resolve_address_bits(a, CPtr{0x2}, 2, r); // fewer bits than the guard
    CHECK(f.kind == LookupFailure::GuardMismatch);
    CHECK(f.bits_left == 2);

    f = resolve_address_bits(Cap::endpoint(Paddr{0x4000'0000}, 0, Rights::all()), CPtr{0}, 8, r);
    CHECK(f.kind == LookupFailure::InvalidRoot);
}

TEST_CASE_METHOD(TwoLevel, "CNode operations need an exact depth", "[kernel][cspace]") {
    Slot* s = nullptr;
    // Runs into B with only 4 bits left: B needs 8.
    Status st = lookup_slot_for_cnode_op(true, a, CPtr{(((0xA << 4) | 3) << 4) | 4}, 12, s);
    CHECK(st.error() == Error::FailedLookup);
    CHECK(st.lookup_was_source());
    CHECK(st.lookup_fault().kind == LookupFailure::DepthMismatch);
    CHECK(st.lookup_fault().bits_left == 4);
    CHECK(st.lookup_fault().word1 == 8);

    // Stops at the endpoint in slot 5 with 8 bits unresolved.
    st = lookup_slot_for_cnode_op(false, a, CPtr{deep(0xA, 5, 0, 0)}, 16, s);
    CHECK(st.error() == Error::FailedLookup);
    CHECK_FALSE(st.lookup_was_source());
    CHECK(st.lookup_fault().kind == LookupFailure::DepthMismatch);
    CHECK(st.lookup_fault().bits_left == 8);
    CHECK(st.lookup_fault().word1 == 0);

    st = lookup_slot_for_cnode_op(false, a, CPtr{0}, 0, s);
    CHECK(st.error() == Error::RangeError);
    CHECK(st.word(0) == 1);
    CHECK(st.word(1) == 64);
    CHECK(lookup_slot_for_cnode_op(false, a, CPtr{0}, 65, s).error() == Error::RangeError);

    st = lookup_slot_for_cnode_op(true, Cap::null(), CPtr{0}, 8, s);
    CHECK(st.error() == Error::FailedLookup);
    CHECK(st.lookup_fault().kind == LookupFailure::InvalidRoot);
    uint64_t words[RAMPART_ERROR_MAX_WORDS] = {};
    CHECK(st.encode(words) == 2);
    CHECK(words[0] == 1);
    CHECK(words[1] == RAMPART_LOOKUP_INVALID_ROOT);
}

TEST_CASE_METHOD(TwoLevel, "a full-word lookup stops at the first non-CNode cap",
                 "[kernel][cspace]") {
    Slot* s = nullptr;
    const Cap top = Cap::cnode(a.paddr(), 4, 52, 0xA); // 52 + 4 + (guard 2 + radix 6) = 64
    REQUIRE(lookup_slot(top, CPtr{deep(0xA, 3, 1, 17)}, s).kind == LookupFailure::None);
    CHECK(s == phys_ptr<Slot>(b_in_a.paddr()) + 17);
    REQUIRE(lookup_slot(top, CPtr{deep(0xA, 5, 3, 3)}, s).kind == LookupFailure::None);
    CHECK(s->cap.type() == CapType::Endpoint);
}

TEST_CASE_METHOD(Fixture, "the fixture's root CNode addresses slots by index", "[kernel][cspace]") {
    Slot* s = nullptr;
    REQUIRE(lookup_slot_for_cnode_op(false, root, CPtr{ram_slot}, 64, s).is_ok());
    CHECK(s->cap.type() == CapType::Untyped);
    CHECK(invariant_violation().empty());
}
