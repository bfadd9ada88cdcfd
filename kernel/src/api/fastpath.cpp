// Fastpath conditions after seL4's, extended to active servers (the MCS
// budget of the server's own SC keeps temporal isolation; see DESIGN).
#include "api/fastpath.hpp"

#include "api/invoke.hpp"

#include "api/message.hpp"
#include "arch/vspace.hpp"
#include "ipc/donation.hpp"
#include "kernel/phys.hpp"
#include "object/endpoint.hpp"
#include "object/notification.hpp"
#include "object/reply.hpp"
#include "object/sched_context.hpp"
#include "sched/charging.hpp"
#include "sched/scheduler.hpp"
#include "thread/current.hpp"
#include "thread/fpu.hpp"

namespace rampart::api {
namespace {

using kernel::Cap;
using kernel::CapType;
using kernel::Tcb;
using kernel::ThreadState;

// At most RAMPART_MSG_REGISTERS words and no extra caps: with the extra-caps
// field [8:7] just above the length [6:0], one comparison of the low nine bits.
constexpr uint64_t length_and_caps = 0x1ff;
bool short_message(uint64_t info) {
    return (info & length_and_caps) <= RAMPART_MSG_REGISTERS;
}

// A one-level CSpace (guard + radix = 64 bits), indexed directly as
// api::lookup_flat does; anything else is left to the slow path.
class FlatCSpace {
  public:
    explicit FlatCSpace(Tcb& t) {
        const Cap& root = t.slot(kernel::TcbSlot::CSpace).cap;
        radix_ = root.cnode_radix();
        guard_ = root.cnode_guard();
        valid_ = root.type() == CapType::CNode && root.cnode_guard_size() + radix_ == 64;
        slots_ = kernel::phys_ptr<kernel::Slot>(root.paddr());
    }
    [[nodiscard]] bool valid() const { return valid_; }
    [[nodiscard]] bool covers(uint64_t cptr) const { return (cptr >> radix_) == guard_; }
    // For a covered `cptr`: its index is what remains below the guard.
    [[nodiscard]] const Cap& at(uint64_t cptr) const {
        return slots_[cptr - (guard_ << radix_)].cap;
    }

