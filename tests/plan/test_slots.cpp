// Slot assignment and badges: Microkit's PD CSpace layout on echo.system.
#include "support.hpp"

#include <rampart/objects.h>
#include <rampart/rights.h>

#include <catch2/catch.hpp>

#include <cstring>

using namespace rampart;

namespace {

const plan::Plan& echo() {
    static const auto sys = test::load_file(test::kSystems + "/echo.system");
    static const auto c = test::compose(sys);
    return c.plan;
}

std::uint32_t pd_index(const plan::Plan& p, const std::string& name) {
    for (std::uint32_t i = 0; i < p.pd_info.size(); ++i)
        if (p.pd_info[i].name == name)
            return i;
    FAIL("no PD " << name);
    return 0;
}

const plan::Cap* slot(const plan::Plan& p, const std::string& pd, std::uint32_t s) {
    const std::uint32_t cnode = p.pds[pd_index(p, pd)].cnode;
    for (const auto& c : p.caps)
        if (c.cnode == cnode && c.slot == s)
            return &c;
    return nullptr;
}

std::string target(const plan::Plan& p, const plan::Cap* c) {
    return c ? p.objects[c->object].name : "<empty>";
}

} // namespace

TEST_CASE("input cap: the endpoint of a PD that is called, else its notification") {
    const auto& p = echo();
    CHECK(target(p, slot(p, "server", 1)) == "server.endpoint");
    CHECK(target(p, slot(p, "client", 1)) == "client.endpoint"); // it has a child
    CHECK(target(p, slot(p, "worker", 1)) == "worker.notification");
}

TEST_CASE("fault endpoints: the monitor for top-level PDs, the parent for children") {
    const auto& p = echo();
    const auto* server = slot(p, "server", 2);
    REQUIRE(server);
    CHECK(target(p, server) == "monitor.endpoint");
    CHECK(server->badge == pd_index(p, "server") + 1);
    const auto* worker = slot(p, "worker", 2);
    REQUIRE(worker);
    CHECK(target(p, worker) == "client.endpoint");
    CHECK(worker->badge == ((1ull << 62) | 1));
    CHECK(target(p, slot(p, "client", 203)) == "worker.tcb");
}

TEST_CASE("fixed slots 3, 4 and 5") {
    const auto& p = echo();
    CHECK(target(p, slot(p, "client", 3)) == "client.vspace");
    CHECK(target(p, slot(p, "client", 4)) == "client.reply");
    CHECK(target(p, slot(p, "server", 5)) == "monitor.endpoint"); // passive
    CHECK(slot(p, "client", 5) == nullptr);
}

TEST_CASE("channel badges: 1 << peer id for notifications, bit 63 | peer id for calls") {
    const auto& p = echo();
    const auto* n = slot(p, "server", 10 + 1);
    REQUIRE(n);
    CHECK(target(p, n) == "client.notification");
    CHECK(n->badge == (1ull << 1));
    CHECK(n->rights == RAMPART_RIGHT_WRITE);
    const auto* call = slot(p, "client", 74 + 1);
    REQUIRE(call);
    CHECK(target(p, call) == "server.endpoint");
    CHECK(call->badge == ((1ull << 63) | 1));
    CHECK(slot(p, "server", 74 + 1) == nullptr); // the server does not call
    const auto* w = slot(p, "worker", 10 + 0);
    REQUIRE(w);
    CHECK(w->badge == (1ull << 3));
}

TEST_CASE("IRQs: a handler at 138 + id, signalling the PD's notification with 1 << id") {
    const auto& p = echo();
    const auto* h = slot(p, "server", 138 + 2);
    REQUIRE(h);
    CHECK(h->kind == RAMPART_SPEC_CAP_IRQ_HANDLER);
    REQUIRE(p.irqs.size() == 1);
    CHECK(p.irqs[0].irq == 33);
    CHECK(p.irqs[0].badge == (1ull << 2));
    CHECK(p.objects[p.irqs[0].notification].name == "server.notification");
}

TEST_CASE("threads: priorities, budgets, stack, IPC buffer, bound notification") {
    const auto& p = echo();
    const auto& client = p.tcbs[pd_index(p, "client")];
    CHECK(client.priority == 100);
    CHECK(client.mcp == 100);
    CHECK(client.stack_pointer == 0x8000000000);
    CHECK(client.bound_notification != plan::kNone);
    CHECK(p.scs[client.sc].budget_us == 500);
    CHECK(p.scs[client.sc].period_us == 1000);
    const auto& server = p.tcbs[pd_index(p, "server")];
    CHECK(p.scs[server.sc].flags == RAMPART_SPEC_SC_PASSIVE);
    CHECK(p.tcbs[pd_index(p, "worker")].bound_notification == plan::kNone);
    CHECK(client.cspace_data == RAMPART_CNODE_CAPDATA(0, 55));
}

TEST_CASE("setvars are patched into the program's data") {
    const auto& p = echo();
    // The uart region is fixed at 0x9000000: client's uart_paddr holds it.
    const auto elf = std::get<elf::ElfFile>(elf::ElfFile::read(test::kSystems + "/pd.elf"));
    const std::uint64_t sym = elf.symbol("uart_paddr")->value;
    bool found = false;
    const std::uint32_t client = pd_index(p, "client");
    for (const auto& f : p.fills) {
        if (f.pd != client)
            continue;
        for (const auto& m : p.mappings)
            if (m.object == f.frame && rampart_spec_maps_frame(m.kind) && m.pd == client &&
                m.vaddr + f.frame_offset <= sym && sym + 8 <= m.vaddr + f.frame_offset + f.size) {
                std::uint64_t v = 0;
                std::memcpy(&v, p.data.data() + f.data_offset + (sym - m.vaddr - f.frame_offset),
                            8);
                CHECK(v == 0x9000000);
                found = true;
            }
    }
    CHECK(found);
}

TEST_CASE("a channel from a PD to itself, as Microkit allows: it notifies its own notification") {
    const auto sys = test::load_text(test::kSystems + "/self.system",
                                     "<system>\n"
                                     "  <protection_domain name=\"a\" priority=\"10\">\n"
                                     "    <program_image path=\"pd.elf\" />\n"
                                     "  </protection_domain>\n"
                                     "  <channel><end pd=\"a\" id=\"1\" />"
                                     "<end pd=\"a\" id=\"2\" notify=\"false\" /></channel>\n"
                                     "</system>\n");
    const auto c = test::compose(sys);
    const auto* n = slot(c.plan, "a", 10 + 1);
    REQUIRE(n);
    CHECK(target(c.plan, n) == "a.notification");
    CHECK(n->badge == (1ull << 2));
    CHECK(slot(c.plan, "a", 10 + 2) == nullptr); // that end does not notify
}
