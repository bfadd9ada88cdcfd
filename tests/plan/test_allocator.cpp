// Object placement against a known untyped list: the kernel's retype rule.
#include "plan/allocator.hpp"
#include "plan/geometry.hpp"

#include <rampart/objects.h>

#include <catch2/catch.hpp>

#include <algorithm>

using namespace rampart::plan;

namespace {

rampart_untyped_desc ut(std::uint64_t paddr, unsigned bits, bool device = false) {
    rampart_untyped_desc d{};
    d.paddr = paddr;
    d.size_bits = static_cast<std::uint8_t>(bits);
    d.is_device = device;
    return d;
}

Request req(std::uint32_t id, unsigned type, unsigned size_bits = 0, std::uint32_t count = 1) {
    Request r;
    r.first_id = id;
    r.count = count;
    r.type = static_cast<std::uint8_t>(type);
    r.size_bits = static_cast<std::uint8_t>(size_bits);
    r.what = "test object";
    return r;
}

} // namespace

TEST_CASE("largest objects first, each naturally aligned at the watermark") {
    const auto a = allocate({ut(0x40000000, 20)},
                            {req(0, RAMPART_OBJ_ENDPOINT), req(1, RAMPART_OBJ_TCB),
                             req(2, RAMPART_OBJ_NOTIFICATION), req(3, RAMPART_OBJ_CNODE, 9)});
    REQUIRE(a.order.size() == 4);
    CHECK(a.order[0].id == 3); // CNode radix 9: 16 KiB
    CHECK(a.order[0].paddr == 0x40000000);
    CHECK(a.order[1].id == 1); // TCB 2 KiB
    CHECK(a.order[1].paddr == 0x40004000);
    CHECK(a.order[2].id == 2); // notification 64 B
    CHECK(a.order[2].paddr == 0x40004800);
    CHECK(a.order[3].id == 0); // endpoint 16 B
    CHECK(a.order[3].paddr == 0x40004840);
    CHECK(a.use[0].used == 0x4850);
    CHECK(a.use[0].objects == 4);
}

TEST_CASE("a run of objects is contiguous in one untyped") {
    const auto a =
        allocate({ut(0x40000000, 13), ut(0x50000000, 16)}, {req(0, RAMPART_OBJ_FRAME_4K, 12, 3)});
    REQUIRE(a.order.size() == 3);
    for (unsigned i = 0; i < 3; ++i) {
        CHECK(a.order[i].paddr == 0x50000000 + i * 0x1000);
        CHECK(a.order[i].source == 1);
    }
}

TEST_CASE("device untypeds give only fixed frames") {
    Request frame = req(0, RAMPART_OBJ_FRAME_4K, 12);
    frame.fixed = true;
    frame.paddr = 0x9000000;
    const auto a =
        allocate({ut(0x40000000, 16), ut(0x9000000, 12, true)}, {frame, req(1, RAMPART_OBJ_TCB)});
    REQUIRE(a.order.size() == 2);
    CHECK(a.order[0].paddr == 0x9000000);
    CHECK(a.order[0].source == 1);
    CHECK(a.order[1].paddr == 0x40000000);
    CHECK_THROWS_WITH(allocate({ut(0x9000000, 16, true)}, {req(0, RAMPART_OBJ_TCB)}),
                      Catch::Contains("out of memory"));
}

TEST_CASE("fillers move the watermark up to a fixed address and serve later objects") {
    Request frame = req(0, RAMPART_OBJ_FRAME_4K, 12);
    frame.fixed = true;
    frame.paddr = 0x40003000;
    const auto a = allocate({ut(0x40000000, 20)}, {frame, req(1, RAMPART_OBJ_TCB)});
    REQUIRE(a.order.size() == 4);
    CHECK(a.order[0].id == kNone); // 8 KiB filler
    CHECK(a.order[0].paddr == 0x40000000);
    CHECK(a.order[0].size_bits == 13);
    CHECK(a.order[1].id == kNone); // 4 KiB filler
    CHECK(a.order[1].paddr == 0x40002000);
    CHECK(a.order[1].size_bits == 12);
    CHECK(a.order[2].paddr == 0x40003000);
    // The TCB still fits in the boot untyped above the frame.
    CHECK(a.order[3].paddr == 0x40004000);
    CHECK_FALSE(a.order[3].from_object);
}

