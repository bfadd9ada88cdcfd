// "Did you mean ...?": the known word a misspelt or shortened one means.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rampart::diag {

// Levenshtein distance (insert, delete, substitute; adjacent swaps count 1).
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate the word most likely means: the shortest candidate that the
// word (at least three characters) begins, else the closest one by edit
// distance if it is close enough to be a likely typo (at most a third of the
// word's length, rounded up). Ties go to the earliest candidate, so
// suggestions are deterministic.
std::optional<std::string> closest(std::string_view word,
                                   const std::vector<std::string>& candidates);

// "; did you mean 'x'?" or the empty string.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

} // namespace rampart::diag
