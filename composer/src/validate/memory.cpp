// Does the system fit in the board's RAM? A conservative estimate: the
// planner does the exact accounting, this catches what can never fit.
#include "model/limits.hpp"
#include "validate/context.hpp"

#include <algorithm>

namespace rampart::validate {
namespace {

// Kernel objects of one PD (TCB, scheduling context, CNode, endpoint,
// notification, reply, VSpace page tables) and its IPC buffer, rounded up.
constexpr std::uint64_t kPdOverhead = 64 * 1024;

std::uint64_t saturating_add(std::uint64_t a, std::uint64_t b) {
    return a + b < a ? UINT64_MAX : a + b;
}

bool in_ram(const board::Board& b, std::uint64_t base, std::uint64_t size) {
    for (const auto& m : b.memory)
        if (overlaps(base, size, m.base, m.size))
            return true;
    return false;
}

} // namespace

void check_memory(Context& c) {
    std::uint64_t ram = 0;
    for (const auto& m : c.board.memory)
        ram = saturating_add(ram, m.size);
    ram -= std::min(ram, c.board.kernel_region_size());

    std::uint64_t need = 0;
    for (std::size_t i = 0; i < c.sys.regions.size(); ++i) {
        const auto& r = c.sys.regions[i];
        const std::uint64_t size = c.out.regions[i].size;
        // Fixed regions outside RAM are device memory and cost no RAM.
        if (!r.phys_addr.given() || in_ram(c.board, r.phys_addr.value, size))
            need = saturating_add(need, size);
    }
    for (const PdInfo& info : c.out.pds) {
        need = saturating_add(need, kPdOverhead);
        need = saturating_add(need, std::min(info.pd->stack_size.value, model::kMaxStackSize));
        if (info.elf)
            for (const elf::Segment& s : info.elf->segments())
                need = saturating_add(need, saturating_add(s.mem_size, 2 * model::kPageSize));
    }
    if (need > ram)
        c.error(diag::Loc::whole(c.sys.file),
                "the system needs at least " + std::to_string(need / 1024) +
                    " KiB of RAM but board '" + c.board.name + "' has " +
                    std::to_string(ram / 1024) + " KiB available");
}

} // namespace rampart::validate
