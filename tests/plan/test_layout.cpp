// PD address-space layout: program pages, IPC buffer, stack and guard, maps.
#include "support.hpp"

#include "plan/layout.hpp"

#include <catch2/catch.hpp>

using namespace rampart;

TEST_CASE("a PD's pages: program, IPC buffer from its symbol, stack above a guard page") {
    const auto sys = test::load_text(
        "layout.system", "<system><protection_domain name=\"a\" stack_size=\"0x3000\">"
                         "<program_image path=\"pd.elf\" /></protection_domain></system>");
    const auto elf = std::get<elf::ElfFile>(elf::ElfFile::read(test::kSystems + "/pd.elf"));
    const plan::Layout l = plan::lay_out(*sys.pds[0].pd, elf, sys, {});
    CHECK(l.entry == elf.entry());
    CHECK(l.ipc_buffer == elf.symbol(plan::kIpcBufferSymbol)->value);
    CHECK(l.stack_top == 0x8000000000);
    std::vector<std::uint64_t> vaddrs;
    for (const auto& p : l.pages)
        vaddrs.push_back(p.vaddr);
    CHECK(std::is_sorted(vaddrs.begin(), vaddrs.end()));
    // Three stack pages right below the top, nothing in the guard page.
    CHECK(vaddrs.back() == 0x7ffffff000);
    CHECK(vaddrs[vaddrs.size() - 3] == 0x7fffffd000);
    CHECK(std::find(vaddrs.begin(), vaddrs.end(), 0x7fffffc000) == vaddrs.end());
    bool guard = false;
    for (const auto& a : l.areas)
        guard = guard || (a.what == "stack guard" && a.vaddr == 0x7fffffc000 && a.rights == 0);
    CHECK(guard);
    // The text page is executable and read-only.
    for (const auto& p : l.pages)
        if (p.vaddr == 0x201000)
            CHECK(p.rights == (RAMPART_SPEC_MAP_R | RAMPART_SPEC_MAP_X));
}

TEST_CASE("region maps use the region's page size and cacheability") {
    const auto sys = test::load_text(
        "maps.system",
        "<system><memory_region name=\"big\" size=\"0x400000\" page_size=\"0x200000\" />"
        "<memory_region name=\"dev\" size=\"0x1000\" phys_addr=\"0x9000000\" />"
        "<protection_domain name=\"a\"><program_image path=\"pd.elf\" />"
        "<map mr=\"big\" vaddr=\"0x40000000\" perms=\"r\" />"
        "<map mr=\"dev\" vaddr=\"0x50000000\" cached=\"false\" />"
        "</protection_domain></system>");
    const auto elf = std::get<elf::ElfFile>(elf::ElfFile::read(test::kSystems + "/pd.elf"));
    const plan::Layout l = plan::lay_out(*sys.pds[0].pd, elf, sys, {0, 1});
    int big = 0, dev = 0;
    for (const auto& p : l.pages) {
        if (p.region == 0) {
            ++big;
            CHECK(p.bits == 21);
            CHECK(p.rights == RAMPART_SPEC_MAP_R);
            CHECK(p.vaddr == 0x40000000 + p.index * 0x200000ull);
        }
        if (p.region == 1) {
            ++dev;
            CHECK(p.attrs == 0);
        }
    }
    CHECK(big == 2);
    CHECK(dev == 1);
}
