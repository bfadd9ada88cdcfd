// The invariant checker itself: each kind of corruption is detected.
#include <catch2/catch.hpp>

#include "fixture.hpp"

using namespace rampart::kernel;
using namespace rampart::kernel::test;

TEST_CASE_METHOD(Fixture, "a healthy tree passes", "[kernel][invariants]") {
    REQUIRE(retype(ram_slot, RAMPART_OBJ_ENDPOINT, 0, 20, 4).is_ok());
    const InvariantReport r = check_invariants(1000);
    CHECK(r.ok);
    CHECK(r.caps == 7);
}

TEST_CASE_METHOD(Fixture, "overlapping objects are reported", "[kernel][invariants]") {
    REQUIRE(retype(ram_slot, RAMPART_OBJ_FRAME_4K, 0, 20).is_ok());
    mdb_insert_new(Cap::endpoint(cap(20).paddr() + 32, 0, Rights::all()), slot(ram_slot), slot(21));
    CHECK(invariant_violation() == "two live objects overlap");
}

TEST_CASE_METHOD(Fixture, "an object above the watermark is reported", "[kernel][invariants]") {
    REQUIRE(retype(ram_slot, RAMPART_OBJ_ENDPOINT, 0, 20).is_ok());
    mdb_insert_new(Cap::endpoint(ram_base + 4096, 0, Rights::all()), slot(ram_slot), slot(21));
    CHECK(invariant_violation() == "object above its untyped's watermark");
}

TEST_CASE_METHOD(Fixture, "a watermark past the end is reported", "[kernel][invariants]") {
    slot(ram_slot).cap = cap(ram_slot).with_free_index((1u << ram_bits) + 16);
    CHECK(invariant_violation() == "untyped watermark past its end");
}

TEST_CASE_METHOD(Fixture, "a clear mark past the end is reported", "[kernel][invariants]") {
    slot(ram_slot).cap = cap(ram_slot).with_clear_index((1u << ram_bits) + 256);
    CHECK(invariant_violation() == "untyped clear mark past its end");
}

TEST_CASE_METHOD(Fixture, "an object outside its untyped's subtree is reported",
                 "[kernel][invariants]") {
    REQUIRE(retype(ram_slot, RAMPART_OBJ_ENDPOINT, 0, 20).is_ok());
    mdb_insert_root(Cap::notification(ram_base + 64, 0, Rights::all()), slot(21));
    CHECK(invariant_violation() == "memory inside an untyped is not its descendant");
}

TEST_CASE_METHOD(Fixture, "broken links and empty slots in the list are reported",
                 "[kernel][invariants]") {
    REQUIRE(retype(ram_slot, RAMPART_OBJ_ENDPOINT, 0, 20, 2).is_ok());
    Slot* prev = slot(21).prev();
    slot(21).set_prev(&slot(5));
    CHECK(invariant_violation() == "derivation list links disagree");
    slot(21).set_prev(prev);
    slot(21).cap = Cap::null();
    CHECK(invariant_violation() == "empty slot in the derivation list");
}

TEST_CASE_METHOD(Fixture, "caps to one object must be adjacent", "[kernel][invariants]") {
    REQUIRE(retype(ram_slot, RAMPART_OBJ_ENDPOINT, 0, 20, 2).is_ok());
    // The list is untyped, 21, 20: a copy of 20's endpoint right after the
    // untyped puts 21's endpoint between two caps to 20's.
    mdb_insert(cap(20), slot(ram_slot), slot(30));
    CHECK(invariant_violation() ==
          "caps to one object are not adjacent, or siblings out of address order");
}

TEST_CASE_METHOD(Fixture, "a badged copy needs its first badged cap", "[kernel][invariants]") {
    REQUIRE(retype(ram_slot, RAMPART_OBJ_ENDPOINT, 0, 20).is_ok());
    REQUIRE(mint(21, 20, 3).is_ok());
    REQUIRE(copy(22, 21).is_ok());
    slot(21).set_marks(true, false);
    CHECK(invariant_violation() == "badged copy without the first cap of its badge before it");
}

TEST_CASE_METHOD(Fixture, "a cyclic list is reported", "[kernel][invariants]") {
    REQUIRE(retype(ram_slot, RAMPART_OBJ_ENDPOINT, 0, 20).is_ok());
    slot(20).set_next(&slot(20));
    slot(20).set_prev(&slot(20));
    CHECK_FALSE(check_invariants(100).ok);
}

TEST_CASE_METHOD(Fixture, "a cap inside a CNode but outside the list is reported",
                 "[kernel][invariants]") {
    REQUIRE(retype(ram_slot, RAMPART_OBJ_CNODE, 2, 20).is_ok());
    phys_ptr<Slot>(cap(20).paddr())[1].cap = Cap::domain();
    CHECK(invariant_violation() == "a cap inside a CNode is not in the derivation list");
}

