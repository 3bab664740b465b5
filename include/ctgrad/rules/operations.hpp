#pragma once
// Every operation on numbers, in one list, for code that treats them all alike: the consistency
// test runs each through every pass (tests/runtime/operation_consistency.cpp), so an operation
// added here is checked by reverse and forward mode, Hessians, symbolic derivatives and finite
// differences without a new test. The family pow_int<N> is here by a few exponents. Operations
// that only take arrays (sum, dot, matvec: rules/array.hpp) are not in it.
#include "ctgrad/detail/type_list.hpp"
#include "ctgrad/rules/activation.hpp"
#include "ctgrad/rules/arithmetic.hpp"
#include "ctgrad/rules/branch.hpp"
#include "ctgrad/rules/elementary.hpp"
#include "ctgrad/rules/more_functions.hpp"
#include "ctgrad/rules/protocol.hpp"
#include "ctgrad/rules/step.hpp"

namespace ctgrad::detail {

using number_operations =
    list<ops::add, ops::sub, ops::mul, ops::div, ops::neg, ops::square, ops::pow_int<-2>,
         ops::pow_int<0>, ops::pow_int<1>, ops::pow_int<3>, ops::pow, ops::sqrt, ops::exp,
         ops::expm1, ops::log, ops::log1p, ops::sin, ops::cos, ops::tan, ops::tanh, ops::sinh,
         ops::cosh, ops::asinh, ops::acosh, ops::atanh, ops::atan, ops::asin, ops::acos, ops::atan2,
         ops::log2, ops::log10, ops::exp2, ops::cbrt, ops::hypot, ops::erf, ops::erfc, ops::sigmoid,
         ops::softplus, ops::relu, ops::abs, ops::min, ops::max, ops::step, ops::sign,
         ops::heaviside, ops::less, ops::less_equal, ops::greater, ops::greater_equal, ops::select>;

}  // namespace ctgrad::detail
