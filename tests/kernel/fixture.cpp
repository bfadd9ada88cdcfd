// Test fixture (see fixture.hpp).
#include "fixture.hpp"

#include <arch/kernel_window.hpp>

#include "kernel/phys.hpp"
#include <arch/host_machine.hpp>

namespace rampart::kernel::test {

Fixture::Fixture(unsigned ram_bits_in)
    : ram_base(Paddr{host::phys_base + (uint64_t{32} << 20)}), ram_bits(ram_bits_in) {
    rampart::arch::host::reset();
    mdb_reset();
    root = Cap::cnode(Paddr{host::phys_base}, root_radix, 64 - root_radix, 0);
    mdb_insert_root(root, slot(root_cnode_slot));
    mdb_insert_root(boot_untyped_cap(ram_base, SizeBits{ram_bits}, false), slot(ram_slot));
    mdb_insert_root(boot_untyped_cap(Paddr{device_base}, SizeBits{device_bits}, true),
                    slot(device_slot));
}

Slot& Fixture::slot(uint64_t index) const {
    return phys_ptr<Slot>(root.paddr())[index];
}

Status Fixture::retype(uint64_t untyped_index, uint64_t type, uint64_t size_bits, uint64_t offset,
                       uint64_t count) const {
    Budget budget = Budget::unlimited();
    return retype(untyped_index, type, size_bits, offset, count, budget);
}

Status Fixture::retype(uint64_t untyped_index, uint64_t type, uint64_t size_bits, uint64_t offset,
                       uint64_t count, Budget& budget) const {
    return untyped_retype(slot(untyped_index), type, size_bits,
                          RetypeDest{root, CPtr{0}, 0, offset, count}, budget);
}

Status Fixture::copy(uint64_t dest, uint64_t src, uint64_t rights) const {
    return cnode_copy(addr(dest), addr(src), Rights{rights});
}

Status Fixture::mint(uint64_t dest, uint64_t src, uint64_t badge, uint64_t rights) const {
    return cnode_mint(addr(dest), addr(src), Rights{rights}, badge);
}

Status Fixture::del(uint64_t index) const {
    Budget budget = Budget::unlimited();
    return cnode_delete(addr(index), budget);
}

Status Fixture::revoke(uint64_t index) const {
    Budget budget = Budget::unlimited();
    return cnode_revoke(addr(index), budget);
}

uint64_t cleared_bytes() {
    return rampart::arch::host::machine().cleared_bytes;
}

void reset_cleared_bytes() {
    rampart::arch::host::machine().cleared_bytes = 0;
}

std::string clear_mark_violation() {
    for (const Slot* s = mdb_sentinel().next(); s != nullptr; s = s->next()) {
        const Cap c = s->cap;
        if (c.type() != CapType::Untyped || c.untyped_is_device())
            continue;
        const auto* bytes = phys_ptr<const unsigned char>(c.paddr());
        for (uint64_t i = c.untyped_free_index(); i < c.untyped_clear_index(); ++i)
            if (bytes[i] != 0)
                return "untyped at " + std::to_string(c.paddr().value) + ": byte " +
                       std::to_string(i) + " below its clear mark is not zero";
    }
    return {};
}

std::string invariant_violation() {
    const InvariantReport r = check_invariants(1u << 20);
    return r.ok ? std::string{} : std::string{r.what};
}

} // namespace rampart::kernel::test
