#pragma once
// A third model that names an array of 3 numbers "w", the name model_a.hpp gives a number.
#include <ctgrad/ctgrad.hpp>

namespace model_c {
constexpr auto w = ctgrad::var<"w", 3>;
}  // namespace model_c
