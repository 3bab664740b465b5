#ifndef CTGRAD_MATH_MATH_HPP_INCLUDED
#define CTGRAD_MATH_MATH_HPP_INCLUDED
// All constexpr elementary functions. ctgrad::math::NAME evaluates ct::NAME during constant
// evaluation and std::NAME at run time; ct::NAME is the constexpr implementation itself (also
// callable at run time, e.g. to compare against the C library). See docs/math.md.

#include "cbrt.hpp"
#include "domain_error.hpp"
#include "erf.hpp"
#include "exp.hpp"
#include "hyperbolic.hpp"
#include "hypot.hpp"
#include "inverse_trig.hpp"
#include "log.hpp"
#include "log_base.hpp"
#include "pow.hpp"
#include "sqrt.hpp"
#include "tanh.hpp"
#include "trig.hpp"

#endif  // CTGRAD_MATH_MATH_HPP_INCLUDED
