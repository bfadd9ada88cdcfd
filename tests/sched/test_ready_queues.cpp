// Ready queues: FIFO per priority, O(1) highest-priority lookup, per domain.
#include "sched/ready_queues.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>
#include <random>
#include <vector>

namespace {

struct Thread {
    unsigned priority = 0;
    unsigned domain = 0;
    rampart::lib::Link<Thread> link;
};

using Queues = rampart::sched::ReadyQueues<Thread, &Thread::link, 4>;

} // namespace

TEST_CASE("an empty domain has no thread to run") {
    auto q = std::make_unique<Queues>();
    CHECK(q->empty(0));
    CHECK(q->highest(0) == nullptr);
}

TEST_CASE("the highest priority wins; equal priorities run in FIFO order") {
    auto q = std::make_unique<Queues>();
    Thread a{10, 0, {}}, b{200, 0, {}}, c{200, 0, {}}, d{255, 1, {}};
    q->append(&a, 0, a.priority);
    q->append(&b, 0, b.priority);
    q->append(&c, 0, c.priority);
    q->append(&d, 1, d.priority);
    CHECK(q->highest(0) == &b);
    CHECK(q->highest_priority(0) == 200);
    q->remove(&b, 0, 200);
    CHECK(q->highest(0) == &c);
    q->remove(&c, 0, 200);
    CHECK(q->highest(0) == &a);
    CHECK(q->highest(1) == &d); // domains are separate
    q->prepend(&b, 0, 10);
    CHECK(q->highest(0) == &b);
}

TEST_CASE("randomised: always the first of the highest non-empty priority") {
    auto q = std::make_unique<Queues>();
    std::mt19937 rng(1234);
    std::vector<std::unique_ptr<Thread>> threads;
    std::vector<Thread*> queued;
    for (int step = 0; step < 20000; ++step) {
        if (queued.empty() || rng() % 2) {
            threads.push_back(std::make_unique<Thread>());
            Thread* t = threads.back().get();
            t->priority = rng() % 256;
            t->domain = rng() % 4;
            q->append(t, t->domain, t->priority);
            queued.push_back(t);
        } else {
            const size_t i = rng() % queued.size();
            Thread* t = queued[i];
            q->remove(t, t->domain, t->priority);
            queued.erase(queued.begin() + static_cast<long>(i));
        }
        for (unsigned dom = 0; dom < 4; ++dom) {
            Thread* want = nullptr;
            for (Thread* t : queued) // queued is in insertion order: the first of the max wins
                if (t->domain == dom && (!want || t->priority > want->priority))
                    want = t;
            REQUIRE(q->highest(dom) == want);
        }
    }
}

// The invariant checker walks only the queues the bitmap marks and reads
// every unmarked queue's head and tail in runs (unmarked_queues_empty): a
// thread, or a stale tail, on a queue whose bit is clear is found wherever
// the queue lies in a run (its first, last or middle queue, either side of
// a word boundary).
TEST_CASE("the checker finds any unmarked queue that is not empty") {
    auto q = std::make_unique<Queues>();
    Thread marked[4] = {{63, 0, {}}, {65, 0, {}}, {128, 0, {}}, {255, 0, {}}};
    for (Thread& t : marked)
        q->append(&t, 0, t.priority);
    CHECK(q->marked_word(0, 0) == (uint64_t{1} << 63));
    CHECK(q->marked_word(0, 1) == 2);
    CHECK(q->marked_word(0, 2) == 1);
    CHECK(q->marked_word(0, 3) == (uint64_t{1} << 63));
    for (unsigned d = 0; d < 4; ++d)
        REQUIRE(q->unmarked_queues_empty(d));
    Thread stray{0, 0, {}};
    for (unsigned domain : {0u, 3u}) {
        for (unsigned p : {0u, 1u, 5u, 62u, 64u, 66u, 127u, 129u, 200u, 254u}) {
            INFO("domain " << domain << ", priority " << p);
            if (domain == 0 && q->marked_word(0, p / 64) & (uint64_t{1} << (p % 64)))
                continue;
            // The queue's own words, as a corruption would leave them.
            auto& queue = const_cast<Queues::Queue&>(q->at(domain, p));
            queue.push_back(&stray); // head and tail, bit clear
            CHECK_FALSE(q->unmarked_queues_empty(domain));
            queue.remove(&stray);
            CHECK(q->unmarked_queues_empty(domain));
            static_assert(sizeof queue == 2 * sizeof(Thread*), "head, then tail");
            Thread** words = reinterpret_cast<Thread**>(&queue);
            words[1] = &stray; // a tail without a head
            CHECK_FALSE(q->unmarked_queues_empty(domain));
            words[1] = nullptr;
            CHECK(q->unmarked_queues_empty(domain));
        }
    }
    // A marked queue is not the scan's business (the checker walks it).
    for (unsigned d = 1; d < 4; ++d)
        CHECK(q->unmarked_queues_empty(d));
}
