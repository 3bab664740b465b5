// Type-level golden tests: the exact node type an expression builds, the run-time numbers it
// holds, and how many distinct nodes its graph has (the node identity rules of docs/design.md).
// The static_asserts are the test.

#include <array>
#include <ctgrad/ctgrad.hpp>
#include <type_traits>

namespace {

using namespace ctgrad::literals;
using ctgrad::constant;
using ctgrad::expr;
using ctgrad::number;
using ctgrad::variable;
namespace ops = ctgrad::ops;

constexpr auto w = ctgrad::var<"w">;
constexpr auto x = ctgrad::var<"x">;
constexpr auto y = ctgrad::var<"y">;
constexpr auto b = ctgrad::var<"b">;

// The structure of an expression (a leaf is its own), or any other type as it is.
template <class E>
struct structure {
  using type = std::remove_cvref_t<E>;
};
template <ctgrad::expression E>
struct structure<E> {
  using type = ctgrad::structure_of<E>;
};
template <class E, class Want>
inline constexpr bool is = std::is_same_v<typename structure<E>::type, Want>;

// How many distinct nodes the graph of an expression has.
template <class E>
inline constexpr std::size_t nodes_of = ctgrad::node_count(E{});

// Operators and functions build nested node types; variables are leaves.
static_assert(is<decltype(x), variable<"x">>);
static_assert(is<decltype(w * x + b),
                 expr<ops::add, expr<ops::mul, variable<"w">, variable<"x">>, variable<"b">>>);
using affine = expr<ops::add, expr<ops::mul, variable<"w">, variable<"x">>, variable<"b">>;
static_assert(is<decltype(square(w * x + b)), expr<ops::square, affine>>);
static_assert(is<decltype(-x), expr<ops::neg, variable<"x">>>);
static_assert(is<decltype(+x), variable<"x">>);  // unary plus is the expression itself
static_assert(is<decltype(x / y - x),
                 expr<ops::sub, expr<ops::div, variable<"x">, variable<"y">>, variable<"x">>>);
static_assert(is<decltype(sin(exp(x))), expr<ops::sin, expr<ops::exp, variable<"x">>>>);
static_assert(is<decltype(max(x, y)), expr<ops::max, variable<"x">, variable<"y">>>);
static_assert(is<decltype(softplus(relu(x))), expr<ops::softplus, expr<ops::relu, variable<"x">>>>);

// A plain number becomes a `number` leaf whose value the expression object stores.
static_assert(is<decltype(3 * x), expr<ops::mul, number, variable<"x">>>);
static_assert(decltype(3 * x)::number_count == 1);
static_assert((3 * x).numbers == std::array<double, 1>{3.0});
static_assert(is<decltype(x - 2), expr<ops::sub, variable<"x">, number>>);
static_assert(is<decltype(2.5f / x), expr<ops::div, number, variable<"x">>>);
// Numbers are stored in the order they are written, whatever their type.
static_assert((3 * x + 2).numbers == std::array<double, 2>{3.0, 2.0});
static_assert(((3 * x + 2) * (5.5 * x - 7L)).numbers == std::array<double, 4>{3.0, 2.0, 5.5, 7.0});
// `3 * x` and `5 * x` have one type: a number's value is data, not part of the type.
static_assert(std::is_same_v<decltype(3 * x), decltype(5.0 * x)>);

// Compile-time constants carry their value in the type, reduced: an expression holds no
// numbers for them.
static_assert(is<decltype(ctgrad::c<3> * x), expr<ops::mul, constant<3>, variable<"x">>>);
static_assert(decltype(ctgrad::c<3> * x)::number_count == 0);
static_assert((ctgrad::c<3> * x).numbers.empty());
static_assert(is<decltype(ctgrad::c<2, 4>), constant<1, 2>>);
static_assert(is<decltype(ctgrad::c<3, -6>), constant<-1, 2>>);
static_assert(is<decltype(3_c), constant<3>>);
static_assert(is<decltype(3_c * x + 2_c),
                 expr<ops::add, expr<ops::mul, constant<3>, variable<"x">>, constant<2>>>);

// Powers: pow<N> and pow(e, c<N>) are one node type; a real exponent is a binary node.
static_assert(is<decltype(ctgrad::pow<3>(x)), expr<ops::pow_int<3>, variable<"x">>>);
static_assert(std::is_same_v<decltype(pow(x, ctgrad::c<3>)), decltype(ctgrad::pow<3>(x))>);
static_assert(is<decltype(pow(x, 2.5)), expr<ops::pow, variable<"x">, number>>);
static_assert(is<decltype(pow(2.0, x)), expr<ops::pow, number, variable<"x">>>);
static_assert(is<decltype(pow(x, y)), expr<ops::pow, variable<"x">, variable<"y">>>);
static_assert(is<decltype(pow(x, ctgrad::c<1, 2>)),
                 expr<ops::pow, variable<"x">, constant<1, 2>>>);  // not an integer: real pow

// A named intermediate is the identity op under a name, around the expression.
static_assert(is<decltype(ctgrad::let<"h">(w * x)),
                 expr<ctgrad::named<"h">, expr<ops::mul, variable<"w">, variable<"x">>>>);
static_assert(is<decltype(ctgrad::let<"h">(3 * x)),
                 expr<ctgrad::named<"h">, expr<ops::mul, number, variable<"x">>>>);

// Storage: an expression without run-time numbers is an empty object; with them, the numbers.
static_assert(std::is_empty_v<decltype(x)>);
static_assert(std::is_empty_v<decltype(w * x + b)>);
static_assert(std::is_empty_v<decltype(square(3_c * x + 2_c))>);
static_assert(!std::is_empty_v<decltype(3 * x)>);
static_assert(sizeof(3 * x + 2) == 2 * sizeof(double));
static_assert(sizeof(square(w * (3 * x + 2) - 1.5)) == 3 * sizeof(double));

// An interior node's object names its structure and says what a leaf says of itself.
static_assert(
    std::is_same_v<decltype(w * x)::structure, expr<ops::mul, variable<"w">, variable<"x">>>);
static_assert(decltype(3 * x)::value_shape == ctgrad::scalar_shape);
static_assert(!decltype(3 * x)::holds_arrays);
// Objects of equal structures are of one type.

// The graph: the distinct nodes in topological order.
static_assert(nodes_of<decltype(x)> == 1);
static_assert(nodes_of<decltype(w * x + b)> == 5);
// x*y written twice is one node: x, y, x*y, sin, + .
static_assert(nodes_of<decltype(x * y + sin(x * y))> == 5);
// The nodes come in topological order: operands first, the root last.
using shared = ctgrad::structure_of<decltype(x * y + sin(x * y))>;
template <std::size_t I>
using node = ctgrad::detail::node_at_t<shared, I>;
static_assert(is<node<0>, variable<"x">>);
static_assert(is<node<1>, variable<"y">>);
static_assert(is<node<2>, expr<ops::mul, variable<"x">, variable<"y">>>);
static_assert(is<node<3>, expr<ops::sin, expr<ops::mul, variable<"x">, variable<"y">>>>);
static_assert(is<node<4>, shared>);

// u = x*y reused: x, y, u, u*u.
constexpr auto u = x * y;
static_assert(nodes_of<decltype(u * u)> == 4);
static_assert(nodes_of<decltype(x * x)> == 2);

// With run-time numbers, identity is positional: each copy of 3*x+2 is its own subgraph.
// Nodes: 3, x, 3*x, 2, + ; 3', 3'*x, 2', +' (x is shared) ; * .
static_assert(nodes_of<decltype((3 * x + 2) * (3 * x + 2))> == 10);
constexpr auto v = 3 * x + 2;
static_assert(nodes_of<decltype(v * v)> == 10);
// Under a name it is one node again: 3, x, 3*x, 2, +, u, u*u.
constexpr auto named_v = ctgrad::let<"u">(3 * x + 2);
static_assert(nodes_of<decltype(named_v * named_v)> == 7);
static_assert(decltype(named_v * named_v)::number_count == 4);  // each use still stores its numbers
// With compile-time constants it is one node by type: 3, x, 3*x, 2, +, * .
constexpr auto constant_v = 3_c * x + 2_c;
static_assert(nodes_of<decltype(constant_v * constant_v)> == 6);
static_assert(std::is_empty_v<decltype(constant_v * constant_v)>);
// Equal constants are one node too: 2, x, 2*x, 2*x + 2 (the 2 is reused).
static_assert(nodes_of<decltype(2_c * x + 2_c)> == 4);

}  // namespace

int main() {}
