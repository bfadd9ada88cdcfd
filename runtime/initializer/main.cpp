// The initializer: the root task of a composed system. It checks and executes
// the spec the composer put in the image (docs/spec.md), attests every PD's
// layout, starts the PDs and becomes the monitor.
#include "builder.hpp"
#include "clock.hpp"
#include "console.hpp"
#include "monitor.hpp"
#include "spec_view.hpp"

#include <rampart/bootinfo.h>

using namespace rampart::init;

extern "C" int main(const rampart_bootinfo* bi) {
    uint64_t spec_size = 0;
    const void* spec_bytes =
        bi ? rampart_bootinfo_find(bi, RAMPART_BOOTINFO_HEADER_BOOT_DATA, &spec_size) : nullptr;
    if (!spec_bytes) {
        Line line;
        line << "initializer: error: no spec in the extra boot information";
        line.end();
        stop_boot();
    }
    const uint64_t started = now_us();
    const SpecView spec = check_spec(spec_bytes, spec_size);
    Builder b(spec, *bi);
    b.check_prediction();
    b.create_objects();
    b.check_clearing();
    b.fill_frames();
    b.assign_asids();
    b.map();
    b.set_up_irqs();
    b.place_caps();
    b.configure_scs();
    b.configure_threads();
    if (!b.attest()) {
        Line line;
        line << "initializer: error: attestation failed";
        line.end();
        stop_boot();
    }
    Line line;
    line << "initializer: " << uint64_t{spec.pds.count} << " protection domains, "
         << uint64_t{spec.objects.count} << " objects, " << uint64_t{spec.caps.count}
         << " caps, " << spec.header->cleared_bytes << " bytes cleared, built in "
         << now_us() - started << " us; starting";
    line.end();
    b.start();
    run_monitor(spec, b);
}
