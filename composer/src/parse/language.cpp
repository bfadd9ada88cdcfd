// The element and attribute set of the system language: Microkit's SDF plus
// Rampart's restart policy on protection_domain. schemas/system.xsd and
// schemas/system.schema.json describe the same set (a unit test checks it).
#include "parse/element.hpp"

namespace rampart::parse {

const std::vector<ElementSpec>& language() {
    static const std::vector<ElementSpec> specs{
        {"system",
         {},
         {{"protection_domain", true},
          {"memory_region", true},
          {"channel", true},
          {"domains", false}}},
        {"protection_domain",
         {"name", "priority", "budget", "period", "passive", "stack_size", "cpu", "fpu", "smc",
          "domain", "id", "restart", "restart_limit"},
         {{"program_image", false},
          {"map", true},
          {"irq", true},
          {"setvar", true},
          {"protection_domain", true},
          {"virtual_machine", false},
          {"cspace", false}}},
        {"program_image", {"path", "path_for_symbols"}, {}},
        {"map", {"mr", "vaddr", "perms", "cached", "setvar_vaddr", "setvar_size"}, {}},
        {"irq", {"irq", "id", "trigger"}, {}},
        {"setvar", {"symbol", "region_paddr"}, {}},
        {"cspace", {}, {{"cap_tcb", true}, {"cap_sc", true}, {"cap_vspace", true}}},
        {"cap_tcb", {"slot", "pd"}, {}},
        {"cap_sc", {"slot", "pd"}, {}},
        {"cap_vspace", {"slot", "pd"}, {}},
        {"virtual_machine",
         {"name", "priority", "budget", "period"},
         {{"vcpu", true}, {"map", true}}},
        {"vcpu", {"id", "cpu"}, {}},
        {"memory_region", {"name", "size", "page_size", "phys_addr", "prefill_path"}, {}},
        {"channel", {}, {{"end", true}}},
        {"end", {"pd", "id", "pp", "notify", "setvar_id"}, {}},
        {"domains", {}, {{"domain", true}, {"domain_schedule", false}}},
        {"domain", {"name", "id"}, {}},
        {"domain_schedule",
         {"start_index", "index_shift"},
         {{"schedule_entry", true}, {"schedule_end_marker", false}}},
        {"schedule_entry", {"domain", "duration"}, {}},
        {"schedule_end_marker", {}, {}},
    };
    return specs;
}

const ElementSpec& spec_of(std::string_view element) {
    for (const ElementSpec& s : language())
        if (s.name == element)
            return s;
    static const ElementSpec none{"", {}, {}};
    return none;
}

} // namespace rampart::parse
