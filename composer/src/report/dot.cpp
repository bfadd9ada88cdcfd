// system.dot: PDs as boxes, channels as edges (a call is an arrow towards the
// callee), shared regions as ellipses joined to each PD that maps them.
#include "report/format.hpp"
#include "report/report.hpp"

#include <sstream>

namespace rampart::report {
namespace {

std::string quoted(const std::string& s) {
    std::string out = "\"";
    for (char ch : s) {
        if (ch == '"')
            out += '\\';
        out += ch;
    }
    return out + "\"";
}

} // namespace

std::string dot(const plan::Plan& p) {
    std::ostringstream o;
    o << "digraph system {\n  rankdir=LR;\n  node [fontname=\"monospace\"];\n";
    for (const auto& s : p.pd_info)
        o << "  " << quoted("pd:" + s.name) << " [shape=box, label="
          << quoted(s.name + "\\nprio " + std::to_string(s.priority) +
                    (s.passive ? " passive" : ""))
          << "];\n";
    for (const auto& s : p.pd_info)
        if (s.parent != plan::kNone)
            o << "  " << quoted("pd:" + p.pd_info[s.parent].name) << " -> "
              << quoted("pd:" + s.name)
              << " [style=dotted, label=" << quoted("child " + std::to_string(s.id)) << "];\n";
    for (const auto& ch : p.channels) {
        const std::string label = std::to_string(ch.a_id) + ":" + std::to_string(ch.b_id);
        if (ch.a_pp || ch.b_pp) {
            const bool a_calls = ch.a_pp;
            o << "  " << quoted("pd:" + (a_calls ? ch.a : ch.b)) << " -> "
              << quoted("pd:" + (a_calls ? ch.b : ch.a)) << " [label=" << quoted("call " + label)
              << ", penwidth=2];\n";
        } else {
            o << "  " << quoted("pd:" + ch.a) << " -> " << quoted("pd:" + ch.b) << " [dir="
              << (ch.a_notify && ch.b_notify ? "both"
                  : ch.a_notify              ? "forward"
                                             : "back")
              << ", label=" << quoted(label) << "];\n";
        }
    }
    for (const auto& r : p.regions) {
        if (r.mapped_by.empty())
            continue;
        o << "  " << quoted("mr:" + r.name)
          << " [shape=ellipse, label=" << quoted(r.name + "\\n" + hex(r.size)) << "];\n";
        for (const auto& m : r.mapped_by)
            o << "  " << quoted("pd:" + m.substr(0, m.rfind('@'))) << " -> "
              << quoted("mr:" + r.name)
              << " [style=dashed, arrowhead=none, label=" << quoted(m.substr(m.rfind('@') + 1))
              << "];\n";
    }
    o << "}\n";
    return o.str();
}

} // namespace rampart::report
