// The architecture's part of the invariant checker (see arch/invariants.hpp).
#include "arch/invariants.hpp"

#include "arch/asid.hpp"
#include "arch/kernel_window.hpp"
#include "arch/perf_counter.hpp"
#include "arch/vspace.hpp"
#include "thread/current.hpp"

namespace rampart::arch {
namespace {

using kernel::Cap;
using kernel::CapType;

struct Counts {
    uint64_t pools = 0;
    uint64_t named_vspaces = 0;
    uint64_t assigned_asids = 0;
};

void visit(kernel::InvariantCheck& check, const Cap& cap, void* ctx) {
    Counts& n = *static_cast<Counts*>(ctx);
    if (cap.type() == CapType::AsidPool) {
        if (!asid_pool_installed_at(cap.asid_base(), cap.paddr())) {
            (void)check.fail("an ASID pool is not installed where its cap says", &cap);
            return;
        }
        ++n.pools;
        const auto* pool = kernel::ptr_from_paddr<const AsidPool>(cap.paddr().value);
        for (const uint64_t vspace : pool->vspace)
            n.assigned_asids += vspace ? 1 : 0;
    } else if (cap.type() == CapType::VSpace && cap.table_is_mapped()) {
        // Its ASID may name nothing, or another VSpace, once its pool went:
        // the cap is stale and the VSpace unusable (vspace_usable), as in seL4.
        if (cap.mapped_word() == 0)
            (void)check.fail("a VSpace is mapped under ASID 0", &cap);
        else if (vspace_usable(cap))
            ++n.named_vspaces;
    }
}

} // namespace

bool check_invariants(kernel::InvariantCheck& check) {
    Counts n;
    if (!kernel::for_each_object(
            check, kernel::type_bit(CapType::AsidPool) | kernel::type_bit(CapType::VSpace), visit,
            &n))
        return false;
    // Each live pool is installed at its own base, and each ASID counted
    // names a live VSpace that holds it: counting shows nothing else is.
    if (n.pools != asid_pools_installed())
        return check.fail("the ASID table names a pool that is not live", nullptr);
    if (n.assigned_asids != n.named_vspaces)
        return check.fail("an ASID names a VSpace that is not live, or not under that ASID",
                          nullptr);
    if (perf_counter_user_may_write())
        return check.fail("user code may write the performance counters", nullptr);
    if (const kernel::Tcb* t = thread::current();
        t && user_translation_base() != translation_base_of(t->slot(kernel::TcbSlot::VSpace).cap))
        return check.fail("the address space in use is not the current thread's", t);
    return true;
}

} // namespace rampart::arch
