// A doubly linked intrusive list: elements embed a Link, nothing is allocated.
// Used for kernel queues (endpoint, notification and ready queues).
#pragma once

namespace rampart::lib {

template <typename T>
struct Link {
    T* prev = nullptr;
    T* next = nullptr;
};

// Member is the pointer to the element's Link member.
template <typename T, Link<T> T::*Member>
class IntrusiveList {
  public:
    constexpr IntrusiveList() = default;
    IntrusiveList(const IntrusiveList&) = delete;
    IntrusiveList& operator=(const IntrusiveList&) = delete;

    [[nodiscard]] bool empty() const { return head_ == nullptr; }
    [[nodiscard]] T* front() const { return head_; }
    [[nodiscard]] T* back() const { return tail_; }
    [[nodiscard]] static T* next(const T* e) { return (e->*Member).next; }

    void push_back(T* e) {
        (e->*Member).prev = tail_;
        (e->*Member).next = nullptr;
        if (tail_ != nullptr) {
            (tail_->*Member).next = e;
        } else {
            head_ = e;
        }
        tail_ = e;
    }

    void push_front(T* e) {
        (e->*Member).prev = nullptr;
        (e->*Member).next = head_;
        if (head_ != nullptr) {
            (head_->*Member).prev = e;
        } else {
            tail_ = e;
        }
        head_ = e;
    }

    void insert_before(T* at, T* e) {
        Link<T>& link = at->*Member;
        (e->*Member).prev = link.prev;
        (e->*Member).next = at;
        if (link.prev != nullptr) {
            (link.prev->*Member).next = e;
        } else {
            head_ = e;
        }
        link.prev = e;
    }

    void remove(T* e) {
        Link<T>& link = e->*Member;
        if (link.prev != nullptr) {
            (link.prev->*Member).next = link.next;
        } else {
            head_ = link.next;
        }
        if (link.next != nullptr) {
            (link.next->*Member).prev = link.prev;
        } else {
            tail_ = link.prev;
        }
        link.prev = nullptr;
        link.next = nullptr;
    }

    // The head has no predecessor: cheaper than remove(head).
    T* pop_front() {
        T* e = head_;
        if (e != nullptr) {
            Link<T>& link = e->*Member;
            head_ = link.next;
            if (head_ != nullptr) {
                (head_->*Member).prev = nullptr;
            } else {
                tail_ = nullptr;
            }
            link.next = nullptr;
        }
        return e;
    }

  private:
    T* head_ = nullptr;
    T* tail_ = nullptr;
};

} // namespace rampart::lib
