// Validation: what valid systems resolve to, and rules that the corpus
// exercises only by their messages.
#include "helpers.hpp"
#include "model/limits.hpp"

#include <catch2/catch.hpp>

#include <chrono>

using namespace rampart;
using test::run;
using test::xml_system;

TEST_CASE("a valid system resolves PDs, segments and page sizes", "[validate]") {
    auto o = run(
        "v.system",
        xml_system("name=\"a\" priority=\"5\"",
                   "    <map mr=\"big\" vaddr=\"0x40000000\" />\n"
                   "    <map mr=\"odd\" vaddr=\"0x10000000\" />\n"
                   "    <protection_domain name=\"c\" id=\"0\">\n"
                   "      <program_image path=\"hello.elf\" />\n"
                   "    </protection_domain>\n",
                   "  <memory_region name=\"big\" size=\"0x400000\" />\n"
                   "  <memory_region name=\"odd\" size=\"0x200000\" />\n"
                   "  <memory_region name=\"pre\" prefill_path=\"prefill.bin\" />\n"
                   "  <memory_region name=\"dev\" size=\"0x1000\" phys_addr=\"0x9000000\" />\n"));
    INFO(o.text);
    REQUIRE(o.checked);
    const auto& c = *o.checked;
    REQUIRE(c.pds.size() == 2);
    CHECK(c.pds[0].pd->name.value == "a");
    CHECK_FALSE(c.pds[0].parent);
    CHECK(c.pds[1].parent == 0u);
    REQUIRE(c.pds[0].elf);
    REQUIRE(c.pds[0].elf->segments().size() == 2);
    CHECK(c.pds[0].elf->segments()[0].vaddr == 0x200000);
    CHECK(c.pds[0].elf->segments()[0].flags == (elf::kPfR | elf::kPfX));
    CHECK(c.pds[0].image.filename() == "hello.elf");
    REQUIRE(c.regions.size() == 5);
    CHECK(c.regions[0].page_size == 0x1000);   // buf: 4 KiB
    CHECK(c.regions[1].page_size == 0x200000); // big: 2 MiB-aligned everywhere
    CHECK(c.regions[2].page_size == 0x200000); // odd: mapped at a 2 MiB boundary
    CHECK(c.regions[3].size == 0x2000);        // pre: 6 KiB of prefill, rounded up
    CHECK(c.regions[3].page_size == 0x1000);
    // pre and dev are never mapped: warnings only.
    CHECK(o.warnings == 2);
    CHECK(o.errors == 0);
}

TEST_CASE("a prefilled region without a size takes the file size rounded up to its page size",
          "[validate][microkit]") {
    // prefill.bin is 6 KiB: two 4 KiB pages, or one 2 MiB page when the region
    // asks for large pages (Microkit rounds to the region's page_size).
    auto o = run("pre.system",
                 xml_system("name=\"a\"",
                            "    <map mr=\"small\" vaddr=\"0x1000000\" "
                            "setvar_prefill_size=\"small_bytes\" />\n"
                            "    <map mr=\"large\" vaddr=\"0x2000000\" />\n",
                            "  <memory_region name=\"small\" prefill_path=\"prefill.bin\" />\n"
                            "  <memory_region name=\"large\" page_size=\"0x200000\" "
                            "prefill_path=\"prefill.bin\" />\n"));
    INFO(o.text);
    REQUIRE(o.checked);
    const auto& r = o.checked->regions;
    CHECK(r[1].size == 0x2000);
    CHECK(r[1].page_size == 0x1000);
    CHECK(r[2].size == 0x200000);
    CHECK(r[2].page_size == 0x200000);
    CHECK(r[1].prefill_size == 6 * 1024);
    CHECK(r[2].prefill_size == 6 * 1024);
}