TEST_CASE_METHOD(Fixture, "a zombie's cleared slots must stay empty", "[kernel][invariants]") {
    REQUIRE(retype(ram_slot, RAMPART_OBJ_CNODE, 2, 20).is_ok());
    REQUIRE(retype(ram_slot, RAMPART_OBJ_ENDPOINT, 0, 21).is_ok());
    const Cap c = cap(20);
    Budget budget{3};
    REQUIRE(cnode_delete(addr(20), budget).is_preempted());
    REQUIRE(cap(20).zombie_remaining() < 4);
    CHECK(invariant_violation().empty());
    mdb_insert(cap(21), slot(21), phys_ptr<Slot>(c.paddr())[3]);
    CHECK(invariant_violation() == "a zombie's cleared slot holds a cap");
}

TEST_CASE_METHOD(Fixture, "caps to one IRQ handler must be adjacent", "[kernel][invariants]") {
    mdb_insert_root(Cap::irq_control(), slot(20));
    mdb_insert(Cap::irq_handler(40), slot(20), slot(21));
    mdb_insert(Cap::irq_handler(41), slot(20), slot(22));
    CHECK(invariant_violation().empty());
    mdb_insert(Cap::irq_handler(40), slot(20), slot(23)); // before 41, apart from 40
    CHECK(invariant_violation() == "caps to one object are not adjacent");
}

TEST_CASE_METHOD(Fixture, "roots come in descending address order", "[kernel][invariants]") {
    REQUIRE(retype(ram_slot, RAMPART_OBJ_ENDPOINT, 0, 20, 2).is_ok());
    // Boot's roots are sorted; a root put in by hand out of order is not.
    mdb_insert_root(
        Cap::frame(ram_base + (uint64_t{4} << 20), FrameSize::Small, Rights::all(), false),
        slot(22));
    CHECK(invariant_violation().empty());
    Slot& frame = slot(22);
    Slot* before = frame.prev();
    Slot* after = frame.next();
    before->set_next(after);
    after->set_prev(before);
    mdb_sentinel().next()->set_prev(&frame);
    frame.set_next(mdb_sentinel().next());
    frame.set_prev(&mdb_sentinel());
    mdb_sentinel().set_next(&frame);
    frame.cap = Cap::frame(Paddr{ram_base.value - 4096}, FrameSize::Small, Rights::all(), false);
    CHECK(invariant_violation() ==
          "caps to one object are not adjacent, or siblings out of address order");
}

TEST_CASE_METHOD(Fixture, "a cap outside every live object is reported", "[kernel][invariants]") {
    REQUIRE(retype(ram_slot, RAMPART_OBJ_CNODE, 2, 20).is_ok());
    REQUIRE(retype(ram_slot, RAMPART_OBJ_ENDPOINT, 0, 21).is_ok());
    Slot* inside = phys_ptr<Slot>(cap(20).paddr());
    REQUIRE(cnode_copy(SlotAddr{cap(20), CPtr{1}, 2}, addr(21), Rights::all()).is_ok());
    CHECK(invariant_violation().empty());
    // The CNode's memory goes without its contents being deleted.
    mdb_remove(slot(20));
    CHECK(inside[1].cap.type() == CapType::Endpoint);
    CHECK(invariant_violation() ==
          "a cap in the list lies outside every live CNode, TCB and kernel slot");
}

namespace {

unsigned probes;
bool interrupt_on_second_probe() {
    return ++probes >= 2;
}

uint64_t work_for(Fixture& f, uint64_t endpoints) {
    for (uint64_t i = 0; i < endpoints; i += 64)
        REQUIRE(f.retype(ram_slot, RAMPART_OBJ_ENDPOINT, 0, 32 + i, 64).is_ok());
    InvariantCheck check{9, 1u << 20};
    REQUIRE(check_capabilities(check, 0));
    return check.work();
}

} // namespace

// Finding 14 (issue #11): DebugCheck compared every pair of caps (quadratic)
// and could not be interrupted. A run now asks for pending interrupts every
// few units of work and stops undecided, and its work is linear.
TEST_CASE_METHOD(Fixture, "lifetime_14_the_checker_is_interruptible_and_linear",
                 "[kernel][invariants]") {
    for (uint64_t i = 0; i < 192; i += 64)
        REQUIRE(retype(ram_slot, RAMPART_OBJ_ENDPOINT, 0, 32 + i, 64).is_ok());
    // A CNode of 4,096 slots: the walk reads 16 slots per unit of work.
    REQUIRE(retype(ram_slot, RAMPART_OBJ_CNODE, 12, 224).is_ok());
    probes = 0;
    InvariantCheck check{5, 1u << 20, interrupt_on_second_probe};
    CHECK_FALSE(check_capabilities(check, 0));
    CHECK(check.report().ok);
    CHECK(check.report().incomplete != nullptr);
    CHECK(probes == 2);
    CHECK(check.work() == 2 * InvariantCheck::units_between_probes);
}

TEST_CASE("lifetime_14_the_checkers_work_grows_linearly", "[kernel][invariants]") {
    Fixture small{20};
    const uint64_t w1 = work_for(small, 64);
    Fixture big{20};
    const uint64_t w2 = work_for(big, 128);
    INFO(w1 << " units for 64 endpoints, " << w2 << " for 128");
    CHECK(w2 < 2 * w1 + 64);
}
