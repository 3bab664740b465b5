#define BOOST_TEST_MODULE operation_consistency
#include <boost/test/unit_test.hpp>

#include <ctgrad/ctgrad.hpp>
#include <ctgrad/forward/tangent.hpp>
#include <ctgrad/rules/operations.hpp>

#include <cmath>
#include <cstddef>
#include <limits>
#include <random>
#include <string>
#include <type_traits>
#include <vector>
#include "../support/tolerance.hpp"

// Every operation of ctgrad::detail::number_operations, applied to variables, through every pass:
// - the adjoint sweep (gradient), forward mode (tangent along each variable) and the forward
//   Jacobian give the same bits at every point, including the special ones (0, -0, +-1, the
//   kinks, 0^0, domain edges, +-inf, NaN), since all three read the operation's one rule;
// - the symbolic derivative agrees with them to rounding, at the special points (NaN, infinities
//   and zeros alike) and at random points inside the domain, where all agree with central
//   differences; the Hessian (forward over reverse) agrees with the
//   symbolic second derivative.
namespace {
constexpr auto x = ctgrad::var<"x">;
constexpr auto y = ctgrad::var<"y">;
constexpr auto z = ctgrad::var<"z">;

constexpr double inf = std::numeric_limits<double>::infinity();
constexpr double nan = std::numeric_limits<double>::quiet_NaN();
const std::vector<double> special = {0.0, -0.0,   1.0,    -1.0, 0.5,  -2.0,
                                     3.0, 1e-300, -1e300, inf,  -inf, nan};

template <class Op>
constexpr std::size_t arity() {
  if constexpr (requires { Op::value(0.0); })
    return 1;
  else if constexpr (requires { Op::value(0.0, 0.0); })
    return 2;
  else
    return 3;
}

// Op applied to the first arity() of x, y, z.
template <class Op>
constexpr auto applied() {
  if constexpr (arity<Op>() == 1)
    return ctgrad::detail::make_node<Op>(x);
  else if constexpr (arity<Op>() == 2)
    return ctgrad::detail::make_node<Op>(x, y);
  else
    return ctgrad::detail::make_node<Op>(z, x, y);  // select(z, x, y)
}

// Equal as the sweeps compute them: the same number, or both NaN (the sign of a zero aside).
bool same(double a, double b) {
  return a == b || (std::isnan(a) && std::isnan(b));
}

using ctgrad_test::close;

std::string where(const char* what, const char* op, double xv, double yv, double zv) {
  return std::string(what) + " of " + op + " at x=" + std::to_string(xv) +
         " y=" + std::to_string(yv) + " z=" + std::to_string(zv);
}

// The gradient by the three passes at one point; `checked` counts the comparisons made.
template <class Op>
void passes_agree(double xv, double yv, double zv, int& checked) {
  constexpr auto f = applied<Op>();
  const auto p = ctgrad::at(x = xv, y = yv, z = zv);
  const auto g = ctgrad::gradient(f, p, ctgrad::wrt(x, y, z));
  const double reverse[] = {g[x], g[y], g[z]};
  const double forward[] = {ctgrad::tangent(f, p, ctgrad::along(x = 1.0)).tangent,
                            ctgrad::tangent(f, p, ctgrad::along(y = 1.0)).tangent,
                            ctgrad::tangent(f, p, ctgrad::along(z = 1.0)).tangent};
  const auto J =
      ctgrad::jacobian<ctgrad::mode::forward>(ctgrad::outputs(f), p, ctgrad::wrt(x, y, z));
  const double columns[] = {J(0, x), J(0, y), J(0, z)};
  for (int j = 0; j < 3; ++j) {
    BOOST_TEST(same(reverse[j], forward[j]), where("tangent", Op::symbol, xv, yv, zv)
                                                 << " d/d"
                                                 << "xyz"[j] << ": reverse " << reverse[j]
                                                 << ", forward " << forward[j]);
    BOOST_TEST(same(reverse[j], columns[j]), where("forward Jacobian", Op::symbol, xv, yv, zv)
                                                 << " d/d"
                                                 << "xyz"[j] << ": reverse " << reverse[j]
                                                 << ", Jacobian " << columns[j]);
    checked += 2;
  }
  BOOST_TEST(same(g.value(), ctgrad::value(f, p)));
}

// At the special points the symbolic derivative agrees with the sweeps too: the same NaN, the
// same infinity, the same 0 (pow's guards once differed: NaN where the sweeps gave 0), and
// finite values to rounding (it regroups).
template <class Op>
void special_points(int& checked) {
  constexpr auto f = applied<Op>();
  constexpr auto dfdx = ctgrad::derivative(f, x);
  constexpr auto dfdy = ctgrad::derivative(f, y);
  constexpr auto dfdz = ctgrad::derivative(f, z);
  for (double a : special)
    for (double b : (arity<Op>() == 1 ? std::vector<double>{0.0} : special))
      for (double c :
           (arity<Op>() == 3 ? std::vector<double>{0.0, 1.0, nan} : std::vector<double>{0.0})) {
        passes_agree<Op>(a, b, c, checked);
        const auto p = ctgrad::at(x = a, y = b, z = c);
        const auto g = ctgrad::gradient(f, p, ctgrad::wrt(x, y, z));
        const double reverse[] = {g[x], g[y], g[z]};
        const double symbolic[] = {ctgrad::value(dfdx, p), ctgrad::value(dfdy, p),
                                   ctgrad::value(dfdz, p)};
        for (int j = 0; j < 3; ++j)
          BOOST_TEST(close(symbolic[j], reverse[j], 1e-13),
                     where("symbolic derivative", Op::symbol, a, b, c)
                         << " d/d"
                         << "xyz"[j] << ": " << symbolic[j] << " against " << reverse[j]);
        checked += 3;
      }
}

// Where random points are drawn: inside every operation's domain, away from kinks and ties.
// Positive operands below pi/2 (tan) by default; x != y almost surely (min, max).
template <class Op>
std::uniform_real_distribution<double> domain() {
  if constexpr (std::is_same_v<Op, ctgrad::ops::acosh>)
    return std::uniform_real_distribution<double>(1.1, 4.0);
  else if constexpr (std::is_same_v<Op, ctgrad::ops::atanh> ||
                     std::is_same_v<Op, ctgrad::ops::asin> || std::is_same_v<Op, ctgrad::ops::acos>)
    return std::uniform_real_distribution<double>(-0.9, 0.9);
  else
    return std::uniform_real_distribution<double>(0.2, 1.4);
}

// Random points inside the domain; the condition of select is 0 or 1.
template <class Op>
void random_points(int& checked) {
  constexpr auto f = applied<Op>();
  constexpr auto dfdx = ctgrad::derivative(f, x);
  constexpr auto dfdy = ctgrad::derivative(f, y);
  constexpr auto dfdz = ctgrad::derivative(f, z);
  constexpr auto d2fdx2 = ctgrad::derivative(f, x, x);
  constexpr auto d2fdxdy = ctgrad::derivative(f, x, y);
  std::mt19937_64 rng(2024);
  auto d = domain<Op>();
  for (int k = 0; k < 200; ++k) {
    const double xv = d(rng), yv = d(rng), zv = (k % 2 == 0 ? 0.0 : 1.0);
    const auto p = ctgrad::at(x = xv, y = yv, z = zv);
    passes_agree<Op>(xv, yv, zv, checked);
    const auto g = ctgrad::gradient(f, p, ctgrad::wrt(x, y, z));
    const double symbolic[] = {ctgrad::value(dfdx, p), ctgrad::value(dfdy, p),
                               ctgrad::value(dfdz, p)};
    const double reverse[] = {g[x], g[y], g[z]};
    const double h = 1e-6;
    const double central[] = {(ctgrad::value(f, ctgrad::at(x = xv + h, y = yv, z = zv)) -
                               ctgrad::value(f, ctgrad::at(x = xv - h, y = yv, z = zv))) /
                                  (2 * h),
                              (ctgrad::value(f, ctgrad::at(x = xv, y = yv + h, z = zv)) -
                               ctgrad::value(f, ctgrad::at(x = xv, y = yv - h, z = zv))) /
                                  (2 * h)};
    for (int j = 0; j < 3; ++j)
      BOOST_TEST(close(symbolic[j], reverse[j], 1e-13),
                 where("symbolic derivative", Op::symbol, xv, yv, zv)
                     << " d/d"
                     << "xyz"[j] << ": " << symbolic[j] << " against " << reverse[j]);
    for (int j = 0; j < 2; ++j)
      BOOST_TEST(close(central[j], reverse[j], 1e-6),
                 where("central difference", Op::symbol, xv, yv, zv)
                     << " d/d"
                     << "xy"[j] << ": " << central[j] << " against " << reverse[j]);
    const auto H = ctgrad::hessian(f, p);
    if constexpr (arity<Op>() <= 2) {
      BOOST_TEST(close(H(x, x), ctgrad::value(d2fdx2, p), 1e-12),
                 where("Hessian d2/dx2", Op::symbol, xv, yv, zv));
      if constexpr (arity<Op>() == 2)
        BOOST_TEST(close(H(x, y), ctgrad::value(d2fdxdy, p), 1e-12),
                   where("Hessian d2/dxdy", Op::symbol, xv, yv, zv));
    }
    checked += 8;
  }
}

template <class... Op>
int check_all(ctgrad::detail::list<Op...>) {
  int checked = 0;
  (special_points<Op>(checked), ...);
  (random_points<Op>(checked), ...);
  return checked;
}
}  // namespace

