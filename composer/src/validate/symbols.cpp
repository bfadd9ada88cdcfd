// Setvar symbols: each symbol is patched once per PD (the parent's program
// for a child's setvar_id and its VM's vCPUs), region_paddr names a region,
// and setvar_prefill_size needs a prefilled region.
#include "validate/context.hpp"

#include "diag/suggest.hpp"

namespace rampart::validate {
namespace {

using Symbols = std::map<std::pair<std::string, std::string>, diag::Loc>;

void claim(Context& c, Symbols& seen, const std::string& pd,
           const model::Field<std::string>& symbol) {
    if (!symbol.given())
        return;
    if (symbol.value.empty()) {
        c.error(symbol.loc, "a setvar symbol name must not be empty");
        return;
    }
    auto [it, fresh] = seen.emplace(std::make_pair(pd, symbol.value), symbol.loc);
    if (!fresh) {
        c.error(symbol.loc,
                "symbol '" + symbol.value + "' of protection domain '" + pd + "' is already set");
        c.note(it->second, "'" + symbol.value + "' is first set here");
    }
}

} // namespace

void check_symbols(Context& c) {
    Symbols seen;
    for (const PdInfo& info : c.out.pds) {
        const auto& pd = *info.pd;
        for (const auto& s : pd.setvars) {
            claim(c, seen, pd.name.value, s.symbol);
            if (!c.region_by_name.count(s.region_paddr.value))
                c.error(s.region_paddr.loc,
                        "unknown memory region '" + s.region_paddr.value + "'" +
                            diag::did_you_mean(s.region_paddr.value, c.region_names));
        }
        for (const auto& m : pd.maps) {
            claim(c, seen, pd.name.value, m.setvar_vaddr);
            claim(c, seen, pd.name.value, m.setvar_size);
            claim(c, seen, pd.name.value, m.setvar_prefill_size);
            auto region = c.region_by_name.find(m.mr.value);
            if (m.setvar_prefill_size.given() && region != c.region_by_name.end() &&
                !c.sys.regions[region->second].prefill_path.given())
                c.error(m.setvar_prefill_size.loc,
                        "setvar_prefill_size needs a prefilled region, but memory region '" +
                            m.mr.value + "' has no prefill_path");
        }
        for (const auto& irq : pd.irqs)
            claim(c, seen, pd.name.value, irq.setvar_id);
        for (const auto& child : pd.children)
            claim(c, seen, pd.name.value, child.setvar_id);
        if (pd.virtual_machine)
            for (const auto& v : pd.virtual_machine->vcpus)
                claim(c, seen, pd.name.value, v.setvar_id);
    }
    for (const auto& ch : c.sys.channels)
        for (const auto& end : ch.ends)
            claim(c, seen, end.pd.value, end.setvar_id);
}

} // namespace rampart::validate
