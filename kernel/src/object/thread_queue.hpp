// A FIFO of threads inside a 16-byte object word pair: the head pointer, and
// the tail pointer with a 2-bit state tag in its low bits (TCBs are 2 KiB
// aligned). Endpoints and notifications queue their waiters in one.
#pragma once

#include <stdint.h>

namespace rampart::kernel {

struct Tcb;

class ThreadQueue {
  public:
    [[nodiscard]] Tcb* head() const { return head_; }
    [[nodiscard]] Tcb* tail() const { return reinterpret_cast<Tcb*>(tail_tag_ & ~tag_mask); }
    [[nodiscard]] unsigned tag() const { return static_cast<unsigned>(tail_tag_ & tag_mask); }
    [[nodiscard]] bool empty() const { return head_ == nullptr; }
    void set_tag(unsigned t) { tail_tag_ = (tail_tag_ & ~tag_mask) | (t & tag_mask); }

    // append and pop_front are inline (below): every signal and wait uses one.
    void append(Tcb* t);
    void remove(Tcb* t);
    Tcb* pop_front();

  private:
    static constexpr uintptr_t tag_mask = 3;
    void set_tail(Tcb* t) { tail_tag_ = reinterpret_cast<uintptr_t>(t) | (tail_tag_ & tag_mask); }

    Tcb* head_ = nullptr;
    uintptr_t tail_tag_ = 0;
};

static_assert(sizeof(ThreadQueue) == 16);

} // namespace rampart::kernel

#include "object/tcb.hpp"

namespace rampart::kernel {

inline void ThreadQueue::append(Tcb* t) {
    Tcb* last = tail();
    t->ipc_link.prev = last;
    t->ipc_link.next = nullptr;
    if (last)
        last->ipc_link.next = t;
    else
        head_ = t;
    set_tail(t);
}

inline Tcb* ThreadQueue::pop_front() {
    Tcb* t = head_;
    if (!t)
        return nullptr;
    Tcb* next = t->ipc_link.next;
    head_ = next;
    if (next)
        next->ipc_link.prev = nullptr;
    else
        set_tail(nullptr);
    t->ipc_link.next = nullptr;
    return t;
}

} // namespace rampart::kernel
