#pragma once
// Another model, written apart from model_a.hpp: its variable "w" is the same variable as
// model_a::w, since a variable is its name.
#include <ctgrad/ctgrad.hpp>

namespace model_b {
constexpr auto w = ctgrad::var<"w">;
constexpr auto b = ctgrad::var<"b">;
constexpr auto output = w + b;
}  // namespace model_b
