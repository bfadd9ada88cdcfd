// CNode invocations as typed functions; the syscall layer decodes message
// registers into these arguments. Destinations are addressed relative to the
// invoked CNode, sources from a root CNode cap passed as an extra cap.
#pragma once

#include "kernel/budget.hpp"
#include "kernel/cap.hpp"
#include "kernel/status.hpp"

namespace rampart::kernel {

// A slot address: the CNode to start from, the index and the exact depth.
struct SlotAddr {
    Cap root;
    CPtr index;
    uint64_t depth = 0;
};

Status cnode_copy(const SlotAddr& dest, const SlotAddr& src, Rights rights);
Status cnode_mint(const SlotAddr& dest, const SlotAddr& src, Rights rights, uint64_t badge);
Status cnode_move(const SlotAddr& dest, const SlotAddr& src);
Status cnode_mutate(const SlotAddr& dest, const SlotAddr& src, uint64_t data);
// Moves pivot to dest (with dest_data) and src to pivot (with pivot_data);
// dest may be src, which swaps the two.
Status cnode_rotate(const SlotAddr& dest, uint64_t dest_data, const SlotAddr& pivot,
                    uint64_t pivot_data, const SlotAddr& src);
Status cnode_delete(const SlotAddr& target, Budget& budget);
Status cnode_revoke(const SlotAddr& target, Budget& budget);

} // namespace rampart::kernel
