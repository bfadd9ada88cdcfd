// Fault decoding (rampart/faults.h; ESR fields from the Arm ARM, D17.2.37).
#include "fault_report.hpp"

#include "console.hpp"

#include <rampart/aarch64/user_context.h>
#include <rampart/faults.h>
#include <rampart/invoke.h>

namespace rampart::init {
namespace {

constexpr uint64_t kPage = RAMPART_PAGE_SIZE;

// The lowest address of the stack: the run of mappings ending at the top.
uint64_t stack_bottom(const SpecView& s, uint32_t pd) {
    const rampart_spec_tcb& t = s.tcbs[s.pds[pd].tcb];
    uint64_t bottom = t.stack_pointer;
    for (bool grew = true; grew;) {
        grew = false;
        for (const rampart_spec_mapping& m : s.mappings)
            if (m.pd == pd && rampart_spec_maps_frame(m.kind) && m.vaddr == bottom - kPage) {
                bottom -= kPage;
                grew = true;
            }
    }
    return bottom;
}

const rampart_spec_mapping* mapping_at(const SpecView& s, uint32_t pd, uint64_t vaddr) {
    for (const rampart_spec_mapping& m : s.mappings) {
        if (m.pd != pd || !rampart_spec_maps_frame(m.kind))
            continue;
        if (vaddr >= m.vaddr && vaddr - m.vaddr < frame_bytes(s.objects[m.object].type))
            return &m;
    }
    return nullptr;
}

// Why a VM fault at `addr` probably happened.
const char* vm_cause(const SpecView& s, uint32_t pd, uint64_t addr, bool fetch, uint64_t esr) {
    const uint64_t bottom = stack_bottom(s, pd);
    if (addr < bottom && addr >= bottom - kPage)
        return "stack overflow into the guard page";
    if (addr < kPage)
        return "null pointer dereference";
    const rampart_spec_mapping* m = mapping_at(s, pd, addr);
    if (!m)
        return "access to an unmapped address";
    if (fetch)
        return m->rights & RAMPART_SPEC_MAP_X ? "instruction fetch fault"
                                              : "execution of a non-executable mapping";
    const bool write = (esr >> 6) & 1; // ISS.WnR of a data abort
    if (write && !(m->rights & RAMPART_SPEC_MAP_W))
        return "write to a read-only mapping";
    if ((esr & 0x3f) == 0x21)
        return "unaligned access";
    return "access fault";
}

const char* exception_name(uint64_t ec) {
    switch (ec) {
    case 0x00:
        return "undefined instruction";
    case 0x0e:
        return "illegal execution state";
    case 0x18:
        return "trapped system register access";
    case 0x22:
        return "PC alignment fault";
    case 0x26:
        return "SP alignment fault";
    case 0x2c:
        return "floating-point exception";
    case 0x3c:
        return "breakpoint instruction (brk)";
    default:
        return "exception";
    }
}

void print_registers(const Cspace& cs, const SpecView& s, uint32_t pd) {
    uint64_t regs[RAMPART_UC_WORDS] = {};
    if (rampart_tcb_read_registers(cs.ws(s.tcbs[s.pds[pd].tcb].tcb), 0, RAMPART_UC_WORDS, regs) !=
        RAMPART_NO_ERROR)
        return;
    Line line;
    line << "  pc " << Hex{regs[RAMPART_UC_PC]} << "  sp " << Hex{regs[RAMPART_UC_SP]} << "  lr "
         << Hex{regs[RAMPART_UC_X30]} << "  spsr " << Hex{regs[RAMPART_UC_SPSR]};
    line.end();
    for (unsigned r = 0; r < 30; r += 6) {
        line << " ";
        for (unsigned k = r; k < r + 6 && k < 30; ++k)
            line << " x" << uint64_t{k} << (k < 10 ? "  " : " ") << Hex{regs[RAMPART_UC_XREG(k)]};
        line.end();
    }
}

} // namespace

void report_fault(const SpecView& s, const Cspace& cs, uint32_t pd, const FaultMessage& m) {
    const uint64_t* w = m.words;
    Line line;
    line << "monitor: PD '" << s.pd_name(pd) << "': ";
    switch (m.label) {
    case RAMPART_FAULT_VM:
        line << (w[2] ? "instruction fetch" : "data access") << " fault at " << Hex{w[1]} << ", pc "
             << Hex{w[0]} << ": " << vm_cause(s, pd, w[1], w[2] != 0, w[3]);
        break;
    case RAMPART_FAULT_CAP:
        line << "capability fault on cap " << Hex{w[1]} << (w[2] ? " (receive phase)" : "")
             << ", pc " << Hex{w[0]} << ": the PD has no valid capability there";
        break;
    case RAMPART_FAULT_UNKNOWN_SYSCALL:
        line << "unknown system call " << w[12] << ", pc " << Hex{w[8]};
        break;
    case RAMPART_FAULT_USER_EXCEPTION:
        line << exception_name(w[3]) << " (exception class " << Hex{w[3]} << ", syndrome "
             << Hex{w[4]} << "), pc " << Hex{w[0]};
        break;
    case RAMPART_FAULT_TIMEOUT:
        line << "budget exhausted (timeout fault), " << w[1] << " us consumed";
        break;
    default:
        line << "fault of unknown type " << m.label;
        break;
    }
    line.end();
    print_registers(cs, s, pd);
}

} // namespace rampart::init
