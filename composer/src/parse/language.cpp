// The element and attribute set of the system language: Microkit's SDF plus
// Rampart's restart policy on protection_domain. schemas/system.xsd and
// schemas/system.schema.json describe the same set (a unit test checks it).
// Microkit's forms for other architectures are listed apart (foreign_forms):
// they are recognised and refused for the board, not called unknown.
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
          "domain", "id", "setvar_id", "restart", "restart_limit"},
         {{"program_image", false},
          {"map", true},
          {"irq", true},
          {"setvar", true},
          {"protection_domain", true},
          {"virtual_machine", false},
          {"cspace", false}}},
        {"program_image", {"path", "path_for_symbols"}, {}},
        {"map",
         {"mr", "vaddr", "perms", "cached", "setvar_vaddr", "setvar_size", "setvar_prefill_size"},
         {}},
        {"irq", {"irq", "id", "trigger", "setvar_id"}, {}},
        {"setvar", {"symbol", "region_paddr"}, {}},
        {"cspace", {}, {{"cap_tcb", true}, {"cap_sc", true}, {"cap_vspace", true}}},
        {"cap_tcb", {"slot", "pd"}, {}},
        {"cap_sc", {"slot", "pd"}, {}},
        {"cap_vspace", {"slot", "pd"}, {}},
        {"virtual_machine",
         {"name", "priority", "budget", "period"},
         {{"vcpu", true}, {"map", true}}},
        {"vcpu", {"id", "cpu", "setvar_id"}, {}},
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

const std::vector<ForeignForm>& foreign_forms() {
    static const std::vector<ForeignForm> forms{
        {"system", "io_address_space", true, "IOMMU address spaces (<io_address_space>)", "x86_64"},
        {"protection_domain", "ioport", true, "x86 I/O ports (<ioport>)", "x86_64"},
        {"irq", "pin", false, "x86 I/O APIC interrupts ('pin')", "x86_64"},
        {"irq", "pcidev", false, "x86 MSI interrupts ('pcidev')", "x86_64"},
        {"irq", "ioapic", false, "x86 interrupt attributes ('ioapic')", "x86_64"},
        {"irq", "polarity", false, "x86 interrupt attributes ('polarity')", "x86_64"},
        {"irq", "vector", false, "x86 interrupt attributes ('vector')", "x86_64"},
        {"irq", "handle", false, "x86 interrupt attributes ('handle')", "x86_64"},
        {"memory_region", "prefill_bootinfo", false,
         "regions filled from the kernel's boot information ('prefill_bootinfo')", ""},
    };
    return forms;
}

const ForeignForm* foreign_form(std::string_view element, std::string_view name, bool is_element) {
    for (const ForeignForm& f : foreign_forms())
        if (f.element == element && f.name == name && f.is_element == is_element)
            return &f;
    return nullptr;
}

std::optional<std::string_view> misplaced(std::string_view parent, std::string_view child) {
    if (parent == "system" && child == "virtual_machine")
        return "a virtual machine belongs inside the protection domain that runs it";
    return std::nullopt;
}

const ElementSpec& spec_of(std::string_view element) {
    for (const ElementSpec& s : language())
        if (s.name == element)
            return s;
    static const ElementSpec none{"", {}, {}};
    return none;
}

} // namespace rampart::parse
