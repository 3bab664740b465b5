// Comparisons and select checked by the compiler: the exact node types, values on both sides of
// the branch, gradients that reach the taken branch only, relu as select(x > 0, x, 0), and the
// exact simplified types of their symbolic derivatives.
#include <ctgrad/ctgrad.hpp>
#include <limits>
#include <type_traits>

namespace {

using namespace ctgrad::literals;
using ctgrad::at;
using ctgrad::constant;
using ctgrad::derivative;
using ctgrad::expr;
using ctgrad::gradient;
using ctgrad::number;
using ctgrad::value;
using ctgrad::variable;
namespace ops = ctgrad::ops;

constexpr auto x = ctgrad::var<"x">;
constexpr auto y = ctgrad::var<"y">;

template <class A, class B>
constexpr bool same(const A&, const B&) {
  return std::is_same_v<A, B>;
}
// The structure of an expression (a leaf is its own), or any other type as it is.
template <class A>
struct structure {
  using type = A;
};
template <ctgrad::expression A>
struct structure<A> {
  using type = ctgrad::structure_of<A>;
};
template <class A, class B>
inline constexpr bool is = std::is_same_v<typename structure<A>::type, B>;

using X = variable<"x">;
using Y = variable<"y">;

// Node types: numbers on either side become number leaves, as for the arithmetic operators.
static_assert(is<decltype(x < y), expr<ops::less, X, Y>>);
static_assert(is<decltype(x <= 2.0), expr<ops::less_equal, X, number>>);
static_assert(is<decltype(1 > x), expr<ops::greater, number, X>>);
static_assert(is<decltype(x >= 0_c), expr<ops::greater_equal, X, constant<0>>>);
static_assert(
    is<decltype(select(x > 0, x, 0)), expr<ops::select, expr<ops::greater, X, number>, X, number>>);
static_assert(is<decltype(if_else(x < y, y, x)), expr<ops::select, expr<ops::less, X, Y>, Y, X>>);
static_assert(is<decltype(ctgrad::select(1.0, x, y)), expr<ops::select, number, X, Y>>);
// Comparisons of other types are untouched.
static_assert(is<decltype(1 < 2), bool>);
static_assert(is<decltype(ctgrad::c<1> < ctgrad::c<2>), expr<ops::less, constant<1>, constant<2>>>);

// Values: 1 where the comparison holds, else 0; at a tie < and > give 0, <= and >= give 1.
constexpr auto p = at(x = 2.0, y = 3.0);
constexpr auto tie = at(x = 3.0, y = 3.0);
static_assert(value(x < y, p) == 1 && value(x > y, p) == 0);
static_assert(value(x <= y, p) == 1 && value(x >= y, p) == 0);
static_assert(value(x < y, tie) == 0 && value(x > y, tie) == 0);
static_assert(value(x <= y, tie) == 1 && value(x >= y, tie) == 1);
static_assert(value(x < 2.5, p) == 1 && value(3 < x, p) == 0);
static_assert(value(select(x < y, x* y, x + y), p) == 6);
static_assert(value(select(x > y, x* y, x + y), p) == 5);
static_assert(value(select(x - 2, 10, 20), p) == 20);  // the condition is x - 2 == 0

// Gradients: comparisons pass nothing back; select passes the adjoint to the taken branch.
constexpr auto g = gradient(select(x < y, x* y, x + 2 * y), p);
static_assert(g.value() == 6 && g[x] == 3 && g[y] == 2);
constexpr auto h = gradient(select(x > y, x* y, x + 2 * y), p);
static_assert(h.value() == 8 && h[x] == 1 && h[y] == 2);
static_assert(gradient(x < y, p)[x] == 0 && gradient(x < y, p)[y] == 0);

// An infinite branch not taken changes neither the value nor the gradient, and the branch not
// taken gets exactly 0 even for an infinite adjoint (a multiply by 0 would give NaN).
constexpr double inf = std::numeric_limits<double>::infinity();
constexpr auto far = at(x = 2.0, y = inf);
constexpr auto safe = gradient(select(x < 3, square(x), y), far);
static_assert(safe.value() == 4 && safe[x] == 4 && safe[y] == 0);
constexpr auto z = ctgrad::var<"z">;
constexpr auto huge = gradient(y * select(x < 3, square(x), z), at(x = 2.0, y = inf, z = 1.0));
static_assert(huge[z] == 0 && huge[x] == inf);

// relu(x) is select(x > 0, x, 0), in value and gradient, on both sides of the kink and at it.
constexpr auto relu_by_select = select(x > 0, x, 0);
constexpr bool relu_agrees(double at_x) {
  const auto q = at(x = at_x);
  const auto a = gradient(relu(x) * y, at(x = at_x, y = 3.0));
  const auto b = gradient(relu_by_select * y, at(x = at_x, y = 3.0));
  return value(relu(x), q) == value(relu_by_select, q) && a.value() == b.value() && a[x] == b[x] &&
         a[y] == b[y];
}
static_assert(relu_agrees(2.5) && relu_agrees(-1.5) && relu_agrees(0.0) && relu_agrees(-0.0));

// Symbolic derivatives: comparisons are flat; d select = select of the branches' derivatives.
static_assert(same(derivative(x < y, x), 0_c));
static_assert(same(derivative(x >= 2 * y, y), 0_c));
static_assert(same(derivative(select(x > y, square(x), y), x), select(x > y, 2_c * x, 0_c)));
static_assert(same(derivative(select(x > y, x, y), x), x > y));  // select(c, 1, 0) is c
static_assert(same(derivative(select(x > y, x, y), y), select(x > y, 0_c, 1_c)));
static_assert(same(derivative(select(x > y, 3_c * x, 3_c * x), x), 3_c));
static_assert(same(derivative(select(x > 0_c, x, 0_c), x), x > 0_c));
// The local derivatives themselves (the symbolic twins of the rule's partials).
namespace d = ctgrad::detail;
constexpr auto sel = select(x > y, x, y);
static_assert(same(d::local_derivative<ops::select>::of<0>(sel, x > y, x, y), 0_c));
static_assert(same(d::local_derivative<ops::select>::of<1>(sel, x > y, x, y), x > y));
static_assert(same(d::local_derivative<ops::select>::of<2>(sel, x > y, x, y),
                   select(x > y, 0_c, 1_c)));
static_assert(same(d::local_derivative<ops::select>::of<1>(sel, x - y, x, y),
                   select(x - y, 1_c, 0_c)));
// Simplification: equal branches, constant conditions.
namespace s = ctgrad::simplifying;
static_assert(same(s::select(x > y, sin(x), sin(x)), sin(x)));
static_assert(same(s::select(1_c, x, y), x));
static_assert(same(s::select(0_c, x, y), y));
// The derivative at the infinite branch not taken is finite, as the sweep's.
static_assert(value(derivative(select(x < 3, square(x), x* y), x), far) == 4);
static_assert(value(derivative(select(x < 3, square(x), x* y), y), far) == 0);

// Second derivatives go through: d2/dx2 select(x > 0, x^3, -x) is select(x > 0, 6x, 0).
static_assert(same(derivative(select(x > 0_c, pow<3>(x), -x), x, x),
                   select(x > 0_c, 6_c * x, 0_c)));

// Forward mode on dual numbers compares values only.
static_assert(
    ctgrad::tangent(select(x > 1, square(x), x), at(x = 2.0), ctgrad::along(x = 1.0)).tangent == 4);

}  // namespace

int main() {}
