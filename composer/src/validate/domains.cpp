// Static domain scheduling: <domains> declares the domains and their
// schedule; then every PD names its domain, and without it none may.
#include "model/limits.hpp"
#include "validate/context.hpp"

#include "diag/suggest.hpp"

#include <algorithm>

namespace rampart::validate {
namespace {

void check_schedule(Context& c, const model::DomainSchedule& s,
                    const std::vector<std::string>& names) {
    if (s.entries.empty()) {
        c.error(s.loc, "a domain schedule needs at least one schedule_entry");
        return;
    }
    for (const auto& e : s.entries) {
        if (e.domain.given() &&
            std::find(names.begin(), names.end(), e.domain.value) == names.end())
            c.error(e.domain.loc, "unknown domain '" + e.domain.value + "'" +
                                      diag::did_you_mean(e.domain.value, names));
        if (e.duration.given() && e.duration.value.amount == 0)
            c.error(e.duration.loc, "a schedule entry's duration must not be zero");
    }
    if (s.start_index.value >= s.entries.size())
        c.error(s.start_index.loc, "start_index " + std::to_string(s.start_index.value) +
                                       " is past the last of the " +
                                       std::to_string(s.entries.size()) + " schedule entries");
    if (s.index_shift.value > 63)
        c.error(s.index_shift.loc, "index_shift " + std::to_string(s.index_shift.value) +
                                       " is out of range (0 to 63)");
}

} // namespace

void check_domains(Context& c) {
    if (!c.sys.domains) {
        for (const PdInfo& info : c.out.pds)
            if (info.pd->domain.given())
                c.error(info.pd->domain.loc,
                        "'domain' is only allowed when the system declares <domains>");
        return;
    }
    const model::Domains& d = *c.sys.domains;
    if (c.board.cores > 1)
        c.error(d.loc, "domain scheduling cannot be combined with more than one core");
    if (d.domains.empty())
        c.error(d.loc, "<domains> declares no domain");
    if (d.domains.size() > model::kMaxDomains)
        c.error(d.domains[model::kMaxDomains].loc,
                "too many domains (at most " + std::to_string(model::kMaxDomains) + ")");

    std::vector<std::string> names;
    std::map<std::uint64_t, diag::Loc> ids;
    for (std::size_t i = 0; i < d.domains.size(); ++i) {
        const model::Domain& dom = d.domains[i];
        if (std::find(names.begin(), names.end(), dom.name.value) != names.end())
            c.error(dom.name.loc, "duplicate domain name '" + dom.name.value + "'");
        else
            names.push_back(dom.name.value);
        const std::uint64_t id = dom.id.given() ? dom.id.value : i;
        const diag::Loc where = Context::at(dom.id, dom.loc);
        if (id >= model::kMaxDomains) {
            c.error(where, "domain id " + std::to_string(id) + " is out of range (0 to " +
                               std::to_string(model::kMaxDomains - 1) + ")");
            continue;
        }
        auto [it, fresh] = ids.emplace(id, where);
        if (!fresh) {
            c.error(where, "duplicate domain id " + std::to_string(id));
            c.note(it->second, "domain id " + std::to_string(id) + " is first used here");
        }
    }

    if (d.schedule)
        check_schedule(c, *d.schedule, names);
    else
        c.error(d.loc, "<domains> needs a <domain_schedule>");

    for (const PdInfo& info : c.out.pds) {
        const auto& pd = *info.pd;
        if (!pd.domain.given())
            c.error(pd.loc, "protection domain '" + pd.name.value +
                                "' needs a 'domain' because the system declares <domains>");
        else if (std::find(names.begin(), names.end(), pd.domain.value) == names.end())
            c.error(pd.domain.loc, "unknown domain '" + pd.domain.value + "'" +
                                       diag::did_you_mean(pd.domain.value, names));
    }
}

} // namespace rampart::validate
