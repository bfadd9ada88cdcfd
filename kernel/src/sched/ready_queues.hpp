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
    // The second level's word `w` (priorities 64w to 64w + 63).
    [[nodiscard]] uint64_t marked_word(unsigned domain, unsigned w) const {
        return words_[domain][w];
    }
    // Whether every queue the domain's bitmap leaves unmarked is empty, head
    // and tail. It reads the two words of each such queue, a run of unmarked
    // queues at a time: the one part of the checker that looks at all
    // domain_count x priority_count queues, about four instructions each.
    [[nodiscard]] bool unmarked_queues_empty(unsigned domain) const {
        uintptr_t any = 0;
        for (unsigned w = 0; w < bitmap_words; ++w) {
            const Queue* q = &queues_[domain][w * 64];
            for (uint64_t unmarked = ~words_[domain][w]; unmarked != 0;) {
                const unsigned first = lib::ctz(unmarked);
                const uint64_t rest = ~(unmarked >> first); // its lowest set bit ends the run
                const unsigned run = rest == 0 ? 64 - first : lib::ctz(rest);
                const Queue* e = q + first;
                const Queue* const end = e + run;
                for (; end - e >= 4; e += 4) // unrolled: most runs are long
                    any |= words_of(e[0]) | words_of(e[1]) | words_of(e[2]) | words_of(e[3]);
                for (; e != end; ++e)
                    any |= words_of(*e);
                unmarked &= ~(lib::mask(run) << first);
            }
        }
        return any == 0;
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
    static uintptr_t words_of(const Queue& q) {
        return reinterpret_cast<uintptr_t>(q.front()) | reinterpret_cast<uintptr_t>(q.back());
    }

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
