// Untyped Retype: every object type, alignment, limits, device memory,
// reset and clearing.
#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "object/objects.hpp"
#include "object/sched_context.hpp"
#include "object/tcb.hpp"

using namespace rampart::kernel;
using namespace rampart::kernel::test;

TEST_CASE("every RAM object type can be made", "[kernel][untyped]") {
    struct Case {
        uint64_t type;
        uint64_t size_bits;
        CapType cap;
        uint64_t bytes;
    };
    const Case cases[] = {
        {RAMPART_OBJ_UNTYPED, 12, CapType::Untyped, 4096},
        {RAMPART_OBJ_TCB, 0, CapType::Tcb, 2048},
        {RAMPART_OBJ_ENDPOINT, 0, CapType::Endpoint, 16},
        {RAMPART_OBJ_NOTIFICATION, 0, CapType::Notification, 64},
        {RAMPART_OBJ_CNODE, 4, CapType::CNode, 512},
        {RAMPART_OBJ_SCHED_CONTEXT, 8, CapType::SchedContext, 256},
        {RAMPART_OBJ_REPLY, 0, CapType::Reply, 32},
        {RAMPART_OBJ_FRAME_4K, 0, CapType::Frame, 4096},
        {RAMPART_OBJ_FRAME_2M, 0, CapType::Frame, 2u << 20},
        {RAMPART_OBJ_PAGE_TABLE, 0, CapType::PageTable, 4096},
        {RAMPART_OBJ_VSPACE, 0, CapType::VSpace, 4096},
    };
    for (const Case& c : cases) {
        Fixture f{23};
        INFO("type " << c.type);
        REQUIRE(f.retype(ram_slot, c.type, c.size_bits, 20, 3).is_ok());
        for (uint64_t i = 0; i < 3; ++i) {
            const Cap cap = f.cap(20 + i);
            CHECK(cap.type() == c.cap);
            CHECK(cap_region_bytes(cap) == c.bytes);
            CHECK(cap.paddr() == f.ram_base + i * c.bytes);
            CHECK(f.slot(20 + i).revocable());
        }
        CHECK(f.cap(ram_slot).untyped_free_index() == 3 * c.bytes);
        CHECK(invariant_violation().empty());
    }
}

TEST_CASE_METHOD(Fixture, "objects are aligned up from the watermark", "[kernel][untyped]") {
    REQUIRE(retype(ram_slot, RAMPART_OBJ_ENDPOINT, 0, 20).is_ok());
    REQUIRE(retype(ram_slot, RAMPART_OBJ_TCB, 0, 21).is_ok());
    CHECK(cap(21).paddr() == ram_base + 2048);
    REQUIRE(retype(ram_slot, RAMPART_OBJ_ENDPOINT, 0, 22).is_ok());
    CHECK(cap(22).paddr() == ram_base + 4096);
    CHECK(cap(ram_slot).untyped_free_index() == 4096 + 16);
    // The list order puts the newest child first after its untyped.
    CHECK(slot(ram_slot).next() == &slot(22));
}

TEST_CASE_METHOD(Fixture, "argument checks follow seL4", "[kernel][untyped]") {
    CHECK(retype(ram_slot, RAMPART_OBJ_TYPE_COUNT, 0, 20).error() == Error::InvalidArgument);
    Status st = retype(ram_slot, RAMPART_OBJ_UNTYPED, 3, 20);
    CHECK(st.error() == Error::InvalidArgument);
    CHECK(st.word(0) == 1);
    CHECK(retype(ram_slot, RAMPART_OBJ_UNTYPED, 48, 20).error() == Error::RangeError);
    CHECK(retype(ram_slot, RAMPART_OBJ_CNODE, 0, 20).error() == Error::InvalidArgument);
    CHECK(retype(ram_slot, RAMPART_OBJ_SCHED_CONTEXT, 7, 20).error() == Error::InvalidArgument);
    CHECK(retype(ram_slot, RAMPART_OBJ_SCHED_CONTEXT, 17, 20).error() == Error::RangeError);

    st = retype(ram_slot, RAMPART_OBJ_ENDPOINT, 0, 20, 0);
    CHECK(st.error() == Error::RangeError);
    CHECK(st.word(0) == 1);
    CHECK(st.word(1) == RAMPART_RETYPE_FAN_OUT_LIMIT);
    CHECK(retype(ram_slot, RAMPART_OBJ_ENDPOINT, 0, 0, 257).error() == Error::RangeError);
    st = retype(ram_slot, RAMPART_OBJ_ENDPOINT, 0, 256);
    CHECK(st.error() == Error::RangeError);
    CHECK(st.word(1) == 255);
    st = retype(ram_slot, RAMPART_OBJ_ENDPOINT, 0, 250, 10);
    CHECK(st.error() == Error::RangeError);
    CHECK(st.word(1) == 6);
    CHECK(retype(ram_slot, RAMPART_OBJ_ENDPOINT, 0, 0, 3).error() == Error::DeleteFirst);
    CHECK(cap(0).is_null());
    CHECK(retype(ram_slot, RAMPART_OBJ_ENDPOINT, 0, 20, 256 - 20).is_ok()); // fan-out window
}

