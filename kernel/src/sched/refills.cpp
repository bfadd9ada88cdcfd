// Refill bookkeeping after the sporadic server model of seL4 MCS (Lyons et
// al., EuroSys 2018), written for this kernel: see refills.hpp.
#include "sched/refills.hpp"

namespace rampart::sched {

void RefillRing::reset(uint64_t now, uint64_t budget) {
    head_ = 0;
    count_ = 1;
    ring_[0] = Refill{now, budget};
}

uint64_t RefillRing::total() const {
    uint64_t sum = 0;
    for (uint32_t i = 0; i < count_; ++i)
        sum += at(i).amount;
    return sum;
}

void RefillRing::pop_head() {
    head_ = (head_ + 1) % capacity_;
    --count_;
}

void RefillRing::push_tail(Refill r) {
    if (count_ == capacity_) {
        // Ring full: fold the amount into the last refill, which keeps the
        // total and delays nothing that was already promised.
        Refill& last = slot(count_ - 1);
        last.amount += r.amount;
        if (r.release_time > last.release_time)
            last.release_time = r.release_time;
        return;
    }
    if (count_ > 0) {
        Refill& last = slot(count_ - 1);
        if (last.release_time + last.amount >= r.release_time) {
            // Adjacent or overlapping with the last refill: extend it.
            last.amount += r.amount;
            return;
        }
    }
    slot(count_) = r;
    ++count_;
}

void RefillRing::charge(uint64_t used, uint64_t period) {
    // Whole refills used up come back one period after their release.
    while (used > 0 && used >= head().amount) {
        const Refill spent = head();
        used -= spent.amount;
        if (count_ == 1) {
            // The only refill: it moves to the next period whole.
            slot(0).release_time = spent.release_time + period;
            if (used == 0)
                return;
            continue;
        }
        pop_head();
        push_tail(Refill{spent.release_time + period, spent.amount});
    }
    if (used == 0)
        return;
    // Part of the head refill used: split it.
    Refill& h = slot(0);
    const uint64_t release = h.release_time;
    h.amount -= used;
    h.release_time += used;
    if (count_ == capacity_) {
        // No room for a separate refill: the used part rides with the tail.
        push_tail(Refill{release + period, used});
        return;
    }
    push_tail(Refill{release + period, used});
}

void RefillRing::unblock(uint64_t now) {
    if (head().release_time >= now)
        return;
    slot(0).release_time = now;
    // Merge the refills the moved head now overlaps: their budget is consumed
    // after the head's, so it is never used before its own release.
    while (count_ > 1 && slot(0).release_time + slot(0).amount >= slot(1).release_time) {
        const uint64_t amount = slot(0).amount + slot(1).amount;
        pop_head();
        slot(0) = Refill{now, amount};
    }
}

} // namespace rampart::sched
