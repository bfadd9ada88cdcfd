// Loads a board file into the board model, with precise errors.
#include "board.hpp"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace rampart::board {
namespace {

using nlohmann::json;

struct Reader {
    std::string file;

    [[noreturn]] void fail(const std::string& where, const std::string& what) const {
        throw BoardError(file, where + ": " + what);
    }

    const json& member(const json& obj, const std::string& where, const char* key) const {
        if (!obj.is_object())
            fail(where, "expected an object");
        auto it = obj.find(key);
        if (it == obj.end())
            fail(where, std::string("missing '") + key + "'");
        return *it;
    }

    std::string string(const json& obj, const std::string& where, const char* key) const {
        const json& v = member(obj, where, key);
        if (!v.is_string())
            fail(where + "." + key, "expected a string");
        return v.get<std::string>();
    }

    // Numbers are JSON integers or strings in decimal or 0x-hex.
    std::uint64_t number(const json& v, const std::string& where) const {
        if (v.is_number_unsigned())
            return v.get<std::uint64_t>();
        if (v.is_number_integer() && v.get<std::int64_t>() >= 0)
            return static_cast<std::uint64_t>(v.get<std::int64_t>());
        if (v.is_string()) {
            const std::string s = v.get<std::string>();
            const bool hex = s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
            const std::string digits = hex ? s.substr(2) : s;
            if (!digits.empty() && digits.size() <= (hex ? 16u : 19u) &&
                std::all_of(digits.begin(), digits.end(),
                            [&](char c) { return hex ? std::isxdigit(c) : std::isdigit(c); }))
                return std::stoull(digits, nullptr, hex ? 16 : 10);
        }
        fail(where, "expected a non-negative number (decimal or 0x-hex)");
    }

    std::uint64_t number(const json& obj, const std::string& where, const char* key) const {
        return number(member(obj, where, key), where + "." + key);
    }
};

} // namespace

const Device& Board::device(const std::string& device_name) const {
    for (const Device& d : devices)
        if (d.name == device_name)
            return d;
    throw BoardError({}, "board " + name + ": no device named '" + device_name + "'");
}

std::uint64_t Board::kernel_paddr() const {
    const auto top = std::max_element(memory.begin(), memory.end(),
                                      [](auto& a, auto& b) { return a.end() < b.end(); });
    return top->end() - kernel_region_size();
}

Board load_board(const std::filesystem::path& file) {
    Reader r{file.string()};
    std::ifstream in(file);
    if (!in)
        throw BoardError(file.string(), "cannot open board file");
    json j;
    try {
        j = json::parse(in);
    } catch (const json::parse_error& e) {
        throw BoardError(file.string(), std::string("not valid JSON: ") + e.what());
    }
    Board b;
    b.name = r.string(j, "board", "name");
    b.description = j.value("description", "");
    b.arch = r.string(j, "board", "arch");
    if (b.arch != "aarch64" && b.arch != "riscv64")
        r.fail("board.arch", "unknown architecture '" + b.arch + "'");

    const json& cpu = r.member(j, "board", "cpu");
    b.default_cpu = r.string(cpu, "cpu", "default");
    for (const json& c : r.member(cpu, "cpu", "supported"))
        b.cpus.push_back(c.get<std::string>());
    b.cores = static_cast<unsigned>(r.number(cpu, "cpu", "cores"));
    if (b.cores == 0)
        r.fail("cpu.cores", "a board has at least one core");

    for (const json& m : r.member(j, "board", "memory")) {
        MemoryRange range{r.string(m, "memory", "name"), r.number(m, "memory", "base"),
                          r.number(m, "memory", "size")};
        if (range.base % 0x200000 || range.size % 0x200000 || range.size == 0)
            r.fail("memory." + range.name, "base and size must be non-zero multiples of 2 MiB");
        b.memory.push_back(range);
    }
    if (b.memory.empty())
        r.fail("board.memory", "at least one RAM range is needed");

    for (const json& d : r.member(j, "board", "devices")) {
        Device dev;
        dev.name = r.string(d, "devices", "name");
        dev.compatible = d.value("compatible", "");
        dev.base = r.number(d, "devices." + dev.name, "base");
        dev.size = r.number(d, "devices." + dev.name, "size");
        if (dev.base % 0x1000 || dev.size % 0x1000 || dev.size == 0)
            r.fail("devices." + dev.name, "base and size must be non-zero multiples of 4 KiB");
        if (d.contains("irq"))
            dev.irq =
                static_cast<std::uint32_t>(r.number(d["irq"], "devices." + dev.name + ".irq"));
        dev.kernel = d.value("kernel", false);
        b.devices.push_back(dev);
    }

    b.console = r.string(j, "board", "console");
    (void)b.device(b.console);

    const json& gic = r.member(j, "board", "interrupt_controller");
    b.gic.version = static_cast<unsigned>(r.number(gic, "interrupt_controller", "version"));
    b.gic.distributor = r.number(gic, "interrupt_controller", "distributor");
    b.gic.max_irq = static_cast<std::uint32_t>(r.number(gic, "interrupt_controller", "max_irq"));
    if (b.gic.version == 2)
        b.gic.cpu_interface = r.number(gic, "interrupt_controller", "cpu_interface");
    else if (b.gic.version == 3)
        b.gic.redistributor = r.number(gic, "interrupt_controller", "redistributor");
    else
        r.fail("interrupt_controller.version", "GIC version must be 2 or 3");

    const json& t = r.member(j, "board", "timer");
    b.timer.frequency_hz = r.number(t, "timer", "frequency_hz");
    b.timer.irq_el1_physical = static_cast<std::uint32_t>(r.number(t, "timer", "irq_el1_physical"));
    b.timer.irq_el1_virtual = static_cast<std::uint32_t>(r.number(t, "timer", "irq_el1_virtual"));
    b.timer.irq_el2_physical = static_cast<std::uint32_t>(r.number(t, "timer", "irq_el2_physical"));

    b.exit = r.string(j, "board", "exit");
    if (b.exit != "semihosting" && b.exit != "psci")
        r.fail("board.exit", "must be \"semihosting\" or \"psci\"");

    const json& q = r.member(j, "board", "qemu");
    b.qemu.binary = r.string(q, "qemu", "binary");
    b.qemu.machine = r.string(q, "qemu", "machine");
    b.qemu.memory = r.string(q, "qemu", "memory");
    for (const json& a : r.member(q, "qemu", "args"))
        b.qemu.args.push_back(a.get<std::string>());
    return b;
}

std::optional<std::filesystem::path> find_board(const std::string& name,
                                                const std::vector<std::filesystem::path>& roots) {
    for (const auto& root : roots) {
        auto p = root / "boards" / (name + ".json");
        if (std::filesystem::exists(p))
            return p;
    }
    return std::nullopt;
}

} // namespace rampart::board
