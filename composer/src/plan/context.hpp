// Shared state of the planning steps (internal to plan/): the objects asked
// for so far under provisional ids, and each PD's pieces.
#pragma once

#include "diag/hex.hpp"
#include "plan/allocator.hpp"
#include "plan/geometry.hpp"
#include "plan/layout.hpp"
#include "plan/planner.hpp"

#include <rampart/objects.h>
#include <rampart/pd.h>

#include <map>
#include <memory>

namespace rampart::plan {

// Slots of a PD's CSpace (Microkit's layout, docs/spec.md; rampart/pd.h).
inline constexpr std::uint32_t kSlotInput = RAMPART_PD_SLOT_INPUT;
inline constexpr std::uint32_t kSlotFault = RAMPART_PD_SLOT_FAULT;
inline constexpr std::uint32_t kSlotVspace = RAMPART_PD_SLOT_VSPACE;
inline constexpr std::uint32_t kSlotReply = RAMPART_PD_SLOT_REPLY;
inline constexpr std::uint32_t kSlotMonitor = RAMPART_PD_SLOT_MONITOR;
inline constexpr std::uint32_t kSlotNotifyBase = RAMPART_PD_SLOT_NOTIFY_BASE;
inline constexpr std::uint32_t kSlotPpcBase = RAMPART_PD_SLOT_PPC_BASE;
inline constexpr std::uint32_t kSlotIrqBase = RAMPART_PD_SLOT_IRQ_BASE;
inline constexpr std::uint32_t kSlotChildBase = RAMPART_PD_SLOT_CHILD_BASE;
inline constexpr std::uint32_t kSlotUserBase = RAMPART_PD_SLOT_USER_BASE;
inline constexpr unsigned kMinCnodeRadix = RAMPART_PD_MIN_CNODE_RADIX;
inline constexpr unsigned kScBits = RAMPART_SCHED_CONTEXT_MIN_BITS;
inline constexpr std::uint32_t kBootPoolFree = 510; // ASIDs 0 and the root task's are taken
inline constexpr std::uint64_t kPpcBadge = RAMPART_PD_BADGE_PPC;
inline constexpr std::uint64_t kFaultBadge = RAMPART_PD_BADGE_FAULT;

struct PdPlan {
    const validate::PdInfo* info = nullptr;
    const elf::ElfFile* elf = nullptr;     // the program image: segments
    const elf::ElfFile* symbols = nullptr; // where setvar symbols are looked up
    Layout layout;
    std::uint32_t tcb = kNone, sc = kNone, cnode = kNone, vspace = kNone, reply = kNone;
    std::uint32_t notification = kNone, endpoint = kNone;
    unsigned cnode_radix = kMinCnodeRadix;
    std::vector<std::uint32_t> frames; // provisional frame id per layout page (private or region)
    // Per level from kFirstTableLevel: table base vaddr -> provisional id.
    std::map<std::uint64_t, std::uint32_t> tables[kTableLevels];
    std::uint64_t irq_mask = 0, notify_mask = 0, pp_mask = 0;
};

// The CNode slot of a <cspace> entry. Validation keeps the entry's slot in
// 1..kUserCapSlots-1; anything else is refused here too, never truncated.
inline std::uint32_t user_slot(const model::CspaceCap& cap) {
    if (cap.slot.value == 0 || cap.slot.value >= RAMPART_PD_USER_CAP_SLOTS)
        throw PlanError("cspace slot " + std::to_string(cap.slot.value) + " is out of range",
                        cap.slot.loc);
    return kSlotUserBase + static_cast<std::uint32_t>(cap.slot.value);
}

struct Context {
    const validate::CheckedSystem& sys;
    const Inputs& in;
    Plan out;
    std::vector<Object> objects; // provisional, by id
    std::vector<Request> requests;
    std::vector<PdPlan> pds;
    std::map<std::string, std::uint32_t> pd_by_name;
    std::map<std::string, std::uint32_t> region_by_name;
    std::vector<std::uint32_t> region_first_frame;               // provisional ids
    std::uint32_t fixed_runs = 0;

    std::uint32_t add(std::string name, std::uint8_t type, std::uint8_t size_bits, std::uint32_t pd,
                      std::uint16_t flags = 0) {
        return add_run(std::move(name), type, size_bits, 1, pd, false, 0, flags);
    }
    std::uint32_t add_run(std::string name, std::uint8_t type, std::uint8_t size_bits,
                          std::uint32_t count, std::uint32_t pd, bool fixed, std::uint64_t paddr,
                          std::uint16_t flags = 0);
};

// The planning steps, in the order plan() runs them.
void plan_regions(Context& c);
void plan_pds(Context& c);
void plan_system_objects(Context& c);
void place_objects(Context& c); // allocation; renumbers objects into creation order
void wire_caps(Context& c);
void map_vspaces(Context& c);
void configure_threads(Context& c);
void fill_frames(Context& c);
void plan_domains(Context& c);

using diag::hex;

} // namespace rampart::plan
