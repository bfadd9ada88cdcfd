// The monitor loop: faults, passive PDs' "init done", restarts.
#include "monitor.hpp"

#include "clock.hpp"
#include "console.hpp"
#include "fault_report.hpp"

#include <rampart/aarch64/user_context.h>
#include <rampart/invoke.h>
#include <rampart/ipc.h>
#include <rampart/pd.h>

namespace rampart::init {
namespace {

// Restart times of one PD, for the rate limit: a ring of its last
// restart_limit restarts (at most kMaxTracked are kept).
constexpr uint32_t kMaxTracked = 64;
constexpr uint32_t kMaxPds = 4096;
struct History {
    uint64_t stamps[kMaxTracked];
    uint32_t next, count; // zero-initialised statics: no constructor runs before main
};
History histories[16]; // the PDs with a restart policy, in order of first fault
uint32_t history_of[kMaxPds];
uint32_t histories_used = 0;

// May PD `pd` restart now? restart_limit restarts in any window of
// RAMPART_SPEC_RESTART_WINDOW_US; a limit above kMaxTracked counts the last
// kMaxTracked restarts.
bool may_restart(const rampart_spec_pd& p, uint32_t pd) {
    if (p.restart_limit == 0)
        return true;
    if (pd >= kMaxPds)
        return false;
    if (history_of[pd] == 0) {
        if (histories_used == sizeof histories / sizeof histories[0])
            return false;
        history_of[pd] = ++histories_used;
    }
    History& h = histories[history_of[pd] - 1];
    const uint32_t limit = p.restart_limit < kMaxTracked ? p.restart_limit : kMaxTracked;
    const uint64_t now = now_us();
    if (h.count == limit) {
        const uint64_t oldest = h.stamps[h.next];
        if (now - oldest < RAMPART_SPEC_RESTART_WINDOW_US)
            return false;
    } else {
        ++h.count;
    }
    h.stamps[h.next] = now;
    h.next = (h.next + 1) % limit;
    return true;
}

class Monitor {
  public:
    Monitor(const SpecView& s, Builder& b) : s_(s), b_(b), cs_(b.cspace()) {}

    [[noreturn]] void run() {
        const rampart_cptr_t ep = cs_.ws(s_.header->monitor_endpoint);
        for (;;) {
            uint64_t badge = 0, mr[4] = {};
            const rampart_msginfo_t info = rampart_recv(ep, &badge, 0, mr);
            const uint64_t pd = badge - 1;
            if (badge == 0 || pd >= s_.pds.count) {
                Line line;
                line << "monitor: message with unknown badge " << Hex{badge} << " ignored";
                line.end();
                continue;
            }
            FaultMessage m;
            m.label = rampart_msginfo_label(info);
            m.count = static_cast<unsigned>(rampart_msginfo_length(info));
            for (unsigned i = 0; i < m.count && i < 16; ++i)
                m.words[i] = i < 4 ? mr[i] : rampart_ipc->msg[i];
            if (m.label == RAMPART_MONITOR_PASSIVE_READY)
                passive_ready(static_cast<uint32_t>(pd));
            else
                fault(static_cast<uint32_t>(pd), m);
        }
    }

  private:
    // The PD's own notification: bound to its TCB when its input is an
    // endpoint, else the input itself.
    uint32_t notification_of(uint32_t pd, const rampart_spec_tcb& t) const {
        if (t.bound_notification != RAMPART_SPEC_NONE)
            return t.bound_notification;
        for (uint32_t o = 0; o < s_.objects.count; ++o)
            if (s_.objects[o].pd == pd && s_.objects[o].type == RAMPART_OBJ_NOTIFICATION)
                return o;
        return RAMPART_SPEC_NONE;
    }

    // A passive PD finished init() and waits on its input: its SC leaves the
    // TCB for the PD's notification (as in Microkit), so a notification runs
    // the PD on its own SC and a protected call on the caller's.
    void passive_ready(uint32_t pd) {
        const rampart_spec_tcb& t = s_.tcbs[s_.pds[pd].tcb];
        if (t.sc == RAMPART_SPEC_NONE || !(s_.scs[t.sc].flags & RAMPART_SPEC_SC_PASSIVE))
            return;
        const rampart_cptr_t sc = cs_.ws(s_.scs[t.sc].sc);
        uint64_t err = rampart_sched_context_unbind_object(sc, cs_.ws(t.tcb));
        const uint32_t n = notification_of(pd, t);
        if (err == RAMPART_NO_ERROR && n != RAMPART_SPEC_NONE)
            err = rampart_sched_context_bind(sc, cs_.ws(n));
        if (err != RAMPART_NO_ERROR) {
            Line line;
            line << "monitor: PD '" << s_.pd_name(pd)
                 << "': cannot make it passive: " << error_name(err);
            line.end();
        }
    }

