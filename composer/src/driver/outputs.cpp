// Writing a build's files atomically as a set.
#include "driver/outputs.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>

namespace rampart::driver {

namespace fs = std::filesystem;

Outputs::~Outputs() {
    std::error_code ec;
    for (const fs::path& tmp : written_)
        fs::remove(tmp, ec);
}

void Outputs::add(const std::string& name, std::vector<std::uint8_t> bytes) {
    files_.emplace_back(name, std::move(bytes));
}

void Outputs::add(const std::string& name, const std::string& text) {
    add(name, std::vector<std::uint8_t>(text.begin(), text.end()));
}

std::optional<Outputs::Failure> Outputs::commit() {
    std::error_code ec;
    fs::create_directories(dir_, ec);
    if (ec)
        return Failure{dir_, "cannot create the folder: " + ec.message()};
    for (const auto& [name, bytes] : files_) {
        const fs::path tmp = dir_ / ("." + name + ".tmp");
        written_.push_back(tmp);
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(bytes.data()),
                  static_cast<std::streamsize>(bytes.size()));
        out.close();
        if (!out)
            return Failure{tmp, std::string("cannot write the file: ") + std::strerror(errno)};
    }
    for (std::size_t i = 0; i < files_.size(); ++i) {
        fs::rename(written_[i], dir_ / files_[i].first, ec);
        if (ec)
            return Failure{dir_ / files_[i].first, "cannot rename '" + written_[i].string() +
                                                       "' to it: " + ec.message()};
    }
    written_.clear();
    files_.clear();
    return std::nullopt;
}

} // namespace rampart::driver
