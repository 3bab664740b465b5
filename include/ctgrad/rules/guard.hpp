#pragma once
// A partial that is 0 where a guard is 0, and is not evaluated there: pow's slope in a is 0 at
// b = 0, where b a^(b-1) would be 0 * inf, and its slope in b is 0 where a^b = 0. The rule writes
// it once; the scalars that read rules have their own overloads (found by argument-dependent
// lookup), which record it as select(guard, partial, 0) (symbolic/rule_formula.hpp) and print it
// as a conditional (io/text_scalar.hpp).
#include "ctgrad/config.hpp"

namespace ctgrad::ops::detail {

template <class T, class Partial>
CTGRAD_INLINE constexpr T unless_zero(const T& guard, Partial partial) {
  return guard == T(0) ? T(0) : partial();
}

}  // namespace ctgrad::ops::detail
