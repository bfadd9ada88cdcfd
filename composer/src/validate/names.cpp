// Names of PDs, virtual machines and memory regions: non-empty, at most
// kMaxNameLength characters, unique in their namespace.
#include "model/limits.hpp"
#include "validate/context.hpp"

namespace rampart::validate {
namespace {

bool check_name(Context& c, const model::Field<std::string>& name, const char* what) {
    if (!name.given())
        return false;
    if (name.value.empty()) {
        c.error(name.loc, std::string("the name of a ") + what + " must not be empty");
        return false;
    }
    if (name.value.size() > model::kMaxNameLength) {
        c.error(name.loc, std::string("the name of a ") + what + " is " +
                              std::to_string(name.value.size()) + " characters long (at most " +
                              std::to_string(model::kMaxNameLength) + " are allowed)");
        return false;
    }
    return true;
}

} // namespace

void check_names(Context& c) {
    // PDs and VMs have a namespace each, as in Microkit.
    std::map<std::string, diag::Loc> seen, seen_vms;
    for (std::size_t i = 0; i < c.out.pds.size(); ++i) {
        const auto& pd = *c.out.pds[i].pd;
        if (check_name(c, pd.name, "protection domain")) {
            if (pd.name.value == "monitor")
                c.error(pd.name.loc, "the name 'monitor' is reserved for the system's monitor");
            auto [it, fresh] = seen.emplace(pd.name.value, pd.name.loc);
            if (!fresh) {
                c.error(pd.name.loc, "duplicate protection domain name '" + pd.name.value + "'");
                c.note(it->second, "'" + pd.name.value + "' is first defined here");
            } else {
                c.pd_by_name.emplace(pd.name.value, i);
                c.pd_names.push_back(pd.name.value);
            }
        }
        if (pd.virtual_machine && check_name(c, pd.virtual_machine->name, "virtual machine")) {
            const auto& vm = *pd.virtual_machine;
            auto [it, fresh] = seen_vms.emplace(vm.name.value, vm.name.loc);
            if (!fresh) {
                c.error(vm.name.loc,
                        "the virtual machine name '" + vm.name.value + "' is already used");
                c.note(it->second, "'" + vm.name.value + "' is first defined here");
            }
        }
    }
    for (std::size_t i = 0; i < c.sys.regions.size(); ++i) {
        const auto& r = c.sys.regions[i];
        if (!check_name(c, r.name, "memory region"))
            continue;
        auto [it, fresh] = c.region_by_name.emplace(r.name.value, i);
        if (!fresh) {
            c.error(r.name.loc, "duplicate memory region name '" + r.name.value + "'");
            c.note(c.sys.regions[it->second].name.loc,
                   "'" + r.name.value + "' is first defined here");
        } else {
            c.region_names.push_back(r.name.value);
        }
    }
}

} // namespace rampart::validate
