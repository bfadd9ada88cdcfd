// The user address space as seL4 lays it out on AArch64 at EL1: 48-bit
// translation, the VSpace the level-0 table, page tables at levels 1-3, user
// addresses up to seL4_UserTop (0x7fff_ffff_ffff). PageTable Map puts a table
// in the first empty level on the way to vaddr; Page Map reports a missing
// table as a lookup failure whose bits-left word (message word 2, libsel4's
// seL4_MappingFailedLookupLevel) is the shift of the entry the walk stopped at.
// A mapped frame's Page Map elsewhere is refused with seL4's words too.
#include <catch2/catch.hpp>

#include "api/invocation.hpp"
#include "arch/asid.hpp"
#include "fixture.hpp"

#include <rampart/aarch64/kernel_layout.h>
#include <rampart/errors.h>
#include <rampart/invocations.h>

using namespace rampart;
using namespace rampart::kernel;
using namespace rampart::kernel::test;

namespace {

constexpr uint64_t tcb_slot = 16, vspace_slot = 17, pool_slot = 18, small_slot = 19,
                   large_slot = 20, first_table_slot = 21; // and the next three
constexpr uint64_t asid = 5;
// Where sel4utils_bootstrap_vspace maps its first frame: needs all four levels.
constexpr uint64_t high = 0x7eff'ffff'e000;

struct Space : Fixture {
    Space() : Fixture(23) {
        REQUIRE(retype(ram_slot, RAMPART_OBJ_FRAME_2M, 0, large_slot).is_ok());
        REQUIRE(retype(ram_slot, RAMPART_OBJ_TCB, 0, tcb_slot).is_ok());
        REQUIRE(retype(ram_slot, RAMPART_OBJ_VSPACE, 0, vspace_slot).is_ok());
        REQUIRE(retype(ram_slot, RAMPART_OBJ_FRAME_4K, 0, pool_slot).is_ok());
        REQUIRE(retype(ram_slot, RAMPART_OBJ_FRAME_4K, 0, small_slot).is_ok());
        REQUIRE(retype(ram_slot, RAMPART_OBJ_PAGE_TABLE, 0, first_table_slot, 4).is_ok());
        arch::asid_pool_install(0, cap(pool_slot).paddr());
        const Paddr table = cap(vspace_slot).paddr();
        phys_ptr<arch::AsidPool>(cap(pool_slot).paddr())->vspace[asid] = table.value;
        slot(vspace_slot).cap = Cap::vspace(table, asid, true);
    }
    ~Space() { arch::asid_pool_remove(0); }
    // A second VSpace with ASID asid + 1 (its root from the RAM untyped).
    uint64_t other_vspace(uint64_t index) const {
        REQUIRE(retype(ram_slot, RAMPART_OBJ_VSPACE, 0, index).is_ok());
        const Paddr table = cap(index).paddr();
        phys_ptr<arch::AsidPool>(cap(pool_slot).paddr())->vspace[asid + 1] = table.value;
        slot(index).cap = Cap::vspace(table, asid + 1, true);
        return index;
    }

    // The invocation of cap `index` with these words and the VSpace as extra cap.
    Status invoke(uint64_t index, uint64_t label, std::initializer_list<uint64_t> args,
                  uint64_t vspace = vspace_slot) const {
        Tcb& t = *phys_ptr<Tcb>(cap(tcb_slot).paddr());
        unsigned n = 0;
        for (const uint64_t a : args)
            t.context.set_mr(n++, a);
        api::Invocation inv{t, slot(index), cap(index), label, n, {&slot(vspace)}, 1u, nullptr};
        api::Results out;
        Budget budget = Budget::unlimited();
        return arch::decode_invocation(inv, out, budget);
    }
    Status map_table(uint64_t index, uint64_t vaddr) const {
        return invoke(index, RAMPART_PAGE_TABLE_MAP, {vaddr, 0});
    }
    Status map_page(uint64_t index, uint64_t vaddr) const {
        return map_page_in(index, vspace_slot, vaddr);
    }
    Status map_page_in(uint64_t index, uint64_t vspace, uint64_t vaddr) const {
        return invoke(index, RAMPART_PAGE_MAP,
                      {vaddr, RAMPART_RIGHT_READ | RAMPART_RIGHT_WRITE, RAMPART_ATTR_CACHEABLE},
                      vspace);
    }
};

// The error words as the caller's message carries them.
struct Words {
    uint64_t w[RAMPART_ERROR_MAX_WORDS] = {};
    unsigned n = 0;
};
Words words_of(const Status& s) {
    Words out;
    out.n = s.encode(out.w);
    return out;
}

void check_missing_table_at(const Status& s, uint64_t bits_left) {
    REQUIRE(s.error() == Error::FailedLookup);
    const Words m = words_of(s);
    CHECK(m.n == 3);
    CHECK(m.w[0] == 0); // not the source cap
    CHECK(m.w[1] == RAMPART_LOOKUP_MISSING_CAPABILITY);
    CHECK(m.w[2] == bits_left); // seL4_MappingFailedLookupLevel()
}

} // namespace

