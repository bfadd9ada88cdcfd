// The boot memory plan: exact coverage of free memory, natural alignment,
// canonical order, determinism and limits (checked page by page against a
// brute-force model on small address spaces).
#include <catch2/catch.hpp>

#include <rampart/boot_untypeds.hpp>

#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

using namespace rampart::boot;

namespace {

constexpr uint64_t page = RAMPART_PAGE_SIZE;

// QEMU virt: 1 GiB of RAM at 1 GiB, the kernel at +0x80000, the UART reserved.
constexpr Range virt_ram[] = {{0x4000'0000, 0x8000'0000}};
constexpr Range virt_devices[] = {
    {0x0800'0000, 0x0802'0000}, {0x0900'0000, 0x0900'2000}, {0x0a00'0000, 0x0a00'4000}};
constexpr Range virt_reserved[] = {{0x0900'0000, 0x0900'1000}, {0x4000'0000, 0x4008'0000}};
constexpr MemoryMap virt_map{virt_ram,      1, virt_devices, 3, {0x4008'0000, 0x4012'3456},
                             virt_reserved, 2};

constexpr Plan virt_plan() {
    uint8_t bits[max_boot_objects] = {};
    const uint32_t n = root_boot_objects(12, 3, bits);
    return plan_boot_memory(virt_map, bits, n);
}

// Usable at compile time, as the composer and the kernel use it.
static_assert(virt_plan().error == PlanError::None);
static_assert(virt_plan().untypeds[0].paddr == 0x4012'4000);

enum class Page : uint8_t { None, Ram, Device };

struct Model {
    std::vector<Page> pages;
    explicit Model(uint64_t n) : pages(n, Page::None) {}
};

uint64_t covered_bytes(const Plan& p) {
    uint64_t total = 0;
    for (uint32_t i = 0; i < p.untyped_count; ++i) {
        total += uint64_t{1} << p.untypeds[i].size_bits;
    }
    return total;
}

// Checks a plan against the page model of the same map.
void check_against_model(const MemoryMap& map, const Plan& plan, const uint8_t* bits, uint32_t n,
                         uint64_t pages) {
    std::vector<Page> expect(pages, Page::None);
    auto mark = [&](const Range& r, Page what, bool inward) {
        uint64_t b = inward ? (r.base + page - 1) / page : r.base / page;
        uint64_t e = inward ? r.end / page : (r.end + page - 1) / page;
        for (uint64_t p = b; p < e && p < pages; ++p) {
            expect[p] = what;
        }
    };
    std::vector<bool> is_ram(pages, false);
    for (uint32_t i = 0; i < map.device_count; ++i) {
        mark(map.devices[i], Page::Device, true);
    }
    for (uint32_t i = 0; i < map.ram_count; ++i) {
        const Range r = map.ram[i];
        for (uint64_t p = r.base / page; p < (r.end + page - 1) / page && p < pages; ++p) {
            if (expect[p] == Page::Device) {
                expect[p] = Page::None; // RAM is never device memory
            }
        }
        mark(r, Page::Ram, true);
    }
    for (uint32_t i = 0; i < map.reserved_count; ++i) {
        mark(map.reserved[i], Page::None, false);
    }
    mark(map.kernel, Page::None, false);
    REQUIRE(plan.error == PlanError::None);
    std::vector<uint64_t> boot_pages; // small objects may share a page
    for (uint32_t i = 0; i < n; ++i) {
        const uint64_t a = plan.boot_objects[i];
        REQUIRE(a % (uint64_t{1} << bits[i]) == 0);
        for (uint32_t j = 0; j < i; ++j) { // boot objects do not overlap
            const uint64_t b = plan.boot_objects[j];
            REQUIRE((a + (uint64_t{1} << bits[i]) <= b || b + (uint64_t{1} << bits[j]) <= a));
        }
        for (uint64_t p = a / page; p < (a + (uint64_t{1} << bits[i]) + page - 1) / page; ++p) {
            REQUIRE(expect[p] == Page::Ram);
            boot_pages.push_back(p);
        }
    }
    for (uint64_t p : boot_pages) {
        expect[p] = Page::None;
    }
    std::vector<int> seen(pages, 0);
    for (uint32_t i = 0; i < plan.untyped_count; ++i) {
        const Block& b = plan.untypeds[i];
        const uint64_t size = uint64_t{1} << b.size_bits;
        REQUIRE(b.paddr % size == 0);
        REQUIRE(b.size_bits >= RAMPART_MIN_UNTYPED_BITS);
        REQUIRE(b.size_bits <= RAMPART_MAX_UNTYPED_BITS);
        for (uint64_t p = b.paddr / page; p < (b.paddr + size) / page; ++p) {
            REQUIRE(p < pages);
            REQUIRE(expect[p] == (b.is_device ? Page::Device : Page::Ram));
            ++seen[p];
        }
        if (i > 0) { // canonical order: RAM by address, then devices by address
            const Block& prev = plan.untypeds[i - 1];
            REQUIRE((prev.is_device < b.is_device ||
                     (prev.is_device == b.is_device && prev.paddr < b.paddr)));
        }
    }
    if (plan.dropped_bytes == 0) {
        for (uint64_t p = 0; p < pages; ++p) {
            REQUIRE(seen[p] == (expect[p] == Page::None ? 0 : 1));
        }
    }
}

} // namespace

TEST_CASE("QEMU virt: free RAM and devices become untypeds", "[kernel][boot]") {
    constexpr Plan plan = virt_plan();
    uint8_t bits[max_boot_objects] = {};
    const uint32_t n = root_boot_objects(12, 3, bits);
    REQUIRE(n == 10);
    CHECK(plan.boot_object_count == n);
    CHECK(plan.dropped_bytes == 0);
    // The boot objects sit at the top of RAM, the root CNode (128 KiB) first.
    CHECK(plan.boot_region.end <= 0x8000'0000);
    CHECK(plan.boot_objects[static_cast<uint32_t>(BootObject::RootCNode)] == plan.boot_region.base);
    CHECK(plan.boot_objects[static_cast<uint32_t>(BootObject::RootCNode)] % (1u << 17) == 0);
    CHECK(plan.boot_objects[static_cast<uint32_t>(BootObject::Tcb)] % (1u << 11) == 0);
    uint64_t ram_bytes = 0;
    uint64_t device_bytes = 0;
    for (uint32_t i = 0; i < plan.untyped_count; ++i) {
        (plan.untypeds[i].is_device ? device_bytes : ram_bytes) += uint64_t{1}
                                                                   << plan.untypeds[i].size_bits;
    }
    const uint64_t kernel_bytes = 0x4012'4000 - 0x4008'0000;
    CHECK(ram_bytes ==
          (uint64_t{1} << 30) - 0x80000 - kernel_bytes -
              ((plan.boot_region.end + page - 1) / page * page - plan.boot_region.base));
    CHECK(device_bytes == 0x20000 + 0x1000 + 0x4000);
    CHECK(plan.untypeds[plan.untyped_count - 1].is_device);
    CHECK(plan.untypeds[plan.untyped_count - 1].paddr == 0x0a00'0000);
}

TEST_CASE("random small maps are covered exactly", "[kernel][boot]") {
    std::mt19937_64 rng(42);
    constexpr uint64_t pages = 4096; // 16 MiB
    for (int round = 0; round < 300; ++round) {
        auto range = [&](uint64_t max_pages) {
            const uint64_t b = rng() % (pages * page);
            const uint64_t len = rng() % (max_pages * page) + 1;
            return Range{b, std::min(b + len, pages * page)};
        };
        std::vector<Range> ram, dev, res;
        for (uint64_t i = 0, n = 1 + rng() % 4; i < n; ++i) {
            ram.push_back(range(1500));
        }
        for (uint64_t i = 0, n = rng() % 4; i < n; ++i) {
            dev.push_back(range(300));
        }
        for (uint64_t i = 0, n = rng() % 5; i < n; ++i) {
            res.push_back(range(100));
        }
        const MemoryMap map{ram.data(),
                            static_cast<uint32_t>(ram.size()),
                            dev.data(),
                            static_cast<uint32_t>(dev.size()),
                            range(64),
                            res.data(),
                            static_cast<uint32_t>(res.size())};
        const uint8_t bits[] = {14, 12, 11, 12, 8, 12};
        const uint32_t n = (round % 3 == 0) ? 0 : 6;
        const Plan plan = plan_boot_memory(map, bits, n);
        INFO("round " << round);
        if (plan.error == PlanError::NoRoomForBootObjects) {
            continue; // tiny random RAM: checked separately
        }
        check_against_model(map, plan, bits, n, pages);

        // Determinism: the same memory described in another order gives the same plan.
        std::reverse(ram.begin(), ram.end());
        std::reverse(dev.begin(), dev.end());
        std::reverse(res.begin(), res.end());
        const MemoryMap shuffled{ram.data(),
                                 static_cast<uint32_t>(ram.size()),
                                 dev.data(),
                                 static_cast<uint32_t>(dev.size()),
                                 map.kernel,
                                 res.data(),
                                 static_cast<uint32_t>(res.size())};
        const Plan again = plan_boot_memory(shuffled, bits, n);
        REQUIRE(again.untyped_count == plan.untyped_count);
        for (uint32_t i = 0; i < plan.untyped_count; ++i) {
            REQUIRE(again.untypeds[i].paddr == plan.untypeds[i].paddr);
            REQUIRE(again.untypeds[i].size_bits == plan.untypeds[i].size_bits);
            REQUIRE(again.untypeds[i].is_device == plan.untypeds[i].is_device);
        }
        for (uint32_t i = 0; i < n; ++i) {
            REQUIRE(again.boot_objects[i] == plan.boot_objects[i]);
        }
    }
}

TEST_CASE("the untyped list is bounded and RAM comes first", "[kernel][boot]") {
    // 60 ranges that each split into 16 blocks, and a device range at the end.
    std::vector<Range> ram;
    uint64_t ram_bytes = 0;
    for (uint64_t i = 0; i < 60; ++i) {
        const uint64_t base = 0x1000'0000 + i * 0x20'0000;
        ram.push_back({base + 0x1000, base + 0x10'0000 - 0x1000});
        ram_bytes += 0x10'0000 - 0x2000;
    }
    const Range dev[] = {{0x2000'0000, 0x2000'1000}};
    const MemoryMap map{ram.data(), 60, dev, 1, {0, 0}, nullptr, 0};
    const Plan plan = plan_boot_memory(map, nullptr, 0);
    REQUIRE(plan.error == PlanError::None);
    CHECK(plan.untyped_count == RAMPART_MAX_BOOT_UNTYPEDS);
    CHECK_FALSE(plan.untypeds[plan.untyped_count - 1].is_device);
    CHECK(plan.dropped_bytes > 0);
    CHECK(covered_bytes(plan) + plan.dropped_bytes == ram_bytes + 0x1000);
}

TEST_CASE("huge RAM is split at the maximum untyped size", "[kernel][boot]") {
    const Range ram[] = {{0, uint64_t{1} << 48}};
    const MemoryMap map{ram, 1, nullptr, 0, {0, 0x1000}, nullptr, 0};
    const Plan plan = plan_boot_memory(map, nullptr, 0);
    REQUIRE(plan.error == PlanError::None);
    uint64_t total = 0;
    for (uint32_t i = 0; i < plan.untyped_count; ++i) {
        CHECK(plan.untypeds[i].size_bits <= RAMPART_MAX_UNTYPED_BITS);
        total += uint64_t{1} << plan.untypeds[i].size_bits;
    }
    CHECK(total == (uint64_t{1} << 48) - 0x1000);
}

TEST_CASE("plan errors", "[kernel][boot]") {
    const Range bad[] = {{0x2000, 0x1000}};
    CHECK(plan_boot_memory({bad, 1, nullptr, 0, {}, nullptr, 0}, nullptr, 0).error ==
          PlanError::BadRange);
    const Range small[] = {{0x1000, 0x3000}};
    const uint8_t big[] = {14};
    CHECK(plan_boot_memory({small, 1, nullptr, 0, {}, nullptr, 0}, big, 1).error ==
          PlanError::NoRoomForBootObjects);
    const uint8_t tiny[] = {3};
    CHECK(plan_boot_memory({small, 1, nullptr, 0, {}, nullptr, 0}, tiny, 1).error ==
          PlanError::BadBootObject);
    uint8_t many[max_boot_objects + 1] = {};
    CHECK(plan_boot_memory({small, 1, nullptr, 0, {}, nullptr, 0}, many, max_boot_objects + 1)
              .error == PlanError::TooManyBootObjects);
    std::vector<Range> lots;
    for (uint64_t i = 0; i < max_ranges + 1; ++i) {
        lots.push_back({i * 0x2000, i * 0x2000 + 0x1000});
    }
    CHECK(plan_boot_memory(
              {lots.data(), static_cast<uint32_t>(lots.size()), nullptr, 0, {}, nullptr, 0},
              nullptr, 0)
              .error == PlanError::TooManyRanges);
}
