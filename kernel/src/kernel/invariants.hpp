// The kernel's invariant checker. A debug kernel runs it for DebugCheck (the
// conformance suite after every test, the fuzzers after every system call);
// the host tests run it after every step of their sequences.
//
// One run walks the derivation tree (this file: the capability core), and
// then every part of the kernel checks the pointers it keeps
// (object/object_invariants.hpp, the scheduler, interrupts, the
// architecture; check/kernel_check.hpp runs them all). The live objects are
// the ones the tree holds a cap to; a run stamps each of them with a mark
// that only this run computes (mark()), so a pointer to a dead object, or to
// an object of another type, is found in one step. A run is linear in the
// number of caps, slots and objects, and it stops at the next probe when an
// interrupt is pending (the result then decides nothing).
#pragma once

#include <stdint.h>

#include "kernel/slot.hpp"

namespace rampart::kernel {

struct InvariantReport {
    bool ok = true;
    // The run stopped before it could decide (an interrupt is pending, or the
    // tree is deeper than the walk follows): no violation was found so far.
    const char* incomplete = nullptr;
    const char* what = nullptr;  // the first violation found
    const void* where = nullptr; // the slot or object at fault
    const void* other = nullptr; // the other one, where two disagree
    uint64_t caps = 0;           // caps checked
};

// What a mark stamps: a live object of one type, or a thread found on a queue.
enum class CheckMark : uint64_t {
    Tcb = 1,
    SchedContext,
    Notification,
    Reply,
    TcbOnIpcQueue,   // on the queue of the endpoint or notification it is blocked on
    TcbOnSchedQueue, // on a ready queue or the release queue
};

// One run of the checker: its marks, its work count and its first violation.
class InvariantCheck {
  public:
    using InterruptProbe = bool (*)();
    static constexpr uint64_t units_between_probes = 256;
    static constexpr uint64_t irq_limit = 1024; // handler caps tracked (GIC ids < 1020)

    // `nonce` makes this run's marks differ from any earlier run's (never 0).
    InvariantCheck(uint64_t nonce, uint64_t max_caps, InterruptProbe probe = nullptr);

    // Records the first violation. Returns false, so checks read `return check.fail(...)`.
    bool fail(const char* what, const void* where, const void* other = nullptr);
    // One unit of work; false once the run must stop (a violation, or a pending interrupt).
    // Inline: the checker's loops take one step per cap, queued thread or IRQ.
    [[nodiscard]] bool step() {
        if (stopped())
            return false;
        return ++units_ % units_between_probes != 0 || !interrupt_pending();
    }
    void stop_incomplete(const char* why);
    [[nodiscard]] bool stopped() const { return !report_.ok || report_.incomplete; }

    // The mark of `object` as `kind` in this run.
    [[nodiscard]] uint64_t mark(const void* object, CheckMark kind) const;

    [[nodiscard]] uint64_t max_caps() const { return max_caps_; }
    [[nodiscard]] uint64_t work() const { return units_; } // units done so far
    void saw_irq_handler(uint64_t irq);
    [[nodiscard]] bool irq_handler_seen(uint64_t irq) const;

    [[nodiscard]] InvariantReport& report() { return report_; }

  private:
    // At a probe: whether an interrupt is pending (the run then stops, undecided).
    bool interrupt_pending();

    uint64_t nonce_;
    uint64_t max_caps_;
    InterruptProbe probe_;
    uint64_t units_ = 0;
    uint64_t irq_handlers_[irq_limit / 64] = {};
    InvariantReport report_;
};

// The capability core, over all caps in the tree (at most max_caps, or the
// list is reported as cyclic):
//  - the list is well formed: links agree both ways, no empty slot in it;
//  - each cap is well formed: natural alignment, watermark and clear mark
//    within its untyped, CNode guard and radix fit a word, zombie counts
//    in range;
//  - the tree: every cap's parent (the nearest cap above it whose run of
//    descendants it is in) names memory that contains it, and an untyped
//    parent's watermark lies above it; the physical caps under one parent
//    (and the roots) come newest first, in descending address order without
//    overlap (Retype hands memory out upwards and puts each new cap right
//    after its untyped). So no two live objects overlap, every object inside
//    an untyped is its descendant below its watermark, and all caps to one
//    object are adjacent (what makes is_final exact);
//  - each badged copy follows a cap of its badge (the first cap of a badge
//    comes first);
//  - every cap inside a live CNode, TCB or zombie is in the list, the slots
//    a CNode zombie has cleared stay empty, and every cap in the list lies
//    in one of them or in one of the kernel's own slots (kernel_held of
//    them hold a cap: the interrupts' notification slots).
// Records the IRQ handler caps it sees (interrupts check them).
bool check_capabilities(InvariantCheck& check, uint64_t kernel_held);

// A set of cap types, for for_each_object.
constexpr uint64_t type_bit(CapType t) {
    return uint64_t{1} << static_cast<unsigned>(t);
}

// Calls visit(first cap of each object, ctx) for every live object whose
// type is in `types` (type_bit()s), once (zombies are objects being
// destroyed, not live ones). A cap of another type costs the walk one
// comparison. False when the run stopped.
bool for_each_object(InvariantCheck& check, uint64_t types,
                     void (*visit)(InvariantCheck&, const Cap&, void*), void* ctx);

// The capability core alone, in one run (host tests).
[[nodiscard]] InvariantReport check_invariants(uint64_t max_caps);

} // namespace rampart::kernel
