// Untyped Retype clears what it hands out, not the whole untyped: boot
// memory of unknown content, the clear mark, padding, untyped children,
// device memory, reset after reuse, preemption (rampart/untyped_rule.hpp).
#include <catch2/catch.hpp>

#include <cstring>

#include "fixture.hpp"
#include "kernel/phys.hpp"

using namespace rampart::kernel;
using namespace rampart::kernel::test;
namespace rule = rampart::untyped_rule;

namespace {

constexpr unsigned char garbage = 0xA5;

// Fills the RAM untyped with garbage, as a boot untyped may hold anything.
void dirty(const Fixture& f) {
    std::memset(phys_ptr<void>(f.ram_base), garbage, uint64_t{1} << f.ram_bits);
    reset_cleared_bytes();
}

bool all_bytes(Paddr at, uint64_t bytes, unsigned char value) {
    const auto* p = phys_ptr<unsigned char>(at);
    for (uint64_t i = 0; i < bytes; ++i)
        if (p[i] != value)
            return false;
    return true;
}

} // namespace

TEST_CASE("a boot untyped starts with nothing cleared", "[kernel][untyped][clearing]") {
    const Cap c = boot_untyped_cap(Paddr{0x4000'0000}, SizeBits{30}, false);
    CHECK(c.untyped_free_index() == 0);
    CHECK(c.untyped_clear_index() == 0);
}

TEST_CASE("Retype clears only the objects it hands out", "[kernel][untyped][clearing]") {
    Fixture f{20};
    dirty(f);
    REQUIRE(f.retype(ram_slot, RAMPART_OBJ_FRAME_4K, 0, 20, 2).is_ok());
    CHECK(all_bytes(f.cap(20).paddr(), 4096, 0));
    CHECK(all_bytes(f.cap(21).paddr(), 4096, 0));
    CHECK(cleared_bytes() == 8192);
    CHECK(f.cap(ram_slot).untyped_clear_index() == 8192);
    // The rest keeps its old content: nothing was cleared that nobody got.
    CHECK(all_bytes(f.ram_base + 8192, (1u << 20) - 8192, garbage));

    // Small objects clear up to the next clear unit (256 bytes), once.
    REQUIRE(f.retype(ram_slot, RAMPART_OBJ_ENDPOINT, 0, 22, 3).is_ok());
    CHECK(cleared_bytes() == 8192 + 256);
    CHECK(f.cap(ram_slot).untyped_clear_index() == 8192 + 256);
    REQUIRE(f.retype(ram_slot, RAMPART_OBJ_NOTIFICATION, 0, 25, 3).is_ok()); // in that unit
    CHECK(cleared_bytes() == 8192 + 256);
    CHECK(all_bytes(f.ram_base + 8192 + 256, 256, garbage));
    CHECK(invariant_violation().empty());
}

TEST_CASE("alignment padding is cleared with the object after it", "[kernel][untyped][clearing]") {
    Fixture f{20};
    dirty(f);
    REQUIRE(f.retype(ram_slot, RAMPART_OBJ_ENDPOINT, 0, 20).is_ok()); // [0, 16), clears [0, 256)
    REQUIRE(f.retype(ram_slot, RAMPART_OBJ_FRAME_4K, 0, 21).is_ok()); // at 4096
    CHECK(f.cap(21).paddr() == f.ram_base + 4096);
    CHECK(cleared_bytes() == 8192);
    CHECK(all_bytes(f.ram_base + 16, 8192 - 16, 0));
}

TEST_CASE("untyped children are not cleared; what is made from them is",
          "[kernel][untyped][clearing]") {
    Fixture f{20};
    dirty(f);
    REQUIRE(f.retype(ram_slot, RAMPART_OBJ_UNTYPED, 16, 20, 2).is_ok());
    CHECK(cleared_bytes() == 0);
    CHECK(f.cap(20).untyped_clear_index() == 0);
    CHECK(f.cap(ram_slot).untyped_clear_index() == 0);
    REQUIRE(f.retype(21, RAMPART_OBJ_CNODE, 4, 30).is_ok());
    CHECK(all_bytes(f.cap(30).paddr(), 512, 0));
    CHECK(cleared_bytes() == 512);
    // The parent's next objects start past its children, cleared from there.
    REQUIRE(f.retype(ram_slot, RAMPART_OBJ_FRAME_4K, 0, 31).is_ok());
    CHECK(f.cap(31).paddr() == f.ram_base + (2u << 16));
    CHECK(all_bytes(f.cap(31).paddr(), 4096, 0));
    CHECK(cleared_bytes() == 512 + 4096);
    CHECK(invariant_violation().empty());
}

TEST_CASE("device memory is never cleared", "[kernel][untyped][clearing]") {
    Fixture f;
    REQUIRE(f.retype(device_slot, RAMPART_OBJ_FRAME_4K, 0, 20, 4).is_ok());
    REQUIRE(f.retype(device_slot, RAMPART_OBJ_UNTYPED, 12, 24).is_ok());
    REQUIRE(f.retype(24, RAMPART_OBJ_FRAME_4K, 0, 25).is_ok());
    CHECK(cleared_bytes() == 0);
    CHECK(f.cap(device_slot).untyped_clear_index() == 0);
}

TEST_CASE("a reset clears everything handed out, once", "[kernel][untyped][clearing]") {
    Fixture f{20};
    dirty(f);
    REQUIRE(f.retype(ram_slot, RAMPART_OBJ_FRAME_4K, 0, 20, 3).is_ok());
    REQUIRE(f.retype(ram_slot, RAMPART_OBJ_UNTYPED, 12, 23).is_ok()); // [12 KiB, 16 KiB), uncleared
    std::memset(phys_ptr<void>(f.ram_base), 0x5A, 3 * 4096);           // the PDs' data
    REQUIRE(f.revoke(ram_slot).is_ok());
    reset_cleared_bytes();
    REQUIRE(f.retype(ram_slot, RAMPART_OBJ_ENDPOINT, 0, 20).is_ok());
    // The reset cleared all 16 KiB once given out (the untyped child too),
    // then the endpoint needed nothing more.
    CHECK(cleared_bytes() == 16384);
    CHECK(all_bytes(f.ram_base, 16384, 0));
    CHECK(f.cap(ram_slot).untyped_free_index() == 16);
    CHECK(f.cap(ram_slot).untyped_clear_index() == 16384);
    // What was known clear is not cleared again.
    REQUIRE(f.retype(ram_slot, RAMPART_OBJ_FRAME_4K, 0, 21, 3).is_ok());
    CHECK(cleared_bytes() == 16384);
    REQUIRE(f.retype(ram_slot, RAMPART_OBJ_FRAME_4K, 0, 24).is_ok());
    CHECK(cleared_bytes() == 16384 + 4096);
    CHECK(all_bytes(f.ram_base + 20480, (1u << 20) - 20480, garbage));
}

TEST_CASE("clearing at Retype is preemptible and resumes at the clear mark",
          "[kernel][untyped][clearing]") {
    Fixture f{23};
    dirty(f);
    REQUIRE(f.retype(ram_slot, RAMPART_OBJ_ENDPOINT, 0, 20).is_ok());
    int rounds = 0;
    uint64_t mark = f.cap(ram_slot).untyped_clear_index();
    Status st = Status::ok();
    do {
        Budget budget{100};
        st = f.retype(ram_slot, RAMPART_OBJ_FRAME_2M, 0, 21, 1, budget);
        ++rounds;
        if (!st.is_ok()) {
            REQUIRE(st.is_preempted());
            CHECK(f.cap(21).is_null());
            CHECK(f.cap(ram_slot).untyped_free_index() == 16);
            const uint64_t now = f.cap(ram_slot).untyped_clear_index();
            CHECK(now == mark + 100 * 256);
            CHECK(all_bytes(f.ram_base + 16, now - 16, 0));
            CHECK(all_bytes(f.ram_base + now, 256, garbage));
            mark = now;
            CHECK(invariant_violation().empty());
        }
    } while (!st.is_ok());
    // From 256 up to 4 MiB (the frame is aligned to 2 MiB): 16383 chunks.
    CHECK(rounds == 16383 / 100 + 1);
    CHECK(cleared_bytes() == (4u << 20));
    CHECK(f.cap(21).paddr() == f.ram_base + (2u << 20));
    CHECK(all_bytes(f.cap(21).paddr(), 2u << 20, 0));
}

TEST_CASE("a preempted reset keeps the clear mark it promised", "[kernel][untyped][clearing]") {
    Fixture f{20};
    dirty(f);
    REQUIRE(f.retype(ram_slot, RAMPART_OBJ_FRAME_4K, 0, 20, 16).is_ok());
    REQUIRE(f.revoke(ram_slot).is_ok());
    Status st = Status::ok();
    do {
        Budget budget{7};
        st = f.retype(ram_slot, RAMPART_OBJ_CNODE, 6, 20, 1, budget);
        const Cap ut = f.cap(ram_slot);
        if (!st.is_ok()) {
            REQUIRE(st.is_preempted());
            // Between the watermark and the clear mark everything is zero.
            CHECK(all_bytes(ut.paddr() + ut.untyped_free_index(),
                            ut.untyped_clear_index() - ut.untyped_free_index(), 0));
        }
    } while (!st.is_ok());
    CHECK(f.cap(ram_slot).untyped_clear_index() == 65536);
    CHECK(all_bytes(f.ram_base, 65536, 0));
}

TEST_CASE("Retype still refuses ~0 sizes, counts and offsets", "[kernel][untyped][clearing]") {
    Fixture f{20};
    const uint64_t all = ~uint64_t{0};
    for (uint64_t type = 0; type < RAMPART_OBJ_TYPE_COUNT; ++type) {
        CHECK_FALSE(f.retype(ram_slot, type, all, 20).is_ok());
        CHECK_FALSE(f.retype(ram_slot, type, 0, 20, all).is_ok());
        CHECK_FALSE(f.retype(ram_slot, type, 0, all, 1).is_ok());
    }
    CHECK_FALSE(f.retype(ram_slot, all, 0, 20).is_ok());
    CHECK(cleared_bytes() == 0);
    CHECK(f.cap(ram_slot).untyped_clear_index() == 0);
}

TEST_CASE("the clear mark fits every untyped size", "[kernel][untyped][clearing]") {
    for (unsigned bits = RAMPART_MIN_UNTYPED_BITS; bits <= RAMPART_MAX_UNTYPED_BITS; ++bits) {
        INFO("size bits " << bits);
        const uint64_t size = uint64_t{1} << bits;
        const unsigned unit = rule::clear_unit_bits(bits);
        CHECK(unit <= bits);
        CHECK((size >> unit) < (uint64_t{1} << rule::clear_mark_bits));
        const Cap c = Cap::untyped(Paddr{0}, SizeBits{bits}, false, size, size);
        CHECK(c.untyped_clear_index() == size);
        CHECK(c.untyped_free_index() == size);
        CHECK(c.with_clear_index(0).untyped_free_index() == size);
        CHECK(c.with_free_index(16).untyped_clear_index() == size);
        CHECK(c.untyped_size().bits == bits);
        CHECK_FALSE(c.untyped_is_device());
    }
}
