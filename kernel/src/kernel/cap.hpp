// A capability: two words, a type tag and the object it names plus
// type-specific fields. The null cap is all zeroes.
//
// word 0: [63:59] type  [58:44] type-specific field  [43:0] object paddr >> 4
// word 1: type-specific (badge, guard, watermark, mapping, ...)
//
// An untyped's field holds its size bits [5:0], the device flag [6] and the
// high 8 bits of its clear mark [14:7]; word 1 its watermark >> 4 in [43:0]
// and the low 20 bits of the clear mark in [63:44]. The clear mark is kept in
// units of 2^untyped_rule::clear_unit_bits(size) bytes (28 bits in all).
#pragma once

#include <rampart/objects.h>
#include <rampart/rights.h>
#include <rampart/untyped_rule.hpp>
#include <stdint.h>

#include "kernel/types.hpp"
#include "lib/bits.hpp"

namespace rampart::kernel {

enum class CapType : uint8_t {
    Null = 0,
    Untyped,
    Endpoint,
    Notification,
    Reply,
    CNode,
    Tcb,
    SchedContext,
    SchedControl,
    IrqControl,
    IrqHandler,
    Domain,
    AsidControl,
    AsidPool,
    Frame,
    PageTable,
    VSpace,
    Zombie, // an object being finalised; see kernel/delete.cpp
};

// Frame sizes a frame cap can name (index into the arch geometry).
enum class FrameSize : uint8_t { Small = 0, Large = 1, Huge = 2 };

// Access rights as a typed bit set.
class Rights {
  public:
    constexpr Rights() = default;
    constexpr explicit Rights(uint64_t bits) : bits_(bits & RAMPART_RIGHTS_ALL) {}
    static constexpr Rights all() { return Rights{RAMPART_RIGHTS_ALL}; }

    [[nodiscard]] constexpr uint64_t bits() const { return bits_; }
    [[nodiscard]] constexpr bool read() const { return (bits_ & RAMPART_RIGHT_READ) != 0; }
    [[nodiscard]] constexpr bool write() const { return (bits_ & RAMPART_RIGHT_WRITE) != 0; }
    [[nodiscard]] constexpr bool grant() const { return (bits_ & RAMPART_RIGHT_GRANT) != 0; }
    [[nodiscard]] constexpr bool grant_reply() const {
        return (bits_ & RAMPART_RIGHT_GRANT_REPLY) != 0;
    }
    [[nodiscard]] constexpr Rights operator&(Rights o) const { return Rights{bits_ & o.bits_}; }
    constexpr bool operator==(const Rights&) const = default;

  private:
    uint64_t bits_ = 0;
};

class Cap {
  public:
    static constexpr unsigned type_shift = 59;
    static constexpr unsigned field_shift = 44;
    static constexpr unsigned field_bits = 15;
    static constexpr unsigned addr_shift = 4;
    static constexpr unsigned addr_bits = 44;
    static constexpr uint64_t max_paddr = lib::bit(addr_bits + addr_shift);

    constexpr Cap() = default;
    constexpr bool operator==(const Cap&) const = default;

