// The invariant checker's part for pointers between objects: each kind of
// broken pointer is detected.
#include <catch2/catch.hpp>

#include <string>

#include "fixture.hpp"
#include "object/endpoint.hpp"
#include "object/object_invariants.hpp"

using namespace rampart::kernel;
using namespace rampart::kernel::test;

namespace {

uint64_t nonce = 1;

// The capability core, then the objects' pointers, in one run.
std::string object_violation() {
    InvariantCheck check{++nonce, 1u << 20};
    (void)(check_capabilities(check, 0) && stamp_objects(check) && check_objects(check));
    const InvariantReport& r = check.report();
    return r.ok ? std::string{} : std::string{r.what};
}

// Two threads, a scheduling context, a notification, an endpoint and a reply.
struct Made : Fixture {
    Made() {
        REQUIRE(retype(ram_slot, RAMPART_OBJ_TCB, 0, 20, 2).is_ok());
        REQUIRE(retype(ram_slot, RAMPART_OBJ_SCHED_CONTEXT, 8, 22).is_ok());
        REQUIRE(retype(ram_slot, RAMPART_OBJ_NOTIFICATION, 0, 23).is_ok());
        REQUIRE(retype(ram_slot, RAMPART_OBJ_ENDPOINT, 0, 24).is_ok());
        REQUIRE(retype(ram_slot, RAMPART_OBJ_REPLY, 0, 25).is_ok());
    }
};

struct Objects : Made {
    template <typename T>
    T& at(uint64_t index) const {
        return *phys_ptr<T>(cap(index).paddr());
    }
    Tcb& a = at<Tcb>(20);
    Tcb& b = at<Tcb>(21);
    SchedContext& sc = at<SchedContext>(22);
    Notification& n = at<Notification>(23);
    Endpoint& ep = at<Endpoint>(24);
    Reply& reply = at<Reply>(25);
};

// A thread waiting on `ep` to receive, with the reply object.
void block_receiving(Tcb& t, Endpoint& ep, Reply* r) {
    t.state = ThreadState::BlockedOnReceive;
    t.blocked_on = &ep;
    t.reply = r;
    ep.queue.append(&t);
    ep.queue.set_tag(static_cast<unsigned>(EndpointState::Receive));
}

} // namespace

TEST_CASE_METHOD(Objects, "consistent objects pass", "[kernel][invariants]") {
    a.sched_context = &sc;
    sc.tcb = &a;
    n.bound_tcb = &b;
    b.bound_notification = &n;
    block_receiving(a, ep, &reply);
    reply.tcb = &a;
    CHECK(object_violation().empty());
}

TEST_CASE_METHOD(Objects, "a thread's scheduling context must point back", "[kernel][invariants]") {
    a.sched_context = &sc;
    sc.tcb = &b;
    CHECK(object_violation() == "a scheduling context's thread does not run on it");
    sc.tcb = nullptr;
    CHECK(object_violation() == "a thread's scheduling context is not bound to it");
}

TEST_CASE_METHOD(Objects, "a pointer to a deleted object is reported", "[kernel][invariants]") {
    a.sched_context = &sc;
    sc.tcb = &a;
    CHECK(object_violation().empty());
    mdb_remove(slot(22)); // the context goes without being unbound
    CHECK(object_violation() == "a thread's scheduling context is not bound to it");
}

TEST_CASE_METHOD(Objects, "a pointer to an object of another type is reported",
                 "[kernel][invariants]") {
    a.sched_context = &sc;
    sc.tcb = &a; // where a notification's bound_tcb would be
    a.bound_notification = reinterpret_cast<Notification*>(&sc);
    CHECK(object_violation() == "a thread's bound notification is not bound to it");
}

TEST_CASE_METHOD(Objects, "a blocked thread must be on its queue", "[kernel][invariants]") {
    a.state = ThreadState::BlockedOnSend;
    a.blocked_on = &ep;
    CHECK(object_violation() == "a thread blocked in IPC is not on its object's queue");
}

TEST_CASE_METHOD(Objects, "a thread may be on one queue only", "[kernel][invariants]") {
    block_receiving(a, ep, nullptr);
    n.queue.append(&a);
    n.queue.set_tag(static_cast<unsigned>(NotificationState::Waiting));
    const std::string what = object_violation();
    CHECK((what == "a queued thread is not blocked on its queue's object" ||
           what == "a thread is on a queue twice, or on two queues"));
}

TEST_CASE_METHOD(Objects, "a queue's state must match its threads", "[kernel][invariants]") {
    block_receiving(a, ep, nullptr);
    ep.queue.set_tag(static_cast<unsigned>(EndpointState::Send));
    CHECK(object_violation() == "a queued thread is not blocked on its queue's object");
    ep.queue.set_tag(static_cast<unsigned>(EndpointState::Idle));
    CHECK(object_violation() == "an idle endpoint has a queue");
}

TEST_CASE_METHOD(Objects, "a receiver's reply object must be live", "[kernel][invariants]") {
    block_receiving(a, ep, &reply);
    reply.tcb = &a;
    CHECK(object_violation().empty());
    mdb_remove(slot(25));
    CHECK(object_violation() == "a receiver waits with a reply object that is not live");
}

TEST_CASE_METHOD(Objects, "two receivers may not share a reply object", "[kernel][invariants]") {
    block_receiving(a, ep, &reply);
    reply.tcb = &a;
    CHECK(object_violation().empty());
    block_receiving(b, ep, &reply);
    CHECK(object_violation() == "a receiver's reply object serves another thread");
}

TEST_CASE_METHOD(Objects, "a caller must wait on the reply that names it", "[kernel][invariants]") {
    reply.tcb = &a;
    CHECK(object_violation() == "a reply's thread does not wait with it or for it");
    a.state = ThreadState::BlockedOnReply;
    a.reply = &reply;
    CHECK(object_violation().empty());
    b.state = ThreadState::BlockedOnReply;
    b.reply = &reply;
    CHECK(object_violation() == "a thread waits for a reply that does not lead back to it");
}

TEST_CASE_METHOD(Objects, "a lent context and its replies name each other", "[kernel][invariants]") {
    a.state = ThreadState::BlockedOnReply;
    a.reply = &reply;
    reply.tcb = &a;
    reply.next = reinterpret_cast<uintptr_t>(&sc) | top_of_stack;
    CHECK(object_violation() == "a reply lends a scheduling context that does not know it");
    sc.reply = &reply;
    CHECK(object_violation().empty());
    mdb_remove(slot(22)); // the context goes without leaving the stack
    CHECK(object_violation() == "a reply lends a scheduling context that does not know it");
}

TEST_CASE_METHOD(Objects, "a refill ring must fit its object", "[kernel][invariants]") {
    sc.refill_count = 1;
    sc.refill_max = 0;
    CHECK(object_violation() == "a scheduling context's refill ring is out of bounds");
    sc.refill_max = 1000;
    CHECK(object_violation() == "a scheduling context's refill ring is larger than the object");
}

TEST_CASE_METHOD(Objects, "a notification's links must point back", "[kernel][invariants]") {
    n.sched_context = &sc;
    CHECK(object_violation() == "a notification's scheduling context is not bound to it");
    sc.notification = &n;
    n.bound_tcb = &a;
    CHECK(object_violation() == "a notification's bound thread is not bound to it");
}
