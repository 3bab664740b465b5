#ifndef CTGRAD_MATH_DOMAIN_ERROR_HPP_INCLUDED
#define CTGRAD_MATH_DOMAIN_ERROR_HPP_INCLUDED
// Diagnostics for misuse during constant evaluation.
//
// The constexpr math functions call one of these non-constexpr functions when, during constant
// evaluation, the argument is outside the domain (or the result does not fit a double). A call to
// a non-constexpr function is not a constant expression, so the build fails, and the compiler's
// message names the function, i.e. says what went wrong:
//   g++:     error: call to non-'constexpr' function 'void
//   ctgrad::math::domain_error::log_of_zero()' clang++: note: non-constexpr function 'log_of_zero'
//   cannot be used in a constant expression
// At run time the functions are never called: the math functions return the IEEE result instead.

namespace ctgrad::math::domain_error {

inline void log_of_a_negative_number() {}
inline void log_of_zero() {}
inline void sqrt_of_a_negative_number() {}
inline void pow_of_a_negative_base_to_a_non_integer_exponent() {}
inline void pow_of_zero_to_a_negative_exponent() {}
inline void exp_overflows_double() {}
inline void pow_overflows_double() {}
inline void trig_of_infinity() {}
inline void asin_outside_minus_one_to_one() {}
inline void acos_outside_minus_one_to_one() {}
inline void acosh_below_one() {}
inline void atanh_outside_minus_one_to_one() {}
inline void sinh_or_cosh_overflows_double() {}
inline void hypot_overflows_double() {}

}  // namespace ctgrad::math::domain_error

#endif  // CTGRAD_MATH_DOMAIN_ERROR_HPP_INCLUDED
