// libFuzzer target for the front ends: the first byte picks XML or JSON, the
// rest is the system text. Parsing, model building and diagnostic rendering
// must never crash, whatever the input.
#include "diag/diagnostics.hpp"
#include "parse/load.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0)
        return 0;
    const bool json = data[0] & 1;
    std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
    rampart::diag::SourceManager sources;
    rampart::diag::Diagnostics diags;
    auto system = rampart::parse::parse_system(json ? "fuzz.json" : "fuzz.system", std::move(text),
                                               sources, diags);
    (void)system;
    std::string out = rampart::diag::render(sources, diags);
    (void)out;
    return 0;
}
