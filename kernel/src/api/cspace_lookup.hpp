// Looking up a thread's cap address on the system-call paths: a CSpace of one
// level (guard + radix = 64 bits, as every Rampart PD has) is indexed
// directly; anything else goes through the general resolver, which also
// reports the failures. Both give the same slot.
#pragma once

#include "kernel/cspace.hpp"
#include "kernel/phys.hpp"
#include "object/tcb.hpp"

namespace rampart::api {

inline kernel::Slot* lookup_flat(kernel::Tcb& t, uint64_t cptr) {
    const kernel::Cap& root = t.slot(kernel::TcbSlot::CSpace).cap;
    const unsigned radix = root.cnode_radix();
    if (root.type() != kernel::CapType::CNode || root.cnode_guard_size() + radix != 64 ||
        (cptr >> radix) != root.cnode_guard())
        return nullptr;
    return &kernel::phys_ptr<kernel::Slot>(root.paddr())[cptr & lib::mask(radix)];
}

inline kernel::LookupFault lookup_cap_slot(kernel::Tcb& t, uint64_t cptr, kernel::Slot*& out) {
    if ((out = lookup_flat(t, cptr)))
        return kernel::LookupFault{};
    return kernel::lookup_slot(t.slot(kernel::TcbSlot::CSpace).cap, kernel::CPtr{cptr}, out);
}

} // namespace rampart::api
