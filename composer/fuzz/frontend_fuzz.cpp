// libFuzzer target for the front end: the input is a system file, read as
// JSON when its first non-blank character is '{' and as XML otherwise (as
// `rampart check` reads a file without a .json name). Parsing, model building,
// validation and diagnostic rendering must never crash, whatever the input.
#include "board/board.hpp"
#include "diag/diagnostics.hpp"
#include "parse/load.hpp"
#include "validate/validate.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace {

const rampart::board::Board& board() {
    static const rampart::board::Board b =
        rampart::board::load_board(RAMPART_SOURCE_ROOT "/boards/qemu-virt-aarch64.json");
    return b;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    rampart::diag::SourceManager sources;
    rampart::diag::Diagnostics diags;
    auto system = rampart::parse::parse_system("fuzz", std::move(text), sources, diags);
    if (system && !diags.has_errors()) {
        rampart::validate::Options options{{RAMPART_SOURCE_ROOT "/tests/corpus/images"}};
        auto shared = std::make_shared<const rampart::model::System>(std::move(*system));
        (void)rampart::validate::validate(shared, board(), options, diags);
    }
    std::string out = rampart::diag::render(sources, diags);
    (void)out;
    return 0;
}
