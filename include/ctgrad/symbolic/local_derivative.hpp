#pragma once
// The local partial derivatives of every operation as formulas: local_derivative<Op>'s
// formula<J> is d Op / d operand J over placeholders for the node itself (y) and its operands
// (a, b, c), read off the rule's own partial (symbolic/rule_formula.hpp). A derivative puts the
// node and its operands in their places and rebuilds the formula bottom-up with the simplifying
// rules (symbolic/simplify.hpp); tests/runtime/operation_consistency.cpp checks every operation's
// formula against its rule at random and special points.
#include <cstddef>
#include <type_traits>

#include "ctgrad/core/branch.hpp"
#include "ctgrad/core/functions.hpp"
#include "ctgrad/core/operators.hpp"
#include "ctgrad/rules/operations.hpp"
#include "ctgrad/symbolic/rule_formula.hpp"
#include "ctgrad/symbolic/simplify.hpp"

namespace ctgrad {

namespace error {
template <class Operation>
struct no_symbolic_derivative_is_known_for_the_operation {
  static constexpr bool value = false;
};
}  // namespace error

// Place I of a local derivative's formula (below): 0 is the node, 1, 2, 3 its operands. A leaf
// of namespace ctgrad, so that the operators on places are found by argument-dependent lookup.
template <std::size_t I>
struct formula_place : detail::numbers_storage<0> {
  using ctgrad_structure = detail::structure_tag;
  using structure = formula_place;
  static constexpr std::size_t number_count = 0;
  static constexpr shape value_shape = scalar_shape;
  static constexpr bool holds_arrays = false;
  static constexpr bool reads_loop_input = false;
  static constexpr detail::node_id id{0x736c6f74, I};
  static constexpr detail::node_info info{
      id, detail::node_kind::variable, 0, scalar_shape, 0, 0, {}, {}};
};

namespace detail {
template <std::size_t I>
using slot = formula_place<I>;

// Templated on the operand J whose formula uses them, so that a formula is a dependent
// expression, built when a derivative first asks for it rather than when this header is read
// (every file that includes ctgrad.hpp would pay for all of them).
namespace places {
template <std::size_t J>
inline constexpr slot<0> y{};
template <std::size_t J>
inline constexpr slot<1> a{};
template <std::size_t J>
inline constexpr slot<2> b{};
}  // namespace places
namespace p = places;

// An operation's partials, read off its rule (symbolic/rule_formula.hpp).
template <class Op>
struct local_formulas {
  // The rules on numbers, the integer powers pow<N> (listed by a few exponents) and a named
  // intermediate's identity.
  static_assert(
      list_contains<number_operations, Op> || requires { Op::exponent; } ||
          requires { Op::name; } ||
          error::no_symbolic_derivative_is_known_for_the_operation<Op>::value,
      "ctgrad: this operation has no symbolic derivative rule "
      "(symbolic/local_derivative.hpp)");
  template <std::size_t J>
  using formula = rule_formula<Op, J, rule_arity<Op>()>;
};

// A formula (an expression object or its structure) with its places filled by the terms Places (the
// node, then its operands), rebuilt bottom-up by the simplifying rules.
template <class Formula, class Places>
struct filled_t;
template <std::size_t I, class Places>
struct filled_t<slot<I>, Places> {
  using type = list_at<I, Places>;
};
template <long long Num, long long Den, class Places>
struct filled_t<constant<Num, Den>, Places> {
  using type = term<constant<Num, Den>>;
};
template <class Op, class... F, class Places>
struct filled_t<expr<Op, F...>, Places> {
  using type = simplified_node<Op, typename filled_t<F, Places>::type...>;
};
template <class Formula>
struct formula_structure {
  using type = typename Formula::structure;
};
template <class Op, class... A>
struct formula_structure<expr<Op, A...>> {
  using type = expr<Op, A...>;
};
template <class Formula, class Places>
using filled = typename filled_t<typename formula_structure<Formula>::type, Places>::type;

// d Op / d operand J as an expression: local_derivative<Op>::of<J>(y, a, b) for the node y and
// its operands a, b.
template <class Op>
struct local_derivative : local_formulas<Op> {
  template <std::size_t J, class... E>
  static constexpr auto of(const E&... e) {
    using Result = filled<typename local_formulas<Op>::template formula<J>, input_terms<E...>>;
    return build_term<Result>(e...);
  }
};

}  // namespace detail
}  // namespace ctgrad
