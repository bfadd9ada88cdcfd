// Channels and the per-PD id namespace they share with IRQs; protected
// procedure call rules.
#include "model/limits.hpp"
#include "validate/context.hpp"

#include "diag/suggest.hpp"

namespace rampart::validate {
namespace {

// Claims an id in a PD's namespace; reports ranges and duplicates.
void claim(Context& c, std::map<std::pair<std::string, std::uint64_t>, diag::Loc>& used,
           const std::string& pd, const model::Field<std::uint64_t>& id) {
    if (id.value > model::kMaxId) {
        c.error(id.loc, "id " + std::to_string(id.value) + " is out of range (0 to " +
                            std::to_string(model::kMaxId) + ")");
        return;
    }
    auto [it, fresh] = used.emplace(std::make_pair(pd, id.value), id.loc);
    if (!fresh) {
        c.error(id.loc, "id " + std::to_string(id.value) +
                            " is already used in protection domain '" + pd + "'");
        c.note(it->second, "id " + std::to_string(id.value) + " is first used here");
    }
}

void check_pp(Context& c, const model::ChannelEnd& caller, const model::ChannelEnd& callee) {
    const PdInfo* from = c.pd(caller.pd.value);
    const PdInfo* to = c.pd(callee.pd.value);
    if (!from || !to)
        return;
    const std::uint64_t pf = from->pd->priority.value, pt = to->pd->priority.value;
    if (pt <= pf)
        c.error(caller.pp.loc, "'" + caller.pd.value + "' (priority " + std::to_string(pf) +
                                   ") may not call '" + callee.pd.value + "' (priority " +
                                   std::to_string(pt) +
                                   "): a protected procedure call must go to a strictly higher "
                                   "priority");
}

} // namespace

void check_channels(Context& c) {
    std::map<std::pair<std::string, std::uint64_t>, diag::Loc> used;
    // IRQ ids first: they are declared inside the PD, channels refer to it.
    for (const PdInfo& info : c.out.pds)
        for (const auto& irq : info.pd->irqs)
            claim(c, used, info.pd->name.value, irq.id);

    for (const model::Channel& ch : c.sys.channels) {
        bool known = true;
        for (const model::ChannelEnd& end : ch.ends) {
            if (!c.pd(end.pd.value)) {
                c.error(end.pd.loc, "unknown protection domain '" + end.pd.value + "'" +
                                        diag::did_you_mean(end.pd.value, c.pd_names));
                known = false;
                continue;
            }
            claim(c, used, end.pd.value, end.id);
        }
        const auto& [a, b] = ch.ends;
        if (a.pp.value && b.pp.value) {
            c.error(b.pp.loc, "only one end of a channel may make protected procedure calls");
            continue;
        }
        if (known && a.pp.value)
            check_pp(c, a, b);
        if (known && b.pp.value)
            check_pp(c, b, a);
    }
}

} // namespace rampart::validate
