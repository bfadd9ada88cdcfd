// Refills: the budget is conserved and no window of one period ever sees more
// execution than the budget, however the thread runs, blocks and wakes.
#include "sched/refills.hpp"

#include <catch2/catch.hpp>

#include <random>
#include <utility>
#include <vector>

using rampart::sched::Refill;
using rampart::sched::RefillRing;

namespace {

struct Context {
    std::vector<Refill> storage;
    uint32_t head = 0, count = 0;
    RefillRing ring;
    explicit Context(uint32_t capacity)
        : storage(capacity), ring(storage.data(), capacity, head, count) {}
};

} // namespace

TEST_CASE("a round-robin context gets its whole budget back each period") {
    Context c(4);
    c.ring.reset(0, 100);
    c.ring.charge(100, 100);
    REQUIRE(c.ring.size() == 1);
    CHECK(c.ring.head().release_time == 100);
    CHECK(c.ring.head().amount == 100);
    CHECK_FALSE(c.ring.ready(99));
    CHECK(c.ring.ready(100));
}

TEST_CASE("partial use splits the head; the used part returns one period later") {
    Context c(4);
    c.ring.reset(0, 30);
    c.ring.charge(10, 100);
    REQUIRE(c.ring.size() == 2);
    CHECK(c.ring.at(0).amount == 20);
    CHECK(c.ring.at(1).release_time == 100);
    CHECK(c.ring.at(1).amount == 10);
    CHECK(c.ring.total() == 30);
}

TEST_CASE("waking late does not bank unused time into the past") {
    Context c(4);
    c.ring.reset(0, 30);
    c.ring.unblock(500);
    CHECK(c.ring.head().release_time == 500);
    CHECK(c.ring.total() == 30);
}

TEST_CASE("randomised: budget conserved, sliding-window bound holds") {
    for (uint32_t capacity : {1u, 2u, 3u, 8u}) {
        const uint64_t budget = 40, period = 100;
        Context c(capacity);
        c.ring.reset(0, budget);
        std::mt19937_64 rng(capacity * 77);
        std::vector<std::pair<uint64_t, uint64_t>> runs; // [start, end) of execution
        uint64_t now = 0;
        for (int step = 0; step < 5000; ++step) {
            if (!c.ring.ready(now)) {
                now = c.ring.head().release_time; // idle until the next release
                continue;
            }
            const uint64_t avail = c.ring.head_remaining(0);
            const uint64_t used = 1 + rng() % avail;
            runs.emplace_back(now, now + used);
            now += used;
            c.ring.charge(used, period);
            REQUIRE(c.ring.total() == budget);
            REQUIRE(c.ring.size() >= 1);
            REQUIRE(c.ring.size() <= capacity);
            if (rng() % 3 == 0) { // block for a while, then wake
                now += rng() % 150;
                c.ring.unblock(now);
                REQUIRE(c.ring.total() == budget);
            }
        }
        // Any window [t, t + period) holds at most `budget` ticks of execution.
        for (const auto& r : runs) {
            const uint64_t t = r.first;
            uint64_t in_window = 0;
            for (const auto& s : runs) {
                const uint64_t lo = std::max(s.first, t), hi = std::min(s.second, t + period);
                if (hi > lo)
                    in_window += hi - lo;
            }
            REQUIRE(in_window <= budget);
        }
    }
}
