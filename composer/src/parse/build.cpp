// Builds model structs element by element; every problem is reported and the
// builder goes on, so one run lists all of them.
#include "parse/build.hpp"

#include "model/limits.hpp"
#include "parse/element.hpp"
#include "parse/values.hpp"

namespace rampart::parse {
namespace {

class Builder {
  public:
    Builder(Syntax syntax, diag::Diagnostics& diags) : syntax_(syntax), diags_(diags) {}

    model::System system(const Node& root) {
        model::System sys;
        if (root.name != "system") {
            diags_.error(root.name_loc,
                         "the root element must be <system>, not <" + root.name + ">");
            return sys;
        }
        sys.loc = root.name_loc;
        collect_foreign(root, sys.board_features);
        Element e(root, syntax_, diags_);
        for (const Node* n : e.children("protection_domain"))
            sys.pds.push_back(pd(*n, false));
        for (const Node* n : e.children("memory_region"))
            sys.regions.push_back(region(*n));
        for (const Node* n : e.children("channel"))
            if (auto c = channel(*n))
                sys.channels.push_back(*c);
        if (const Node* n = e.child("domains"))
            sys.domains = domains(*n);
        return sys;
    }

  private:
    model::ProtectionDomain pd(const Node& node, bool is_child) {
        Element e(node, syntax_, diags_);
        model::ProtectionDomain p;
        p.loc = e.loc();
        p.name = e.string("name", true);
        p.priority = e.number("priority");
        p.budget = e.number("budget", false, model::kDefaultBudgetUs);
        p.period = e.number("period");
        p.passive = e.boolean("passive", false);
        p.stack_size = e.number("stack_size", false, model::kDefaultStackSize);
        p.cpu = e.number("cpu");
        p.fpu = e.boolean("fpu", true);
        p.smc = e.boolean("smc", false);
        p.domain = e.string("domain");
        p.id = e.number("id", is_child);
        if (!is_child && p.id.given())
            e.error(p.id.loc, "only a child protection domain (nested in another) has an id");
        p.setvar_id = e.string("setvar_id");
        if (!is_child && p.setvar_id.given())
            e.error(p.setvar_id.loc, "only a child protection domain (nested in another) has a "
                                     "setvar_id: it names a variable of the parent's program");
        auto restart = e.word("restart", {"stop", "restart"}, "stop");
        p.restart = {restart.value == "restart" ? model::RestartPolicy::Restart
                                                : model::RestartPolicy::Stop,
                     restart.loc};
        p.restart_limit = e.number("restart_limit");

        if (const Node* n = e.child("program_image")) {
            Element img(*n, syntax_, diags_);
            p.program_image = model::ProgramImage{img.loc(), img.string("path", true),
                                                  img.string("path_for_symbols")};
        } else if (!has_child_named(node, "program_image")) { // else: reported as misshapen
            e.error(e.loc(), e.what() + " needs a " +
                                 (syntax_ == Syntax::Xml ? "<program_image>" : "program_image"));
        }
        for (const Node* n : e.children("map"))
            p.maps.push_back(map(*n));
        for (const Node* n : e.children("irq"))
            if (auto i = irq(*n))
                p.irqs.push_back(*i);
        for (const Node* n : e.children("setvar")) {
            Element s(*n, syntax_, diags_);
            p.setvars.push_back(
                {s.loc(), s.string("symbol", true), s.string("region_paddr", true)});
        }
        if (const Node* n = e.child("cspace"))
            p.cspace = cspace(*n);
        if (const Node* n = e.child("virtual_machine"))
            p.virtual_machine = vm(*n);
        for (const Node* n : e.children("protection_domain"))
            p.children.push_back(pd(*n, true));
        return p;
    }

    model::Map map(const Node& node) {
        Element e(node, syntax_, diags_);
        model::Map m;
        m.loc = e.loc();
        m.mr = e.string("mr", true);
        m.vaddr = e.number("vaddr", true);
        auto perms = e.string("perms");
        if (perms.given()) {
            if (auto bits = parse_perms(perms.value))
                m.perms = {*bits, perms.loc};
            else
                e.error(perms.loc, "invalid permissions '" + perms.value +
                                       "' (expected a combination of 'r', 'w' and 'x')");
        }
        m.cached = e.boolean("cached", true);
        m.setvar_vaddr = e.string("setvar_vaddr");
        m.setvar_size = e.string("setvar_size");
        m.setvar_prefill_size = e.string("setvar_prefill_size");
        return m;
    }

    // Nothing for an x86 interrupt (recorded as a board feature).
    std::optional<model::Irq> irq(const Node& node) {
        Element e(node, syntax_, diags_);
        const bool x86 = node.attr("pin") || node.attr("pcidev");
        model::Irq i;
        i.loc = e.loc();
        i.irq = e.number("irq", !x86);
        i.id = e.number("id", true);
        auto trigger = e.word("trigger", {"level", "edge"}, "level");
        i.trigger = {trigger.value == "edge" ? model::Trigger::Edge : model::Trigger::Level,
                     trigger.loc};
        i.setvar_id = e.string("setvar_id");
        if (x86 && !i.irq.given())
            return std::nullopt;
        return i;
    }

    std::vector<model::CspaceCap> cspace(const Node& node) {
        Element e(node, syntax_, diags_);
        std::vector<model::CspaceCap> caps;
        const std::pair<const char*, model::CapKind> kinds[] = {
            {"cap_tcb", model::CapKind::Tcb},
            {"cap_sc", model::CapKind::Sc},
            {"cap_vspace", model::CapKind::Vspace}};
        for (const auto& [name, kind] : kinds)
            for (const Node* n : e.children(name)) {
                Element c(*n, syntax_, diags_);
                caps.push_back({c.loc(), kind, c.number("slot", true), c.string("pd", true)});
            }
        return caps;
    }

