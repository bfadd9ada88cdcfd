// CNode invocations: Copy, Mint, Move, Mutate, Rotate, Delete, Revoke.
#include <catch2/catch.hpp>

#include "fixture.hpp"

using namespace rampart::kernel;
using namespace rampart::kernel::test;

namespace {

// An endpoint in slot 20 and a notification in slot 21, fresh from retype.
struct WithObjects : Fixture {
    WithObjects() {
        REQUIRE(retype(ram_slot, RAMPART_OBJ_ENDPOINT, 0, 20).is_ok());
        REQUIRE(retype(ram_slot, RAMPART_OBJ_NOTIFICATION, 0, 21).is_ok());
    }
};

} // namespace

TEST_CASE_METHOD(WithObjects, "Copy makes a sibling-derived cap with masked rights",
                 "[kernel][cnode]") {
    REQUIRE(copy(30, 20, RAMPART_RIGHT_WRITE).is_ok());
    CHECK(cap(30).type() == CapType::Endpoint);
    CHECK(cap(30).paddr() == cap(20).paddr());
    CHECK(cap(30).rights().bits() == RAMPART_RIGHT_WRITE);
    CHECK(slot(20).next() == &slot(30));
    CHECK_FALSE(slot(30).revocable());
    CHECK(has_children(slot(20)));
    // A copy of the copy can only lose rights.
    REQUIRE(copy(31, 30).is_ok());
    CHECK(cap(31).rights().bits() == RAMPART_RIGHT_WRITE);
    CHECK(invariant_violation().empty());
}

TEST_CASE_METHOD(WithObjects, "Copy errors", "[kernel][cnode]") {
    CHECK(copy(20, 21).error() == Error::DeleteFirst);
    const Status st = copy(30, 40);
    CHECK(st.error() == Error::FailedLookup);
    CHECK(st.lookup_was_source());
    CHECK(st.lookup_fault().kind == LookupFailure::MissingCapability);
    CHECK(st.lookup_fault().bits_left == 64);
    CHECK(cnode_copy({root, CPtr{30}, 8}, addr(20), Rights::all()).error() == Error::FailedLookup);
    CHECK(cnode_copy(addr(30), {root, CPtr{20}, 0}, Rights::all()).error() == Error::RangeError);
    CHECK(cnode_copy({Cap::null(), CPtr{30}, 64}, addr(20), Rights::all()).error() ==
          Error::FailedLookup);
}

TEST_CASE_METHOD(WithObjects, "IRQ control and zombies cannot be copied", "[kernel][cnode]") {
    mdb_insert_root(Cap::irq_control(), slot(4));
    CHECK(copy(30, 4).error() == Error::IllegalOperation);
    CHECK(cap(30).is_null());
}

TEST_CASE_METHOD(WithObjects, "Mint sets a badge once and starts a revocable subtree",
                 "[kernel][cnode]") {
    REQUIRE(mint(30, 20, 7).is_ok());
    CHECK(cap(30).badge() == 7);
    CHECK(slot(30).revocable());
    CHECK(slot(30).first_badged());
    REQUIRE(copy(31, 30).is_ok());
    CHECK(cap(31).badge() == 7);
    CHECK_FALSE(slot(31).first_badged());
    CHECK(is_parent_of(slot(30), slot(31)));
    CHECK(mint(32, 30, 8).error() == Error::IllegalOperation); // already badged
    REQUIRE(mint(33, 21, 0x55, RAMPART_RIGHT_WRITE).is_ok());
    CHECK(cap(33).badge() == 0x55);
    CHECK(cap(33).rights().bits() == RAMPART_RIGHT_WRITE);
    CHECK(invariant_violation().empty());
}

TEST_CASE_METHOD(WithObjects, "Mint of a CNode sets its guard", "[kernel][cnode]") {
    REQUIRE(retype(ram_slot, RAMPART_OBJ_CNODE, 3, 22).is_ok());
    REQUIRE(mint(30, 22, RAMPART_CNODE_CAPDATA(5, 3)).is_ok());
    CHECK(cap(30).cnode_guard() == 5);
    CHECK(cap(30).cnode_guard_size() == 3);
    CHECK(mint(31, 22, RAMPART_CNODE_CAPDATA(0, 62)).error() == Error::IllegalOperation);
}

TEST_CASE_METHOD(WithObjects, "Move keeps the cap's place in the tree", "[kernel][cnode]") {
    REQUIRE(mint(30, 20, 9).is_ok());
    Slot* prev = slot(30).prev();
    REQUIRE(cnode_move(addr(40), addr(30)).is_ok());
    CHECK(cap(30).is_null());
    CHECK(cap(40).badge() == 9);
    CHECK(slot(40).prev() == prev);
    CHECK(slot(40).revocable());
    CHECK(cnode_move(addr(40), addr(21)).error() == Error::DeleteFirst);
    CHECK(cnode_move(addr(41), addr(30)).error() == Error::FailedLookup);
    CHECK(invariant_violation().empty());
}

TEST_CASE_METHOD(WithObjects, "Mutate changes a CNode guard but never a badge", "[kernel][cnode]") {
    REQUIRE(retype(ram_slot, RAMPART_OBJ_CNODE, 2, 22).is_ok());
    REQUIRE(cnode_mutate(addr(30), addr(22), RAMPART_CNODE_CAPDATA(1, 1)).is_ok());
    CHECK(cap(22).is_null());
    CHECK(cap(30).cnode_guard_size() == 1);
    CHECK(cnode_mutate(addr(31), addr(20), 5).error() == Error::IllegalOperation);
    CHECK(cap(20).type() == CapType::Endpoint);
    REQUIRE(cnode_mutate(addr(32), addr(ram_slot), 0).is_ok()); // other types unchanged
    CHECK(cap(32).type() == CapType::Untyped);
    CHECK(invariant_violation().empty());
}

