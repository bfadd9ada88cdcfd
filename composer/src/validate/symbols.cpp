// Setvar symbols: each symbol is patched once per PD, and region_paddr names
// a region.
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
        }
    }
    for (const auto& ch : c.sys.channels)
        for (const auto& end : ch.ends)
            claim(c, seen, end.pd.value, end.setvar_id);
}

} // namespace rampart::validate
