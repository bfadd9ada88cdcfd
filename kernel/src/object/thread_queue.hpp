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
