// Program images: found relative to the system file or on the search path,
// readable as ELF64 for the board's architecture, and below the stack.
#include "model/limits.hpp"
#include "validate/context.hpp"


namespace rampart::validate {
namespace {

std::string searched(const Context& c) {
    std::string s = "'" + c.sys.directory + "'";
    for (const auto& p : c.options.search_paths)
        s += ", '" + p.string() + "'";
    return s;
}

// Many PDs often run the same program: each file is read and parsed once,
// and the checked system carries it to the planner.
using Elf = std::variant<std::shared_ptr<const elf::ElfFile>, std::string>;
using ElfCache = std::map<std::filesystem::path, Elf>;

const Elf& load_elf(ElfCache& cache, const std::filesystem::path& file) {
    auto it = cache.find(file);
    if (it != cache.end())
        return it->second;
    auto read = elf::ElfFile::read(file);
    Elf result;
    if (auto* f = std::get_if<elf::ElfFile>(&read))
        result = std::make_shared<const elf::ElfFile>(std::move(*f));
    else
        result = std::get<std::string>(read);
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
        if (auto symbols = c.find_file(img.path_for_symbols.value)) {
            const auto& read = load_elf(cache, *symbols);
            if (const auto* why = std::get_if<std::string>(&read))
                c.error(img.path_for_symbols.loc,
                        "symbol file '" + img.path_for_symbols.value + "' is unusable: " + *why);
            else
                info.symbols = std::get<std::shared_ptr<const elf::ElfFile>>(read);
        } else {
            c.error(img.path_for_symbols.loc, "symbol file '" + img.path_for_symbols.value +
                                                  "' not found (searched " + searched(c) + ")");
        }
    }
    const auto& elf = load_elf(cache, *found);
    const auto* e_ptr = std::get_if<std::shared_ptr<const elf::ElfFile>>(&elf);
    if (!e_ptr || (*e_ptr)->segments().empty()) {
        const std::string why = e_ptr ? "ELF file has no loadable segments" : std::get<std::string>(elf);
        c.error(img.path.loc, "program image '" + img.path.value + "' is unusable: " + why);
        return;
    }
    const auto& e = *e_ptr;
    const std::uint16_t want = c.board.arch == "riscv64" ? elf::kMachineRiscv : elf::kMachineAarch64;
    if (e->machine() != want) {
        c.error(img.path.loc, "program image '" + img.path.value + "' is not built for " +
                                  c.board.arch + " (its ELF machine is " +
                                  std::to_string(e->machine()) + ")");
        return;
    }
    info.image = *found;
    info.elf = e;
    const std::uint64_t limit = stack_limit(*info.pd);
    for (const elf::Segment& s : e->segments()) {
        if (s.vaddr + s.mem_size > limit) {
            c.error(img.path.loc, "program segment " + range(s.vaddr, s.mem_size) + " of '" +
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
