#pragma once
// The node types. An expression's structure lives entirely in types; the only run-time data an
// expression object holds is the flat array of the plain numbers written in it (`3 * x + 2`
// holds {3, 2}), in the order they appear. See docs/design.md.
//
// Two kinds of types:
// - structures describe a node and its operands: expr<Op, Args...> for an operation applied to
//   the structures Args, and the leaves variable, array_variable, constant and number. All
//   type-level work (the graph, simplification, printing) reads structures.
// - expression objects are what users hold. A leaf is its own object. An interior node's object
//   is an unnamed class nested in expression_of<S>, which names its structure (`structure`) and
//   holds its numbers. The operands' types are thus not template arguments of the object's type:
//   argument-dependent lookup on an expression, and the names compilers give its type, cost the
//   same for any size of expression (docs/design.md, "Compile time").
#include <array>
#include <concepts>
#include <cstddef>
#include <type_traits>

#include "ctgrad/core/fixed_string.hpp"
#include "ctgrad/core/shape.hpp"

namespace ctgrad {

// An interior node: operation tag Op applied to the operand structures Args.
template <class Op, class... Args>
struct expr;

// A leaf that takes its value from the point of evaluation.
template <fixed_string Name>
struct variable;

// A leaf that takes an array of Rows x Cols numbers (row-major) from the point of evaluation.
template <fixed_string Name, std::size_t Rows, std::size_t Cols = 1>
struct array_variable;

// A compile-time rational constant Num/Den (integers are Den = 1). It folds in derivatives.
template <long long Num, long long Den = 1>
struct constant;

// A run-time number written in an expression (the 3 in `3 * x`). Its value sits in the
// numbers array of the expression that holds it.
struct number;

// Operation tag of a named intermediate (see let.hpp): the identity, under a name.
template <fixed_string Name>
struct named {
  static constexpr auto name = Name;
  template <class T>
  static constexpr T value(const T& a) {
    return a;
  }
  template <std::size_t J, class T>
  static constexpr T partial(const T&, const T&) {
    return T(1);
  }
  template <std::size_t J, class T>
  static constexpr T backward(const T& adjoint, const T&, const T&) {
    return adjoint;
  }
};

// What a loop's step reads as its input (core/unroll.hpp): a leaf with the input's shape.
template <shape S>
struct loop_input;

namespace ops {
// K steps of a loop whose step has structure R (core/unroll.hpp).
template <std::size_t K, class R>
struct loop;
}  // namespace ops

// The object type of an interior node with structure S is `decltype(expression_of<S>::object)`
// (core/nodes.hpp).
template <class S>
struct expression_of;

namespace detail {

// Storage for an expression's run-time numbers. Expressions without any stay empty.
template <std::size_t N>
struct numbers_storage {
  std::array<double, N> numbers;
};
template <>
struct numbers_storage<0> {
  static constexpr std::array<double, 0> numbers{};
};

template <class T>
struct is_leaf : std::false_type {};
template <fixed_string Name>
struct is_leaf<variable<Name>> : std::true_type {};
template <fixed_string Name, std::size_t Rows, std::size_t Cols>
struct is_leaf<array_variable<Name, Rows, Cols>> : std::true_type {};
template <long long Num, long long Den>
struct is_leaf<constant<Num, Den>> : std::true_type {};
template <>
struct is_leaf<number> : std::true_type {};

template <class T>
struct is_interior : std::false_type {};
template <class Op, class... Args>
struct is_interior<expr<Op, Args...>> : std::true_type {};

// Every structure says it is one (`ctgrad_structure`), and every expression object names its
// structure (`structure`; a leaf names itself). Testing these members costs the compiler no
// instantiation per expression type, which the operators' constraints do for every operation.
// A bundle of outputs (graph/bundle.hpp) names a structure too, of another kind.
struct structure_tag {};
struct bundle_tag {};

template <class T>
concept expression_object = requires {
  typename T::structure::ctgrad_structure;
}
&&__is_same(typename T::structure::ctgrad_structure, structure_tag);

template <class T>
struct structure_of_object {
  using type = void;
};
template <expression_object T>
struct structure_of_object<T> {
  using type = typename T::structure;
};

template <class T>
using structure_t = typename structure_of_object<std::remove_cvref_t<T>>::type;

// Structure-level traits.
template <class T>
struct is_variable : std::false_type {};
template <fixed_string Name>
struct is_variable<variable<Name>> : std::true_type {};

template <class T>
struct is_array_variable : std::false_type {};
template <fixed_string Name, std::size_t Rows, std::size_t Cols>
struct is_array_variable<array_variable<Name, Rows, Cols>> : std::true_type {};

template <class T>
struct is_constant : std::false_type {};
template <long long Num, long long Den>
struct is_constant<constant<Num, Den>> : std::true_type {};

template <class T>
struct is_loop : std::false_type {};
template <std::size_t K, class R>
struct is_loop<ops::loop<K, R>> : std::true_type {};

// A loop's node (a structure): expr<ops::loop<K, R>, Init>.
template <class S>
inline constexpr bool is_loop_node = false;
template <std::size_t K, class R, class A>
inline constexpr bool is_loop_node<expr<ops::loop<K, R>, A>> = true;

template <class T>
struct is_loop_input : std::false_type {};
template <shape S>
struct is_loop_input<loop_input<S>> : std::true_type {};

template <class T>
struct is_named : std::false_type {};
template <fixed_string Name, class E>
struct is_named<expr<named<Name>, E>> : std::true_type {};

}  // namespace detail

// A ctgrad expression: an expression object of any kind, possibly const or a reference.
template <class T>
concept expression = detail::expression_object<std::remove_cvref_t<T>>;

// The structure of an expression (its type for a leaf): what the graph and the symbolic
// functions read.
template <expression E>
using structure_of = typename std::remove_cvref_t<E>::structure;

// Types that can be bound to a variable or used as a number in an expression. Arithmetic types
// are; a user scalar type (a dual number, an interval) opts in by specializing this to true.
template <class T>
inline constexpr bool enable_scalar = std::is_arithmetic_v<T> && !std::is_same_v<T, bool>;

template <class T>
concept scalar = enable_scalar<std::remove_cvref_t<T>>;

}  // namespace ctgrad
