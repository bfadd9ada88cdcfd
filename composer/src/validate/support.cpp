// What the board cannot do: Microkit forms of other architectures (x86
// interrupts, I/O ports, IOMMU address spaces), regions filled from boot
// information, virtual machines and SMC forwarding, which Rampart's kernel
// does not provide. Each is refused where it is written, naming the board.
#include "validate/context.hpp"

namespace rampart::validate {

void check_support(Context& c) {
    const std::string on = " not supported on board '" + c.board.name + "'";
    for (const model::BoardFeature& f : c.sys.board_features)
        if (f.arch.empty() || f.arch != c.board.arch)
            c.error(f.loc, f.what + " are" + on +
                               (f.arch.empty() ? "" : " (they exist only on " + f.arch + ")"));
    for (const PdInfo& info : c.out.pds) {
        const auto& pd = *info.pd;
        if (pd.virtual_machine)
            c.error(pd.virtual_machine->loc,
                    "virtual machines are" + on + ": its kernel has no vCPU support");
        if (pd.smc.value)
            c.error(pd.smc.loc,
                    "SMC forwarding ('smc') is" + on + ": its kernel does not forward SMC calls");
    }
}

} // namespace rampart::validate
