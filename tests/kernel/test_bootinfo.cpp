// The boot-info ABI shared with the root task: the extra boot information's
// chunk walk (rampart_bootinfo_find) and the root task's layout with extra
// boot information after the boot-info page (root_layout.hpp).
#include <rampart/bootinfo.h>
#include <rampart/root_layout.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <vector>

namespace {

// A boot-info page followed by `extra` bytes of chunks, 16-byte aligned.
struct Pages {
    std::vector<uint64_t> words;
    explicit Pages(const std::vector<uint64_t>& extra) : words(RAMPART_PAGE_SIZE / 8 + extra.size()) {
        std::copy(extra.begin(), extra.end(), words.begin() + RAMPART_PAGE_SIZE / 8);
        bi()->extra_len = extra.size() * 8;
    }
    rampart_bootinfo* bi() { return reinterpret_cast<rampart_bootinfo*>(words.data()); }
};

} // namespace

TEST_CASE("bootinfo: no extra boot information finds nothing") {
    Pages p({});
    uint64_t size = 7;
    CHECK(rampart_bootinfo_find(p.bi(), RAMPART_BOOTINFO_HEADER_BOOT_DATA, &size) == nullptr);
    CHECK(size == 7);
}

TEST_CASE("bootinfo: chunks are found by id, after padding and other chunks") {
    // padding (16 + 8 bytes), an FDT chunk (16 + 16), boot data (16 + 24)
    Pages p({RAMPART_BOOTINFO_HEADER_PADDING, 24, 0, RAMPART_BOOTINFO_HEADER_FDT, 32, 1, 2,
             RAMPART_BOOTINFO_HEADER_BOOT_DATA, 40, 10, 11, 12});
    uint64_t size = 0;
    const auto* data = static_cast<const uint64_t*>(
        rampart_bootinfo_find(p.bi(), RAMPART_BOOTINFO_HEADER_BOOT_DATA, &size));
    REQUIRE(data != nullptr);
    CHECK(size == 24);
    CHECK(data[0] == 10);
    CHECK(data[2] == 12);
    const auto* fdt = static_cast<const uint64_t*>(
        rampart_bootinfo_find(p.bi(), RAMPART_BOOTINFO_HEADER_FDT, &size));
    REQUIRE(fdt != nullptr);
    CHECK(size == 16);
    CHECK(fdt[1] == 2);
    CHECK(rampart_bootinfo_find(p.bi(), 99, &size) == nullptr);
}

TEST_CASE("bootinfo: malformed chunks end the walk") {
    uint64_t size = 0;
    SECTION("a length shorter than its header") {
        Pages p({RAMPART_BOOTINFO_HEADER_FDT, 8, RAMPART_BOOTINFO_HEADER_BOOT_DATA, 16});
        CHECK(rampart_bootinfo_find(p.bi(), RAMPART_BOOTINFO_HEADER_BOOT_DATA, &size) == nullptr);
    }
    SECTION("a length past extra_len") {
        Pages p({RAMPART_BOOTINFO_HEADER_BOOT_DATA, 48, 1, 2});
        CHECK(rampart_bootinfo_find(p.bi(), RAMPART_BOOTINFO_HEADER_BOOT_DATA, &size) == nullptr);
    }
    SECTION("a length of ~0") {
        Pages p({RAMPART_BOOTINFO_HEADER_FDT, ~uint64_t{0}, RAMPART_BOOTINFO_HEADER_BOOT_DATA, 16});
        CHECK(rampart_bootinfo_find(p.bi(), RAMPART_BOOTINFO_HEADER_BOOT_DATA, &size) == nullptr);
    }
    SECTION("extra_len too short for a header") {
        Pages p({RAMPART_BOOTINFO_HEADER_BOOT_DATA, 16});
        p.bi()->extra_len = 8;
        CHECK(rampart_bootinfo_find(p.bi(), RAMPART_BOOTINFO_HEADER_BOOT_DATA, &size) == nullptr);
    }
}

TEST_CASE("root layout: IPC buffer, boot info and extra boot information follow the image") {
    using rampart::root_layout::compute;
    const rampart_user_segment segs[3] = {{0x400000, 0, 0x2000, 5},
                                          {0x403000, 0, 0x3000, 6},
                                          {0x408000, 0, 0x2000, 4}};
    const auto l = compute(segs, 3, 0x1800);
    CHECK(l.valid);
    CHECK(l.image_segments == 2);
    CHECK(l.ipc_buffer == 0x406000);
    CHECK(l.bootinfo == 0x407000);
    CHECK(l.extra == 0x408000);
    CHECK(l.page_tables == 3); // one each at levels 1, 2 and 3
    // Without extra boot information every segment is image.
    const auto plain = compute(segs, 2, 0);
    CHECK(plain.valid);
    CHECK(plain.image_segments == 2);
    CHECK(plain.bootinfo == 0x407000);
    // Extra pages anywhere else, or of another size, are refused.
    CHECK_FALSE(compute(segs, 3, 0x2800).valid);
    const rampart_user_segment far[3] = {segs[0], segs[1], {0x600000, 0, 0x2000, 4}};
    CHECK_FALSE(compute(far, 3, 0x1800).valid);
}
