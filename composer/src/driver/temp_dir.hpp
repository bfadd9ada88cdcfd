// A folder made with a unique name and removed, with what it holds, when the
// object goes: the scratch space of `rampart run` and `microkit`.
#pragma once

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>

namespace rampart::driver {

class TempDir {
  public:
    // In `parent`, named `prefix` followed by six random characters. When it
    // cannot be made, path() is empty and failure() says why.
    TempDir(const std::filesystem::path& parent, const std::string& prefix) {
        std::string pattern = (parent / (prefix + "XXXXXX")).string();
        if (::mkdtemp(pattern.data()) == nullptr)
            failure_ = "cannot make a temporary folder '" + pattern + "': " + std::strerror(errno);
        else
            path_ = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        if (!path_.empty())
            std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    const std::string& failure() const { return failure_; }

  private:
    std::filesystem::path path_;
    std::string failure_;
};

} // namespace rampart::driver