TEST_CASE_METHOD(Fixture, "the destination CNode is looked up from the root", "[kernel][untyped]") {
    REQUIRE(retype(ram_slot, RAMPART_OBJ_CNODE, 3, 20).is_ok());
    Budget b = Budget::unlimited();
    REQUIRE(untyped_retype(slot(ram_slot), RAMPART_OBJ_ENDPOINT, 0,
                           RetypeDest{root, CPtr{20}, 64, 7, 1}, b)
                .is_ok());
    CHECK(phys_ptr<Slot>(cap(20).paddr())[7].cap.type() == CapType::Endpoint);
    Status st = untyped_retype(slot(ram_slot), RAMPART_OBJ_ENDPOINT, 0,
                               RetypeDest{root, CPtr{ram_slot}, 64, 0, 1}, b);
    CHECK(st.error() == Error::FailedLookup);
    CHECK(st.lookup_fault().kind == LookupFailure::MissingCapability);
    CHECK_FALSE(st.lookup_was_source());
    st = untyped_retype(slot(ram_slot), RAMPART_OBJ_ENDPOINT, 0,
                        RetypeDest{root, CPtr{20}, 63, 0, 1}, b);
    CHECK(st.error() == Error::FailedLookup);
}

TEST_CASE("NotEnoughMemory reports the bytes available", "[kernel][untyped]") {
    Fixture f{14};
    REQUIRE(f.retype(ram_slot, RAMPART_OBJ_ENDPOINT, 0, 20).is_ok());
    Status st = f.retype(ram_slot, RAMPART_OBJ_FRAME_4K, 0, 21, 4);
    CHECK(st.error() == Error::NotEnoughMemory);
    CHECK(st.word(0) == (16384 - 16));
    REQUIRE(f.retype(ram_slot, RAMPART_OBJ_FRAME_4K, 0, 21, 3).is_ok()); // the 3 aligned pages left
    CHECK(f.cap(ram_slot).untyped_free_index() == 16384);
    st = f.retype(ram_slot, RAMPART_OBJ_ENDPOINT, 0, 30);
    CHECK(st.error() == Error::NotEnoughMemory);
    CHECK(st.word(0) == 0);
    CHECK(f.retype(ram_slot, RAMPART_OBJ_FRAME_2M, 0, 30).error() == Error::NotEnoughMemory);
    CHECK(invariant_violation().empty());
}

TEST_CASE_METHOD(Fixture, "device untypeds make only frames and untypeds, uncleared",
                 "[kernel][untyped]") {
    CHECK(retype(device_slot, RAMPART_OBJ_ENDPOINT, 0, 20).error() == Error::InvalidArgument);
    CHECK(retype(device_slot, RAMPART_OBJ_CNODE, 4, 20).error() == Error::InvalidArgument);
    // Uncleared: the device range lies outside the host machine's memory,
    // so a kernel that touched it would stop the test.
    REQUIRE(retype(device_slot, RAMPART_OBJ_FRAME_1G, 0, 20).is_ok());
    CHECK(cap(20).frame_is_device());
    CHECK(cap(20).paddr() == Paddr{device_base});
    REQUIRE(retype(device_slot, RAMPART_OBJ_UNTYPED, 20, 21).is_ok());
    CHECK(cap(21).untyped_is_device());
    CHECK(cap(21).paddr() == Paddr{device_base + (1u << 30)});
    CHECK(retype(21, RAMPART_OBJ_TCB, 0, 22).error() == Error::InvalidArgument);
    REQUIRE(retype(21, RAMPART_OBJ_FRAME_4K, 0, 22, 4).is_ok());
    CHECK(invariant_violation().empty());
}

