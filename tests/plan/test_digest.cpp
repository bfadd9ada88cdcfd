// The canonical layout digest: its definition on a tiny plan, and stability.
#include "support.hpp"

#include "verify/digest.hpp"

#include <rampart/objects.h>
#include <rampart/rights.h>

#include <catch2/catch.hpp>

#include <cstring>

using namespace rampart;

namespace {

// The digest stream written out independently of verify::Fnv: a folded
// FNV-1a step per word.
std::uint64_t fnv(const std::vector<std::uint64_t>& words) {
    std::uint64_t h = 0xcbf29ce484222325ull;
    for (std::uint64_t w : words) {
        h = (h ^ w) * 0x100000001b3ull;
        h ^= h >> 32;
    }
    return h;
}

} // namespace

TEST_CASE(
    "digest streams: (slot, type, paddr, rights, badge) and (vaddr, paddr, bits, rights, attrs)") {
    plan::Plan p;
    auto obj = [&](unsigned type, unsigned bits, std::uint64_t paddr) {
        plan::Object o;
        o.type = static_cast<std::uint8_t>(type);
        o.size_bits = static_cast<std::uint8_t>(bits);
        o.paddr = paddr;
        p.objects.push_back(o);
        return static_cast<std::uint32_t>(p.objects.size() - 1);
    };
    const auto cnode = obj(RAMPART_OBJ_CNODE, 9, 0x40000000);
    const auto vspace = obj(RAMPART_OBJ_VSPACE, 0, 0x40004000);
    const auto ep = obj(RAMPART_OBJ_ENDPOINT, 0, 0x40005000);
    const auto f1 = obj(RAMPART_OBJ_FRAME_4K, 12, 0x40006000);
    const auto f2 = obj(RAMPART_OBJ_FRAME_4K, 12, 0x40007000);
    rampart_spec_pd pd{};
    pd.cnode = cnode;
    pd.vspace = vspace;
    p.pds.push_back(pd);
    plan::Cap c1;
    c1.cnode = cnode, c1.slot = 1, c1.object = ep, c1.rights = 0xf;
    plan::Cap c2 = c1;
    c2.slot = 74, c2.rights = 9, c2.badge = (1ull << 63) | 3;
    p.caps = {c1, c2};
    // Mappings out of vaddr order: the digest sorts them.
    p.mappings.push_back({0x3000, vspace, f2, RAMPART_SPEC_MAP_FRAME, 0, 3, 1, 0});
    p.mappings.push_back({0x1000, vspace, f1, RAMPART_SPEC_MAP_FRAME, 0, 5, 1, 0});
    const auto d = verify::digests(p);
    REQUIRE(d.size() == 1);
    CHECK(d[0].cspace == fnv({1, RAMPART_OBJ_ENDPOINT, 0x40005000, 0xf, 0, 74, RAMPART_OBJ_ENDPOINT,
                              0x40005000, 9, (1ull << 63) | 3}));
    CHECK(d[0].vspace == fnv({0x1000, 0x40006000, 12, 5, 1, 0x3000, 0x40007000, 12, 3, 1}));
}

// What a digest must do: tell the layout the composer planned from any other.
// A step is a bijection of the word for a given digest so far, and of the
// digest so far for a given word, so one wrong word always shows; with the fold,
// a one-bit difference in each of two neighbouring words never cancels either
// (without it, bit 63 of one word and bit 63 of the next did).
TEST_CASE("digest: one wrong word, or a wrong bit in each of two neighbouring words, always shows") {
    const std::vector<std::uint64_t> stream = {74, RAMPART_OBJ_ENDPOINT, 0x40005000, 9,
                                               (1ull << 63) | 3, 75};
    const auto digest = [](const std::vector<std::uint64_t>& words) {
        verify::Fnv f;
        for (std::uint64_t w : words)
            f.word(w);
        return f.value();
    };
    const std::uint64_t good = digest(stream);
    for (std::size_t i = 0; i < stream.size(); ++i)
        for (const std::uint64_t change : {1ull, 1ull << 63, ~0ull, 0x40000000ull}) {
            auto bad = stream;
            bad[i] ^= change;
            CHECK(digest(bad) != good);
        }
    unsigned cancelled = 0;
    for (std::size_t i = 0; i + 1 < stream.size(); ++i)
        for (unsigned k = 0; k < 64; ++k)
            for (unsigned j = 0; j < 64; ++j) {
                auto bad = stream;
                bad[i] ^= 1ull << k;
                bad[i + 1] ^= 1ull << j;
                cancelled += digest(bad) == good;
            }
    CHECK(cancelled == 0);
}

