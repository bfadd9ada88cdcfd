// The model builder: XML and JSON give the same model; defaults; wording.
#include "helpers.hpp"

#include <catch2/catch.hpp>

using namespace rampart;
using rampart::test::run;

namespace {

const char* kXml = R"(<system>
  <memory_region name="buf" size="0x2000" page_size="0x1000" phys_addr="0x9000000" />
  <protection_domain name="srv" priority="200" budget="100" period="1_000" passive="true"
                     stack_size="0x4000" fpu="false" restart="restart" restart_limit="2">
    <program_image path="hello.elf" path_for_symbols="hello.elf" />
    <map mr="buf" vaddr="0x400000" perms="r" cached="false" setvar_vaddr="b" />
    <irq irq="40" id="5" trigger="edge" />
    <setvar symbol="buf_paddr" region_paddr="buf" />
    <protection_domain name="kid" id="2">
      <program_image path="hello.elf" />
    </protection_domain>
  </protection_domain>
  <channel>
    <end pd="srv" id="1" notify="false" />
    <end pd="kid" id="1" pp="true" setvar_id="ch" />
  </channel>
</system>
)";

const char* kJson = R"({
  "memory_regions": [ { "name": "buf", "size": "0x2000", "page_size": 4096, "phys_addr": "0x9000000" } ],
  "protection_domains": [ {
    "name": "srv", "priority": 200, "budget": 100, "period": "1_000", "passive": true,
    "stack_size": "0x4000", "fpu": false, "restart": "restart", "restart_limit": 2,
    "program_image": { "path": "hello.elf", "path_for_symbols": "hello.elf" },
    "maps": [ { "mr": "buf", "vaddr": "0x400000", "perms": "r", "cached": false, "setvar_vaddr": "b" } ],
    "irqs": [ { "irq": 40, "id": 5, "trigger": "edge" } ],
    "setvars": [ { "symbol": "buf_paddr", "region_paddr": "buf" } ],
    "protection_domains": [ { "name": "kid", "id": 2, "program_image": { "path": "hello.elf" } } ]
  } ],
  "channels": [ { "ends": [ { "pd": "srv", "id": 1, "notify": false },
                            { "pd": "kid", "id": 1, "pp": true, "setvar_id": "ch" } ] } ]
}
)";

void same_model(const model::System& a, const model::System& b) {
    REQUIRE(a.pds.size() == 1);
    REQUIRE(b.pds.size() == 1);
    const auto &p = a.pds[0], &q = b.pds[0];
    CHECK(p.name.value == q.name.value);
    CHECK(p.priority.value == q.priority.value);
    CHECK(p.budget.value == q.budget.value);
    CHECK(p.period.value == q.period.value);
    CHECK(p.passive.value == q.passive.value);
    CHECK(p.stack_size.value == q.stack_size.value);
    CHECK(p.fpu.value == q.fpu.value);
    CHECK(p.restart.value == q.restart.value);
    CHECK(p.restart_limit.value == q.restart_limit.value);
    CHECK(p.program_image->path.value == q.program_image->path.value);
    CHECK(p.program_image->path_for_symbols.value == q.program_image->path_for_symbols.value);
    REQUIRE(p.maps.size() == q.maps.size());
    CHECK(p.maps[0].perms.value == q.maps[0].perms.value);
    CHECK(p.maps[0].cached.value == q.maps[0].cached.value);
    CHECK(p.maps[0].setvar_vaddr.value == q.maps[0].setvar_vaddr.value);
    CHECK(p.irqs[0].trigger.value == q.irqs[0].trigger.value);
    CHECK(p.setvars[0].symbol.value == q.setvars[0].symbol.value);
    REQUIRE(p.children.size() == 1);
    CHECK(p.children[0].id.value == q.children[0].id.value);
    REQUIRE(a.regions.size() == 1);
    CHECK(a.regions[0].phys_addr.value == b.regions[0].phys_addr.value);
    CHECK(a.regions[0].page_size.value == b.regions[0].page_size.value);
    REQUIRE(a.channels.size() == 1);
    for (int i = 0; i < 2; ++i) {
        CHECK(a.channels[0].ends[i].pd.value == b.channels[0].ends[i].pd.value);
        CHECK(a.channels[0].ends[i].pp.value == b.channels[0].ends[i].pp.value);
        CHECK(a.channels[0].ends[i].notify.value == b.channels[0].ends[i].notify.value);
        CHECK(a.channels[0].ends[i].setvar_id.value == b.channels[0].ends[i].setvar_id.value);
    }
}

} // namespace

