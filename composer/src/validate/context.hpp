// Shared state of the validation passes (internal to validate/).
#pragma once

#include "diag/hex.hpp"
#include "validate/validate.hpp"

#include <map>
#include <string>

namespace rampart::validate {

struct Context {
    const model::System& sys;
    const board::Board& board;
    const Options& options;
    diag::Diagnostics& diags;
    CheckedSystem& out;

    std::map<std::string, std::size_t> pd_by_name;     // first PD of each name
    std::map<std::string, std::size_t> region_by_name; // first region of each name
    std::vector<std::string> pd_names;                 // for suggestions, in file order
    std::vector<std::string> region_names;

    void error(diag::Loc l, std::string m) { diags.error(l, std::move(m)); }
    void note(diag::Loc l, std::string m) { diags.note(l, std::move(m)); }
    // The location of a field, or of its element when it was not written.
    template <class F>
    static diag::Loc at(const F& field, diag::Loc element) {
        return field.given() ? field.loc : element;
    }
    const PdInfo* pd(const std::string& name) const {
        auto it = pd_by_name.find(name);
        return it == pd_by_name.end() ? nullptr : &out.pds[it->second];
    }
    // Resolves a path relative to the system file's folder, then the search paths.
    std::optional<std::filesystem::path> find_file(const std::string& path) const;
};

using diag::hex;
// "[0x1000, 0x2000)"
std::string range(std::uint64_t base, std::uint64_t size);
// The lowest address of a PD's stack guard page: maps and segments end below it.
std::uint64_t stack_limit(const model::ProtectionDomain& pd);

// What a PD without a readable program image has.
inline const std::vector<elf::Segment> kNoSegments;
bool overlaps(std::uint64_t a, std::uint64_t a_size, std::uint64_t b, std::uint64_t b_size);

// The passes, in the order validate() runs them.
void check_names(Context& c);
void check_pds(Context& c);
void check_images(Context& c);
void check_regions(Context& c);
void check_maps(Context& c);
void check_channels(Context& c);
void check_symbols(Context& c);
void check_domains(Context& c);
void check_memory(Context& c);
void check_support(Context& c);

} // namespace rampart::validate
