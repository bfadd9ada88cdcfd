// Status values and their ABI error words; preempted deletions that are
// moved or finished by someone else.
#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "kernel/cap_ops.hpp"
#include "kernel/delete.hpp"

using namespace rampart::kernel;
using namespace rampart::kernel::test;

TEST_CASE("errors encode their extra words", "[kernel][status]") {
    uint64_t w[RAMPART_ERROR_MAX_WORDS] = {};
    CHECK(Status::ok().encode(w) == 0);
    CHECK(Status::invalid_argument(3).encode(w) == 1);
    CHECK(w[0] == 3);
    CHECK(Status::range_error(1, 256).encode(w) == 2);
    CHECK((w[0] == 1 && w[1] == 256));
    CHECK(Status::not_enough_memory(4096).encode(w) == 1);
    CHECK(w[0] == 4096);
    CHECK(Status::failed_lookup(false, LookupFault::guard_mismatch(12, 5, 3)).encode(w) == 5);
    CHECK((w[0] == 0 && w[1] == RAMPART_LOOKUP_GUARD_MISMATCH && w[2] == 12 && w[3] == 5 &&
           w[4] == 3));
    CHECK(Status::failed_lookup(true, LookupFault::depth_mismatch(4, 8)).encode(w) == 4);
    CHECK(Status::failed_lookup(true, LookupFault::missing_capability(64)).encode(w) == 3);
    CHECK(w[2] == 64);
    CHECK(Status::delete_first().encode(w) == 0);
    CHECK(static_cast<unsigned>(Status::revoke_first().error()) == RAMPART_REVOKE_FIRST);
    CHECK(Status::preempted().is_preempted());
    CHECK_FALSE(Status::preempted().is_ok());
}

TEST_CASE("budgets", "[kernel][status]") {
    Budget b{2};
    CHECK(b.take());
    CHECK(b.take());
    CHECK_FALSE(b.take());
    Budget u = Budget::unlimited();
    for (int i = 0; i < 1000; ++i) {
        REQUIRE(u.take());
    }
    CHECK(u.units() == Budget::unlimited_units);
}

TEST_CASE_METHOD(Fixture, "a half-deleted CNode can be moved and its deletion resumed",
                 "[kernel][status]") {
    REQUIRE(retype(ram_slot, RAMPART_OBJ_ENDPOINT, 0, 20).is_ok());
    REQUIRE(retype(ram_slot, RAMPART_OBJ_CNODE, 4, 21).is_ok());
    const Cap c = cap(21);
    for (uint64_t i = 0; i < 16; ++i) {
        REQUIRE(cnode_copy({c, CPtr{i}, 4}, addr(20), Rights::all()).is_ok());
    }
    Budget budget{5};
    REQUIRE(cnode_delete(addr(21), budget).is_preempted());
    REQUIRE(cap(21).type() == CapType::Zombie);
    CHECK(copy(22, 21).error() == Error::IllegalOperation); // zombies cannot be copied
    REQUIRE(cnode_move(addr(30), addr(21)).is_ok());
    CHECK(invariant_violation().empty());
    REQUIRE(del(30).is_ok());
    CHECK(cap(30).is_null());
    CHECK_FALSE(has_children(slot(20)));
    CHECK(invariant_violation().empty());
}

TEST_CASE_METHOD(Fixture, "revoking the untyped finishes a preempted deletion",
                 "[kernel][status]") {
    REQUIRE(retype(ram_slot, RAMPART_OBJ_CNODE, 5, 21).is_ok());
    REQUIRE(retype(ram_slot, RAMPART_OBJ_NOTIFICATION, 0, 20).is_ok());
    const Cap c = cap(21);
    for (uint64_t i = 0; i < 32; i += 3) {
        REQUIRE(cnode_copy({c, CPtr{i}, 5}, addr(20), Rights::all()).is_ok());
    }
    Budget budget{7};
    REQUIRE(cnode_delete(addr(21), budget).is_preempted());
    REQUIRE(revoke(ram_slot).is_ok());
    CHECK(cap(21).is_null());
    CHECK(cap(20).is_null());
    CHECK_FALSE(has_children(slot(ram_slot)));
    CHECK(invariant_violation().empty());
}

TEST_CASE("a frame copy is unmapped and keeps only read/write", "[kernel][status]") {
    const Cap mapped = Cap::frame(Paddr{0x4000'0000}, FrameSize::Small, Rights::all(), false,
                                  (uint64_t{7} << 48) | 0x40'0000);
    REQUIRE(mapped.frame_is_mapped());
    Slot s;
    Cap out;
    REQUIRE(derive_cap(s, mask_cap_rights(Rights::all(), mapped), out).is_ok());
    CHECK_FALSE(out.frame_is_mapped());
    CHECK(out.mapped_word() == 0);
    CHECK(out.rights().bits() == (RAMPART_RIGHT_READ | RAMPART_RIGHT_WRITE));
    const Cap pt = Cap::page_table(Paddr{0x4000'1000}, 0x20'0000, true);
    REQUIRE(derive_cap(s, pt, out).is_ok());
    CHECK(out == pt);
}
