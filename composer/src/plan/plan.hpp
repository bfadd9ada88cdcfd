// The plan: every kernel object with its physical address, every cap slot,
// mapping, thread, scheduling context and IRQ of a system — the spec's
// content (kernel/include/rampart/spec.h) plus the names and summaries the
// report needs. Produced by plan(), checked by verify, written by emit.
#pragma once

#include <rampart/bootinfo.h>
#include <rampart/spec.h>

#include <cstdint>
#include <string>
#include <vector>

namespace rampart::plan {

inline constexpr std::uint32_t kNone = RAMPART_SPEC_NONE;

struct Object {
    std::string name;
    std::uint64_t paddr = 0;
    std::uint32_t source =
        0; // boot untyped index, or object index with RAMPART_SPEC_OBJ_FROM_OBJECT
    std::uint32_t pd = kNone;
    std::uint8_t type = 0;
    std::uint8_t size_bits = 0; // Retype's argument
    std::uint16_t flags = 0;
};

struct Cap {
    std::uint32_t cnode = 0, slot = 0, object = 0;
    std::uint8_t kind = RAMPART_SPEC_CAP_OBJECT;
    std::uint8_t rights = 0;
    std::uint32_t pd = kNone;
    std::uint64_t badge = 0;
    std::string note; // why the cap is there, for people
};

struct Mapping {
    std::uint64_t vaddr = 0;
    std::uint32_t vspace = 0, object = 0;
    std::uint8_t kind = RAMPART_SPEC_MAP_FRAME;
    std::uint8_t level = 0;
    std::uint8_t rights = 0;
    std::uint8_t attrs = 0;
    std::uint32_t pd = kNone;
};

// One contiguous piece of a PD's address space, for the report.
struct Area {
    std::uint64_t vaddr = 0, size = 0;
    std::uint8_t rights = 0,
                 attrs = 0; // RAMPART_SPEC_MAP_*, RAMPART_SPEC_ATTR_*; 0: unmapped guard
    unsigned page_bits = 12;
    std::string what;
};

struct PdSummary {
    std::string name;
    std::uint32_t parent = kNone;
    std::uint64_t id = 0;
    std::uint64_t priority = 0, budget_us = 0, period_us = 0, cpu = 0;
    bool passive = false;
    std::string domain;
    std::string restart; // "stop" or "restart"
    std::vector<Area> areas;
    std::string image;
};

struct ChannelSummary {
    std::string a, b;
    std::uint64_t a_id = 0, b_id = 0;
    bool a_notify = true, b_notify = true, a_pp = false, b_pp = false;
};

struct RegionSummary {
    std::string name;
    std::uint64_t size = 0, page_size = 0, paddr = 0;
    bool fixed = false, device = false;
    std::uint32_t first_frame = kNone, frame_count = 0;
    std::vector<std::string> mapped_by; // "pd@0xvaddr rw"
};

struct UntypedUse {
    std::uint64_t used = 0; // bytes from the base to the final watermark, padding included
    std::uint32_t objects = 0;
    std::uint64_t cleared = 0; // bytes the kernel clears in it (and in untypeds made from it)
};

struct Plan {
    std::string board;
    rampart_region kernel{}, root_image{}; // reserved physical ranges the prediction assumed
    std::vector<rampart_untyped_desc> untypeds;
    std::vector<UntypedUse> untyped_use;
    std::vector<Object> objects; // creation order
    std::vector<Cap> caps;       // sorted by (cnode, slot)
    std::vector<Mapping> mappings;
    std::vector<rampart_spec_tcb> tcbs;
    std::vector<rampart_spec_sc> scs;
    std::vector<rampart_spec_irq> irqs;
    std::vector<rampart_spec_fill> fills;
    std::vector<std::uint8_t> data;
    std::vector<rampart_spec_pd> pds; // name fields unused: names live in pd_info
    std::vector<PdSummary> pd_info;
    std::vector<rampart_spec_domain_entry> domain_schedule;
    std::vector<std::string> domain_names;
    std::vector<ChannelSummary> channels;
    std::vector<RegionSummary> regions;
    std::uint32_t workspace = kNone, workspace_radix = 0, monitor_endpoint = kNone;
    std::uint32_t domain_start_index = 0, domain_index_shift = 0;
    bool has_domains = false;
    // What boot clears (docs/boot-memory.md): the kernel's boot objects for
    // the initializer, and what the spec's Retypes and ASID pools clear (set
    // by verify, with the untypeds' expected end states for the initializer).
    std::uint64_t boot_object_bytes = 0;
    std::uint64_t cleared_bytes = 0;
    std::vector<rampart_spec_untyped_check> untyped_checks;
};

} // namespace rampart::plan
