// Line indexing for the in-memory source files.
#include "diag/source.hpp"

#include <algorithm>

namespace rampart::diag {

FileId SourceManager::add(std::string name, std::string text) {
    LineIndex lines(text);
    files_.push_back(File{std::move(name), std::move(text), std::move(lines)});
    return static_cast<FileId>(files_.size() - 1);
}

FileId SourceManager::named(const std::string& name) {
    for (std::size_t i = 0; i < files_.size(); ++i)
        if (files_[i].name == name && files_[i].text.empty())
            return static_cast<FileId>(i);
    return add(name, {});
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
    if (line_no == 0 || line_no > f.lines.lines())
        return {};
    auto [begin, end] = f.lines.line_range(line_no);
    std::string_view s = std::string_view(f.text).substr(begin, end - begin);
    while (!s.empty() && s.back() == '\r')
        s.remove_suffix(1);
    return s;
}

// A byte order mark is no part of the first line: columns count from after it.
LineIndex::LineIndex(std::string_view text)
    : size_(text.size()), starts_{text.substr(0, 3) == "\xEF\xBB\xBF" ? 3u : 0u} {
    for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n')
            starts_.push_back(i + 1);
}

std::pair<std::size_t, std::size_t> LineIndex::line_range(std::uint32_t line) const {
    if (line == 0 || line > starts_.size())
        return {0, 0};
    std::size_t begin = starts_[line - 1];
    std::size_t end = line < starts_.size() ? starts_[line] - 1 : size_;
    return {begin, end};
}

Loc LineIndex::loc(FileId file, std::size_t offset, std::size_t len) const {
    offset = std::min(offset, size_);
    auto after = std::upper_bound(starts_.begin(), starts_.end(), offset);
    const auto line = static_cast<std::uint32_t>(std::max<std::ptrdiff_t>(after - starts_.begin(), 1));
    offset = std::max(offset, starts_[line - 1]);
    const std::size_t line_end = line_range(line).second;
    len = std::min(len, line_end > offset ? line_end - offset : 0);
    return {file, line, static_cast<std::uint32_t>(offset - starts_[line - 1] + 1),
            static_cast<std::uint32_t>(len)};
}

} // namespace rampart::diag
