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
