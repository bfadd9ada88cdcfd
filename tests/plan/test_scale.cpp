// Past Microkit's limits: 1000 PDs plan, verify and fit in the spec format.
#include "support.hpp"

#include "spec/spec_writer.hpp"

#include <catch2/catch.hpp>

using namespace rampart;

TEST_CASE("a system of 1000 PDs composes") {
    const auto sys = test::load_text("gen1000.system", test::generated_system(1000));
    const auto c = test::compose(sys);
    CHECK(c.plan.pds.size() == 1000);
    CHECK(c.plan.channels.size() == 999);
    // Beyond the boot ASID pool's free entries, new pools are made.
    std::size_t pools = 0;
    for (const auto& o : c.plan.objects)
        pools += (o.flags & RAMPART_SPEC_OBJ_ASID_POOL) != 0;
    CHECK(pools == 1);
    CHECK(c.plan.pds[999].asid_pool == 1);
    CHECK(spec::read_spec(spec::write_spec(c.plan)).pds.size() == 1000);
}