BOOST_AUTO_TEST_CASE(every_operation_through_every_pass) {
  const int checked = check_all(ctgrad::detail::number_operations{});
  BOOST_TEST(checked > 10000);
}

// Forward and reverse mode once disagreed on pow at 0^0: the dual pow lacked the reverse rule's
// guards (forward gave NaN, reverse 0 and -inf); so did the symbolic derivative.
BOOST_AUTO_TEST_CASE(pow_at_zero_to_the_zero) {
  const auto f = pow(x, y);
  const auto p = ctgrad::at(x = 0.0, y = 0.0);
  const auto g = ctgrad::gradient(f, p);
  BOOST_TEST(g[x] == 0.0);
  BOOST_TEST(g[y] == -inf);
  BOOST_TEST(ctgrad::tangent(f, p, ctgrad::along(x = 1.0)).tangent == 0.0);
  BOOST_TEST(ctgrad::tangent(f, p, ctgrad::along(y = 1.0)).tangent == -inf);
  const auto J = ctgrad::jacobian<ctgrad::mode::forward>(ctgrad::outputs(f), p);
  BOOST_TEST(J(0, x) == 0.0);
  BOOST_TEST(J(0, y) == -inf);
  // The symbolic partials once lacked the rule's guards: NaN in x here, and NaN in y at 0^2.
  BOOST_TEST(ctgrad::value(ctgrad::derivative(f, x), p) == 0.0);
  BOOST_TEST(ctgrad::value(ctgrad::derivative(f, y), p) == -inf);
  BOOST_TEST(ctgrad::value(ctgrad::derivative(f, y), ctgrad::at(x = 0.0, y = 2.0)) == 0.0);
}