TEST_CASE("digests are stable across runs and differ between PDs") {
    const auto sys = test::load_file(test::kSystems + "/echo.system");
    const auto a = test::compose(sys);
    const auto b = test::compose(sys);
    REQUIRE(a.plan.pds.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK(a.plan.pds[i].cspace_digest == b.plan.pds[i].cspace_digest);
        CHECK(a.plan.pds[i].vspace_digest == b.plan.pds[i].vspace_digest);
        CHECK(a.plan.pds[i].cspace_digest != 0xcbf29ce484222325ull);
    }
    CHECK(a.plan.pds[0].cspace_digest != a.plan.pds[1].cspace_digest);
    CHECK(a.plan.pds[0].vspace_digest != a.plan.pds[1].vspace_digest);
}

TEST_CASE("digest: rights, badges and attributes as the kernel keeps them") {
    plan::Plan p;
    p.untypeds.push_back({0x40000000, 28, 0, {}}); // RAM
    p.untypeds.push_back({0x09000000, 12, 1, {}}); // device
    auto obj = [&](unsigned type, unsigned bits, std::uint64_t paddr, std::uint32_t source = 0) {
        plan::Object o;
        o.type = static_cast<std::uint8_t>(type);
        o.size_bits = static_cast<std::uint8_t>(bits);
        o.paddr = paddr;
        o.source = source;
        p.objects.push_back(o);
        return static_cast<std::uint32_t>(p.objects.size() - 1);
    };
    const auto cnode = obj(RAMPART_OBJ_CNODE, 9, 0x40000000);
    const auto vspace = obj(RAMPART_OBJ_VSPACE, 0, 0x40004000);
    const auto ntfn = obj(RAMPART_OBJ_NOTIFICATION, 0, 0x40005000);
    const auto reply = obj(RAMPART_OBJ_REPLY, 0, 0x40005040);
    const auto tcb = obj(RAMPART_OBJ_TCB, 0, 0x40005800);
    const auto other = obj(RAMPART_OBJ_CNODE, 2, 0x40006000);
    const auto f1 = obj(RAMPART_OBJ_FRAME_4K, 12, 0x40007000);
    const auto dev = obj(RAMPART_OBJ_FRAME_4K, 12, 0x09000000, 1);
    rampart_spec_pd pd{};
    pd.cnode = cnode;
    pd.vspace = vspace;
    p.pds.push_back(pd);
    auto cap = [&](std::uint32_t slot, std::uint32_t object, std::uint8_t rights,
                   std::uint64_t badge) {
        plan::Cap c;
        c.cnode = cnode, c.slot = slot, c.object = object, c.rights = rights, c.badge = badge;
        p.caps.push_back(c);
    };
    cap(1, ntfn, 0xf, 0);                             // notification: R W only
    cap(3, vspace, RAMPART_RIGHT_READ, 0);            // rights not kept: all
    cap(4, reply, 0xf, 0);                            // reply: G only
    cap(5, reply, RAMPART_RIGHT_WRITE, 0);            // without G: 0
    cap(6, other, 0, RAMPART_CNODE_CAPDATA(0xff, 3)); // guard cut to 3 bits
    cap(202, tcb, 0, 0);                              // rights not kept: all
    p.mappings.push_back({0x1000, vspace, f1, RAMPART_SPEC_MAP_FRAME, 0, RAMPART_SPEC_MAP_X, 1, 0});
    p.mappings.push_back({0x2000, vspace, dev, RAMPART_SPEC_MAP_FRAME, 0,
                          RAMPART_SPEC_MAP_R | RAMPART_SPEC_MAP_W, RAMPART_SPEC_ATTR_CACHED, 0});
    const auto d = verify::digests(p);
    REQUIRE(d.size() == 1);
    CHECK(d[0].cspace == fnv({1,
                              RAMPART_OBJ_NOTIFICATION,
                              0x40005000,
                              3,
                              0, //
                              3,
                              RAMPART_OBJ_VSPACE,
                              0x40004000,
                              0xf,
                              0, //
                              4,
                              RAMPART_OBJ_REPLY,
                              0x40005040,
                              RAMPART_RIGHT_GRANT,
                              0, //
                              5,
                              RAMPART_OBJ_REPLY,
                              0x40005040,
                              0,
                              0, //
                              6,
                              RAMPART_OBJ_CNODE,
                              0x40006000,
                              0xf,
                              RAMPART_CNODE_CAPDATA(7, 3),
                              202,
                              RAMPART_OBJ_TCB,
                              0x40005800,
                              0xf,
                              0}));
    // Execute-only reads as R X; device memory is never cached.
    CHECK(d[0].vspace == fnv({0x1000, 0x40007000, 12, RAMPART_SPEC_MAP_R | RAMPART_SPEC_MAP_X, 1,
                              0x2000, 0x09000000, 12, RAMPART_SPEC_MAP_R | RAMPART_SPEC_MAP_W, 0}));
}
