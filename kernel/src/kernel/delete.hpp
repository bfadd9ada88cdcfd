// Deleting and revoking caps. Both are long operations: they take one budget
// unit per step and return Status::preempted() when the budget runs out, with
// the tree in a consistent state; calling again with the same slot continues.
#pragma once

#include "kernel/budget.hpp"
#include "kernel/slot.hpp"
#include "kernel/status.hpp"

namespace rampart::kernel {

// Empties the slot. When its cap is the last one to an object, the object is
// finalised first; a CNode or TCB first becomes a zombie whose slots are
// deleted one by one (the zombie stays in the slot until it is done).
Status cte_delete(Slot& slot, Budget& budget);

// Slots whose caps the steps of cte_delete have examined since boot: the
// measure of their work, which the tests hold to a bound per step.
extern uint64_t delete_slots_examined;

// Deletes every descendant of the cap in the slot (the cap itself stays).
Status cte_revoke(Slot& slot, Budget& budget);

// The remainder of finalising `cap`: null when the slot may be emptied, a
// zombie when the object's own slots must be cleared first. Runs the
// object's finalisation hook when `final`.
[[nodiscard]] Cap finalise_cap(const Cap& cap, bool final);

} // namespace rampart::kernel