TEST_CASE("objects too large for the remaining memory are an error naming them") {
    CHECK_THROWS_WITH(allocate({ut(0x40000000, 12)}, {req(0, RAMPART_OBJ_FRAME_2M, 21)}),
                      Catch::Contains("test object") && Catch::Contains("largest free block"));
    CHECK_THROWS_WITH(allocate({ut(0x40000000, 12)},
                               [] {
                                   Request r;
                                   r.type = RAMPART_OBJ_FRAME_4K;
                                   r.size_bits = 12;
                                   r.fixed = true;
                                   r.paddr = 0x9000000;
                                   r.what = "region 'x'";
                                   return std::vector<Request>{r};
                               }()),
                      Catch::Contains("no untyped covers region 'x'"));
}

TEST_CASE("a first object is created first, in the smallest untyped that holds it") {
    Request ws = req(0, RAMPART_OBJ_CNODE, 8);
    ws.first = true;
    const auto a =
        allocate({ut(0x40000000, 22), ut(0x50000000, 14)}, {req(1, RAMPART_OBJ_FRAME_2M, 21), ws});
    REQUIRE(a.order.size() == 2);
    CHECK(a.order[0].id == 0);
    CHECK(a.order[0].paddr == 0x50000000);
    CHECK(a.order[1].paddr == 0x40000000); // the large untyped stays aligned
}

TEST_CASE("random request sets: every object aligned, inside its untyped, no overlaps") {
    std::uint64_t seed = 0x1234567;
    auto next = [&] {
        seed = seed * 6364136223846793005ull + 1442695040888963407ull;
        return seed >> 33;
    };
    const unsigned types[] = {RAMPART_OBJ_TCB,      RAMPART_OBJ_ENDPOINT, RAMPART_OBJ_NOTIFICATION,
                              RAMPART_OBJ_REPLY,    RAMPART_OBJ_FRAME_4K, RAMPART_OBJ_PAGE_TABLE,
                              RAMPART_OBJ_FRAME_2M, RAMPART_OBJ_CNODE};
    for (int round = 0; round < 50; ++round) {
        const std::vector<rampart_untyped_desc> uts = {ut(0x40000000, 28), ut(0x50000000, 22),
                                                       ut(0x50400000, 16)};
        std::vector<Request> reqs;
        std::uint32_t id = 0;
        for (int i = 0; i < 60; ++i) {
            const unsigned t = types[next() % 8];
            const unsigned bits = t == RAMPART_OBJ_CNODE      ? 4 + next() % 6
                                  : t == RAMPART_OBJ_FRAME_2M ? 21
                                  : t == RAMPART_OBJ_FRAME_4K ? 12
                                                              : 0;
            const auto count = static_cast<std::uint32_t>(1 + next() % 3);
            reqs.push_back(req(id, t, bits, count));
            id += count;
        }
        const auto a = allocate(uts, reqs);
        REQUIRE(a.order.size() == id);
        std::vector<std::pair<std::uint64_t, std::uint64_t>> spans;
        for (const auto& p : a.order) {
            const unsigned bits = object_bits(p.type, p.size_bits);
            CHECK(p.paddr % (1ull << bits) == 0);
            const auto& u = uts[p.source];
            CHECK(p.paddr >= u.paddr);
            CHECK(p.paddr + (1ull << bits) <= u.paddr + (1ull << u.size_bits));
            spans.emplace_back(p.paddr, p.paddr + (1ull << bits));
        }
        std::sort(spans.begin(), spans.end());
        for (std::size_t i = 1; i < spans.size(); ++i)
            CHECK(spans[i - 1].second <= spans[i].first);
    }
}
