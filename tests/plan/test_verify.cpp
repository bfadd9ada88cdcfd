// The dry run rejects plans that break a kernel rule, naming object and rule.
#include "support.hpp"

#include "verify/verify.hpp"

#include <catch2/catch.hpp>

#include <map>

using namespace rampart;

namespace {

plan::Plan echo_plan() {
    static const auto sys = test::load_file(test::kSystems + "/echo.system");
    return test::compose(sys).plan;
}

std::uint32_t find_object(const plan::Plan& p, const std::string& name) {
    for (std::uint32_t i = 0; i < p.objects.size(); ++i)
        if (p.objects[i].name == name)
            return i;
    FAIL("no object " << name);
    return 0;
}

} // namespace

TEST_CASE("a correct plan passes the dry run") {
    CHECK_NOTHROW(verify::dry_run(echo_plan()));
}

TEST_CASE("a wrong physical address breaks the retype rule") {
    auto p = echo_plan();
    p.objects[find_object(p, "client.tcb")].paddr += 0x800;
    CHECK_THROWS_WITH(verify::dry_run(p), Catch::Contains("'client.tcb'") &&
                                              Catch::Contains("the retype rule places it"));
}

TEST_CASE("a device untyped cannot make a TCB") {
    auto p = echo_plan();
    const auto tcb = find_object(p, "client.tcb");
    for (std::uint32_t i = 0; i < p.untypeds.size(); ++i)
        if (p.untypeds[i].is_device) {
            p.objects[tcb].source = i;
            p.objects[tcb].flags = 0;
            break;
        }
    CHECK_THROWS_WITH(verify::dry_run(p), Catch::Contains("only frames and untypeds"));
}

TEST_CASE("a slot written twice is not free") {
    auto p = echo_plan();
    p.caps.insert(p.caps.begin() + 1, p.caps[0]);
    CHECK_THROWS_WITH(verify::dry_run(p), Catch::Contains("not free when written"));
}

TEST_CASE("a frame needs its page tables, an aligned address and a free entry") {
    auto p = echo_plan();
    auto frame = std::find_if(p.mappings.begin(), p.mappings.end(), [](const plan::Mapping& m) {
        return rampart_spec_maps_frame(m.kind);
    });
    REQUIRE(frame != p.mappings.end());
    auto bad = p;
    bad.mappings[static_cast<std::size_t>(frame - p.mappings.begin())].vaddr = 0x123456000;
    CHECK_THROWS_WITH(verify::dry_run(bad), Catch::Contains("no page table is mapped above it"));
    bad = p;
    bad.mappings[static_cast<std::size_t>(frame - p.mappings.begin())].vaddr += 0x10;
    CHECK_THROWS_WITH(verify::dry_run(bad), Catch::Contains("not aligned"));
    bad = p;
    bad.mappings.push_back(*frame);
    bad.mappings.back().kind = RAMPART_SPEC_MAP_FRAME; // a copy, at the same entry
    CHECK_THROWS_WITH(verify::dry_run(bad), Catch::Contains("already in use"));
}

TEST_CASE("page tables sit at levels 1 to 3 of a four-level VSpace, each under the one above") {
    const auto p = echo_plan();
    // Each PD's image lies in the first 512 GiB: one level-1 table, at 0, first.
    std::size_t level1 = 0;
    for (const plan::Mapping& m : p.mappings)
        if (m.kind == RAMPART_SPEC_MAP_PAGE_TABLE && m.level == 1) {
            CHECK(m.vaddr == 0);
            ++level1;
        }
    CHECK(level1 == p.pds.size());
    CHECK(p.mappings.front().level == 1);
    const auto first_l1 = static_cast<std::size_t>(
        std::find_if(p.mappings.begin(), p.mappings.end(),
                     [](const plan::Mapping& m) { return m.level == 1; }) -
        p.mappings.begin());
    auto bad = p;
    bad.mappings.erase(bad.mappings.begin() + static_cast<std::ptrdiff_t>(first_l1));
    CHECK_THROWS_WITH(verify::dry_run(bad), Catch::Contains("no page table is mapped above it"));
    for (const std::uint8_t level : {0, 4}) {
        bad = p;
        bad.mappings[first_l1].level = level;
        CHECK_THROWS_WITH(verify::dry_run(bad), Catch::Contains("at level 1, 2 or 3"));
    }
    // Above the first 512 GiB a frame has no level-1 table; above 2^47, no user space.
    auto frame = std::find_if(p.mappings.begin(), p.mappings.end(), [](const plan::Mapping& m) {
        return rampart_spec_maps_frame(m.kind);
    });
    REQUIRE(frame != p.mappings.end());
    bad = p;
    bad.mappings[static_cast<std::size_t>(frame - p.mappings.begin())].vaddr = 0x7effffffe000;
    CHECK_THROWS_WITH(verify::dry_run(bad), Catch::Contains("no page table is mapped above it"));
    bad.mappings[static_cast<std::size_t>(frame - p.mappings.begin())].vaddr = 0x800000000000;
    CHECK_THROWS_WITH(verify::dry_run(bad), Catch::Contains("above the top of user space"));
}

TEST_CASE("a frame's own cap maps once, as its first mapping") {
    auto p = echo_plan();
    const auto own = std::find_if(p.mappings.begin(), p.mappings.end(), [](const plan::Mapping& m) {
        return m.kind == RAMPART_SPEC_MAP_FRAME_OWN;
    });
    REQUIRE(own != p.mappings.end());
    auto bad = p;
    bad.mappings.push_back(*own);
    bad.mappings.back().vaddr += 0x100000000; // elsewhere: only the cap is reused
    CHECK_THROWS_WITH(verify::dry_run(bad), Catch::Contains("mapped only once"));
    bad = p;
    bad.mappings[static_cast<std::size_t>(own - p.mappings.begin())].kind = RAMPART_SPEC_MAP_FRAME;
    CHECK_THROWS_WITH(verify::dry_run(bad), Catch::Contains("first mapping maps its own cap"));
    // Every frame the plan maps has exactly one own-cap mapping.
    std::map<std::uint32_t, int> owns;
    for (const auto& m : p.mappings)
        if (rampart_spec_maps_frame(m.kind))
            owns[m.object] += m.kind == RAMPART_SPEC_MAP_FRAME_OWN;
    for (const auto& [frame, n] : owns)
        CHECK(n == 1);
}

TEST_CASE("thread settings are checked") {
    auto p = echo_plan();
    p.tcbs[0].ipc_buffer += 0x1000;
    CHECK_THROWS_WITH(verify::dry_run(p), Catch::Contains("IPC buffer frame is not mapped"));
    p = echo_plan();
    p.scs[0].budget_us = p.scs[0].period_us + 1;
    CHECK_THROWS_WITH(verify::dry_run(p), Catch::Contains("at most the period"));
}
