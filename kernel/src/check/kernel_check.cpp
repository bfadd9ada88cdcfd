// The whole invariant checker (see kernel_check.hpp).
#include "check/kernel_check.hpp"

#include "arch/invariants.hpp"
#include "irq/irq_state.hpp"
#include "object/object_invariants.hpp"
#include "sched/scheduler.hpp"

namespace rampart::check {

namespace {

// At most this many caps in the tree, or the list is taken to be cyclic.
constexpr uint64_t max_caps = uint64_t{1} << 32;

} // namespace

kernel::InvariantReport check_kernel(uint64_t nonce, kernel::InvariantCheck::InterruptProbe probe) {
    kernel::InvariantCheck check{nonce, max_caps, probe};
    // Each part relies on the ones before it: the tree is sound, the live
    // objects are stamped, the threads on IPC queues are marked.
    (void)(kernel::check_capabilities(check, irq::kernel_held_caps()) &&
           kernel::stamp_objects(check) && kernel::check_objects(check) &&
           sched::check_invariants(check) && irq::check_invariants(check) &&
           arch::check_invariants(check));
    return check.report();
}

} // namespace rampart::check