TEST_CASE("Microkit's setvar_id on IRQs, child PDs and vCPUs, setvar_prefill_size on maps",
          "[validate][microkit]") {
    auto o = run("ids.system",
                 xml_system("name=\"a\"", "    <irq irq=\"40\" id=\"3\" setvar_id=\"uart_ch\" />\n"
                                          "    <protection_domain name=\"c\" id=\"7\" "
                                          "setvar_id=\"child_id\">\n"
                                          "      <program_image path=\"hello.elf\" />\n"
                                          "    </protection_domain>\n"));
    INFO(o.text);
    REQUIRE(o.checked);
    const auto& a = o.system->pds[0];
    CHECK(a.irqs[0].setvar_id.value == "uart_ch");
    CHECK(a.children[0].setvar_id.value == "child_id");

    // The symbols share the parent's namespace with its other setvars.
    auto clash =
        run("clash.system",
            xml_system("name=\"a\"", "    <irq irq=\"40\" id=\"3\" setvar_id=\"x\" />\n"
                                     "    <protection_domain name=\"c\" id=\"7\" setvar_id=\"x\">\n"
                                     "      <program_image path=\"hello.elf\" />\n"
                                     "    </protection_domain>\n"));
    CHECK(clash.text.find("symbol 'x' of protection domain 'a' is already set") !=
          std::string::npos);

    auto vm = run("vcpu.system",
                  xml_system("name=\"a\"", "    <virtual_machine name=\"g\">\n"
                                           "      <vcpu id=\"0\" setvar_id=\"v\" />\n"
                                           "    </virtual_machine>\n"),
                  false);
    REQUIRE(vm.system);
    CHECK(vm.errors == 0);
    CHECK(vm.system->pds[0].virtual_machine->vcpus[0].setvar_id.value == "v");
}

TEST_CASE("the EL1 physical timer's interrupt (30) is a PD's to claim, as on seL4 at EL1",
          "[validate][microkit]") {
    // The kernel ticks on the virtual timer (27); CNTP and its PPI are user level's.
    auto o = run("timer.system", xml_system("name=\"a\"", "    <irq irq=\"30\" id=\"2\" />\n"));
    INFO(o.text);
    REQUIRE(o.checked);
    CHECK(o.errors == 0);
    CHECK(o.system->pds[0].irqs[0].irq.value == 30);
}

TEST_CASE("a map that is not 2 MiB aligned keeps a region at 4 KiB pages", "[validate]") {
    auto o =
        run("p.system", xml_system("name=\"a\"", "    <map mr=\"big\" vaddr=\"0x40001000\" />\n",
                                   "  <memory_region name=\"big\" size=\"0x200000\" />\n"));
    REQUIRE(o.checked);
    CHECK(o.checked->regions[1].page_size == 0x1000);
}

TEST_CASE("protected calls to a strictly higher priority are fine", "[validate]") {
    auto o =
        run("pp.system",
            xml_system("name=\"a\" priority=\"1\"", "",
                       "  <protection_domain name=\"b\" priority=\"2\">\n"
                       "    <program_image path=\"hello.elf\" />\n"
                       "  </protection_domain>\n"
                       "  <channel><end pd=\"a\" id=\"0\" pp=\"true\" /><end pd=\"b\" id=\"61\" "
                       "/></channel>\n"));
    INFO(o.text);
    CHECK(o.checked);
}

TEST_CASE("a valid domain schedule", "[validate]") {
    auto o =
        run("d.system", xml_system("name=\"a\" domain=\"x\"", "",
                                   "  <domains>\n    <domain name=\"x\" />\n"
                                   "    <domain name=\"y\" id=\"5\" />\n"
                                   "    <domain_schedule start_index=\"1\">\n"
                                   "      <schedule_entry domain=\"x\" duration=\"100 us\" />\n"
                                   "      <schedule_entry domain=\"y\" duration=\"5 ticks\" />\n"
                                   "      <schedule_end_marker />\n"
                                   "    </domain_schedule>\n  </domains>\n"));
    INFO(o.text);
    REQUIRE(o.checked);
    const auto& s = *o.checked->system->domains->schedule;
    REQUIRE(s.entries.size() == 3);
    CHECK(s.entries[2].end_marker);
    CHECK(s.entries[1].duration.value.unit == model::DurationUnit::Ticks);
    CHECK(o.checked->domain_ids == std::vector<std::uint64_t>{0, 5});
}