    void fault(uint32_t pd, const FaultMessage& m) {
        report_fault(s_, cs_, pd, m);
        const rampart_spec_pd& p = s_.pds[pd];
        Line line;
        if (p.restart_policy != RAMPART_SPEC_RESTART_RESTART) {
            line << "monitor: PD '" << s_.pd_name(pd) << "' stopped";
            line.end();
            return;
        }
        if (!may_restart(p, pd)) {
            line << "monitor: PD '" << s_.pd_name(pd) << "' faulted more than "
                 << uint64_t{p.restart_limit} << " times in one second; it stays stopped";
            line.end();
            return;
        }
        restart(pd);
        line << "monitor: PD '" << s_.pd_name(pd) << "' restarted";
        line.end();
    }

    // Re-initialises the PD from its image: every frame it owns is zeroed and
    // refilled, then its thread starts again at its entry point.
    void restart(uint32_t pd) {
        const rampart_spec_tcb& t = s_.tcbs[s_.pds[pd].tcb];
        const rampart_cptr_t tcb = cs_.ws(t.tcb);
        (void)rampart_tcb_suspend(tcb);
        uint32_t fill = 0;
        for (uint32_t o = 0; o < s_.objects.count; ++o) {
            const uint8_t type = s_.objects[o].type; // 1 GiB frames are never filled
            if (s_.objects[o].pd != pd || !is_frame(type) || type == RAMPART_OBJ_FRAME_1G)
                continue;
            while (fill < s_.fills.count && s_.fills[fill].frame < o)
                ++fill;
            b_.write_frame(o, fill, true);
        }
        for (uint32_t j = 0; j < s_.mappings.count; ++j) {
            const rampart_spec_mapping& m = s_.mappings[j];
            const rampart_spec_object& o = s_.objects[m.object];
            if (m.pd != pd || !rampart_spec_maps_frame(m.kind) || o.pd != pd ||
                o.type == RAMPART_OBJ_FRAME_1G) // the frames rewritten above
                continue;
            const uint64_t bytes = frame_bytes(o.type);
            if (m.rights & RAMPART_SPEC_MAP_X)
                (void)rampart_page_cache(b_.mapping_cap(j), RAMPART_PAGE_UNIFY_INSTRUCTION, 0,
                                         bytes);
            if (!(m.attrs & RAMPART_SPEC_ATTR_CACHED)) // rewritten through the cached window
                (void)rampart_page_cache(b_.mapping_cap(j), RAMPART_PAGE_CLEAN_DATA, 0, bytes);
        }
        if (t.sc != RAMPART_SPEC_NONE && (s_.scs[t.sc].flags & RAMPART_SPEC_SC_PASSIVE)) {
            const rampart_cptr_t sc = cs_.ws(s_.scs[t.sc].sc);
            (void)rampart_sched_context_unbind(sc); // off the notification
            (void)rampart_sched_context_bind(sc, tcb); // for init()
        }
        // Every register but the last, TPIDRRO_EL0: it keeps the IPC buffer's
        // address, which the PD's runtime reads.
        uint64_t regs[RAMPART_UC_TPIDRRO_EL0] = {};
        regs[RAMPART_UC_PC] = t.entry;
        regs[RAMPART_UC_SP] = t.stack_pointer;
        regs[RAMPART_UC_X0] = t.arg0;
        (void)rampart_tcb_write_registers(tcb, RAMPART_TCB_WRITE_RESUME_TARGET,
                                          RAMPART_UC_TPIDRRO_EL0, regs);
    }

    const SpecView& s_;
    Builder& b_;
    const Cspace& cs_;
};

} // namespace

void run_monitor(const SpecView& spec, Builder& builder) {
    Monitor(spec, builder).run();
}

} // namespace rampart::init
