// VMSAv8-64 translation table descriptors, 4 KiB granule: user space 48-bit
// (levels 0-3: an L0 entry maps 512 GiB, L1 1 GiB, L2 2 MiB, L3 4 KiB), the
// kernel window 39-bit (levels 1-3), kernel_layout.h.
// Arm ARM D8.3 "Translation table descriptor formats".
#pragma once

#include <rampart/aarch64/kernel_layout.h>
#include <stdint.h>

namespace rampart::arch {

inline constexpr unsigned table_bits = 9; // 512 entries per table
inline constexpr unsigned page_bits = 12;
inline constexpr uint64_t entries = 1ull << table_bits;

// The last level (its entries map 4 KiB pages) and the first of user space.
inline constexpr unsigned last_level = 3;
inline constexpr unsigned user_root_level = last_level + 1 - RAMPART_USER_LEVELS;

// Virtual address bits below those that index level 0..3: the size of what
// one entry of that level maps.
constexpr unsigned level_shift(unsigned level) {
    return page_bits + table_bits * (last_level - level);
}
static_assert(level_shift(0) == 39 && level_shift(1) == 30 && level_shift(2) == 21 &&
              level_shift(3) == 12);
static_assert(user_root_level == 0 &&
              level_shift(user_root_level) + table_bits == RAMPART_USER_VA_BITS &&
              level_shift(1) + table_bits == RAMPART_KERNEL_VA_BITS);

// MAIR_EL1 attribute indices (Arm ARM D17.2.97 MAIR_EL1).
enum class MemType : uint64_t {
    device_nGnRnE = 0,
    device_nGnRE = 1,
    normal = 2,    // inner/outer write-back, read/write-allocate
    normal_nc = 3, // non-cacheable
};
inline constexpr uint64_t mair_value = 0x00ull | (0x04ull << 8) | (0xffull << 16) | (0x44ull << 24);

struct Access {
    bool user = false;
    bool write = false;
    bool exec = false;
};

class Pte {
  public:
    static constexpr uint64_t valid_bit = 1ull << 0;
    static constexpr uint64_t table_bit = 1ull << 1; // table (L0-L2) or page (L3)
    static constexpr uint64_t af = 1ull << 10;
    static constexpr uint64_t ng = 1ull << 11;
    static constexpr uint64_t pxn = 1ull << 53;
    static constexpr uint64_t uxn = 1ull << 54;
    static constexpr uint64_t addr_mask = 0x0000fffffffff000ull;

    constexpr Pte() = default;
    constexpr explicit Pte(uint64_t raw) : raw_(raw) {}

    static constexpr Pte table(uint64_t paddr) {
        return Pte((paddr & addr_mask) | valid_bit | table_bit);
    }
    // A block (L1/L2) or page (L3) mapping.
    static constexpr Pte leaf(uint64_t paddr, unsigned level, MemType type, Access a) {
        uint64_t v = (paddr & addr_mask) | valid_bit | af | (static_cast<uint64_t>(type) << 2);
        if (level == last_level)
            v |= table_bit;
        // AP[2:1] at bits 7:6: 00 EL1 RW, 01 EL1+EL0 RW, 10 EL1 RO, 11 EL1+EL0 RO.
        v |= (uint64_t{a.user} << 6) | (uint64_t{!a.write} << 7);
        // SH[1:0] at bits 9:8: inner shareable for normal memory.
        if (type == MemType::normal || type == MemType::normal_nc)
            v |= 3ull << 8;
        if (a.user) {
            v |= ng | pxn | (a.exec ? 0 : uxn);
        } else {
            v |= uxn | (a.exec ? 0 : pxn);
        }
        return Pte(v);
    }

    constexpr bool valid() const { return raw_ & valid_bit; }
    constexpr bool is_table(unsigned level) const {
        return level < last_level && (raw_ & table_bit);
    }
    constexpr uint64_t paddr() const { return raw_ & addr_mask; }
    // A leaf's access as leaf() encoded it: AP[2] (bit 7) read-only, UXN, AttrIndx[2:0].
    constexpr bool user_writable() const { return !(raw_ & (1ull << 7)); }
    constexpr bool user_executable() const { return !(raw_ & uxn); }
    constexpr MemType mem_type() const { return static_cast<MemType>((raw_ >> 2) & 7); }
    constexpr uint64_t raw() const { return raw_; }

  private:
    uint64_t raw_ = 0;
};

// TCR_EL1 (Arm ARM D17.2.131): 48-bit user VA (T0SZ 16), 39-bit kernel VA
// (T1SZ 25), 4 KiB granules, write-back cacheable inner-shareable walks,
// 16-bit ASIDs, given output size.
constexpr uint64_t tcr_value(uint64_t ips) {
    constexpr uint64_t t0sz = 64 - RAMPART_USER_VA_BITS, t1sz = 64 - RAMPART_KERNEL_VA_BITS;
    constexpr uint64_t walk = (1ull << 8) | (1ull << 10) | (3ull << 12); // IRGN0 ORGN0 SH0
    return t0sz | walk | (t1sz << 16) | (walk << 16) | (2ull << 30) /* TG1 4K */ | (ips << 32) |
           (1ull << 36) /* AS: 16-bit ASID */;
}
static_assert((tcr_value(0) & 0x3f) == 16 && ((tcr_value(0) >> 16) & 0x3f) == 25);

} // namespace rampart::arch