namespace {

std::string schedule_system(const std::string& domains, const std::string& schedule) {
    return xml_system("name=\"a\" domain=\"x\"", "",
                      "  <domains>\n" + domains + schedule + "  </domains>\n");
}

} // namespace

TEST_CASE("domains without an id take the lowest free ids, as in Microkit",
          "[validate][microkit]") {
    auto o =
        run("ids.system",
            schedule_system("    <domain name=\"x\" />\n    <domain name=\"y\" id=\"0\" />\n"
                            "    <domain name=\"z\" />\n    <domain name=\"w\" id=\"2\" />\n",
                            "    <domain_schedule><schedule_entry domain=\"x\" duration=\"1 us\" />"
                            "</domain_schedule>\n"));
    INFO(o.text);
    REQUIRE(o.checked);
    CHECK(o.checked->domain_ids == std::vector<std::uint64_t>{1, 0, 3, 2});
}

TEST_CASE("the end marker may stand among the entries; start_index counts it",
          "[validate][microkit]") {
    const std::string domains = "    <domain name=\"x\" />\n";
    const std::string entries = "      <schedule_entry domain=\"x\" duration=\"1 us\" />\n"
                                "      <schedule_end_marker />\n"
                                "      <schedule_entry domain=\"x\" duration=\"2 us\" />\n";
    auto after =
        run("after.system", schedule_system(domains, "    <domain_schedule start_index=\"2\">\n" +
                                                         entries + "    </domain_schedule>\n"));
    INFO(after.text);
    REQUIRE(after.checked);
    const auto& s = *after.checked->system->domains->schedule;
    REQUIRE(s.entries.size() == 3);
    CHECK(s.entries[1].end_marker);

    auto on_marker =
        run("marker.system", schedule_system(domains, "    <domain_schedule start_index=\"1\">\n" +
                                                          entries + "    </domain_schedule>\n"));
    CHECK(on_marker.text.find("start_index 1 is the <schedule_end_marker>: the schedule would "
                              "run no entry") != std::string::npos);
}

TEST_CASE("schedule limits: the kernel's cycle, Microkit's index_shift", "[validate][microkit]") {
    std::string long_schedule = "    <domain_schedule>\n";
    for (std::uint64_t i = 0; i <= model::kMaxScheduleCycle; ++i)
        long_schedule += "      <schedule_entry domain=\"x\" duration=\"1 us\" />\n";
    long_schedule += "    </domain_schedule>\n";
    auto cycle = run("cycle.system", schedule_system("    <domain name=\"x\" />\n", long_schedule));
    CHECK(cycle.text.find("has 33 entries; the kernel cycles through at most 32") !=
          std::string::npos);

    auto shift = [](const char* value) {
        return schedule_system("    <domain name=\"x\" />\n",
                               std::string("    <domain_schedule index_shift=\"") + value +
                                   "\"><schedule_entry domain=\"x\" duration=\"1 us\" />"
                                   "<schedule_end_marker /></domain_schedule>\n");
    };
    CHECK(run("s.system", shift("97")).checked); // 97 + 2 entries: Microkit's last fit
    CHECK(run("s.system", shift("98")).text.find("index_shift 98 and the 2 schedule entries") !=
          std::string::npos);
}

TEST_CASE("all validation errors are collected", "[validate]") {
    auto o = run("e.system", xml_system("name=\"a\" priority=\"999\" budget=\"5\" period=\"4\"",
                                        "    <map mr=\"nope\" vaddr=\"0x1000\" perms=\"w\" />\n"));
    CHECK(o.errors == 4);
    CHECK_FALSE(o.checked);
}

