// Program images: found relative to the system file or on the search path,
// readable as ELF64 for the board's architecture, and below the stack.
#include "model/limits.hpp"
#include "validate/context.hpp"

#include <fstream>
#include <sstream>

namespace rampart::validate {
namespace {

constexpr std::uint16_t kEmAarch64 = 183;
constexpr std::uint16_t kEmRiscv = 243;

std::string searched(const Context& c) {
    std::string s = "'" + c.sys.directory + "'";
    for (const auto& p : c.options.search_paths)
        s += ", '" + p.string() + "'";
    return s;
}

std::optional<std::string> read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in)
        return std::nullopt;
    std::ostringstream buf;
    buf << in.rdbuf();
    return buf.str();
}

// Many PDs often run the same program: each file is read and parsed once.
using ElfCache = std::map<std::filesystem::path, std::variant<ElfImage, std::string>>;

const std::variant<ElfImage, std::string>& load_elf(ElfCache& cache,
                                                    const std::filesystem::path& file) {
    auto it = cache.find(file);
    if (it != cache.end())
        return it->second;
    auto bytes = read_file(file);
    std::variant<ElfImage, std::string> result =
        bytes ? read_elf64(*bytes) : std::variant<ElfImage, std::string>("cannot read the file");
    return cache.emplace(file, std::move(result)).first->second;
}

void check_image(Context& c, PdInfo& info, ElfCache& cache) {
    const auto& img = *info.pd->program_image;
    auto found = c.find_file(img.path.value);
    if (!found) {
        c.error(img.path.loc,
                "program image '" + img.path.value + "' not found (searched " + searched(c) + ")");
        return;
    }
    if (img.path_for_symbols.given()) {
        if (auto symbols = c.find_file(img.path_for_symbols.value))
            info.symbols = *symbols;
        else
            c.error(img.path_for_symbols.loc, "symbol file '" + img.path_for_symbols.value +
                                                  "' not found (searched " + searched(c) + ")");
    }
    const auto& elf = load_elf(cache, *found);
    if (const auto* why = std::get_if<std::string>(&elf)) {
        c.error(img.path.loc, "program image '" + img.path.value + "' is unusable: " + *why);
        return;
    }
    const ElfImage& e = std::get<ElfImage>(elf);
    const std::uint16_t want = c.board.arch == "riscv64" ? kEmRiscv : kEmAarch64;
    if (e.machine != want) {
        c.error(img.path.loc, "program image '" + img.path.value + "' is not built for " +
                                  c.board.arch + " (its ELF machine is " +
                                  std::to_string(e.machine) + ")");
        return;
    }
    info.image = *found;
    info.segments = e.segments;
    const std::uint64_t limit = stack_limit(*info.pd);
    for (const Segment& s : e.segments) {
        if (s.vaddr + s.memsz > limit) {
            c.error(img.path.loc, "program segment " + range(s.vaddr, s.memsz) + " of '" +
                                      img.path.value +
                                      "' reaches into the stack and its guard page " +
                                      range(limit, model::kStackTop - limit));
            break;
        }
    }
}

} // namespace

void check_images(Context& c) {
    ElfCache cache;
    for (PdInfo& info : c.out.pds)
        if (info.pd->program_image && info.pd->program_image->path.given())
            check_image(c, info, cache);
}

} // namespace rampart::validate
