// Ready queues: one FIFO per (domain, priority) and a two-level bitmap per
// domain, so finding the highest-priority runnable thread is two count-leading-
// zeros instructions, whatever the number of threads (O(1), as in seL4).
#pragma once

#include "lib/bits.hpp"
#include "lib/intrusive_list.hpp"

#include <stdint.h>

namespace rampart::sched {

inline constexpr unsigned priority_count = 256;
inline constexpr unsigned bitmap_words = priority_count / 64;
static_assert(bitmap_words <= 64, "the top level is one word");

// T embeds a lib::Link<T> at Member; Domains is the number of scheduling domains.
template <typename T, lib::Link<T> T::*Member, unsigned Domains>
class ReadyQueues {
  public:
    using Queue = lib::IntrusiveList<T, Member>;

    void append(T* t, unsigned domain, unsigned priority) {
        queue(domain, priority).push_back(t);
        mark(domain, priority);
    }

    void prepend(T* t, unsigned domain, unsigned priority) {
        queue(domain, priority).push_front(t);
        mark(domain, priority);
    }

    void remove(T* t, unsigned domain, unsigned priority) {
        Queue& q = queue(domain, priority);
        q.remove(t);
        if (q.empty())
            unmark(domain, priority);
    }

    // Takes the thread to run next in the domain off its queue; nullptr if none.
    T* pop_highest(unsigned domain) {
        if (empty(domain))
            return nullptr;
        const unsigned priority = highest_priority(domain);
        Queue& q = queue(domain, priority);
        T* t = q.pop_front();
        if (q.empty())
            unmark(domain, priority);
        return t;
    }

    [[nodiscard]] bool empty(unsigned domain) const { return top_[domain] == 0; }

    // Highest priority with a ready thread; the domain must not be empty.
    [[nodiscard]] unsigned highest_priority(unsigned domain) const {
        const unsigned w = lib::log2_floor(top_[domain]);
        return w * 64 + lib::log2_floor(words_[domain][w]);
    }

    // For the invariant checker: one queue, and whether its bits are set.
    [[nodiscard]] const Queue& at(unsigned domain, unsigned priority) const {
        return queues_[domain][priority];
    }
    [[nodiscard]] bool marked(unsigned domain, unsigned priority) const {
        return (words_[domain][priority / 64] & lib::bit(priority % 64)) != 0 &&
               (top_[domain] & lib::bit(priority / 64)) != 0;
    }
    [[nodiscard]] bool top_consistent(unsigned domain) const {
        for (unsigned w = 0; w < bitmap_words; ++w)
            if (((top_[domain] >> w) & 1) != (words_[domain][w] != 0 ? 1u : 0u))
                return false;
        return true;
    }

    // The thread to run next in the domain, or nullptr.
    [[nodiscard]] T* highest(unsigned domain) const {
        return empty(domain) ? nullptr : queues_[domain][highest_priority(domain)].front();
    }

  private:
    void unmark(unsigned domain, unsigned priority) {
        const unsigned w = priority / 64;
        words_[domain][w] &= ~lib::bit(priority % 64);
        if (words_[domain][w] == 0)
            top_[domain] &= ~lib::bit(w);
    }

    Queue& queue(unsigned domain, unsigned priority) { return queues_[domain][priority]; }

    void mark(unsigned domain, unsigned priority) {
        words_[domain][priority / 64] |= lib::bit(priority % 64);
        top_[domain] |= lib::bit(priority / 64);
    }

    Queue queues_[Domains][priority_count];
    uint64_t words_[Domains][bitmap_words] = {};
    uint64_t top_[Domains] = {};
};

} // namespace rampart::sched
