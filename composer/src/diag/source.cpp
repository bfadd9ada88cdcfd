// Line indexing for the in-memory source files.
#include "diag/source.hpp"

namespace rampart::diag {

FileId SourceManager::add(std::string name, std::string text) {
    File f{std::move(name), std::move(text), {0}};
    for (std::size_t i = 0; i < f.text.size(); ++i)
        if (f.text[i] == '\n')
            f.line_starts.push_back(i + 1);
    files_.push_back(std::move(f));
    return static_cast<FileId>(files_.size() - 1);
}

const std::string& SourceManager::name(FileId id) const {
    static const std::string none;
    return id < files_.size() ? files_[id].name : none;
}

const std::string& SourceManager::text(FileId id) const {
    static const std::string none;
    return id < files_.size() ? files_[id].text : none;
}

std::string_view SourceManager::line(FileId id, std::uint32_t line_no) const {
    if (id >= files_.size())
        return {};
    const File& f = files_[id];
    if (line_no == 0 || line_no > f.line_starts.size())
        return {};
    std::size_t begin = f.line_starts[line_no - 1];
    std::size_t end = line_no < f.line_starts.size() ? f.line_starts[line_no] : f.text.size();
    std::string_view s(f.text);
    s = s.substr(begin, end - begin);
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

} // namespace rampart::diag
