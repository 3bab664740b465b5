#pragma once
// Partials that choose. A rule writes them once with these functions; the scalars that read rules
// have their own overloads (found by argument-dependent lookup, so a rule calls them unqualified
// after `using detail::...`), which record them as selects (symbolic/rule_formula.hpp) and print
// them as conditionals (io/text_scalar.hpp).
#include "ctgrad/config.hpp"

namespace ctgrad::ops::detail {

// A partial that is 0 where a guard is 0, and is not evaluated there: pow's slope in a is 0 at
// b = 0, where b a^(b-1) would be 0 * inf, and its slope in b is 0 where a^b = 0.
template <class T, class Partial>
CTGRAD_INLINE constexpr T unless_zero(const T& guard, Partial partial) {
  return guard == T(0) ? T(0) : partial();
}

// x where c is not 0, else y: select's value, partials and adjoints.
template <class T>
CTGRAD_INLINE constexpr T chosen(const T& c, const T& x, const T& y) {
  return c == T(0) ? y : x;
}

// x where relu's gate is open, else 0. !(a <= 0) is true for a > 0 and for NaN, so NaN passes
// through in one comparison; a closed gate gives 0 even for an infinite or NaN x.
template <class T>
CTGRAD_INLINE constexpr T gated(const T& a, const T& x) {
  return !(a <= T(0)) ? x : T(0);
}

}  // namespace ctgrad::ops::detail
