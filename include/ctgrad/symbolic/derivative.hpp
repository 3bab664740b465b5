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
#include "ctgrad/reverse/gradient.hpp"
#include "ctgrad/symbolic/local_derivative.hpp"

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
inline constexpr bool contains = std::is_same_v<S, Target>;
template <class Target, class Op, class... A>
inline constexpr bool contains<Target, expr<Op, A...>> = (false || ... || contains<Target, A>);
template <class Target, std::size_t K, class R, class A>
inline constexpr bool contains<Target, expr<ops::loop<K, R>, A>> =
    contains<Target, A> || contains<Target, R>;
template <class Target, fixed_string Name, class A>
inline constexpr bool contains<Target, expr<named<Name>, A>> =
    std::is_same_v<typename entry_id_of<expr<named<Name>, A>>::type, Target> || contains<Target, A>;

// Whether f depends on the target.
template <class Target, class E>
inline constexpr bool depends_on = contains<Target, structure_t<E>>;

template <class Target, class E>
constexpr auto derivative_of(const E& e);

// The term of operand J in the chain rule: (d node / d operand J) * (d operand J / d target).
// `self` stands for the node's value in the local derivative (exp' = exp itself): the node, or
// the named intermediate that names it, so that a derivative refers to a name where it can.
template <class Target, std::size_t J, class Self, class E, class... A>
constexpr auto chain_term(const Self& self, const E& e, const A&... a) {
  using Operand = std::remove_cvref_t<decltype(operand<J>(e))>;
  if constexpr (!depends_on<Target, Operand>) {
    return constant<0>{};
  } else {
    return simplifying::mul(
        local_derivative<typename structure_t<E>::op>::template of<J>(self, a...),
        derivative_of<Target>(operand<J>(e)));
  }
}

// t0 + t1 + ..., left to right; zero terms drop out in simplifying::add.
template <class A>
constexpr auto sum_terms(const A& a) {
  return a;
}
template <class A, class B, class... Rest>
constexpr auto sum_terms(const A& a, const B& b, const Rest&... rest) {
  return sum_terms(simplifying::add(a, b), rest...);
}

template <class Target, class Self, class E, std::size_t... J>
constexpr auto sum_of_chain_terms(const Self& self, const E& e, std::index_sequence<J...>) {
  if constexpr (std::is_same_v<typename structure_t<E>::op, ops::select>) {
    // d select(c, a, b) = select(c, da, db): the chain rule's select(c, 1, 0) * da +
    // select(c, 0, 1) * db without its products, so that an infinite or NaN derivative in the
    // branch not taken stays out, as in the adjoint sweep (0 * inf would be NaN).
    return simplifying::select(operand<0>(e), derivative_of<Target>(operand<1>(e)),
                               derivative_of<Target>(operand<2>(e)));
  } else {
    return sum_terms(chain_term<Target, J>(self, e, operand<J>(e)...)...);
  }
}

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
template <class Target, fixed_string Name, class D>
constexpr auto name_derivative(const D& d) {
  if constexpr (structure_t<D>::number_count > 0 && is_interior<structure_t<D>>::value)
    return make_node<named<derivative_name(Name, target_name<Target>::value)>>(d);
  else
    return d;
}

template <class Target, class E>
constexpr auto derivative_of(const E& e) {
  if constexpr (std::is_same_v<entry_id<E>, Target>) {
    return constant<1>{};
  } else if constexpr (!depends_on<Target, E>) {
    return constant<0>{};
  } else if constexpr (is_loop_node<structure_t<E>>) {
    return derivative_of<Target>(written_out(e));
  } else if constexpr (is_named<structure_t<E>>::value) {
    // Through a name to its definition, which keeps the name as its value.
    using Definition = structure_t<decltype(operand<0>(e))>;
    if constexpr (is_interior<Definition>::value && !is_named<Definition>::value)
      return name_derivative<Target, structure_t<E>::op::name>(sum_of_chain_terms<Target>(
          e, operand<0>(e), std::make_index_sequence<Definition::operands::size>{}));
    else
      return derivative_of<Target>(operand<0>(e));
  } else {
    return sum_of_chain_terms<Target>(e, e,
                                      std::make_index_sequence<structure_t<E>::operands::size>{});
  }
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
