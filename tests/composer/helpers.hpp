// Shared helpers of the front-end tests: run the front end (and validation)
// on text and get the rendered diagnostics.
#pragma once

#include "board/board.hpp"
#include "diag/diagnostics.hpp"
#include "parse/load.hpp"
#include "validate/validate.hpp"

#include <string>

namespace rampart::test {

inline const std::string kRoot = RAMPART_SOURCE_ROOT;

inline const board::Board& default_board() {
    static const board::Board b = board::load_board(kRoot + "/boards/qemu-virt-aarch64.json");
    return b;
}

struct Outcome {
    std::optional<model::System> system;            // the model, if the text was readable
    std::optional<validate::CheckedSystem> checked; // set when there were no errors
    std::string text;                               // rendered diagnostics
    std::size_t errors = 0;
    std::size_t warnings = 0;
};

// Parses (and, without front-end errors, validates) text named name; program
// images are looked up in tests/corpus/images.
inline Outcome run(const std::string& name, const std::string& text, bool do_validate = true,
                   const board::Board& board = default_board()) {
    diag::SourceManager sources;
    diag::Diagnostics diags;
    Outcome o;
    o.system = parse::parse_system(name, text, sources, diags);
    if (do_validate && o.system && !diags.has_errors()) {
        validate::Options opts{{kRoot + "/tests/corpus/images"}};
        o.checked = validate::validate(std::make_shared<const model::System>(*o.system), board,
                                       opts, diags);
    }
    o.text = diag::render(sources, diags);
    o.errors = diags.error_count();
    o.warnings = diags.warning_count();
    return o;
}

// A system of one PD around the given PD body and extra top-level elements.
inline std::string xml_system(const std::string& pd_attrs, const std::string& pd_body,
                              const std::string& extra = "") {
    return "<system>\n"
           "  <memory_region name=\"buf\" size=\"0x1000\" />\n" +
           extra + "  <protection_domain " + pd_attrs +
           ">\n"
           "    <program_image path=\"hello.elf\" />\n"
           "    <map mr=\"buf\" vaddr=\"0x400000\" />\n" +
           pd_body + "  </protection_domain>\n</system>\n";
}

} // namespace rampart::test
