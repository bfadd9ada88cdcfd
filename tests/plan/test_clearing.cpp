// What boot clears: the composer plans every Retype's clearing with the
// kernel's rule (rampart/untyped_rule.hpp), reports it, and writes the end
// state of every untyped for the initializer to check (docs/boot-memory.md).
#include "support.hpp"

#include "plan/geometry.hpp"
#include "spec/spec_writer.hpp"
#include "verify/from_spec.hpp"
#include "verify/verify.hpp"

#include <rampart/image.h>

#include <catch2/catch.hpp>

#include <cstring>

using namespace rampart;

namespace {

// The bytes each object of `p` needs cleared, by the simplest reading of the
// rule: a RAM object that is not an untyped is cleared whole, once, with the
// padding before it; fresh memory is cleared up to the next 256 bytes.
std::uint64_t oracle_bytes(const plan::Plan& p) {
    std::uint64_t total = 0;
    std::vector<std::uint64_t> boot_mark(p.untypeds.size(), 0);
    std::vector<std::uint64_t> child_mark(p.objects.size(), 0);
    std::vector<std::uint64_t> boot_end(p.untypeds.size(), 0), child_end(p.objects.size(), 0);
    for (std::size_t i = 0; i < p.objects.size(); ++i) {
        const auto& o = p.objects[i];
        const bool from_object = o.flags & RAMPART_SPEC_OBJ_FROM_OBJECT;
        const std::uint64_t base =
            from_object ? p.objects[o.source].paddr : p.untypeds[o.source].paddr;
        const bool device = from_object ? false : p.untypeds[o.source].is_device != 0;
        std::uint64_t& mark = from_object ? child_mark[o.source] : boot_mark[o.source];
        std::uint64_t& end = from_object ? child_end[o.source] : boot_end[o.source];
        const std::uint64_t bytes = std::uint64_t{1} << plan::object_bits(o.type, o.size_bits);
        const std::uint64_t off = o.paddr - base;
        if (!device && o.type != RAMPART_OBJ_UNTYPED && off + bytes > mark) {
            const std::uint64_t from = std::max(mark, end);
            const std::uint64_t to = (off + bytes + 255) / 256 * 256;
            total += to - from;
            mark = to;
        }
        end = off + bytes;
        if (o.flags & RAMPART_SPEC_OBJ_ASID_POOL)
            total += 4096;
    }
    return total;
}

} // namespace

TEST_CASE("the plan says what boot clears, and the untyped end states") {
    for (const char* name : {"hello", "echo", "domains"}) {
        INFO(name);
        const auto sys = test::load_file(test::kSystems + "/" + name + ".system");
        const plan::Plan p = test::compose(sys).plan;
        CHECK(p.cleared_bytes == oracle_bytes(p));
        std::uint64_t sum = 0, used = 0;
        for (const auto& u : p.untyped_use) {
            sum += u.cleared;
            used += u.used;
        }
        CHECK(sum == p.cleared_bytes);
        // Proportional to what is used: never more than a clear unit per
        // Retype beyond it (and the 4 KiB of each ASID pool).
        CHECK(p.cleared_bytes >= used / 2);
        CHECK(p.cleared_bytes <= used + 256 * p.objects.size());
        CHECK(p.boot_object_bytes > 0);
        // One check per RAM untyped retyped from; boot untypeds end where
        // the report says they are used up to.
        REQUIRE_FALSE(p.untyped_checks.empty());
        for (const auto& c : p.untyped_checks) {
            CHECK(c.clear_mark % 256 == 0);
            if (!(c.flags & RAMPART_SPEC_OBJ_FROM_OBJECT)) {
                CHECK(c.watermark == p.untyped_use[c.untyped].used);
                CHECK(c.clear_mark >= c.watermark);
                CHECK(p.untypeds[c.untyped].is_device == 0);
            }
        }
    }
}

TEST_CASE("objects at a fixed RAM address: clearing resumes past the fillers") {
    const auto sys = test::load_text(
        "fixed.system",
        "<system><memory_region name=\"fixed\" size=\"0x2000\" phys_addr=\"0x40100000\" />"
        "<protection_domain name=\"a\"><program_image path=\"pd.elf\" />"
        "<map mr=\"fixed\" vaddr=\"0x2000000\" perms=\"rw\" /></protection_domain></system>");
    const plan::Plan p = test::compose(sys).plan;
    CHECK(p.cleared_bytes == oracle_bytes(p));
    bool filler = false;
    for (const auto& o : p.objects)
        filler |= (o.flags & RAMPART_SPEC_OBJ_FILLER) != 0;
    CHECK(filler);
    // The fillers below the region are not cleared: far less than they span.
    CHECK(p.cleared_bytes < 0x100000);
}

TEST_CASE("the spec carries the clearing plan, and a changed one does not pass") {
    const auto sys = test::load_file(test::kSystems + "/echo.system");
    auto c = test::compose(sys);
    rampart_spec_header h;
    std::memcpy(&h, c.spec.data(), sizeof h);
    c.spec.resize(h.total_size); // without the image's padding
    const auto v = spec::read_spec(c.spec);
    CHECK(v.header.cleared_bytes == c.plan.cleared_bytes);
    REQUIRE(v.untyped_checks.size() == c.plan.untyped_checks.size());
    CHECK(std::memcmp(v.untyped_checks.data(), c.plan.untyped_checks.data(),
                      v.untyped_checks.size() * sizeof v.untyped_checks[0]) == 0);
    CHECK_NOTHROW(verify::check_spec(c.spec));

    auto tampered = c.spec;
    auto* check = reinterpret_cast<rampart_spec_untyped_check*>(tampered.data() +
                                                                h.untyped_checks.offset);
    check->clear_mark += 256;
    h.checksum = rampart_checksum(tampered.data() + sizeof h, h.total_size - sizeof h);
    std::memcpy(tampered.data(), &h, sizeof h);
    CHECK_THROWS_WITH(verify::check_spec(tampered), Catch::Contains("what boot clears"));
}
