#pragma once
// A scalar whose arithmetic writes C++ instead of computing: `text_scalar("{y}") *
// text_scalar("{a}")` is the text "{y} * {a}". A rule's contribution run on text scalars is the
// rule's own formula as printed code (io/operation_text.hpp), so printed code cannot drift from
// what the sweeps compute.
#include <string>
#include <utility>

#include "ctgrad/io/join.hpp"
#include "ctgrad/io/printed.hpp"

namespace ctgrad::io_detail {

class text_scalar {
 public:
  explicit text_scalar(std::string text, binding_power power = binding_power::atom)
      : p_{std::move(text), power} {}
  // A constant in a rule, T(1), T(0.5), T(detail::ln2): the shortest text that reads back as the
  // same double.
  text_scalar(double number) : p_(number_text(number)) {}  // NOLINT: rules write T(1)

  const std::string& text() const { return p_.text; }
  binding_power power() const { return p_.power; }

 private:
  printed p_;
};

// A left operand binds at least as tightly as the operator, a right operand more tightly
// (a - (b - c) and a / (b * c) keep their parentheses; a - b - c needs none), and a negation on
// the right is bracketed for the reader: a * (-b).
inline text_scalar binary(const text_scalar& l, const char* op, const text_scalar& r,
                          binding_power power) {
  const bool wrap_right = r.power() <= power || r.power() == binding_power::negation;
  return text_scalar(join(parenthesized({l.text(), l.power()}, l.power() < power), op,
                          parenthesized({r.text(), r.power()}, wrap_right)),
                     power);
}
inline text_scalar operator+(const text_scalar& l, const text_scalar& r) {
  return binary(l, " + ", r, binding_power::sum);
}
inline text_scalar operator-(const text_scalar& l, const text_scalar& r) {
  return binary(l, " - ", r, binding_power::sum);
}
inline text_scalar operator*(const text_scalar& l, const text_scalar& r) {
  return binary(l, " * ", r, binding_power::product);
}
inline text_scalar operator/(const text_scalar& l, const text_scalar& r) {
  return binary(l, " / ", r, binding_power::product);
}
inline text_scalar operator-(const text_scalar& a) {
  return text_scalar(
      join("-", parenthesized({a.text(), a.power()}, a.power() < binding_power::negation)),
      binding_power::negation);
}

// The functions a rule may call, printed as calls.
#define CTGRAD_TEXT_FUNCTION(name)                      \
  inline text_scalar name(const text_scalar& a) {       \
    return text_scalar(join(#name "(", a.text(), ")")); \
  }
CTGRAD_TEXT_FUNCTION(sqrt)
CTGRAD_TEXT_FUNCTION(cbrt)
CTGRAD_TEXT_FUNCTION(exp)
CTGRAD_TEXT_FUNCTION(exp2)
CTGRAD_TEXT_FUNCTION(expm1)
CTGRAD_TEXT_FUNCTION(log)
CTGRAD_TEXT_FUNCTION(log1p)
CTGRAD_TEXT_FUNCTION(log2)
CTGRAD_TEXT_FUNCTION(log10)
CTGRAD_TEXT_FUNCTION(sin)
CTGRAD_TEXT_FUNCTION(cos)
CTGRAD_TEXT_FUNCTION(tan)
CTGRAD_TEXT_FUNCTION(asin)
CTGRAD_TEXT_FUNCTION(acos)
CTGRAD_TEXT_FUNCTION(atan)
CTGRAD_TEXT_FUNCTION(sinh)
CTGRAD_TEXT_FUNCTION(cosh)
CTGRAD_TEXT_FUNCTION(tanh)
CTGRAD_TEXT_FUNCTION(asinh)
CTGRAD_TEXT_FUNCTION(acosh)
CTGRAD_TEXT_FUNCTION(atanh)
CTGRAD_TEXT_FUNCTION(erf)
CTGRAD_TEXT_FUNCTION(erfc)
#undef CTGRAD_TEXT_FUNCTION
inline text_scalar hypot(const text_scalar& a, const text_scalar& b) {
  return text_scalar(join("hypot(", a.text(), ", ", b.text(), ")"));
}
inline text_scalar atan2(const text_scalar& a, const text_scalar& b) {
  return text_scalar(join("atan2(", a.text(), ", ", b.text(), ")"));
}

}  // namespace ctgrad::io_detail
