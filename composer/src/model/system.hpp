// The system model: what a system file says, in plain structs with source
// locations. Both front ends (XML and JSON) produce it; later stages take it
// as immutable input.
#pragma once

#include "diag/source.hpp"
#include "model/field.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rampart::model {

// Access rights of a mapping: a combination of r, w and x.
enum Perm : std::uint8_t { kRead = 1, kWrite = 2, kExecute = 4 };

struct Map {
    Loc loc;
    Field<std::string> mr;
    Field<std::uint64_t> vaddr;
    Field<std::uint8_t> perms{kRead | kWrite, {}};
    Field<bool> cached{true, {}};
    Field<std::string> setvar_vaddr;
    Field<std::string> setvar_size;
    Field<std::string> setvar_prefill_size; // the region's prefill file size in bytes
};

enum class Trigger { Level, Edge };

struct Irq {
    Loc loc;
    Field<std::uint64_t> irq;
    Field<std::uint64_t> id;
    Field<Trigger> trigger{Trigger::Level, {}};
    Field<std::string> setvar_id;
};

struct Setvar {
    Loc loc;
    Field<std::string> symbol;
    Field<std::string> region_paddr;
};

struct ProgramImage {
    Loc loc;
    Field<std::string> path;
    Field<std::string> path_for_symbols;
};

enum class CapKind { Tcb, Sc, Vspace };

// <cspace> entries: another PD's object cap placed in this PD's CSpace.
struct CspaceCap {
    Loc loc;
    CapKind kind = CapKind::Tcb;
    Field<std::uint64_t> slot;
    Field<std::string> pd;
};

struct Vcpu {
    Loc loc;
    Field<std::uint64_t> id;
    Field<std::uint64_t> cpu;
    Field<std::string> setvar_id;
};

struct VirtualMachine {
    Loc loc;
    Field<std::string> name;
    Field<std::uint64_t> priority;
    Field<std::uint64_t> budget{1000, {}};
    Field<std::uint64_t> period;
    std::vector<Vcpu> vcpus;
    std::vector<Map> maps;
};

// Rampart extension: what happens when the PD faults and it has no parent
// handling its faults.
enum class RestartPolicy { Stop, Restart };

struct ProtectionDomain {
    Loc loc;
    Field<std::string> name;
    Field<std::uint64_t> priority;
    Field<std::uint64_t> budget{1000, {}};
    Field<std::uint64_t> period; // not given: equal to the budget
    Field<bool> passive;
    Field<std::uint64_t> stack_size{0x2000, {}};
    Field<std::uint64_t> cpu;
    Field<bool> fpu{true, {}};
    Field<bool> smc;
    Field<std::string> domain;
    Field<std::uint64_t> id;      // child PDs only
    Field<std::string> setvar_id; // child PDs only: a symbol of the parent's program
    Field<RestartPolicy> restart{RestartPolicy::Stop, {}};
    Field<std::uint64_t> restart_limit; // not given: no limit
    std::optional<ProgramImage> program_image;
    std::vector<Map> maps;
    std::vector<Irq> irqs;
    std::vector<Setvar> setvars;
    std::vector<CspaceCap> cspace;
    std::optional<VirtualMachine> virtual_machine;
    std::vector<ProtectionDomain> children;

    std::uint64_t effective_period() const { return period.given() ? period.value : budget.value; }
};

struct MemoryRegion {
    Loc loc;
    Field<std::string> name;
    Field<std::uint64_t> size;      // not given: the prefill file's size, rounded up
    Field<std::uint64_t> page_size; // not given: chosen by validation (RegionInfo)
    Field<std::uint64_t> phys_addr;
    Field<std::string> prefill_path;
};

struct ChannelEnd {
    Loc loc;
    Field<std::string> pd;
    Field<std::uint64_t> id;
    Field<bool> pp;
    Field<bool> notify{true, {}};
    Field<std::string> setvar_id;
};

struct Channel {
    Loc loc;
    std::array<ChannelEnd, 2> ends;
};

struct Domain {
    Loc loc;
    Field<std::string> name;
    Field<std::uint64_t> id; // not given: its position in the list
};

enum class DurationUnit { Microseconds, Ticks };

struct Duration {
    std::uint64_t amount = 0;
    DurationUnit unit = DurationUnit::Microseconds;
};

// An entry of the schedule, or its <schedule_end_marker>: the kernel runs
// the entries from start_index up to the marker (or the end), then again
// from start_index (Microkit's semantics).
struct ScheduleEntry {
    Loc loc;
    Field<std::string> domain;
    Field<Duration> duration;
    bool end_marker = false;
};

struct DomainSchedule {
    Loc loc;
    Field<std::uint64_t> start_index; // an index into entries (the marker counts)
    Field<std::uint64_t> index_shift;
    std::vector<ScheduleEntry> entries; // in file order, the end marker among them
};

struct Domains {
    Loc loc;
    std::vector<Domain> domains;
    std::optional<DomainSchedule> schedule;
};

// A form of Microkit's language that exists only on some architectures (x86
// interrupts, I/O ports and IOMMU address spaces) or needs what no Rampart
// board has (regions filled from the kernel's boot information). Validation
// refuses it on a board that cannot have it.
struct BoardFeature {
    Loc loc;
    std::string what; // "x86 I/O APIC interrupts ('pin')"
    std::string arch; // the architecture that has it; empty: none of Rampart's
};

struct System {
    diag::FileId file = diag::kNoFile;
    Loc loc;                           // the root element
    std::string directory;             // folder of the system file: base of relative paths
    std::vector<ProtectionDomain> pds; // top-level PDs; children nest inside
    std::vector<MemoryRegion> regions;
    std::vector<Channel> channels;
    std::optional<Domains> domains;
    std::vector<BoardFeature> board_features;
};

} // namespace rampart::model
