// Test fixture: a fresh fake physical memory with a root CNode (outside any
// untyped, its cap in itself, as boot makes it), a RAM untyped and a device
// untyped in it.
#pragma once

#include <cstdint>
#include <string>

#include "kernel/budget.hpp"
#include "kernel/invariants.hpp"
#include "kernel/mdb.hpp"
#include "kernel/phys.hpp"
#include "object/cnode.hpp"
#include "object/untyped.hpp"

namespace rampart::kernel::test {

inline constexpr unsigned root_radix = 8;
inline constexpr uint64_t ram_slot = 1;
inline constexpr uint64_t device_slot = 2;
inline constexpr uint64_t root_cnode_slot = 3; // the root CNode's own cap, as boot puts it
inline constexpr uint64_t first_free = 16;
inline constexpr uint64_t device_base = 0x1'0000'0000; // outside the fake memory: never touched
inline constexpr unsigned device_bits = 31;

struct Fixture {
    // ram_bits: size of the RAM untyped, placed at fake phys_base + 32 MiB.
    explicit Fixture(unsigned ram_bits = 20);

    Cap root;
    Paddr ram_base;
    unsigned ram_bits;

    [[nodiscard]] Slot& slot(uint64_t index) const;
    [[nodiscard]] SlotAddr addr(uint64_t index) const { return {root, CPtr{index}, 64}; }
    [[nodiscard]] Cap cap(uint64_t index) const { return slot(index).cap; }

    Status retype(uint64_t untyped_index, uint64_t type, uint64_t size_bits, uint64_t offset,
                  uint64_t count = 1) const;
    Status retype(uint64_t untyped_index, uint64_t type, uint64_t size_bits, uint64_t offset,
                  uint64_t count, Budget& budget) const;
    Status copy(uint64_t dest, uint64_t src, uint64_t rights = RAMPART_RIGHTS_ALL) const;
    Status mint(uint64_t dest, uint64_t src, uint64_t badge,
                uint64_t rights = RAMPART_RIGHTS_ALL) const;
    Status del(uint64_t index) const;
    Status revoke(uint64_t index) const;
};

// "" when the invariants hold, otherwise what is violated.
std::string invariant_violation();

// Bytes the kernel has cleared (arch_clear_memory) since the last reset.
uint64_t cleared_bytes();
void reset_cleared_bytes();

// "" when, in every RAM untyped in the derivation tree, the bytes from the
// watermark to the clear mark are zero (what Retype relies on not to clear
// them again); otherwise where they are not.
std::string clear_mark_violation();

} // namespace rampart::kernel::test
