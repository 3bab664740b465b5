#pragma once
// What a rule is: the protocol every operation's rule follows, checked when a node is made
// (core/make.hpp), so that a rule missing a part is reported where it is used, in one message.
//
// A rule on numbers has a printed `symbol`, a `value(operands...)`, and for each operand J either
// a local partial `partial<J>(y, operands...)` or a `backward<J>(x, y, operands...)` that applies
// it to x (rules/contribution.hpp). Every pass reads these: the sweeps and forward mode compute
// with them, the symbolic derivative records the partials (symbolic/rule_formula.hpp), printed code
// prints them (io/operation_text.hpp). Three other kinds of operation have protocols of their own:
// those on arrays (a `result_shape`; rules/array.hpp), a loop (core/unroll.hpp) and a named
// intermediate (the identity under a name, core/expr.hpp).
#include <concepts>
#include <cstddef>

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

}  // namespace ctgrad::detail
