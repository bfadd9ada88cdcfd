// A model value together with where it was written. A field that was not
// written keeps its default and an invalid location.
#pragma once

#include "diag/source.hpp"

namespace rampart::model {

using diag::Loc;

template <class T>
struct Field {
    T value{};
    Loc loc;

    bool given() const { return loc.valid(); }
};

} // namespace rampart::model
