#pragma once
// Every operation on numbers, in one list, for code that treats them all alike: the consistency
// test runs each through every pass (tests/runtime/operation_consistency.cpp), so an operation
// added here is checked by reverse and forward mode, Hessians, symbolic derivatives and finite
// differences without a new test. The family pow_int<N> is here by a few exponents. Operations
// that only take arrays (sum, dot, matvec: rules/array.hpp) are not in it.
#include <concepts>
#include <cstddef>

#include "ctgrad/detail/type_list.hpp"
#include "ctgrad/rules/activation.hpp"
#include "ctgrad/rules/arithmetic.hpp"
#include "ctgrad/rules/branch.hpp"
#include "ctgrad/rules/elementary.hpp"
#include "ctgrad/rules/more_functions.hpp"
#include "ctgrad/rules/step.hpp"

namespace ctgrad::detail {

// What passes operand J of Op its part of a derivative: a local partial `partial<J>(y,
// operands...)`, or a `backward<J>(x, y, operands...)` that applies it to x
// (rules/contribution.hpp).
template <class Op, std::size_t J, class... A>
concept passes_operand = requires(double y, A... a) {
  { Op::template partial<J>(y, a...) } -> std::convertible_to<double>;
}
|| requires(double x, double y, A... a) {
  { Op::template backward<J>(x, y, a...) } -> std::convertible_to<double>;
};

// The rule of an operation on numbers: its printed symbol, its value, and how each operand gets
// its part of the derivative. The symbolic formula (symbolic/local_derivative.hpp) and the
// printed statements (io/operation_text.hpp) are checked where they are used.
template <class Op>
concept number_rule = requires {
  { Op::symbol } -> std::convertible_to<const char*>;
}
&&((requires(double a) { Op::value(a); } && passes_operand<Op, 0, double>) ||
   (requires(double a, double b) { Op::value(a, b); } && passes_operand<Op, 0, double, double> &&
    passes_operand<Op, 1, double, double>) ||
   (requires(double c, double a, double b) { Op::value(c, a, b); } &&
    passes_operand<Op, 0, double, double, double> &&
    passes_operand<Op, 1, double, double, double> &&
    passes_operand<Op, 2, double, double, double>));

// The operand count of a rule.
template <class Op>
constexpr std::size_t rule_arity() {
  if constexpr (requires(double a) { Op::value(a); })
    return 1;
  else if constexpr (requires(double a, double b) { Op::value(a, b); })
    return 2;
  else
    return 3;
}

using number_operations =
    list<ops::add, ops::sub, ops::mul, ops::div, ops::neg, ops::square, ops::pow_int<-2>,
         ops::pow_int<0>, ops::pow_int<1>, ops::pow_int<3>, ops::pow, ops::sqrt, ops::exp,
         ops::expm1, ops::log, ops::log1p, ops::sin, ops::cos, ops::tan, ops::tanh, ops::sinh,
         ops::cosh, ops::asinh, ops::acosh, ops::atanh, ops::atan, ops::asin, ops::acos, ops::atan2,
         ops::log2, ops::log10, ops::exp2, ops::cbrt, ops::hypot, ops::erf, ops::erfc, ops::sigmoid,
         ops::softplus, ops::relu, ops::abs, ops::min, ops::max, ops::step, ops::sign,
         ops::heaviside, ops::less, ops::less_equal, ops::greater, ops::greater_equal, ops::select>;

}  // namespace ctgrad::detail
