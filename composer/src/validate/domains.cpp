// Static domain scheduling: <domains> declares the domains and their
// schedule; then every PD names its domain, and without it none may.
#include "model/limits.hpp"
#include "validate/context.hpp"

#include "diag/suggest.hpp"

#include <algorithm>

namespace rampart::validate {
namespace {

// The kernel runs the entries from start_index up to the end marker (or the
// end of the list), then from start_index again.
void check_schedule(Context& c, const model::DomainSchedule& s,
                    const std::vector<std::string>& names) {
    std::size_t real = 0;
    for (const auto& e : s.entries) {
        if (e.end_marker)
            continue;
        ++real;
        if (e.domain.given() &&
            std::find(names.begin(), names.end(), e.domain.value) == names.end())
            c.error(e.domain.loc, "unknown domain '" + e.domain.value + "'" +
                                      diag::did_you_mean(e.domain.value, names));
        if (e.duration.given() && e.duration.value.amount == 0)
            c.error(e.duration.loc, "a schedule entry's duration must not be zero");
    }
    if (real == 0) {
        c.error(s.loc, "a domain schedule needs at least one schedule_entry");
        return;
    }
    const std::uint64_t start = s.start_index.value, count = s.entries.size();
    const diag::Loc at_start = Context::at(s.start_index, s.loc);
    if (start >= count) {
        c.error(at_start, "start_index " + std::to_string(start) + " is past the last of the " +
                              std::to_string(count) + " schedule entries");
    } else if (s.entries[start].end_marker) {
        c.error(at_start, "start_index " + std::to_string(start) +
                              " is the <schedule_end_marker>: the schedule would run no entry");
    } else {
        std::uint64_t cycle = 0;
        for (std::uint64_t i = start; i < count && !s.entries[i].end_marker; ++i)
            ++cycle;
        if (cycle > model::kMaxScheduleCycle)
            c.error(at_start, "the schedule from start_index " + std::to_string(start) + " has " +
                                  std::to_string(cycle) + " entries; the kernel cycles through " +
                                  "at most " + std::to_string(model::kMaxScheduleCycle));
    }
    const std::uint64_t shift = s.index_shift.value;
    if (shift >= model::kMicrokitScheduleSlots || shift + count >= model::kMicrokitScheduleSlots)
        c.error(Context::at(s.index_shift, s.loc),
                "index_shift " + std::to_string(shift) + " and the " + std::to_string(count) +
                    " schedule entries (end marker included) exceed the " +
                    std::to_string(model::kMicrokitScheduleSlots - 1) +
                    " that fit Microkit's kernel domain schedule");
}

// Explicit ids must be in range and unique; a domain without one takes the
// lowest id no other domain names, in file order (Microkit picks free ids
// too, in no defined order).
void resolve_ids(Context& c, const model::Domains& d) {
    std::map<std::uint64_t, diag::Loc> taken;
    for (const model::Domain& dom : d.domains) {
        if (!dom.id.given())
            continue;
        if (dom.id.value >= model::kMaxDomains) {
            c.error(dom.id.loc, "domain id " + std::to_string(dom.id.value) +
                                    " is out of range (0 to " +
                                    std::to_string(model::kMaxDomains - 1) + ")");
            continue;
        }
        auto [it, fresh] = taken.emplace(dom.id.value, dom.id.loc);
        if (!fresh) {
            c.error(dom.id.loc, "duplicate domain id " + std::to_string(dom.id.value));
            c.note(it->second, "domain id " + std::to_string(dom.id.value) + " is first used here");
        }
    }
    std::uint64_t next = 0;
    for (const model::Domain& dom : d.domains) {
        if (dom.id.given()) {
            c.out.domain_ids.push_back(dom.id.value);
            continue;
        }
        while (taken.count(next))
            ++next;
        c.out.domain_ids.push_back(next);
        taken.emplace(next, dom.loc);
    }
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
    else
        resolve_ids(c, d);

    std::vector<std::string> names;
    for (const model::Domain& dom : d.domains) {
        if (std::find(names.begin(), names.end(), dom.name.value) != names.end())
            c.error(dom.name.loc, "duplicate domain name '" + dom.name.value + "'");
        else
            names.push_back(dom.name.value);
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
