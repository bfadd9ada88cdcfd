// Reading a whole file (read_file.hpp).
#include "diag/read_file.hpp"

#include <algorithm>
#include <cstdio>
#include <memory>

namespace rampart::diag {

std::optional<std::vector<std::uint8_t>> read_file(const std::filesystem::path& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        return std::nullopt;
    const std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"),
                                                            &std::fclose);
    if (!f)
        return std::nullopt;
    std::vector<std::uint8_t> bytes;
    std::size_t size = 0;
    for (;;) {
        bytes.resize(std::max<std::size_t>(2 * size, 64 * 1024));
        const std::size_t want = bytes.size() - size;
        const std::size_t got = std::fread(bytes.data() + size, 1, want, f.get());
        size += got;
        if (got < want)
            break;
    }
    if (std::ferror(f.get()))
        return std::nullopt;
    bytes.resize(size);
    return bytes;
}

} // namespace rampart::diag
