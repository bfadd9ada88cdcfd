// The boot memory plan from the platform constants and the loader's handoff.
#include "boot/boot_memory.hpp"

#include <platform/platform.hpp>

namespace rampart::boot {
namespace {

constexpr uint32_t count_devices() {
    uint32_t n = 0;
    for (const auto& d : platform::user_devices)
        n += d.size ? 1 : 0;
    return n;
}

Plan plan; // large: kept out of the kernel stack

} // namespace

const Plan& plan_machine_memory(const rampart_boot_handoff& h, unsigned cnode_radix,
                                uint32_t page_tables) {
    Range ram[sizeof platform::ram / sizeof platform::ram[0]];
    uint32_t ram_count = 0;
    for (const auto& r : platform::ram)
        ram[ram_count++] = Range{r.base, r.base + r.size};
    Range devices[count_devices() ? count_devices() : 1];
    uint32_t device_count = 0;
    for (const auto& d : platform::user_devices)
        if (d.size)
            devices[device_count++] = Range{d.base, d.base + d.size};
    const Range reserved[1] = {Range{h.root_image.base, h.root_image.end}};
    MemoryMap map;
    map.ram = ram;
    map.ram_count = ram_count;
    map.devices = devices;
    map.device_count = device_count;
    map.kernel = Range{h.kernel.base, h.kernel.end};
    map.reserved = reserved;
    map.reserved_count = 1;

    uint8_t bits[max_boot_objects];
    const uint32_t n =
        page_tables + static_cast<uint32_t>(BootObject::FirstPageTable) <= max_boot_objects
            ? root_boot_objects(cnode_radix, page_tables, bits)
            : max_boot_objects + 1;
    plan = plan_boot_memory(map, bits, n);
    return plan;
}

} // namespace rampart::boot