    // --- construction, one per type ---
    static constexpr Cap null() { return Cap{}; }
    // free_index and clear_index: byte offsets, the watermark a multiple of 16,
    // the clear mark a multiple of the clear unit (docs/boot-memory.md).
    static constexpr Cap untyped(Paddr base, SizeBits size, bool device, uint64_t free_index,
                                 uint64_t clear_index = 0) {
        return make(CapType::Untyped, base, size.bits | (device ? 0x40u : 0u), 0)
            .with_free_index(free_index)
            .with_clear_index(clear_index);
    }
    static constexpr Cap endpoint(Paddr obj, uint64_t badge, Rights rights) {
        return make(CapType::Endpoint, obj, rights.bits(), badge);
    }
    static constexpr Cap notification(Paddr obj, uint64_t badge, Rights rights) {
        return make(CapType::Notification, obj, rights.bits(), badge);
    }
    static constexpr Cap reply(Paddr obj, bool can_grant) {
        return make(CapType::Reply, obj, can_grant ? 1u : 0u, 0);
    }
    static constexpr Cap cnode(Paddr obj, unsigned radix, unsigned guard_size, uint64_t guard) {
        return make(CapType::CNode, obj, radix | (guard_size << 6), guard);
    }
    static constexpr Cap tcb(Paddr obj) { return make(CapType::Tcb, obj, 0, 0); }
    static constexpr Cap sched_context(Paddr obj, SizeBits size) {
        return make(CapType::SchedContext, obj, size.bits, 0);
    }
    static constexpr Cap sched_control(uint64_t core) {
        return make(CapType::SchedControl, Paddr{}, 0, core);
    }
    static constexpr Cap irq_control() { return make(CapType::IrqControl, Paddr{}, 0, 0); }
    static constexpr Cap irq_handler(uint64_t irq) {
        return make(CapType::IrqHandler, Paddr{}, 0, irq);
    }
    static constexpr Cap domain() { return make(CapType::Domain, Paddr{}, 0, 0); }
    static constexpr Cap asid_control() { return make(CapType::AsidControl, Paddr{}, 0, 0); }
    static constexpr Cap asid_pool(Paddr obj, uint64_t asid_base) {
        return make(CapType::AsidPool, obj, 0, asid_base);
    }
    // A frame cap; mapped_word packs the mapping: vaddr in [47:0], ASID in [63:48].
    static constexpr Cap frame(Paddr obj, FrameSize size, Rights rights, bool device,
                               uint64_t mapped_word = 0) {
        return make(CapType::Frame, obj,
                    static_cast<unsigned>(size) | static_cast<unsigned>(rights.bits() << 2) |
                        (device ? 0x40u : 0u) | (mapped_word != 0 ? 0x80u : 0u),
                    mapped_word);
    }
    static constexpr Cap page_table(Paddr obj, uint64_t mapped_word = 0, bool mapped = false) {
        return make(CapType::PageTable, obj, mapped ? 1u : 0u, mapped_word);
    }
    static constexpr Cap vspace(Paddr obj, uint64_t asid = 0, bool mapped = false) {
        return make(CapType::VSpace, obj, mapped ? 1u : 0u, asid);
    }
    // A zombie of a CNode (slots = 2^radix) or a TCB (is_tcb); `remaining` slots still to clear.
    static constexpr Cap zombie(Paddr obj, bool is_tcb, unsigned radix, uint64_t remaining) {
        return make(CapType::Zombie, obj, radix | (is_tcb ? 0x40u : 0u), remaining);
    }

    // --- generic accessors ---
    [[nodiscard]] constexpr CapType type() const { return static_cast<CapType>(w0_ >> type_shift); }
    [[nodiscard]] constexpr bool is_null() const { return type() == CapType::Null; }
    [[nodiscard]] constexpr Paddr paddr() const {
        return Paddr{(w0_ & lib::mask(addr_bits)) << addr_shift};
    }
    [[nodiscard]] constexpr uint64_t word0() const { return w0_; }
    [[nodiscard]] constexpr uint64_t word1() const { return w1_; }
    static constexpr Cap from_words(uint64_t w0, uint64_t w1) { return Cap{w0, w1}; }

    // --- type-specific accessors (valid for the type named) ---
    [[nodiscard]] constexpr SizeBits untyped_size() const { return SizeBits{field() & 0x3fu}; }
    [[nodiscard]] constexpr bool untyped_is_device() const { return (field() & 0x40u) != 0; }
    [[nodiscard]] constexpr uint64_t untyped_free_index() const {
        return (w1_ & lib::mask(untyped_watermark_bits)) << untyped_watermark_shift;
    }
    [[nodiscard]] constexpr Cap with_free_index(uint64_t index) const {
        return Cap{w0_, (w1_ & ~lib::mask(untyped_watermark_bits)) |
                            ((index >> untyped_watermark_shift) & lib::mask(untyped_watermark_bits))};
    }
    // The untyped's clear mark (bytes from its base; see untyped_rule.hpp).
    [[nodiscard]] constexpr uint64_t untyped_clear_index() const {
        const uint64_t units = (w1_ >> untyped_watermark_bits) |
                               (uint64_t{field() >> 7} << untyped_clear_low_bits);
        return units << untyped_rule::clear_unit_bits(untyped_size().bits);
    }
    [[nodiscard]] constexpr Cap with_clear_index(uint64_t index) const {
        const uint64_t units = index >> untyped_rule::clear_unit_bits(untyped_size().bits);
        const uint64_t field_mask = lib::mask(8) << (field_shift + 7);
        return Cap{(w0_ & ~field_mask) |
                       (((units >> untyped_clear_low_bits) & lib::mask(8)) << (field_shift + 7)),
                   (w1_ & lib::mask(untyped_watermark_bits)) |
                       ((units & lib::mask(untyped_clear_low_bits)) << untyped_watermark_bits)};
    }