TEST_CASE("a thousand PDs validate quickly", "[validate][scale]") {
    std::string text = "<system>\n";
    for (int i = 0; i < 1000; ++i) {
        const std::string n = std::to_string(i);
        text += "<memory_region name=\"r" + n + "\" size=\"0x1000\" />\n";
        text += "<protection_domain name=\"pd" + n + "\" priority=\"" + std::to_string(i % 250) +
                "\"><program_image path=\"hello.elf\" /><map mr=\"r" + n +
                "\" vaddr=\"0x400000\" /></protection_domain>\n";
    }
    for (int i = 0; i + 1 < 1000; ++i)
        text += "<channel><end pd=\"pd" + std::to_string(i) + "\" id=\"0\" /><end pd=\"pd" +
                std::to_string(i + 1) + "\" id=\"1\" /></channel>\n";
    text += "</system>\n";
    auto start = std::chrono::steady_clock::now();
    auto o = run("big.system", text);
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                  std::chrono::steady_clock::now() - start)
                  .count();
    INFO(o.text.substr(0, 2000));
    REQUIRE(o.checked);
    CHECK(o.checked->pds.size() == 1000);
    CHECK(ms < 2000);
}

TEST_CASE("the positive examples pass", "[validate][examples]") {
    for (const char* name : {"echo.system", "echo.json", "domains.system", "microkit.system"}) {
        diag::SourceManager sm;
        diag::Diagnostics d;
        auto sys = parse::load_system(test::kRoot + "/tests/composer/examples/" + name, sm, d);
        REQUIRE(sys);
        validate::Options opts{{test::kRoot + "/tests/corpus/images"}};
        auto checked = validate::validate(std::make_shared<const model::System>(*sys),
                                          test::default_board(), opts, d);
        INFO(name << "\n" << diag::render(sm, d));
        CHECK(checked);
        CHECK(d.error_count() == 0);
    }
}

TEST_CASE("rules that depend on the board", "[validate][board]") {
    board::Board two = test::default_board();
    two.cores = 2;
    auto on_core_1 = xml_system("name=\"a\" cpu=\"1\"", "");
    CHECK(run("c.system", on_core_1, true, two).checked);
    CHECK_FALSE(run("c.system", on_core_1).checked);

    auto with_domains = xml_system("name=\"a\" domain=\"d\"", "",
                                   "  <domains>\n    <domain name=\"d\" />\n"
                                   "    <domain_schedule>\n"
                                   "      <schedule_entry domain=\"d\" duration=\"10 us\" />\n"
                                   "    </domain_schedule>\n  </domains>\n");
    CHECK(run("d.system", with_domains).checked);
    auto smp = run("d.system", with_domains, true, two);
    CHECK(smp.text.find("domain scheduling cannot be combined with more than one core") !=
          std::string::npos);

    board::Board riscv = test::default_board();
    riscv.arch = "riscv64";
    auto o = run("r.system", xml_system("name=\"a\" smc=\"true\"", ""), true, riscv);
    CHECK(o.text.find("SMC forwarding ('smc') is not supported on board 'qemu-virt-aarch64'") !=
          std::string::npos);
    CHECK(o.text.find("'hello.elf' is not built for riscv64 (its ELF machine is 183)") !=
          std::string::npos);
}

TEST_CASE("fixed regions outside RAM cost no RAM; inside RAM they do", "[validate][memory]") {
    auto device =
        run("m.system", xml_system("name=\"a\"", "    <map mr=\"dev\" vaddr=\"0x800000\" />\n",
                                   "  <memory_region name=\"dev\" size=\"0x8000_0000\" "
                                   "phys_addr=\"0x1_0000_0000\" />\n"));
    INFO(device.text);
    CHECK(device.checked);
    auto ram =
        run("m.system", xml_system("name=\"a\"", "    <map mr=\"big\" vaddr=\"0x80000000\" />\n",
                                   "  <memory_region name=\"big\" size=\"0x7ff0_0000\" "
                                   "phys_addr=\"0x4000_0000\" />\n"));
    CHECK(ram.text.find("KiB of RAM but board 'qemu-virt-aarch64' has") != std::string::npos);
}
