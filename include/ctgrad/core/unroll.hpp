#pragma once
// unroll<K>(init, step): step applied K times, unrolled at compile time into one expression:
// K explicit Euler steps `y -> y + h * f(y)`, or a recurrence `h -> tanh(w * h + u)`.
// step is called as step(e) or, if it takes one, as step(e, index) with
// index = std::integral_constant<std::size_t, I> for the I-th step (0-based), so that a step can
// name its result per step: let<numbered<"y", I + 1>>(...) is "y1", "y2", ...
//
// Node sharing: a step that uses its input twice shares it only if the input is one node
// (docs/design.md, "Node identity"): an expression without run-time numbers is; one with
// numbers is one node only under a name. Numbers are stored once per use even then, so a step
// that uses a number-holding input twice doubles the expression object's numbers each step:
// give such numbers to variables (bound in at()) or write them as constants.
#include <cstddef>
#include <type_traits>
#include <utility>

#include "ctgrad/core/fixed_string.hpp"

namespace ctgrad {

namespace detail {
template <std::size_t N>
constexpr std::size_t digits() {
  std::size_t d = 1;
  for (std::size_t n = N; n >= 10; n /= 10) ++d;
  return d;
}
template <fixed_string Prefix, std::size_t N>
constexpr auto numbered_name() {
  constexpr std::size_t length = Prefix.size() + digits<N>();
  char text[length + 1]{};
  for (std::size_t i = 0; i < Prefix.size(); ++i) text[i] = Prefix.data[i];
  std::size_t n = N;
  for (std::size_t i = length; i-- > Prefix.size(); n /= 10)
    text[i] = static_cast<char>('0' + n % 10);
  return fixed_string<length + 1>(text);
}

template <std::size_t I, class E, class Step>
constexpr auto apply_step(const E& e, const Step& step) {
  if constexpr (std::is_invocable_v<const Step&, const E&, std::integral_constant<std::size_t, I>>)
    return step(e, std::integral_constant<std::size_t, I>{});
  else
    return step(e);
}
template <std::size_t I, std::size_t K, class E, class Step>
constexpr auto unroll_from(const E& e, const Step& step) {
  if constexpr (I == K)
    return e;
  else
    return unroll_from<I + 1, K>(apply_step<I>(e, step), step);
}
}  // namespace detail

// A name built from a prefix and a number at compile time: numbered<"y", 3> is "y3".
template <fixed_string Prefix, std::size_t N>
inline constexpr auto numbered = detail::numbered_name<Prefix, N>();

// step applied K times to init.
template <std::size_t K, class E, class Step>
constexpr auto unroll(const E& init, const Step& step) {
  return detail::unroll_from<0, K>(init, step);
}

}  // namespace ctgrad