    [[nodiscard]] constexpr uint64_t badge() const { return w1_; }
    [[nodiscard]] constexpr Cap with_badge(uint64_t b) const { return Cap{w0_, b}; }
    [[nodiscard]] constexpr Rights rights() const {
        return type() == CapType::Frame ? Rights{(field() >> 2) & 0xfu} : Rights{field() & 0xfu};
    }
    [[nodiscard]] constexpr Cap with_rights(Rights r) const {
        const unsigned shift = type() == CapType::Frame ? 2u : 0u;
        const uint64_t field_mask = uint64_t{0xf} << (field_shift + shift);
        return Cap{(w0_ & ~field_mask) | (r.bits() << (field_shift + shift)), w1_};
    }

    [[nodiscard]] constexpr bool reply_can_grant() const { return (field() & 1u) != 0; }

    [[nodiscard]] constexpr unsigned cnode_radix() const { return field() & 0x3fu; }
    [[nodiscard]] constexpr unsigned cnode_guard_size() const { return (field() >> 6) & 0x7fu; }
    [[nodiscard]] constexpr uint64_t cnode_guard() const { return w1_; }

    [[nodiscard]] constexpr SizeBits sched_context_size() const {
        return SizeBits{field() & 0x3fu};
    }
    [[nodiscard]] constexpr uint64_t sched_control_core() const { return w1_; }
    [[nodiscard]] constexpr uint64_t irq() const { return w1_; }
    [[nodiscard]] constexpr uint64_t asid_base() const { return w1_; }

    [[nodiscard]] constexpr FrameSize frame_size() const {
        return static_cast<FrameSize>(field() & 3u);
    }
    [[nodiscard]] constexpr bool frame_is_device() const { return (field() & 0x40u) != 0; }
    [[nodiscard]] constexpr bool frame_is_mapped() const { return (field() & 0x80u) != 0; }
    [[nodiscard]] constexpr bool table_is_mapped() const { return (field() & 1u) != 0; }
    [[nodiscard]] constexpr uint64_t mapped_word() const { return w1_; }

    [[nodiscard]] constexpr bool zombie_is_tcb() const { return (field() & 0x40u) != 0; }
    [[nodiscard]] constexpr unsigned zombie_radix() const { return field() & 0x3fu; }
    [[nodiscard]] constexpr uint64_t zombie_remaining() const { return w1_; }
    [[nodiscard]] constexpr Cap with_zombie_remaining(uint64_t n) const { return Cap{w0_, n}; }

  private:
    static constexpr unsigned untyped_watermark_shift = 4;
    static constexpr unsigned untyped_watermark_bits = 44;
    static constexpr unsigned untyped_clear_low_bits = 64 - untyped_watermark_bits;
    static_assert(untyped_clear_low_bits + 8 == untyped_rule::clear_mark_bits);

    constexpr Cap(uint64_t w0, uint64_t w1) : w0_(w0), w1_(w1) {}

    static constexpr Cap make(CapType type, Paddr obj, uint64_t field, uint64_t w1) {
        return Cap{(static_cast<uint64_t>(type) << type_shift) |
                       ((field & lib::mask(field_bits)) << field_shift) |
                       ((obj.value >> addr_shift) & lib::mask(addr_bits)),
                   w1};
    }
    [[nodiscard]] constexpr unsigned field() const {
        return static_cast<unsigned>((w0_ >> field_shift) & lib::mask(field_bits));
    }

    uint64_t w0_ = 0;
    uint64_t w1_ = 0;
};

static_assert(sizeof(Cap) == 16, "a cap is two words");
static_assert(static_cast<unsigned>(CapType::Zombie) < 32, "type fits 5 bits");
static_assert(Cap::cnode(Paddr{0x4000'1000}, 12, 52, 7).cnode_guard_size() == 52);
static_assert(Cap::untyped(Paddr{0x8000'0000}, SizeBits{31}, true, 5).untyped_size().bits == 31);
static_assert(Cap::null().word0() == 0 && Cap::null().word1() == 0);
static_assert(Cap::untyped(Paddr{0}, SizeBits{47}, false, lib::bit(47), lib::bit(47))
                  .untyped_clear_index() == lib::bit(47));
static_assert(Cap::untyped(Paddr{0}, SizeBits{47}, false, lib::bit(47), lib::bit(47))
                  .untyped_free_index() == lib::bit(47));
static_assert(Cap::untyped(Paddr{0x4000'0000}, SizeBits{30}, true, 0x3ff0, 0x4000)
                  .with_free_index(0x10)
                  .untyped_clear_index() == 0x4000);

constexpr unsigned frame_size_bits(FrameSize size) {
    return size == FrameSize::Small   ? RAMPART_FRAME_4K_BITS
           : size == FrameSize::Large ? RAMPART_FRAME_2M_BITS
                                      : RAMPART_FRAME_1G_BITS;
}

} // namespace rampart::kernel