TEST_CASE_METHOD(Space, "user addresses reach seL4_UserTop, four levels of tables",
                 "[kernel][vspace]") {
    STATIC_REQUIRE(RAMPART_USER_TOP - 1 == 0x0000'7fff'ffff'ffffull);
    check_missing_table_at(map_page(small_slot, high), 39); // no level-1 table
    REQUIRE(map_table(first_table_slot, high).is_ok());
    check_missing_table_at(map_page(small_slot, high), 30); // no level-2 table
    REQUIRE(map_table(first_table_slot + 1, high).is_ok());
    check_missing_table_at(map_page(small_slot, high), 21); // no level-3 table
    REQUIRE(map_table(first_table_slot + 2, high).is_ok());
    REQUIRE(map_page(small_slot, high).is_ok());
    CHECK(cap(small_slot).mapped_word() == ((asid << 48) | high));
    // Every level is taken: one more table has no place.
    CHECK(map_table(first_table_slot + 3, high).error() == Error::DeleteFirst);
    CHECK(invariant_violation().empty());
}

TEST_CASE_METHOD(Space, "each page table records the base of the range it maps",
                 "[kernel][vspace]") {
    const uint64_t bases[] = {high & ~((1ull << 39) - 1), high & ~((1ull << 30) - 1),
                              high & ~((1ull << 21) - 1)};
    for (uint64_t i = 0; i < 3; ++i) {
        REQUIRE(map_table(first_table_slot + i, high).is_ok());
        CHECK(cap(first_table_slot + i).table_is_mapped());
        CHECK((cap(first_table_slot + i).mapped_word() & ((1ull << 48) - 1)) == bases[i]);
    }
}

TEST_CASE_METHOD(Space, "a large page needs tables at levels 1 and 2 only", "[kernel][vspace]") {
    const uint64_t at = 0x5000'0000'0000;
    check_missing_table_at(map_page(large_slot, at), 39);
    REQUIRE(map_table(first_table_slot, at).is_ok());
    check_missing_table_at(map_page(large_slot, at), 30);
    REQUIRE(map_table(first_table_slot + 1, at).is_ok());
    REQUIRE(map_page(large_slot, at).is_ok());
    // A 4 KiB page in the same 2 MiB finds the large page where its table would be.
    check_missing_table_at(map_page(small_slot, at + 0x1000), 21);
}

TEST_CASE_METHOD(Space, "addresses above seL4_UserTop are refused", "[kernel][vspace]") {
    const uint64_t last_page = RAMPART_USER_TOP - 0x1000;
    for (uint64_t i = 0; i < 3; ++i)
        REQUIRE(map_table(first_table_slot + i, last_page).is_ok());
    REQUIRE(map_page(small_slot, last_page).is_ok());
    for (const uint64_t bad : {RAMPART_USER_TOP, 0xffff'0000'0000'0000ull, ~0ull & ~0xfffull}) {
        const Status t = map_table(first_table_slot + 3, bad);
        CHECK(t.error() == Error::InvalidArgument);
        CHECK(t.word(0) == 0);
        REQUIRE(invoke(small_slot, RAMPART_PAGE_UNMAP, {}).is_ok());
        const Status p = map_page(small_slot, bad);
        CHECK(p.error() == Error::InvalidArgument);
        CHECK(p.word(0) == 0);
    }
}

TEST_CASE_METHOD(Space, "a mapped frame maps elsewhere only after an unmap, as seL4 refuses it",
                 "[kernel][vspace]") {
    const uint64_t at = 0x40'0000;
    for (uint64_t i = 0; i < 3; ++i)
        REQUIRE(map_table(first_table_slot + i, at).is_ok());
    REQUIRE(map_page(small_slot, at).is_ok());
    // The same VSpace, another address: argument 0 (the vaddr) is wrong.
    const Status elsewhere = map_page(small_slot, at + 0x1000);
    CHECK(elsewhere.error() == Error::InvalidArgument);
    CHECK(elsewhere.word(0) == 0);
    // Another VSpace: cap 1 (the VSpace) is wrong.
    const uint64_t other = other_vspace(25);
    const Status other_space = map_page_in(small_slot, other, at);
    CHECK(other_space.error() == Error::InvalidCapability);
    CHECK(other_space.word(0) == 1);
    // The same place again is a remap (new rights), and after an unmap anywhere goes.
    CHECK(map_page(small_slot, at).is_ok());
    REQUIRE(invoke(small_slot, RAMPART_PAGE_UNMAP, {}).is_ok());
    CHECK(map_page(small_slot, at + 0x1000).is_ok());
}
