#pragma once
// Exact rational arithmetic on compile-time constants, for the simplifier's folding
// (symbolic/simplify.hpp): c<1, 2> + c<1, 3> is c<5, 6>, and an overflow says so instead of
// wrapping.
#include "ctgrad/core/nodes.hpp"

namespace ctgrad::detail {

// Exact rational arithmetic on constants; `ok` is false on overflow or division by zero.
struct rational {
  long long num = 0;
  long long den = 1;
  bool ok = true;
};
constexpr rational normalized(long long num, long long den, bool ok) {
  if (!ok || den == 0) return {0, 1, false};
  if (den < 0) {
    if (num == (-9223372036854775807LL - 1) || den == (-9223372036854775807LL - 1))
      return {0, 1, false};
    num = -num;
    den = -den;
  }
  const long long g = gcd(num, den);
  return {num / g, den / g, true};
}
constexpr rational combine_rational(char op, rational a, rational b) {
  long long n1 = 0, n2 = 0, d = 0;
  bool overflow = false;
  switch (op) {
    case '+':
    case '-':
      overflow |= __builtin_mul_overflow(a.num, b.den, &n1);
      overflow |= __builtin_mul_overflow(b.num, a.den, &n2);
      overflow |= __builtin_mul_overflow(a.den, b.den, &d);
      if (op == '+')
        overflow |= __builtin_add_overflow(n1, n2, &n1);
      else
        overflow |= __builtin_sub_overflow(n1, n2, &n1);
      return normalized(n1, d, !overflow);
    case '*':
      overflow |= __builtin_mul_overflow(a.num, b.num, &n1);
      overflow |= __builtin_mul_overflow(a.den, b.den, &d);
      return normalized(n1, d, !overflow);
    default:  // '/'
      overflow |= __builtin_mul_overflow(a.num, b.den, &n1);
      overflow |= __builtin_mul_overflow(a.den, b.num, &d);
      return normalized(n1, d, !overflow && b.num != 0);
  }
}
template <class K>
inline constexpr rational rational_of = {K::numerator, K::denominator, true};

}  // namespace ctgrad::detail
