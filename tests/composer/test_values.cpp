// Numbers, permissions and durations.
#include "parse/values.hpp"

#include <catch2/catch.hpp>

using namespace rampart::parse;

TEST_CASE("numbers: decimal, hex, separators", "[values]") {
    CHECK(parse_number("0").value == 0);
    CHECK(parse_number("4096").value == 4096);
    CHECK(parse_number("0x1000").value == 0x1000);
    CHECK(parse_number("0xABCdef").value == 0xabcdef);
    CHECK(parse_number("0x20_0000").value == 0x200000);
    CHECK(parse_number("1_000_000").value == 1000000);
    CHECK(parse_number("0xffff_ffff_ffff_ffff").value == UINT64_MAX);
    CHECK(parse_number("18446744073709551615").value == UINT64_MAX);
}

TEST_CASE("numbers are read as Microkit reads them", "[values][microkit]") {
    // Every '_' is dropped first, wherever it is; then one optional '+'.
    CHECK(parse_number("_1").value == 1);
    CHECK(parse_number("1__0_").value == 10);
    CHECK(parse_number("0x__1000").value == 0x1000);
    CHECK(parse_number("0_x10").value == 0x10);
    CHECK(parse_number("+7").value == 7);
    CHECK(parse_number("0x+10").value == 0x10);
    CHECK(parse_number("_").error == NumberError::Empty);
    CHECK(parse_number("+").error == NumberError::BadDigit);
    CHECK(parse_number("+0x10").error == NumberError::BadDigit);
    CHECK(parse_number("0X10").error == NumberError::BadDigit); // only a lower-case x
    CHECK(parse_number("++1").error == NumberError::BadDigit);
}

TEST_CASE("numbers: malformed", "[values]") {
    CHECK(parse_number("").error == NumberError::Empty);
    CHECK(parse_number("0x").error == NumberError::Empty);
    CHECK(parse_number("-1").error == NumberError::BadDigit);
    CHECK(parse_number("12a").error == NumberError::BadDigit);
    CHECK(parse_number(" 1").error == NumberError::BadDigit);
    CHECK(parse_number("1 ").error == NumberError::BadDigit);
    CHECK(parse_number("18446744073709551616").error == NumberError::Overflow);
    CHECK(parse_number("0x1_0000_0000_0000_0000").error == NumberError::Overflow);
}

TEST_CASE("permissions", "[values]") {
    using namespace rampart::model;
    CHECK(parse_perms("r") == kRead);
    CHECK(parse_perms("rw") == (kRead | kWrite));
    CHECK(parse_perms("xr") == (kRead | kExecute));
    CHECK(parse_perms("rwx") == (kRead | kWrite | kExecute));
    CHECK(parse_perms("w") == kWrite);             // parsed; validation rejects write-only
    CHECK(parse_perms("rrw") == (kRead | kWrite)); // repeats are harmless, as in Microkit
    CHECK_FALSE(parse_perms(""));
    CHECK_FALSE(parse_perms("RW"));
    CHECK_FALSE(parse_perms("rwz"));
}

TEST_CASE("durations", "[values]") {
    using rampart::model::DurationUnit;
    auto us = parse_duration("100 us");
    REQUIRE(us);
    CHECK(us->amount == 100);
    CHECK(us->unit == DurationUnit::Microseconds);
    auto ticks = parse_duration("0x10 ticks");
    REQUIRE(ticks);
    CHECK(ticks->amount == 16);
    CHECK(ticks->unit == DurationUnit::Ticks);
    CHECK_FALSE(parse_duration("100"));
    CHECK_FALSE(parse_duration("100 ms"));
    CHECK_FALSE(parse_duration("x us"));
    CHECK_FALSE(parse_duration("100  us")); // one space, as Microkit splits it
    CHECK_FALSE(parse_duration(" 100 us"));
}
