// Finalisation of threads, scheduling contexts and IRQ handlers when their
// last cap goes (called by the capability core, object/finalise.cpp).
#include "ipc/donation.hpp"
#include "ipc/ipc.hpp"
#include "irq/irq_state.hpp"
#include "kernel/phys.hpp"
#include "object/irq.hpp"
#include "object/sched_context.hpp"
#include "object/tcb.hpp"
#include "sched/sched_context_ops.hpp"
#include "sched/scheduler.hpp"
#include "thread/current.hpp"
#include "thread/fpu.hpp"

namespace rampart::kernel {

void tcb_finalise(Tcb& tcb) {
    ipc::cancel(tcb);
    sched::remove(&tcb);
    ipc::unbind_notification(tcb);
    if (SchedContext* sc = tcb.sched_context)
        sc->tcb = nullptr;
    tcb.sched_context = nullptr;
    tcb.state = ThreadState::Inactive;
    thread::fpu_forget(tcb);
    if (thread::current() == &tcb)
        thread::set_current(nullptr); // the kernel picks another thread on the way out
}

void sched_context_finalise(SchedContext& sc) {
    // Its thread becomes passive, its notification lends nothing, the
    // replies it was lent through give nothing back, and the scheduler stops
    // charging it.
    sched::unbind(sc);
    ipc::forget_lent_context(sc);
    sched::forget_context(sc);
}

void irq_handler_finalise(uint64_t irq) {
    irq::handler_gone(irq);
}

} // namespace rampart::kernel