TEST_CASE_METHOD(Fixture, "an untyped resets and clears when its children are gone",
                 "[kernel][untyped]") {
    REQUIRE(retype(ram_slot, RAMPART_OBJ_FRAME_4K, 0, 20, 2).is_ok());
    auto* bytes = phys_ptr<unsigned char>(cap(21).paddr());
    bytes[100] = 0xAB;
    REQUIRE(retype(ram_slot, RAMPART_OBJ_ENDPOINT, 0, 22).is_ok());
    CHECK(cap(22).paddr() == ram_base + 8192); // children exist: no reset
    REQUIRE(del(20).is_ok());
    REQUIRE(del(21).is_ok());
    REQUIRE(del(22).is_ok());
    CHECK(cap(ram_slot).untyped_free_index() == 8192 + 16); // reset happens at the next retype
    REQUIRE(retype(ram_slot, RAMPART_OBJ_FRAME_4K, 0, 30, 2).is_ok());
    CHECK(cap(31).paddr() == ram_base + 4096);
    CHECK(phys_ptr<unsigned char>(cap(31).paddr())[100] == 0);
}

TEST_CASE_METHOD(Fixture, "untyped copies: not with children, and the original goes full",
                 "[kernel][untyped]") {
    REQUIRE(copy(20, ram_slot).is_ok());
    CHECK(cap(ram_slot).untyped_free_index() == (1u << ram_bits));
    REQUIRE(retype(20, RAMPART_OBJ_ENDPOINT, 0, 21).is_ok());
    CHECK(retype(ram_slot, RAMPART_OBJ_ENDPOINT, 0, 22).error() == Error::NotEnoughMemory);
    CHECK(copy(22, 20).error() == Error::RevokeFirst);
    CHECK(invariant_violation().empty());
    REQUIRE(revoke(ram_slot).is_ok());
    CHECK(cap(20).is_null());
    CHECK(cap(21).is_null());
    REQUIRE(retype(ram_slot, RAMPART_OBJ_ENDPOINT, 0, 22).is_ok());
    CHECK(cap(22).paddr() == ram_base);
}

TEST_CASE_METHOD(Fixture, "nested untypeds keep their children inside", "[kernel][untyped]") {
    REQUIRE(retype(ram_slot, RAMPART_OBJ_UNTYPED, 16, 20, 2).is_ok());
    REQUIRE(retype(21, RAMPART_OBJ_TCB, 0, 30).is_ok());
    CHECK(cap(30).paddr() == cap(21).paddr());
    REQUIRE(del(21).is_ok()); // the TCB becomes a child of the parent untyped
    CHECK(invariant_violation().empty());
    REQUIRE(revoke(ram_slot).is_ok());
    CHECK(cap(30).is_null());
    CHECK(cap(20).is_null());
}

TEST_CASE_METHOD(Fixture, "objects are initialised", "[kernel][untyped]") {
    REQUIRE(retype(ram_slot, RAMPART_OBJ_SCHED_CONTEXT, 10, 20).is_ok());
    CHECK(phys_ptr<SchedContext>(cap(20).paddr())->refill_max ==
          (1024 - sizeof(SchedContext)) / 16);
    REQUIRE(retype(ram_slot, RAMPART_OBJ_TCB, 0, 21).is_ok());
    Tcb* tcb = phys_ptr<Tcb>(cap(21).paddr());
    CHECK(static_cast<void*>(&tcb->slots[0]) == static_cast<void*>(tcb));
    CHECK(tcb->state == ThreadState::Inactive);
    CHECK(tcb->slot(TcbSlot::CSpace).cap.is_null());
}