TEST_CASE("the XML and JSON forms give the same model", "[build]") {
    auto x = run("x.system", kXml);
    auto j = run("j.json", kJson);
    INFO(x.text << j.text);
    REQUIRE(x.errors == 0);
    REQUIRE(j.errors == 0);
    same_model(*x.system, *j.system);
    const auto& pd = x.system->pds[0];
    CHECK(pd.priority.value == 200);
    CHECK(pd.period.value == 1000);
    CHECK(pd.maps[0].perms.value == model::kRead);
    CHECK(pd.irqs[0].trigger.value == model::Trigger::Edge);
    CHECK(pd.restart.value == model::RestartPolicy::Restart);
    CHECK(x.system->channels[0].ends[1].pp.value);
    CHECK_FALSE(x.system->channels[0].ends[0].notify.value);
}

TEST_CASE("defaults follow Microkit", "[build]") {
    auto o = run("d.system", test::xml_system("name=\"a\"", ""));
    REQUIRE(o.errors == 0);
    const auto& pd = o.system->pds[0];
    CHECK(pd.priority.value == 0);
    CHECK_FALSE(pd.priority.given());
    CHECK(pd.budget.value == 1000);
    CHECK(pd.effective_period() == 1000);
    CHECK(pd.stack_size.value == 0x2000);
    CHECK(pd.fpu.value);
    CHECK_FALSE(pd.passive.value);
    CHECK_FALSE(pd.smc.value);
    CHECK(pd.restart.value == model::RestartPolicy::Stop);
    CHECK(pd.maps[0].perms.value == (model::kRead | model::kWrite));
    CHECK(pd.maps[0].cached.value);
}

TEST_CASE("locations point at values", "[build]") {
    auto o = run("l.system", test::xml_system("name=\"a\" priority=\"7\"", ""));
    REQUIRE(o.errors == 0);
    const auto& prio = o.system->pds[0].priority;
    CHECK(prio.loc.line == 3);
    CHECK(prio.loc.col == 40);
    CHECK(prio.loc.len == 3);
}

TEST_CASE("all structural errors of a file are reported", "[build]") {
    auto o = run("m.system", "<system>\n  <bogus/>\n  <protection_domain priorty=\"1\">\n"
                             "  </protection_domain>\n  <channel/>\n</system>\n");
    CHECK(o.errors == 5);
    CHECK(o.text.find("unknown element <bogus> in <system>") != std::string::npos);
    CHECK(o.text.find("did you mean 'priority'?") != std::string::npos);
    CHECK(o.text.find("missing the required attribute 'name'") != std::string::npos);
    CHECK(o.text.find("needs a <program_image>") != std::string::npos);
    CHECK(o.text.find("exactly two <end> elements, not 0") != std::string::npos);
    CHECK_FALSE(o.checked); // validation does not run on a broken model
}

TEST_CASE("JSON messages speak of keys", "[build]") {
    auto o = run("k.json", R"({"protection_domains": [{"name": "a", "prio": 1,
        "program_image": {"path": "hello.elf"}}], "chanels": []})");
    CHECK(o.text.find("unknown key 'prio' in protection_domain") != std::string::npos);
    CHECK(o.text.find("unknown key 'chanels' in system; did you mean 'channels'?") !=
          std::string::npos);
}

TEST_CASE("syntax is chosen by extension or first character", "[build]") {
    CHECK(parse::detect_syntax("a.json", "<x/>") == parse::Syntax::Json);
    CHECK(parse::detect_syntax("a.system", "  {") == parse::Syntax::Json);
    CHECK(parse::detect_syntax("a.xml", "<system/>") == parse::Syntax::Xml);
}

TEST_CASE("a missing file is an error, not a crash", "[build]") {
    diag::SourceManager sm;
    diag::Diagnostics d;
    CHECK_FALSE(parse::load_system("/nonexistent/x.system", sm, d));
    CHECK(diag::render(sm, d) ==
          "error: cannot read system file '/nonexistent/x.system'\n1 error generated.\n");
}

TEST_CASE("namespace and xsi attributes are ignored, so editors can use the XSD", "[build]") {
    auto o = run("ns.system",
                 "<system xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                 "        xsi:noNamespaceSchemaLocation=\"system.xsd\">\n"
                 "  <memory_region name=\"r\" size=\"0x1000\" xmlns:foo=\"bar\" />\n"
                 "</system>\n",
                 false);
    INFO(o.text);
    CHECK(o.errors == 0);
}
