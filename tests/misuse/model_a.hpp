#pragma once
// One model of the misuse tests: a variable named "w", as another header may name one too.
#include <ctgrad/ctgrad.hpp>

namespace model_a {
constexpr auto w = ctgrad::var<"w">;
constexpr auto x = ctgrad::var<"x">;
constexpr auto loss = square(w * x - 1.0);
}  // namespace model_a