    model::VirtualMachine vm(const Node& node) {
        Element e(node, syntax_, diags_);
        model::VirtualMachine v;
        v.loc = e.loc();
        v.name = e.string("name", true);
        v.priority = e.number("priority");
        v.budget = e.number("budget", false, model::kDefaultBudgetUs);
        v.period = e.number("period");
        for (const Node* n : e.children("vcpu")) {
            Element c(*n, syntax_, diags_);
            v.vcpus.push_back(
                {c.loc(), c.number("id", true), c.number("cpu"), c.string("setvar_id")});
        }
        for (const Node* n : e.children("map")) {
            model::Map m = map(*n);
            for (const auto* f : {&m.setvar_vaddr, &m.setvar_size, &m.setvar_prefill_size})
                if (f->given())
                    e.error(f->loc, "a virtual machine's map sets no variable: a virtual "
                                    "machine has no program image");
            v.maps.push_back(std::move(m));
        }
        return v;
    }

    model::MemoryRegion region(const Node& node) {
        Element e(node, syntax_, diags_);
        model::MemoryRegion r;
        r.loc = e.loc();
        r.name = e.string("name", true);
        r.prefill_path = e.string("prefill_path");
        r.size = e.number("size", !r.prefill_path.given() && !node.attr("prefill_bootinfo"));
        r.page_size = e.number("page_size");
        r.phys_addr = e.number("phys_addr");
        return r;
    }

    std::optional<model::Channel> channel(const Node& node) {
        Element e(node, syntax_, diags_);
        auto ends = e.children("end");
        if (ends.size() != 2) {
            e.error(e.loc(), e.what() + " must have exactly two " +
                                 (syntax_ == Syntax::Xml ? "<end> elements" : "ends") + ", not " +
                                 std::to_string(ends.size()));
            return std::nullopt;
        }
        model::Channel c;
        c.loc = e.loc();
        for (std::size_t i = 0; i < 2; ++i) {
            Element end(*ends[i], syntax_, diags_);
            model::ChannelEnd& ce = c.ends[i];
            ce.loc = end.loc();
            ce.pd = end.string("pd", true);
            ce.id = end.number("id", true);
            ce.pp = end.boolean("pp", false);
            ce.notify = end.boolean("notify", true);
            ce.setvar_id = end.string("setvar_id");
        }
        return c;
    }

    model::Domains domains(const Node& node) {
        Element e(node, syntax_, diags_);
        model::Domains d;
        d.loc = e.loc();
        for (const Node* n : e.children("domain")) {
            Element de(*n, syntax_, diags_);
            d.domains.push_back({de.loc(), de.string("name", true), de.number("id")});
        }
        if (const Node* n = e.child("domain_schedule")) {
            Element se(*n, syntax_, diags_);
            model::DomainSchedule s;
            s.loc = se.loc();
            s.start_index = se.number("start_index");
            s.index_shift = se.number("index_shift");
            const Node* marker = se.child("schedule_end_marker");
            for (const Node* en : se.children("schedule_entry")) {
                Element ee(*en, syntax_, diags_);
                model::ScheduleEntry entry{ee.loc(), ee.string("domain", true), {}};
                auto text = ee.string("duration", true);
                if (text.given()) {
                    if (auto dur = parse_duration(text.value))
                        entry.duration = {*dur, text.loc};
                    else
                        ee.error(text.loc, "invalid duration '" + text.value +
                                               "' (expected \"N us\" or \"N ticks\")");
                }
                s.entries.push_back(std::move(entry));
            }
            if (marker) {
                // Where it stands among the entries (JSON: after them).
                Element me(*marker, syntax_, diags_);
                std::size_t at = 0;
                for (const Node* en : se.children("schedule_entry"))
                    at += syntax_ == Syntax::Json || before(*en, *marker) ? 1 : 0;
                model::ScheduleEntry end;
                end.loc = me.loc();
                end.end_marker = true;
                s.entries.insert(s.entries.begin() + static_cast<std::ptrdiff_t>(at), end);
            }
            d.schedule = std::move(s);
        }
        return d;
    }

    // Microkit forms no board of Rampart's has (parse/language.cpp): the first
    // foreign attribute of each element, and foreign child elements (XML).
    void collect_foreign(const Node& node, std::vector<model::BoardFeature>& out) const {
        for (const Attr& a : node.attrs)
            if (const ForeignForm* f = foreign_form(node.name, a.name, false)) {
                out.push_back({a.name_loc, std::string(f->what), std::string(f->arch)});
                break;
            }
        for (const Node& child : node.children) {
            const ForeignForm* f =
                syntax_ == Syntax::Xml ? foreign_form(node.name, child.name, true) : nullptr;
            if (f)
                out.push_back({child.name_loc, std::string(f->what), std::string(f->arch)});
            else
                collect_foreign(child, out);
        }
    }

    static bool has_child_named(const Node& node, std::string_view name) {
        for (const Node& c : node.children)
            if (c.name == name && !c.placeholder)
                return true;
        return false;
    }

    static bool before(const Node& a, const Node& b) {
        return a.name_loc.line < b.name_loc.line ||
               (a.name_loc.line == b.name_loc.line && a.name_loc.col < b.name_loc.col);
    }

    Syntax syntax_;
    diag::Diagnostics& diags_;
};

} // namespace

model::System build_system(const Node& root, Syntax syntax, diag::Diagnostics& diags) {
    Builder b(syntax, diags);
    return b.system(root);
}

} // namespace rampart::parse
