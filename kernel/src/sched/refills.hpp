// Sporadic-server budget replenishment for MCS scheduling contexts. A context
// holds a ring of refills (release time, amount); the sum of all amounts is
// the budget, and no period-long window ever holds more than the budget.
// Times are timer ticks.
#pragma once

#include <stdint.h>

#include "object/sched_context.hpp"

namespace rampart::sched {

using kernel::Refill;

// A view over a scheduling context's refill ring (the storage belongs to the object).
class RefillRing {
  public:
    RefillRing(Refill* ring, uint32_t capacity, uint32_t& head, uint32_t& count)
        : ring_(ring), capacity_(capacity), head_(head), count_(count) {}

    // (Re)starts with one refill of the whole budget, released at `now`.
    void reset(uint64_t now, uint64_t budget);

    [[nodiscard]] const Refill& head() const { return ring_[head_]; }
    [[nodiscard]] uint32_t size() const { return count_; }
    [[nodiscard]] const Refill& at(uint32_t i) const { return ring_[(head_ + i) % capacity_]; }
    [[nodiscard]] uint64_t total() const;

    // The head refill may be used at `now`.
    [[nodiscard]] bool ready(uint64_t now) const { return head().release_time <= now; }
    // Budget left in the head refill after `used` ticks; 0 when exhausted.
    [[nodiscard]] uint64_t head_remaining(uint64_t used) const {
        return head().amount > used ? head().amount - used : 0;
    }

    // Charges `used` ticks of execution that started from the head refill:
    // consumed amounts come back one period after their release.
    void charge(uint64_t used, uint64_t period);

    // A thread waking at `now` may not bank time it did not use: a head
    // released in the past starts now, and refills it then overlaps merge.
    void unblock(uint64_t now);

  private:
    Refill& slot(uint32_t i) { return ring_[(head_ + i) % capacity_]; }
    void pop_head();
    void push_tail(Refill r);

    Refill* ring_;
    uint32_t capacity_;
    uint32_t& head_;
    uint32_t& count_;
};

} // namespace rampart::sched
