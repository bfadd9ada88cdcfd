// Test support: front end, generated systems, composition.
#include "support.hpp"

#include "diag/diagnostics.hpp"
#include "parse/load.hpp"

#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>

namespace rampart::test {

const board::Board& board() {
    static const board::Board b = board::load_board(kRoot + "/boards/qemu-virt-aarch64.json");
    return b;
}

namespace {

validate::CheckedSystem finish(std::optional<model::System> system, diag::SourceManager& sources,
                               diag::Diagnostics& diags) {
    std::optional<validate::CheckedSystem> checked;
    if (system && !diags.has_errors())
        checked = validate::validate(std::make_shared<const model::System>(std::move(*system)),
                                     board(), validate::Options{{kSystems}}, diags);
    if (!checked || diags.has_errors())
        throw std::runtime_error(diag::render(sources, diags));
    return std::move(*checked);
}

} // namespace

validate::CheckedSystem load_file(const std::string& path) {
    diag::SourceManager sources;
    diag::Diagnostics diags;
    auto system = parse::load_system(path, sources, diags);
    return finish(std::move(system), sources, diags);
}

validate::CheckedSystem load_text(const std::string& name, const std::string& text) {
    diag::SourceManager sources;
    diag::Diagnostics diags;
    auto system = parse::parse_system(name, text, sources, diags);
    return finish(std::move(system), sources, diags);
}

std::string generated_system(unsigned n) {
    std::ostringstream x;
    x << "<system>\n";
    for (unsigned g = 0; g * 10 < n; ++g)
        x << "  <memory_region name=\"shm" << g << "\" size=\"0x10000\" />\n";
    for (unsigned i = 0; i < n; ++i) {
        x << "  <protection_domain name=\"pd" << i << "\" priority=\"" << 250 - i % 250 << "\">\n"
          << "    <program_image path=\"pd.elf\" />\n"
          << "    <map mr=\"shm" << i / 10 << "\" vaddr=\"0x10000000\" perms=\"rw\" />\n";
        if (i == 0)
            x << "    <irq irq=\"33\" id=\"5\" />\n";
        x << "  </protection_domain>\n";
    }
    for (unsigned i = 0; i + 1 < n; ++i) {
        // pd(i+1) may call pd(i) when pd(i)'s priority is strictly higher.
        const bool call = i % 2 == 0 && (i % 250) != 249;
        x << "  <channel><end pd=\"pd" << i << "\" id=\"0\" /><end pd=\"pd" << i + 1
          << "\" id=\"1\"" << (call ? " pp=\"true\"" : "") << " /></channel>\n";
    }
    x << "</system>\n";
    return x.str();
}

driver::Composition compose(const validate::CheckedSystem& sys) {
    return driver::compose(sys, board(), {});
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace rampart::test
