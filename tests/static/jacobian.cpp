// ctgrad::jacobian checked by the compiler: values in exact binary arithmetic, the mode chosen by
// shape, forward mode equal to reverse mode, and the cost of each mode (R14, seeds 001 and 004:
// reverse mode needs one sweep per output, forward mode one pass per input).
#include <array>

#include <ctgrad/ctgrad.hpp>
#include <ctgrad/forward/jacobian.hpp>
#include "../support/tolerance.hpp"

namespace {

namespace m = ctgrad::math;
using ctgrad::at;
using ctgrad::jacobian;
using ctgrad::mode;
using ctgrad::outputs;
using ctgrad::wrt;

constexpr auto x = ctgrad::var<"x">;
constexpr auto y = ctgrad::var<"y">;
constexpr auto z = ctgrad::var<"z">;
constexpr auto w = ctgrad::var<"w">;
constexpr auto r = ctgrad::var<"r">;
constexpr auto t = ctgrad::var<"t">;

constexpr bool close(double got, double want) {
  return ctgrad_test::close(got, want, 1e-13);
}

// Forward and reverse mode give the same values and the same matrix, exactly.
template <class F, class P, class... Inputs>
consteval bool modes_agree(const F& f, const P& p, Inputs... inputs) {
  const auto forward = jacobian<mode::forward>(f, p, inputs...);
  const auto reverse = jacobian<mode::reverse>(f, p, inputs...);
  return forward.values == reverse.values && forward.matrix == reverse.matrix &&
         forward.mode_used == mode::forward && reverse.mode_used == mode::reverse;
}

// Polar to Cartesian: (x, y) = (r cos t, r sin t), J = [[cos t, -r sin t], [sin t, r cos t]].
namespace polar {
constexpr auto f = outputs(r * cos(t), r* sin(t));
constexpr auto J = jacobian(f, at(r = 2.0, t = 0.0));
static_assert(J.rows == 2 && J.cols == 2);
static_assert(J.value(0) == 2.0 && J.value(1) == 0.0);
static_assert(J(0, r) == 1.0 && J(0, t) == 0.0 && J(1, r) == 0.0 && J(1, t) == 2.0);
static_assert(modes_agree(f, at(r = 2.0, t = 0.0)));

constexpr double r0 = 1.5, t0 = 0.7;
constexpr auto K = jacobian(f, at(r = r0, t = t0));
static_assert(close(K(0, r), m::cos(t0)) && close(K(0, t), -r0* m::sin(t0)));
static_assert(close(K(1, r), m::sin(t0)) && close(K(1, t), r0* m::cos(t0)));
// Its determinant is r.
static_assert(close(K(0, r) * K(1, t) - K(0, t) * K(1, r), r0));
}  // namespace polar

// 3 outputs, 2 inputs: f = (x y, x + 3 y, x^2 - y), J = [[y, x], [1, 3], [2x, -1]].
namespace tall {
constexpr auto f = outputs(x * y, x + 3 * y, square(x) - y);
constexpr auto p = at(x = 2.0, y = 0.5);
constexpr auto J = jacobian(f, p);
static_assert(J.mode_used == mode::forward && J.sweeps == 2);  // n = 2 <= m = 3
static_assert(J.values == std::array{1.0, 3.5, 3.5});
static_assert(J.matrix ==
              std::array{std::array{0.5, 2.0}, std::array{1.0, 3.0}, std::array{4.0, -1.0}});
static_assert(J(2, x) == 4.0 && J(2, y) == -1.0);
static_assert(modes_agree(f, p));
}  // namespace tall

// 2 outputs, 3 inputs: g = (x y z, x / y + z), J = [[y z, x z, x y], [1/y, -x/y^2, 1]].
namespace wide {
constexpr auto g = outputs(x * y * z, x / y + z);
constexpr auto p = at(x = 2.0, y = 0.5, z = 4.0);
constexpr auto J = jacobian(g, p);
static_assert(J.mode_used == mode::reverse && J.sweeps == 2);  // n = 3 > m = 2
static_assert(J.values == std::array{4.0, 8.0});
static_assert(J.matrix == std::array{std::array{2.0, 8.0, 1.0}, std::array{2.0, -8.0, 1.0}});
static_assert(modes_agree(g, p));
}  // namespace wide

// A square Jacobian goes forward; the mode can be forced either way.
static_assert(jacobian(outputs(x * y, x - y), at(x = 1.0, y = 2.0)).mode_used == mode::forward);
static_assert(jacobian<mode::reverse>(outputs(x * y, x - y), at(x = 1.0, y = 2.0)).mode_used ==
              mode::reverse);

// R14: the cost of each mode is counted in sweeps. One input and four outputs: forward mode
// needs one pass, reverse mode four sweeps. Four inputs and one output: the other way round.
namespace r14 {
constexpr auto one_to_four = outputs(x, square(x), x* x* x, 3 * x + 1);
constexpr auto p1 = at(x = 0.5);
static_assert(jacobian(one_to_four, p1).mode_used == mode::forward);
static_assert(jacobian(one_to_four, p1).sweeps == 1);
static_assert(jacobian<mode::reverse>(one_to_four, p1).sweeps == 4);
static_assert(jacobian(one_to_four, p1).matrix ==
              std::array{std::array{1.0}, std::array{1.0}, std::array{0.75}, std::array{3.0}});
static_assert(modes_agree(one_to_four, p1));

constexpr auto four_to_one = outputs(w * x + y * z);
constexpr auto p4 = at(w = 2.0, x = 3.0, y = 0.5, z = -1.0);
static_assert(jacobian(four_to_one, p4).mode_used == mode::reverse);
static_assert(jacobian(four_to_one, p4).sweeps == 1);
static_assert(jacobian<mode::forward>(four_to_one, p4).sweeps == 4);
static_assert(modes_agree(four_to_one, p4));
// One output: the Jacobian's row is the gradient.
constexpr auto g = ctgrad::gradient(w * x + y * z, p4);
static_assert(jacobian(four_to_one, p4).matrix[0] == g.adjoints);
}  // namespace r14

// Inputs by default: the variables in graph order, the first output's first.
namespace inputs {
constexpr auto J = jacobian(outputs(y * x, z + x), at(x = 2.0, y = 3.0, z = 5.0));
static_assert(J.cols == 3);
static_assert(J.matrix == std::array{std::array{2.0, 3.0, 0.0}, std::array{0.0, 1.0, 1.0}});
// wrt() picks and orders the columns; a variable that an output lacks gives exactly 0, and one
// that no output contains (w, unbound here) a column of zeros, without a pass in forward mode.
constexpr auto K = jacobian(outputs(y * x, z + x), at(x = 2.0, y = 3.0, z = 5.0), wrt(w, z, y));
static_assert(K.cols == 3 && K.mode_used == mode::reverse && K.sweeps == 2);
static_assert(jacobian<mode::forward>(outputs(y * x, z + x), at(x = 2.0, y = 3.0, z = 5.0),
                                      wrt(w, z, y))
                  .sweeps == 2);
static_assert(K.matrix == std::array{std::array{0.0, 0.0, 2.0}, std::array{0.0, 1.0, 0.0}});
static_assert(modes_agree(outputs(y * x, z + x), at(x = 2.0, y = 3.0, z = 5.0), wrt(w, z, y)));
}  // namespace inputs

// A subexpression shared by outputs, with and without run-time numbers, and a named one.
namespace shared {
constexpr auto u = x * y;
constexpr auto v = ctgrad::let<"v">(3 * x + 1);
constexpr auto f = outputs(u + v, u* v, v - 2 * y, u);
constexpr auto p = at(x = 2.0, y = 0.5);
constexpr auto J = jacobian(f, p);
// u = 1, v = 7; du = (y, x) = (0.5, 2), dv = (3, 0).
static_assert(J.values == std::array{8.0, 7.0, 6.0, 1.0});
static_assert(J.matrix == std::array{std::array{3.5, 2.0}, std::array{6.5, 14.0},
                                     std::array{3.0, -2.0}, std::array{0.5, 2.0}});
static_assert(modes_agree(f, p));

// The same output twice is one node read twice; an output may sit inside a later one, so its
// root is not the graph's last node.
constexpr auto twice = jacobian<mode::reverse>(outputs(u, sin(u), u), p);
static_assert(twice.matrix[0] == twice.matrix[2] && twice.matrix[0] == std::array{0.5, 2.0});
static_assert(modes_agree(outputs(u, sin(u), u), p));
}  // namespace shared

// Outputs without inputs: a constant output has a row of zeros, and int bindings compute in
// double.
static_assert(jacobian(outputs(x, ctgrad::c<3>), at(x = 2)).matrix ==
              std::array{std::array{1.0}, std::array{0.0}});
static_assert(jacobian(outputs(x, ctgrad::c<3>), at(x = 2)).values == std::array{2.0, 3.0});
static_assert(modes_agree(outputs(x, ctgrad::c<3>), at(x = 2)));
static_assert(jacobian(outputs(ctgrad::c<1, 2>), at(x = 1.0)).values[0] == 0.5);

}  // namespace

int main() {}