TEST_CASE_METHOD(WithObjects, "Rotate moves pivot to dest and src to pivot", "[kernel][cnode]") {
    REQUIRE(retype(ram_slot, RAMPART_OBJ_CNODE, 2, 22).is_ok());
    REQUIRE(retype(ram_slot, RAMPART_OBJ_CNODE, 3, 23).is_ok());
    const Cap c22 = cap(22);
    const Cap c23 = cap(23);
    REQUIRE(cnode_rotate(addr(30), RAMPART_CNODE_CAPDATA(0, 2), addr(22),
                         RAMPART_CNODE_CAPDATA(0, 1), addr(23))
                .is_ok());
    CHECK(cap(30).paddr() == c22.paddr());
    CHECK(cap(30).cnode_guard_size() == 2);
    CHECK(cap(22).paddr() == c23.paddr());
    CHECK(cap(22).cnode_guard_size() == 1);
    CHECK(cap(23).is_null());
    // dest == src: a swap.
    REQUIRE(cnode_rotate(addr(30), 0, addr(22), 0, addr(30)).is_ok());
    CHECK(cap(30).paddr() == c23.paddr());
    CHECK(cap(22).paddr() == c22.paddr());
    CHECK(invariant_violation().empty());
}

TEST_CASE_METHOD(WithObjects, "Rotate errors", "[kernel][cnode]") {
    CHECK(cnode_rotate(addr(30), 0, addr(20), 0, addr(20)).error() == Error::IllegalOperation);
    CHECK(cnode_rotate(addr(20), 0, addr(20), 0, addr(21)).error() == Error::IllegalOperation);
    CHECK(cnode_rotate(addr(21), 0, addr(ram_slot), 0, addr(20)).error() == Error::DeleteFirst);
    Status st = cnode_rotate(addr(30), 0, addr(ram_slot), 0, addr(31));
    CHECK(st.error() == Error::FailedLookup);
    CHECK(st.lookup_was_source());
    st = cnode_rotate(addr(30), 0, addr(31), 0, addr(ram_slot));
    CHECK(st.error() == Error::FailedLookup);
    CHECK_FALSE(st.lookup_was_source());
    // Rotating an endpoint would change its badge: not allowed (seL4).
    CHECK(cnode_rotate(addr(30), 0, addr(ram_slot), 0, addr(20)).error() ==
          Error::IllegalOperation);
}

TEST_CASE_METHOD(WithObjects, "Delete of a copy leaves the object, the last one finalises it",
                 "[kernel][cnode]") {
    REQUIRE(copy(30, 20).is_ok());
    REQUIRE(del(20).is_ok());
    CHECK(cap(20).is_null());
    CHECK(is_final(slot(30)));
    REQUIRE(del(30).is_ok());
    CHECK(del(30).is_ok());              // deleting an empty slot succeeds
    CHECK(has_children(slot(ram_slot))); // the notification remains
    CHECK(invariant_violation().empty());
}

TEST_CASE_METHOD(WithObjects, "Revoke removes every descendant and keeps the cap",
                 "[kernel][cnode]") {
    REQUIRE(mint(30, 20, 1).is_ok());
    REQUIRE(copy(31, 30).is_ok());
    REQUIRE(copy(32, 31).is_ok());
    REQUIRE(mint(33, 20, 2).is_ok());
    REQUIRE(copy(34, 20).is_ok());
    REQUIRE(revoke(30).is_ok()); // badge 1 subtree only
    CHECK(cap(31).is_null());
    CHECK(cap(32).is_null());
    CHECK(cap(30).badge() == 1);
    CHECK(cap(33).badge() == 2);
    REQUIRE(revoke(20).is_ok());
    for (uint64_t i : {uint64_t{30}, uint64_t{33}, uint64_t{34}}) {
        CHECK(cap(i).is_null());
    }
    CHECK_FALSE(has_children(slot(20)));
    REQUIRE(revoke(ram_slot).is_ok());
    CHECK(cap(20).is_null());
    CHECK(cap(21).is_null());
    CHECK_FALSE(has_children(slot(ram_slot)));
    CHECK(invariant_violation().empty());
}

TEST_CASE_METHOD(WithObjects, "Revoke is preemptible and restartable", "[kernel][cnode]") {
    for (uint64_t i = 0; i < 40; ++i) {
        REQUIRE(copy(100 + i, 20).is_ok());
    }
    int rounds = 0;
    for (;;) {
        Budget budget{3};
        const Status st = cnode_revoke(addr(20), budget);
        ++rounds;
        CHECK(invariant_violation().empty());
        if (st.is_ok()) {
            break;
        }
        REQUIRE(st.is_preempted());
    }
    CHECK(rounds >= 13);
    CHECK_FALSE(has_children(slot(20)));
}

TEST_CASE_METHOD(WithObjects, "deleting the minted original keeps the badge's subtree",
                 "[kernel][cnode]") {
    REQUIRE(mint(30, 20, 5).is_ok());
    REQUIRE(copy(31, 30).is_ok());
    REQUIRE(del(30).is_ok());
    CHECK(slot(31).first_badged());
    CHECK(invariant_violation().empty());
    REQUIRE(mint(32, 20, 5).is_ok()); // a new first cap of badge 5
    REQUIRE(revoke(32).is_ok());
    CHECK(cap(31).type() == CapType::Endpoint); // not its child
}
