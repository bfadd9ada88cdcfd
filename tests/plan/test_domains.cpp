// The domain schedule the kernel gets: Microkit's cycle from start_index up
// to the end marker; the spec keeps the schedule as written.
#include "support.hpp"

#include <catch2/catch.hpp>

using namespace rampart;

namespace {

std::vector<rampart_domain_slot> slots(const std::string& schedule_attrs) {
    const auto sys = test::load_text(
        test::kSystems + "/cycle.system",
        "<system>\n"
        "  <protection_domain name=\"a\" domain=\"x\"><program_image path=\"pd.elf\" />"
        "</protection_domain>\n"
        "  <domains>\n    <domain name=\"x\" />\n    <domain name=\"y\" />\n"
        "    <domain_schedule " +
            schedule_attrs +
            ">\n"
            "      <schedule_entry domain=\"x\" duration=\"10 us\" />\n"
            "      <schedule_entry domain=\"y\" duration=\"20 us\" />\n"
            "      <schedule_end_marker />\n"
            "      <schedule_entry domain=\"y\" duration=\"30 us\" />\n"
            "    </domain_schedule>\n  </domains>\n</system>\n");
    const auto c = test::compose(sys);
    REQUIRE(c.plan.domain_schedule.size() == 4); // as written, the marker included
    CHECK(c.plan.domain_schedule[2].duration == 0);
    return driver::domain_slots(c.plan, test::board());
}

} // namespace

TEST_CASE("the kernel runs the entries from start_index up to the end marker") {
    auto from0 = slots("");
    REQUIRE(from0.size() == 2);
    CHECK(from0[0].domain == 0);
    CHECK(from0[0].duration_us == 10);
    CHECK(from0[1].domain == 1);
    CHECK(from0[1].duration_us == 20);

    auto from1 = slots("start_index=\"1\"");
    REQUIRE(from1.size() == 1);
    CHECK(from1[0].duration_us == 20);

    auto past_marker = slots("start_index=\"3\"");
    REQUIRE(past_marker.size() == 1);
    CHECK(past_marker[0].duration_us == 30);
}
