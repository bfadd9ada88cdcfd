// Choosing the next thread and switching to it.
#include "sched/scheduler.hpp"

#include "arch/machine.hpp"
#include "arch/vspace.hpp"
#include "irq/interrupt.hpp"
#include "sched/ready_queues.hpp"
#include "thread/current.hpp"

namespace rampart::sched {
namespace {

using kernel::Tcb;
using kernel::ThreadState;

ReadyQueues<Tcb, &Tcb::sched_link, domain_count> ready;
unsigned domain;
bool rotate;

bool runnable(const Tcb* t) {
    return t && (t->state == ThreadState::Running || t->state == ThreadState::Restart);
}

void switch_address_space(Tcb* t) {
    const kernel::Cap& vs = t->slot(kernel::TcbSlot::VSpace).cap;
    if (vs.type() == kernel::CapType::VSpace && vs.table_is_mapped())
        arch::vspace_activate(vs.paddr().value, static_cast<uint16_t>(vs.mapped_word()));
    else
        arch::vspace_activate_none(); // every access faults
}

} // namespace

void make_runnable(Tcb* t) {
    if (t->in_ready_queue || t == thread::current())
        return;
    ready.append(t, t->domain, t->priority);
    t->in_ready_queue = true;
}

void remove(Tcb* t) {
    if (!t->in_ready_queue)
        return;
    ready.remove(t, t->domain, t->priority);
    t->in_ready_queue = false;
}

void timeslice_expired() { rotate = true; }

bool may_run_next(const Tcb& t) {
    return !rotate && (ready.empty(domain) || ready.highest_priority(domain) <= t.priority);
}
unsigned current_domain() { return domain; }

arch::UserContext* choose_and_switch() {
    Tcb* cur = thread::current();
    for (;;) {
        const bool cur_ok = runnable(cur) && cur->domain == domain;
        if (cur_ok && !rotate && (ready.empty(domain) || ready.highest_priority(domain) <= cur->priority))
            break;
        if (cur_ok && rotate && (ready.empty(domain) || ready.highest_priority(domain) < cur->priority))
            break; // nobody of equal or higher priority to rotate with
        Tcb* next = ready.highest(domain);
        if (!next) {
            if (cur_ok)
                break;
            // Nothing to run: wait for an interrupt to make something runnable.
            arch::machine_idle();
            irq::handle_pending_interrupts();
            continue;
        }
        remove(next);
        if (cur_ok) {
            ready.append(cur, cur->domain, cur->priority);
            cur->in_ready_queue = true;
        }
        if (!cur || cur != next) {
            switch_address_space(next);
            arch::set_user_ipc_buffer(next->ipc_buffer_vaddr);
        }
        cur = next;
        thread::set_current(cur);
        break;
    }
    rotate = false;
    cur->state = ThreadState::Running;
    return &cur->context;
}

} // namespace rampart::sched
