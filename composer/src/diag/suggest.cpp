// Edit distance with transpositions (optimal string alignment).
#include "diag/suggest.hpp"

#include <algorithm>

namespace rampart::diag {
namespace {

constexpr std::size_t kMinPrefix = 3;

} // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
    const std::size_t n = a.size(), m = b.size();
    std::vector<std::size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
    for (std::size_t j = 0; j <= m; ++j)
        prev[j] = j;
    for (std::size_t i = 1; i <= n; ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= m; ++j) {
            std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                cur[j] = std::min(cur[j], prev2[j - 2] + 1);
        }
        prev2.swap(prev);
        prev.swap(cur);
    }
    return prev[m];
}

std::optional<std::string> closest(std::string_view word,
                                   const std::vector<std::string>& candidates) {
    // Very long words are never typos of short names; skip the quadratic work.
    if (word.empty() || word.size() > 256)
        return std::nullopt;
    // A shortened name ("prio", "stack") means the name it begins, even when
    // the edit distance to it is large; the shortest such name wins.
    if (word.size() >= kMinPrefix) {
        std::optional<std::string> best;
        for (const std::string& c : candidates)
            if (c.size() > word.size() && c.starts_with(word) && (!best || c.size() < best->size()))
                best = c;
        if (best)
            return best;
    }
    const std::size_t limit = std::max<std::size_t>(1, (word.size() + 2) / 3);
    std::optional<std::string> best;
    std::size_t best_distance = limit + 1;
    for (const std::string& c : candidates) {
        if (c == word || c.size() > word.size() + limit || word.size() > c.size() + limit)
            continue;
        std::size_t d = edit_distance(word, c);
        if (d < best_distance) {
            best_distance = d;
            best = c;
        }
    }
    return best;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
    auto c = closest(word, candidates);
    return c ? "; did you mean '" + *c + "'?" : std::string();
}

} // namespace rampart::diag