  private:
    kernel::Slot* slots_;
    uint64_t guard_;
    unsigned radix_;
    bool valid_;
};

// Copies the short message and switches to `to`, whose address space the
// caller has found valid (`to_vspace` is its VSpace cap).
[[gnu::always_inline]] inline arch::UserContext* hand_over(Tcb& from, Tcb& to, const Cap& to_vspace,
                                                           uint64_t info, uint64_t badge) {
    const uint64_t length = rampart_msginfo_length(info);
    const arch::UserContext& src = from.context;
    arch::UserContext& dst = to.context;
    static_assert(RAMPART_MSG_REGISTERS == 4);
    if (length > 0) {
        dst.set_mr(0, src.mr(0));
        if (length > 1) {
            dst.set_mr(1, src.mr(1));
            if (length > 2) {
                dst.set_mr(2, src.mr(2));
                if (length > 3)
                    dst.set_mr(3, src.mr(3));
            }
        }
    }
    dst.set_info(rampart_msginfo_new(rampart_msginfo_label(info), 0, 0, length));
    dst.set_badge(badge);
    to.state = ThreadState::Running;
    to.blocked_on = nullptr;
    if (from.slot(kernel::TcbSlot::VSpace).cap.mapped_word() != to_vspace.mapped_word())
        arch::vspace_activate(to_vspace.paddr().value,
                              static_cast<uint16_t>(to_vspace.mapped_word()));
    arch::load_read_only_thread_id(to.context.read_only_thread_id());
    thread::set_current(&to);
    thread::fpu_switch_to(&to);
    return &to.context;
}

// Mapped, and its ASID still names it (its pool may have gone since).
[[gnu::always_inline]] inline bool vspace_ok(const Cap& vs) {
    return arch::vspace_usable(vs);
}

[[gnu::always_inline]] inline arch::UserContext* try_call(Tcb& caller) {
    const uint64_t info = caller.context.info();
    if (!short_message(info))
        return nullptr;
    const FlatCSpace cspace(caller);
    const uint64_t cptr = caller.context.cptr();
    if (!cspace.valid() || !cspace.covers(cptr))
        return nullptr;
    const Cap& cap = cspace.at(cptr);
    if (cap.type() != CapType::Endpoint)
        return nullptr;
    const kernel::Rights rights = cap.rights();
    if (!rights.write() || !(rights.grant() || rights.grant_reply()))
        return nullptr;
    auto& ep = *kernel::phys_ptr<kernel::Endpoint>(cap.paddr());
    if (ep.state() != kernel::EndpointState::Receive)
        return nullptr;
    Tcb& server = *ep.queue.head();
    kernel::Reply* reply = server.reply;
    const Cap& server_vspace = server.slot(kernel::TcbSlot::VSpace).cap;
    if (!reply || server.priority < caller.priority || server.domain != caller.domain ||
        !vspace_ok(server_vspace))
        return nullptr;
    // An active server runs on its own context (charged from the switch
    // on); a passive one on ours, which goes with the call.
    kernel::SchedContext* const own = server.sched_context;
    const uint64_t now = own ? arch::timer_now() : 0;
    if (own && !sched::context_due(*own, now))
        return nullptr;

    ep.queue.pop_front();
    if (ep.queue.empty())
        ep.queue.set_tag(static_cast<unsigned>(kernel::EndpointState::Idle));
    server.reply = nullptr; // the reply object now serves us
    caller.ipc_can_grant = rights.grant();
    caller.ipc_can_grant_reply = rights.grant_reply();
    ipc::reply_push(caller, server, *reply, true); // a passive server runs on our time
    arch::UserContext* const next = hand_over(caller, server, server_vspace, info, cap.badge());
    if (own)
        sched::switch_context(*own, now);
    return next;
}

[[gnu::always_inline]] inline arch::UserContext* try_reply_recv(Tcb& server) {
    const uint64_t info = server.context.info();
    if (!short_message(info))
        return nullptr;
    const FlatCSpace cspace(server);
    const uint64_t reply_cptr = server.context.reply_cptr();
    const uint64_t ep_cptr = server.context.cptr();
    if (!cspace.valid() || !cspace.covers(reply_cptr) || !cspace.covers(ep_cptr))
        return nullptr;
    const Cap& reply_cap = cspace.at(reply_cptr);
    const Cap& ep_cap = cspace.at(ep_cptr);
    if (reply_cap.type() != CapType::Reply || ep_cap.type() != CapType::Endpoint ||
        !ep_cap.rights().read())
        return nullptr;
    auto& reply = *kernel::phys_ptr<kernel::Reply>(reply_cap.paddr());
    auto& ep = *kernel::phys_ptr<kernel::Endpoint>(ep_cap.paddr());
    Tcb* client = reply.tcb;
    // The client runs next: on its own context, or on the one it lent us,
    // which comes back from us. Lent through this reply object to another
    // thread that received with it (fuzzer seed 3005), it comes back from
    // that thread while we keep ours: the slow path decides what runs.
    if (!client || client->state != ThreadState::BlockedOnReply ||
        (!client->sched_context && kernel::lent_context(reply) != server.sched_context) ||
        client->fault != kernel::FaultType::None || ep.state() == kernel::EndpointState::Send ||
        (server.bound_notification &&
         server.bound_notification->state() == kernel::NotificationState::Active) ||
        client->domain != server.domain)
        return nullptr;
    const Cap& client_vspace = client->slot(kernel::TcbSlot::VSpace).cap;
    if (!vspace_ok(client_vspace) || !sched::may_run_next(*client))
        return nullptr;
    // The client runs on its own context (charged from the switch on), or
    // on the one it lent us, which comes back with the reply.
    kernel::SchedContext* const own = client->sched_context;
    const uint64_t now = own ? arch::timer_now() : 0;
    if (own && !sched::context_due(*own, now))
        return nullptr;

    // The server waits for the next call with the same reply object.
    server.state = ThreadState::BlockedOnReceive;
    server.blocked_on = &ep;
    ep.queue.append(&server);
    ep.queue.set_tag(static_cast<unsigned>(kernel::EndpointState::Receive));
    ipc::reply_remove(reply, *client); // a lent context comes back with the reply
    ipc::reply_wait(reply, server);
    arch::UserContext* const next = hand_over(server, *client, client_vspace, info, 0);
    if (own)
        sched::switch_context(*own, now);
    return next;
}

} // namespace

// Each bail-out of the inlined try becomes a tail call of the slow path: no
// wrapper frame between the system call and the fastpath.
arch::UserContext* call_fast_or_slow(Tcb& caller) {
    if (arch::UserContext* next = try_call(caller))
        return next;
    return handle_invocation(caller, true, true);
}

arch::UserContext* reply_recv_fast_or_slow(Tcb& server) {
    if (arch::UserContext* next = try_reply_recv(server))
        return next;
    return handle_reply_recv(server);
}

} // namespace rampart::api
