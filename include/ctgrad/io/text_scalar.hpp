#pragma once
// A scalar whose arithmetic writes C++ instead of computing: `text_scalar("{y}") *
// text_scalar("{a}")` is the text "{y} * {a}". A rule's contribution run on text scalars is the
// rule's own formula as printed code (io/operation_text.hpp), so printed code cannot drift from
// what the sweeps compute.
#include <string>
#include <utility>

#include "ctgrad/core/functions.hpp"
#include "ctgrad/io/join.hpp"
#include "ctgrad/io/printed.hpp"
#include "ctgrad/rules/through_rules.hpp"

namespace ctgrad::io_detail {

class text_scalar : public through_rules<text_scalar> {
 public:
  explicit text_scalar(std::string text, binding_power power = binding_power::atom)
      : p_{std::move(text), power} {}
  // A constant in a rule, T(1), T(0.5), T(detail::ln2): the shortest text that reads back as the
  // same double.
  text_scalar(double number) : p_(number_text(number)) {}  // NOLINT: rules write T(1)

  // A function (core/functions.hpp) applied to text: its call, spelled by its rule's symbol (an
  // integer power with its exponent, pow<3>).
  template <class Op, class... A>
  static text_scalar apply(const text_scalar& a, const A&... rest) {
    std::string call;
    if constexpr (requires { Op::exponent; })
      call = join(Op::symbol, "<", std::to_string(Op::exponent), ">(", a.text());
    else
      call = join(Op::symbol, "(", a.text());
    ((call = join(call, ", ", rest.text())), ...);
    return text_scalar(join(call, ")"));
  }

  // The partials that choose (rules/guard.hpp), as the conditionals they are.
  template <class Partial>
  friend text_scalar unless_zero(const text_scalar& guard, Partial partial) {
    return text_scalar(join("(", guard.text(), " == 0 ? 0 : ", partial().text(), ")"));
  }
  friend text_scalar chosen(const text_scalar& c, const text_scalar& x, const text_scalar& y) {
    return text_scalar(join("(", c.text(), " != 0 ? ", x.text(), " : ", y.text(), ")"));
  }
  friend text_scalar gated(const text_scalar& a, const text_scalar& x) {
    return text_scalar(join("(", a.text(), " > 0 ? ", x.text(), " : 0)"));
  }

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

}  // namespace ctgrad::io_detail
