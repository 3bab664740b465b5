#pragma once
// Symbolic derivatives: derivative(f, x) is a new expression, df/dx, built by the chain rule
// from the local derivatives of symbolic/local_derivative.hpp and simplified as it is built.
// It is an expression like any other: it can be evaluated, fed to gradient, printed, and
// differentiated again (derivative(f, x, x) is d2f/dx2).
//
// Taken with respect to a named intermediate h (let<"h">), it is the partial derivative that
// holds h's definition fixed: the symbolic twin of the adjoint g[h].
#include <cstddef>
#include <type_traits>
#include <utility>

#include "ctgrad/core/unroll.hpp"
#include "ctgrad/graph/graph.hpp"
#include "ctgrad/reverse/targets.hpp"
#include "ctgrad/symbolic/local_derivative.hpp"
#include "ctgrad/symbolic/term.hpp"

namespace ctgrad {

namespace error {
template <class Argument>
struct a_derivative_is_taken_with_respect_to_a_variable_or_named_intermediate {
  static constexpr bool value = false;
};
}  // namespace error

namespace detail {

// Whether a structure contains the target (a variable, or a named intermediate's identity).
// One constant per structure and target, each made from its operands' ones.
template <class Target, class S>
struct contains : std::bool_constant<(__is_same(S, Target))> {};
template <class Target, class Op, class... A>
struct contains<Target, expr<Op, A...>>
    : std::bool_constant<((false || ... || contains<Target, A>::value))> {};
template <class Target, std::size_t K, class R, class A>
struct contains<Target, expr<ops::loop<K, R>, A>>
    : std::bool_constant<(contains<Target, A>::value || contains<Target, R>::value)> {};
template <class Target, fixed_string Name, class A>
struct contains<Target, expr<named<Name>, A>>
    : std::bool_constant<(__is_same(typename node_traits<expr<named<Name>, A>>::entry_id, Target) ||
                          contains<Target, A>::value)> {};

// The derivative of the input's subexpression T (a term) with respect to Target, as a term.
template <class Target, class T>
struct derivative_t;
template <class Target, class T>
using derivative_term = typename derivative_t<Target, T>::type;

// The term of operand J in the chain rule: (d node / d operand J) * (d operand J / d target).
// `Self` stands for the node's value in the local derivative (exp' = exp itself): the node, or
// the named intermediate that names it, so that a derivative refers to a name where it can.
template <class Target, std::size_t J, class Self, class E,
          bool = contains<Target, list_at<J, typename E::structure::operands>>::value>
struct chain_term_t {
  using type = zero_term;
};
template <class Target, std::size_t J, class Self, class E>
struct chain_term_t<Target, J, Self, E, true> {
  template <std::size_t... I>
  static auto places(std::index_sequence<I...>) -> list<Self, operand_term<I, E>...>;
  using places_type = decltype(places(std::make_index_sequence<E::structure::operands::size>{}));
  using local =
      filled<typename local_formulas<typename E::structure::op>::template formula<J>, places_type>;
  using type = product_of<local, derivative_term<Target, operand_term<J, E>>>;
};

// t0 + t1 + ..., left to right; zero terms drop out in the sum's rules.
template <class Sum, class... T>
struct sum_left {
  using type = Sum;
};
template <class Sum, class T0, class... T>
struct sum_left<Sum, T0, T...> : sum_left<sum_of<Sum, T0>, T...> {};

template <class Target, class Self, class E,
          class J = std::make_index_sequence<E::structure::operands::size>,
          bool = __is_same(typename E::structure::op, ops::select)>
struct chain_rule_t;
template <class Target, class Self, class E, std::size_t J0, std::size_t... J>
struct chain_rule_t<Target, Self, E, std::index_sequence<J0, J...>, false>
    : sum_left<typename chain_term_t<Target, J0, Self, E>::type,
               typename chain_term_t<Target, J, Self, E>::type...> {};
// d select(c, a, b) = select(c, da, db): the chain rule's select(c, 1, 0) * da +
// select(c, 0, 1) * db without its products, so that an infinite or NaN derivative in the
// branch not taken stays out, as in the adjoint sweep (0 * inf would be NaN).
template <class Target, class Self, class E, class J>
struct chain_rule_t<Target, Self, E, J, true> {
  using type = selection_of<operand_term<0, E>, derivative_term<Target, operand_term<1, E>>,
                            derivative_term<Target, operand_term<2, E>>>;
};
template <class Target, class Self, class E>
using chain_rule = typename chain_rule_t<Target, Self, E>::type;

// The name of a named intermediate's derivative: "dh/dx" for h and x.
template <class Target>
struct target_name;
template <fixed_string Name>
struct target_name<variable<Name>> {
  static constexpr auto value = Name;
};
template <fixed_string Name>
struct target_name<named_identity<Name>> {
  static constexpr auto value = Name;
};
template <std::size_t A, std::size_t B>
constexpr fixed_string<A + B + 2> derivative_name(const fixed_string<A>& of,
                                                  const fixed_string<B>& by) {
  char text[A + B + 2] = {'d'};
  std::size_t k = 1;
  for (std::size_t i = 0; i + 1 < A; ++i) text[k++] = of.data[i];
  text[k++] = '/';
  text[k++] = 'd';
  for (std::size_t i = 0; i + 1 < B; ++i) text[k++] = by.data[i];
  return fixed_string<A + B + 2>(text);
}

// d(name)/d(target) of a named intermediate whose derivative holds run-time numbers is named
// "dname/dtarget" in turn. Such a subexpression is one node only under a name (a number makes it
// positional), and the chain rule uses it once per use of the name: without the name, every use
// would be a copy of its own, and the copies would multiply with each order.
template <class Target, fixed_string Name, class D,
          bool = (D::structure::number_count > 0 && is_interior<typename D::structure>::value)>
struct named_derivative_t {
  using type = D;
};
template <class Target, fixed_string Name, class D>
struct named_derivative_t<Target, Name, D, true> {
  using type = node_term<named<derivative_name(Name, target_name<Target>::value)>, D>;
};

template <class Target, class S>
struct derivative_rule
    : std::integral_constant<int, (__is_same(typename node_traits<S>::entry_id, Target) ? 0
                                   : !contains<Target, S>::value                        ? 1
                                   : is_named<S>::value                                 ? 2
                                                                                        : 3)> {};
// A name whose definition is an operation: its derivative is the chain rule on the definition,
// with the name as the node's value.
template <class S>
struct names_an_operation : std::false_type {};
template <fixed_string Name, class D>
struct names_an_operation<expr<named<Name>, D>>
    : std::bool_constant<(is_interior<D>::value && !is_named<D>::value)> {};
template <class Target, class T, int = derivative_rule<Target, typename T::structure>::value>
struct derivative_rules;
template <class Target, class T>
struct derivative_rules<Target, T, 0> {  // dx/dx
  using type = one_term;
};
template <class Target, class T>
struct derivative_rules<Target, T, 1> {  // nothing on a path to the target
  using type = zero_term;
};
// Through a name to its definition, which keeps the name as its value.
template <class Target, class T>
requires names_an_operation<typename T::structure>::value struct derivative_rules<Target, T, 2> {
  using type = typename named_derivative_t<Target, T::structure::op::name,
                                           chain_rule<Target, T, operand_term<0, T>>>::type;
};
template <class Target, class T>
requires(!names_an_operation<typename T::structure>::value) struct derivative_rules<Target, T, 2> {
  using type = derivative_term<Target, operand_term<0, T>>;
};
template <class Target, class T>
struct derivative_rules<Target, T, 3> {
  using type = chain_rule<Target, T, T>;
};
template <class Target, class T>
struct derivative_t : derivative_rules<Target, T> {
  static_assert(!is_loop_node<typename T::structure>,
                "ctgrad: internal: loops are written out before a derivative");
};

// Whether a loop on a path to the target is in S: such loops are written out (core/unroll.hpp)
// before the derivative, which then reads one nested expression.
template <class Target, class S>
struct holds_loop_to : std::false_type {};
template <class Target, class Op, class... A>
struct holds_loop_to<Target, expr<Op, A...>>
    : std::bool_constant<((false || ... || holds_loop_to<Target, A>::value))> {};
template <class Target, std::size_t K, class R, class A>
struct holds_loop_to<Target, expr<ops::loop<K, R>, A>>
    : std::bool_constant<(contains<Target, expr<ops::loop<K, R>, A>>::value)> {};

template <class Target, expression E>
constexpr auto loops_to_written_out(const E& e) {
  using S = structure_of<E>;
  if constexpr (!holds_loop_to<Target, S>::value) {
    return e;
  } else if constexpr (is_loop_node<S>) {
    return loops_to_written_out<Target>(written_out(e));
  } else {
    return [&]<std::size_t... J>(std::index_sequence<J...>) {
      return make_node<typename S::op>(loops_to_written_out<Target>(operand<J>(e))...);
    }
    (std::make_index_sequence<S::operands::size>{});
  }
}

// The derivatives of all of S's distinct subexpressions, made in the order of S's graph (operands
// before the nodes that use them), so that each finds its operands' derivatives already made: the
// compiler's instantiation depth is then that of one node, not that of the expression (g++ stops
// at 900 levels; a chain of 64 nested functions took more).
template <class Target, class S, class Order = std::make_index_sequence<graph<S>::size>>
struct derivatives_in_order;
template <class Target, class S, std::size_t... K>
struct derivatives_in_order<Target, S, std::index_sequence<K...>> {
  using nodes = typename node_types<S>::reversed;  // each node's type, parents first: depth 1
  using type =
      list<derivative_term<Target, input_term<node_at_t<S, K>, graph<S>::nodes[K].offset>>...>;
};

// df/d(target) of an expression without loops to the target.
template <class Target, expression E>
constexpr auto derivative_without_loops(const E& f) {
  using S = structure_of<E>;
  using made_in_order [[maybe_unused]] = typename derivatives_in_order<Target, S>::type;
  using Result = derivative_term<Target, input_term<S, 0>>;
  return object_of_term<Result>(f.numbers.data());
}

template <class Target, expression E>
constexpr auto derivative_of(const E& f) {
  if constexpr (holds_loop_to<Target, structure_of<E>>::value)
    return derivative_without_loops<Target>(loops_to_written_out<Target>(f));
  else
    return derivative_without_loops<Target>(f);
}

}  // namespace detail

// df/dx for a variable or named intermediate x; derivative(f, x, y) is d/dy (df/dx), and so on.
template <expression E, class X, class... More>
constexpr auto derivative(const E& f, const X& x, const More&... more) {
  static_assert(
      (detail::gradient_target<X> && ... && detail::gradient_target<More>) ||
          error::a_derivative_is_taken_with_respect_to_a_variable_or_named_intermediate<X>::value,
      "ctgrad::derivative: a derivative is taken with respect to variables (ctgrad::var) or "
      "named intermediates (ctgrad::let), not with respect to an expression");
  constexpr bool no_arrays = detail::check_no_arrays<"derivative", E>();
  (void)x;
  if constexpr (!no_arrays) {
    return f;  // after the error: f itself, so that nothing else is reported
  } else if constexpr ((detail::gradient_target<X> && ... && detail::gradient_target<More>)) {
    const auto df = detail::derivative_of<detail::entry_id<X>>(f);
    if constexpr (sizeof...(More) == 0)
      return df;
    else
      return derivative(df, more...);
  } else {
    return f;
  }
}

// The n-th derivative of f with respect to x.
template <std::size_t N, expression E, class X>
constexpr auto derivative(const E& f, const X& x) {
  if constexpr (N == 0)
    return f;
  else
    return derivative<N - 1>(derivative(f, x), x);
}

}  // namespace ctgrad
