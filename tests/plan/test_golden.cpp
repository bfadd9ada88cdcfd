// Golden reports of the systems in tests/plan/systems, and determinism.
// RAMPART_UPDATE_GOLDEN=1 rewrites the golden files.
#include "support.hpp"

#include "spec/spec_writer.hpp"
#include "report/report.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>

using namespace rampart;

namespace {

void golden(const std::string& file, const std::string& actual) {
    const std::string path = test::kGolden + "/" + file;
    if (std::getenv("RAMPART_UPDATE_GOLDEN")) {
        std::ofstream(path, std::ios::binary) << actual;
        return;
    }
    const std::string expected = test::read_file(path);
    INFO("golden file " << path << " (RAMPART_UPDATE_GOLDEN=1 rewrites it)");
    CHECK(expected == actual);
}

void check_system(const std::string& name) {
    const auto sys = test::load_file(test::kSystems + "/" + name + ".system");
    const auto c = test::compose(sys);
    golden(name + ".txt", report::text(c.plan));
    golden(name + ".json", report::json(c.plan));
    golden(name + ".dot", report::dot(c.plan));
    golden(name + ".cdl", report::capdl(c.plan));
}

} // namespace

TEST_CASE("golden report: hello") {
    check_system("hello");
}
TEST_CASE("golden report: echo") {
    check_system("echo");
}
TEST_CASE("golden report: domains") {
    check_system("domains");
}

TEST_CASE("the same system composes to byte-identical outputs") {
    const auto text = test::generated_system(40);
    const auto a = test::compose(test::load_text("gen.system", text));
    const auto b = test::compose(test::load_text("gen.system", text));
    CHECK(a.spec == b.spec);
    CHECK(report::text(a.plan) == report::text(b.plan));
    CHECK(report::json(a.plan) == report::json(b.plan));
    CHECK(report::dot(a.plan) == report::dot(b.plan));
    CHECK(report::capdl(a.plan) == report::capdl(b.plan));
}
