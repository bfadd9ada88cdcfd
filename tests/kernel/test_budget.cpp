// The preemption budget: without a probe it stops when its units are gone;
// with one it goes on while no interrupt waits, checking once per period.
#include <catch2/catch.hpp>

#include "fixture.hpp"

using namespace rampart::kernel;
using namespace rampart::kernel::test;

namespace {

int probes = 0;
int irq_after = 0; // the probe reports an interrupt from this call on

bool probe() {
    return ++probes > irq_after;
}

} // namespace

TEST_CASE("a budget without a probe stops when its units are gone", "[kernel][budget]") {
    Budget b{3};
    CHECK(b.take());
    CHECK(b.take());
    CHECK(b.take());
    CHECK_FALSE(b.take());
    CHECK(b.units() == 0);
}

TEST_CASE("a budget with a probe renews itself while no interrupt waits", "[kernel][budget]") {
    probes = 0;
    irq_after = 2;
    Budget b{4, probe};
    int taken = 0;
    while (b.take())
        ++taken;
    // Two renewals, then the third check finds an interrupt waiting.
    CHECK(taken == 4 * 3);
    CHECK(probes == 3);
    CHECK(b.units() == 0);
}

TEST_CASE("long clearing goes on while no interrupt waits, and stops when one does",
          "[kernel][budget]") {
    Fixture f{23};
    probes = 0;
    irq_after = 1000000;
    Budget quiet{256, probe};
    REQUIRE(f.retype(ram_slot, RAMPART_OBJ_FRAME_2M, 0, 20, 2, quiet).is_ok()); // 4 MiB, one call
    CHECK(probes == (4 << 20) / 256 / 256 - 1);

    probes = 0;
    irq_after = 3; // an interrupt arrives after three periods
    Budget busy{256, probe};
    const Status st = f.retype(ram_slot, RAMPART_OBJ_FRAME_2M, 0, 22, 1, busy);
    REQUIRE(st.is_preempted());
    // The interrupt waited one period at most: four periods of 256 chunks done.
    CHECK(f.cap(ram_slot).untyped_clear_index() == (4u << 20) + 4 * 256 * 256);
    CHECK(invariant_violation().empty());
}
