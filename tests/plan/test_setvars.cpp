// Microkit's setvars end to end through planning: the value each kind of
// setvar writes into the program, symbols from path_for_symbols, and
// variables of the wrong size.
#include "support.hpp"

#include "plan/allocator.hpp"

#include <catch2/catch.hpp>

#include <cstring>

using namespace rampart;

namespace {

// The system around one parent PD running setvars.elf.
std::string system(const std::string& image_attrs, const std::string& body) {
    return "<system>\n"
           "  <memory_region name=\"table\" prefill_path=\"greeting.txt\" />\n"
           "  <protection_domain name=\"parent\" priority=\"100\">\n"
           "    <program_image " +
           image_attrs +
           " />\n"
           "    <map mr=\"table\" vaddr=\"0x1000000\" perms=\"r\" setvar_vaddr=\"table_vaddr\" "
           "setvar_prefill_size=\"table_bytes\" />\n" +
           body + "  </protection_domain>\n</system>\n";
}

// The word the plan writes at vaddr in the PD's frames (fills leave out zero
// bytes at their ends: frames start zeroed). Nothing if no byte is written.
std::optional<std::uint64_t> word_at(const plan::Plan& p, std::uint32_t pd, std::uint64_t vaddr) {
    std::uint64_t v = 0;
    bool any = false;
    for (const auto& f : p.fills) {
        if (f.pd != pd)
            continue;
        for (const auto& m : p.mappings) {
            if (m.object != f.frame || !rampart_spec_maps_frame(m.kind) || m.pd != pd)
                continue;
            const std::uint64_t start = m.vaddr + f.frame_offset, end = start + f.size;
            for (std::uint64_t b = 0; b < 8; ++b)
                if (vaddr + b >= start && vaddr + b < end) {
                    v |= std::uint64_t{p.data[f.data_offset + (vaddr + b - start)]} << (8 * b);
                    any = true;
                }
        }
    }
    return any ? std::optional(v) : std::nullopt;
}

std::uint64_t symbol(const std::string& name) {
    static const auto elf =
        std::get<elf::ElfFile>(elf::ElfFile::read(test::kSystems + "/setvars.elf"));
    return elf.symbol(name)->value;
}

} // namespace

TEST_CASE("setvar_prefill_size, and setvar_id on IRQs and child PDs") {
    const auto sys = test::load_text(
        test::kSystems + "/setvars.system",
        system("path=\"setvars.elf\"",
               "    <irq irq=\"40\" id=\"9\" setvar_id=\"irq_channel\" />\n"
               "    <protection_domain name=\"child\" id=\"5\" setvar_id=\"child_id\">\n"
               "      <program_image path=\"pd.elf\" />\n"
               "    </protection_domain>\n"));
    const auto c = test::compose(sys);
    // greeting.txt is 26 bytes: the region is one page, the prefill 26 bytes.
    CHECK(word_at(c.plan, 0, symbol("table_bytes")) == 26u);
    CHECK(word_at(c.plan, 0, symbol("table_vaddr")) == 0x1000000u);
    CHECK(word_at(c.plan, 0, symbol("irq_channel")) == 9u);
    CHECK(word_at(c.plan, 0, symbol("child_id")) == 5u); // in the parent's program
}

TEST_CASE("path_for_symbols: the symbols of another file, patched into the image") {
    const auto sys = test::load_text(
        test::kSystems + "/stripped.system",
        system("path=\"setvars_stripped.elf\" path_for_symbols=\"setvars.elf\"", ""));
    const auto c = test::compose(sys);
    CHECK(word_at(c.plan, 0, symbol("table_bytes")) == 26u);

    const auto without = test::load_text(test::kSystems + "/stripped.system",
                                         system("path=\"setvars_stripped.elf\"", ""));
    CHECK_THROWS_WITH(test::compose(without),
                      Catch::Contains("symbol 'table_vaddr' of protection domain 'parent' is "
                                      "not in its program image"));
}

TEST_CASE("a setvar refuses a variable that is not one word") {
    const auto sys = test::load_text(
        test::kSystems + "/narrow.system",
        system("path=\"setvars.elf\"", "    <irq irq=\"40\" id=\"9\" setvar_id=\"narrow\" />\n"));
    CHECK_THROWS_WITH(test::compose(sys),
                      Catch::Contains("symbol 'narrow' of protection domain 'parent' is 4 bytes "
                                      "long; a setvar sets a variable of 8 bytes"));
}

TEST_CASE("a <cspace> slot out of range is refused by planning too, never truncated") {
    // Validation refuses it first; a plan built from an unchecked model must
    // not place the cap in slot 394 + (2^64 - 1) mod 2^32.
    auto sys = test::load_text(test::kSystems + "/cspace.system",
                               system("path=\"setvars.elf\"", "    <cspace><cap_tcb slot=\"1\" "
                                                              "pd=\"parent\" /></cspace>\n"));
    auto model = std::make_shared<model::System>(*sys.system);
    model->pds[0].cspace[0].slot.value = UINT64_MAX;
    sys.system = model;
    for (auto& info : sys.pds)
        info.pd = &model->pds[0];
    CHECK_THROWS_AS(test::compose(sys), plan::PlanError);
}
