// A folder made with a unique name and removed, with what it holds, when the
// object goes: the scratch space of `rampart run` and `microkit`.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>

namespace rampart::driver {

class TempDir {
  public:
    // In `parent`, named `prefix` followed by six random characters.
    TempDir(const std::filesystem::path& parent, const std::string& prefix) {
        std::string pattern = (parent / (prefix + "XXXXXX")).string();
        if (::mkdtemp(pattern.data()) == nullptr)
            throw std::runtime_error("cannot make a temporary folder '" + pattern + "'");
        path_ = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
};

} // namespace rampart::driver
