// The spec's byte format: round trip, header checks, padding to its reserve.
#include "support.hpp"

#include <rampart/bootinfo.h>

#include "spec/spec_writer.hpp"
#include "verify/from_spec.hpp"

#include <catch2/catch.hpp>

using namespace rampart;

TEST_CASE("the spec reads back record for record") {
    const auto sys = test::load_file(test::kSystems + "/echo.system");
    const auto c = test::compose(sys);
    const auto bytes = spec::write_spec(c.plan);
    const auto v = spec::read_spec(bytes);
    CHECK(v.header.magic == RAMPART_SPEC_MAGIC);
    CHECK(v.objects.size() == c.plan.objects.size());
    CHECK(v.caps.size() == c.plan.caps.size());
    CHECK(v.mappings.size() == c.plan.mappings.size());
    CHECK(v.pds.size() == 3);
    CHECK(v.untypeds.size() == c.plan.untypeds.size());
    CHECK(v.string_at(v.pds[1].name) == "client");
    CHECK(v.string_at(v.objects[v.header.workspace].name) == "initializer.workspace");
    CHECK(v.pds[1].cspace_digest == c.plan.pds[1].cspace_digest);
    for (std::size_t i = 0; i < v.objects.size(); ++i)
        CHECK(v.objects[i].paddr == c.plan.objects[i].paddr);
    // The image carries the spec padded to its reserve, which with the extra
    // boot-info chunk's header fills whole granules; the header gives the real size.
    CHECK((c.spec.size() + sizeof(rampart_bootinfo_header)) % driver::kSpecGranule == 0);
    CHECK(std::equal(bytes.begin(), bytes.end(), c.spec.begin()));
}

TEST_CASE("a corrupted spec is refused") {
    const auto sys = test::load_file(test::kSystems + "/echo.system");
    auto bytes = spec::write_spec(test::compose(sys).plan);
    auto bad = bytes;
    bad[bad.size() / 2] ^= 1;
    CHECK_THROWS_WITH(spec::read_spec(bad), Catch::Contains("checksum"));
    bad = bytes;
    bad[0] ^= 1;
    CHECK_THROWS_WITH(spec::read_spec(bad), Catch::Contains("magic"));
    bad = bytes;
    bad.pop_back();
    CHECK_THROWS_WITH(spec::read_spec(bad), Catch::Contains("size"));
}

TEST_CASE("the spec's bytes pass the dry run, and a tampered spec does not") {
    const auto sys = test::load_file(test::kSystems + "/echo.system");
    const auto plan = test::compose(sys).plan;
    CHECK_NOTHROW(verify::check_spec(spec::write_spec(plan)));
    auto tampered = plan;
    tampered.caps[0].badge ^= 1; // the digest no longer matches
    tampered.caps[0].rights = 3;
    CHECK_THROWS_WITH(verify::check_spec(spec::write_spec(tampered)),
                      Catch::Contains("digests in the spec do not match"));
}
