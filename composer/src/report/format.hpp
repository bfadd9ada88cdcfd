// Formatting helpers shared by the report writers (internal to report/).
#pragma once

#include "diag/hex.hpp"
#include "plan/geometry.hpp"
#include "plan/plan.hpp"

#include <rampart/rights.h>

#include <cstdio>
#include <string>
#include <vector>

namespace rampart::report {

using diag::hex;

// Cap rights as capDL writes them: R W G P (grant reply), '-' when absent.
inline std::string cap_rights(std::uint8_t r) {
    std::string s = "----";
    if (r & RAMPART_RIGHT_READ)
        s[0] = 'R';
    if (r & RAMPART_RIGHT_WRITE)
        s[1] = 'W';
    if (r & RAMPART_RIGHT_GRANT)
        s[2] = 'G';
    if (r & RAMPART_RIGHT_GRANT_REPLY)
        s[3] = 'P';
    return s;
}

inline std::string map_rights(std::uint8_t r) {
    std::string s = "---";
    if (r & RAMPART_SPEC_MAP_R)
        s[0] = 'r';
    if (r & RAMPART_SPEC_MAP_W)
        s[1] = 'w';
    if (r & RAMPART_SPEC_MAP_X)
        s[2] = 'x';
    return s;
}

inline std::uint64_t object_bytes(const plan::Object& o) {
    return plan::bit(plan::object_bits(o.type, o.size_bits));
}

// What a cap designates, for people.
inline std::string cap_target(const plan::Plan& p, const plan::Cap& c) {
    if (c.kind == RAMPART_SPEC_CAP_IRQ_HANDLER)
        return "irq_handler(" + std::to_string(p.irqs[c.object].irq) + ")";
    if (c.kind == RAMPART_SPEC_CAP_SCHED_CONTROL)
        return "sched_control(" + std::to_string(c.object) + ")";
    return p.objects[c.object].name;
}

inline std::string cap_type(const plan::Plan& p, const plan::Cap& c) {
    if (c.kind == RAMPART_SPEC_CAP_IRQ_HANDLER)
        return "irq_handler";
    if (c.kind == RAMPART_SPEC_CAP_SCHED_CONTROL)
        return "sched_control";
    return plan::object_type_name(p.objects[c.object].type);
}

// Caps grouped by the PD whose CNode holds them: [first, last) per PD.
inline std::vector<std::vector<const plan::Cap*>> caps_by_pd(const plan::Plan& p) {
    std::vector<std::uint32_t> pd_of(p.objects.size(), plan::kNone);
    for (std::uint32_t i = 0; i < p.pds.size(); ++i)
        pd_of[p.pds[i].cnode] = i;
    std::vector<std::vector<const plan::Cap*>> out(p.pds.size());
    for (const plan::Cap& c : p.caps)
        if (pd_of[c.cnode] != plan::kNone)
            out[pd_of[c.cnode]].push_back(&c);
    return out;
}

} // namespace rampart::report
