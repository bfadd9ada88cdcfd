// The files of one build, written all or none: each goes to a temporary name
// in the output folder and all are renamed only once every one is written.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace rampart::driver {

class Outputs {
  public:
    explicit Outputs(std::filesystem::path dir) : dir_(std::move(dir)) {}
    ~Outputs(); // removes what was written and not committed
    Outputs(const Outputs&) = delete;
    Outputs& operator=(const Outputs&) = delete;

    void add(const std::string& name, std::vector<std::uint8_t> bytes);
    void add(const std::string& name, const std::string& text);
    // Writes every file, then renames them into place. On failure nothing of
    // this set is left and the result names the file and the reason.
    struct Failure {
        std::filesystem::path file;
        std::string reason;
    };
    std::optional<Failure> commit();

  private:
    std::filesystem::path dir_;
    std::vector<std::pair<std::string, std::vector<std::uint8_t>>> files_;
    std::vector<std::filesystem::path> written_; // temporary names not yet renamed
};

} // namespace rampart::driver
