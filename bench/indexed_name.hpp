#pragma once
// Compile-time variable names with an index, e.g. indexed_name<"w1_", 12>() == "w1_12", so that
// a template can generate the variables of H hidden units.
#include <cstddef>

#include <ctgrad/ctgrad.hpp>

namespace bench {

constexpr std::size_t decimal_digits(std::size_t n) {
  return n < 10 ? 1 : 1 + decimal_digits(n / 10);
}

template <ctgrad::fixed_string Prefix, std::size_t Index>
constexpr auto indexed_name() {
  constexpr std::size_t prefix = Prefix.size(), digits = decimal_digits(Index);
  char text[prefix + digits + 1]{};
  for (std::size_t i = 0; i < prefix; ++i) text[i] = Prefix.data[i];
  std::size_t n = Index;
  for (std::size_t i = 0; i < digits; ++i, n /= 10)
    text[prefix + digits - 1 - i] = char('0' + n % 10);
  return ctgrad::fixed_string<prefix + digits + 1>(text);
}

template <ctgrad::fixed_string Prefix, std::size_t Index>
inline constexpr auto indexed_var = ctgrad::var<indexed_name<Prefix, Index>()>;

static_assert(indexed_name<"w1_", 12>() == ctgrad::fixed_string("w1_12"));
static_assert(indexed_name<"b", 0>() == ctgrad::fixed_string("b0"));

}  // namespace bench
