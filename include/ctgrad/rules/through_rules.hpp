#pragma once
// Scalars that compute every function through the function's rule, `S::apply<Op>(operands...)`:
// the dual numbers of forward mode (forward/dual.hpp), and the scalars that read a rule's formula
// (symbolic/rule_formula.hpp) or print it (io/text_scalar.hpp). Deriving from through_rules<S>
// says so, and puts namespace ctgrad, where the functions are (core/functions.hpp), in S's
// argument-dependent lookup: a rule's `sin(a)` finds them for any such S, and a new function is
// spelled once for all of them.
#include <type_traits>

namespace ctgrad {

// Templated on S so that a dual of duals does not hold two bases of one type (which would cost it
// the empty base optimisation).
template <class S>
struct through_rules {};

namespace detail {
template <class S>
concept rule_scalar = std::is_base_of_v<through_rules<S>, S>;

// Another rule's value, as a rule's partial uses it (softplus' is the sigmoid): through that
// rule for these scalars, so that a recorded or printed partial shows the function.
template <class Op, class T>
constexpr T value_by_rule(const T& a) {
  if constexpr (rule_scalar<T>)
    return T::template apply<Op>(a);
  else
    return Op::value(a);
}
}  // namespace detail

}  // namespace ctgrad
