// The reference results R1-R13 of ../shared/reference-results.md, checked by the compiler.
// Where the arithmetic is exact in binary (R1, R4, R5, R8, R9) the comparison is exact. Elsewhere
// each result is compared twice: with 1e-12 relative tolerance against the closed form written by
// hand with ctgrad::math, and against the number the table prints, within its printed digits.
// The program does nothing at run time: the static_asserts are the test.

#include <ctgrad/ctgrad.hpp>
#include "../support/tolerance.hpp"

namespace {

namespace m = ctgrad::math;
using ctgrad::at;
using ctgrad::gradient;
using ctgrad::let;
using ctgrad::value;

consteval double magnitude(double v) {
  return v < 0 ? -v : v;
}
// Relative closeness; `want` must not be zero.
using ctgrad_test::close;
// Agreement with a printed number: within half a unit of its last printed digit.
consteval bool as_printed(double got, double printed, double half_unit) {
  return magnitude(got - printed) <= half_unit;
}

constexpr auto x = ctgrad::var<"x">;
constexpr auto y = ctgrad::var<"y">;
constexpr auto z = ctgrad::var<"z">;
constexpr auto t = ctgrad::var<"t">;
constexpr auto w = ctgrad::var<"w">;
constexpr auto b = ctgrad::var<"b">;
constexpr auto w1 = ctgrad::var<"w1">;
constexpr auto b1 = ctgrad::var<"b1">;
constexpr auto w2 = ctgrad::var<"w2">;
constexpr auto b2 = ctgrad::var<"b2">;

// R1: y = (3x+2)^2 at x = 1 gives y = 25 and dy/dx = 6(3x+2) = 30, exactly.
namespace r1 {
constexpr auto f = square(3 * x + 2);
constexpr auto g = gradient(f, at(x = 1.0));
static_assert(value(f, at(x = 1.0)) == 25.0);
static_assert(g.value() == 25.0);
static_assert(g[x] == 30.0);
static_assert(g[x] == 6.0 * (3.0 * 1.0 + 2.0));
}  // namespace r1

// R2: y = sin(exp(x^2)) at x = 0.5; dy/dx = cos(exp(x^2)) * exp(x^2) * 2x.
namespace r2 {
constexpr double x0 = 0.5;
constexpr auto f = sin(exp(square(x)));
constexpr auto g = gradient(f, at(x = x0));
constexpr double y_closed = m::sin(m::exp(x0 * x0));
constexpr double dydx_closed = m::cos(m::exp(x0 * x0)) * m::exp(x0 * x0) * 2.0 * x0;
static_assert(close(g.value(), y_closed));
static_assert(close(g[x], dydx_closed));
static_assert(as_printed(g.value(), 0.9591622435375395, 5e-16));
static_assert(as_printed(g[x], 0.3631949148017262, 5e-16));
}  // namespace r2

// R3: two-layer net with biases and ReLU: forward trace, every adjoint, one SGD step (lr = 0.1).
namespace r3 {
constexpr auto z1 = let<"z1">(w1 * x + b1);
constexpr auto h = let<"h">(relu(z1));
constexpr auto yhat = let<"y">(w2 * h + b2);
constexpr auto L = square(yhat - t);
constexpr auto p = at(x = 2.0, t = 1.0, w1 = 0.5, b1 = 0.1, w2 = -0.3, b2 = 0.2);
constexpr auto g = gradient(L, p);

// Forward values.
static_assert(close(g.value(z1), 1.1) && close(g.value(h), 1.1));
static_assert(close(g.value(yhat), -0.13) && close(g.value(), 1.2769));
static_assert(g.value() == value(L, p));

// Adjoints against the table.
static_assert(close(g[yhat], -2.26));
static_assert(close(g[w2], -2.486));
static_assert(close(g[b2], -2.26));
static_assert(close(g[h], 0.678));
static_assert(close(g[z1], 0.678));
static_assert(close(g[w1], 1.356));
static_assert(close(g[b1], 0.678));

// Adjoints against the chain rule written out (relu' = 1 here since z1 > 0).
constexpr double z1_closed = 0.5 * 2.0 + 0.1;
constexpr double h_closed = z1_closed;
constexpr double y_closed = -0.3 * h_closed + 0.2;
constexpr double dL_dy = 2.0 * (y_closed - 1.0);
static_assert(close(g[yhat], dL_dy) && close(g[b2], dL_dy));
static_assert(close(g[w2], dL_dy* h_closed));
static_assert(close(g[h], dL_dy * -0.3) && close(g[z1], dL_dy * -0.3 * 1.0));
static_assert(close(g[w1], dL_dy * -0.3 * 2.0) && close(g[b1], dL_dy * -0.3));

struct parameters {
  double w1, b1, w2, b2;
};
constexpr parameters sgd_step(parameters q, double lr) {
  const auto d = gradient(L, at(x = 2.0, t = 1.0, w1 = q.w1, b1 = q.b1, w2 = q.w2, b2 = q.b2));
  return {q.w1 - lr * d[w1], q.b1 - lr * d[b1], q.w2 - lr * d[w2], q.b2 - lr * d[b2]};
}
constexpr parameters next = sgd_step({0.5, 0.1, -0.3, 0.2}, 0.1);
static_assert(close(next.w1, 0.3644) && close(next.b1, 0.0322));
static_assert(close(next.w2, -0.0514) && close(next.b2, 0.426));

constexpr double loss_after =
    value(L, at(x = 2.0, t = 1.0, w1 = next.w1, b1 = next.b1, w2 = next.w2, b2 = next.b2));
constexpr double y_after = next.w2 * (next.w1 * 2.0 + next.b1) + next.b2;
static_assert(close(loss_after, (y_after - 1.0) * (y_after - 1.0)));
static_assert(as_printed(loss_after, 0.3759104937, 5e-11));
static_assert(loss_after < g.value());
}  // namespace r3

// R4: y = (2x+1)^3 at x = 1 gives dy/dx = 6(2x+1)^2 = 54, exactly.
namespace r4 {
constexpr auto f = pow<3>(2 * x + 1);
constexpr auto g = gradient(f, at(x = 1.0));
static_assert(g.value() == 27.0);
static_assert(g[x] == 54.0);
static_assert(g[x] == 6.0 * (2.0 * 1.0 + 1.0) * (2.0 * 1.0 + 1.0));
}  // namespace r4

// R5: L = (w*x+b)^2 at w=2, x=3, b=1 as z = w*x, h = z+b, L = h^2: every value and adjoint exact.
namespace r5 {
constexpr auto zn = let<"z">(w * x);
constexpr auto h = let<"h">(zn + b);
constexpr auto L = square(h);
constexpr auto g = gradient(L, at(w = 2.0, x = 3.0, b = 1.0));
static_assert(g.value(zn) == 6.0 && g.value(h) == 7.0 && g.value() == 49.0);
static_assert(g[h] == 14.0 && g[zn] == 14.0 && g[b] == 14.0);
static_assert(g[w] == 42.0 && g[x] == 28.0);
// The closed forms dL/dw = 2(wx+b)x, dL/db = 2(wx+b), dL/dx = 2(wx+b)w.
static_assert(g[w] == 2.0 * (2.0 * 3.0 + 1.0) * 3.0);
static_assert(g[b] == 2.0 * (2.0 * 3.0 + 1.0));
static_assert(g[x] == 2.0 * (2.0 * 3.0 + 1.0) * 2.0);
// The public example: the same numbers without names.
static_assert(gradient(square(w * x + b), at(w = 2.0, x = 3.0, b = 1.0))[w] == 42.0);
}  // namespace r5

// R6: two-layer net without biases: forward trace, adjoints, one SGD step (lr = 0.1).
namespace r6 {
constexpr auto z1 = let<"z1">(w1 * x);
constexpr auto a1 = let<"a1">(relu(z1));
constexpr auto z2 = let<"z2">(w2 * a1);
constexpr auto L = square(z2 - y);
constexpr auto g = gradient(L, at(x = 2.0, y = 1.0, w1 = 0.5, w2 = -0.3));

static_assert(g.value(z1) == 1.0 && g.value(a1) == 1.0);
static_assert(close(g.value(z2), -0.3) && close(g.value(), 1.69));
static_assert(close(g[z2], -2.6) && close(g[w2], -2.6));
static_assert(close(g[a1], 0.78) && close(g[z1], 0.78) && close(g[w1], 1.56));
// Chain rule written out: dL/dz2 = 2(z2 - y), dL/da1 = dL/dz2 * w2, dL/dw1 = dL/dz1 * x.
constexpr double dL_dz2 = 2.0 * (-0.3 * 1.0 - 1.0);
static_assert(close(g[z2], dL_dz2) && close(g[w2], dL_dz2 * 1.0));
static_assert(close(g[a1], dL_dz2 * -0.3) && close(g[w1], dL_dz2 * -0.3 * 2.0));

struct parameters {
  double w1, w2;
};
constexpr parameters sgd_step(parameters q, double lr) {
  const auto d = gradient(L, at(x = 2.0, y = 1.0, w1 = q.w1, w2 = q.w2));
  return {q.w1 - lr * d[w1], q.w2 - lr * d[w2]};
}
constexpr parameters next = sgd_step({0.5, -0.3}, 0.1);
static_assert(close(next.w1, 0.344) && close(next.w2, -0.04));
constexpr double loss_after = value(L, at(x = 2.0, y = 1.0, w1 = next.w1, w2 = next.w2));
static_assert(close(loss_after, (next.w2 * next.w1 * 2.0 - 1.0) * (next.w2 * next.w1 * 2.0 - 1.0)));
static_assert(loss_after < g.value());
}  // namespace r6

// R7: house price: L = 0.5 (y - yhat)^2 with yhat = w2 relu(w1 x); one step, then yhat and L.
namespace r7 {
constexpr auto z1 = let<"z1">(w1 * x);
constexpr auto h = let<"h">(relu(z1));
constexpr auto yhat = let<"yhat">(w2 * h);
constexpr auto L = 0.5 * square(y - yhat);
constexpr auto g = gradient(L, at(x = 2.0, w1 = 0.5, w2 = 1.0, y = 3.0));

static_assert(g.value(z1) == 1.0 && g.value(h) == 1.0 && g.value(yhat) == 1.0);
static_assert(g.value() == 2.0);
static_assert(g[yhat] == -2.0 && g[w2] == -2.0 && g[w1] == -4.0);
// Closed forms: dL/dyhat = yhat - y, dL/dw2 = dL/dyhat * h, dL/dw1 = dL/dyhat * w2 * x.
static_assert(g[yhat] == 1.0 - 3.0);
static_assert(g[w2] == (1.0 - 3.0) * 1.0 && g[w1] == (1.0 - 3.0) * 1.0 * 2.0);

struct parameters {
  double w1, w2;
};
constexpr parameters sgd_step(parameters q, double lr) {
  const auto d = gradient(L, at(x = 2.0, y = 3.0, w1 = q.w1, w2 = q.w2));
  return {q.w1 - lr * d[w1], q.w2 - lr * d[w2]};
}
constexpr parameters next = sgd_step({0.5, 1.0}, 0.1);
static_assert(close(next.w1, 0.9) && close(next.w2, 1.2));
constexpr auto after = gradient(L, at(x = 2.0, y = 3.0, w1 = next.w1, w2 = next.w2));
constexpr double yhat_after = next.w2 * next.w1 * 2.0;
static_assert(close(after.value(yhat), yhat_after));
static_assert(close(after.value(), 0.5 * (3.0 - yhat_after) * (3.0 - yhat_after)));
static_assert(as_printed(after.value(yhat), 2.16, 5e-15));
static_assert(as_printed(after.value(), 0.3528, 5e-15));
}  // namespace r7

// R8: y = (2x+1)^2 at x = 1 as u = 2x+1, y = u^2: every local derivative exact.
namespace r8 {
constexpr auto u = let<"u">(2 * x + 1);
constexpr auto f = square(u);
constexpr auto g = gradient(f, at(x = 1.0));
static_assert(g.value(u) == 3.0 && g.value() == 9.0);
static_assert(g[u] == 6.0);                         // dy/du = 2u
static_assert(gradient(u, at(x = 1.0))[x] == 2.0);  // du/dx
static_assert(g[x] == 12.0 && g[x] == g[u] * 2.0);  // dy/dx = dy/du * du/dx
}  // namespace r8

// R9: f = x*y*z at (2, 3, 4): df/dx = yz = 12, df/dy = xz = 8, df/dz = xy = 6, exactly.
namespace r9 {
constexpr auto g = gradient(x * y * z, at(x = 2.0, y = 3.0, z = 4.0));
static_assert(g.value() == 24.0);
static_assert(g[x] == 12.0 && g[y] == 8.0 && g[z] == 6.0);
}  // namespace r9

// R10: a variable on two paths: its gradient is the sum over the paths.
namespace r10 {
constexpr auto p = at(x = 2.0, y = 3.0);
static_assert(gradient(x * y + x, p)[x] == 3.0 + 1.0);  // y + 1
static_assert(gradient(x * y + x, p)[y] == 2.0);
static_assert(gradient(x * x, p)[x] == 2.0 * 2.0);  // 2x

// u = x*y used twice is one node (4 distinct nodes: x, y, x*y, u*u) whose adjoint gathers both
// uses: d(u*u)/dx = 2u * du/dx = 2xy * y.
constexpr auto u = x * y;
static_assert(ctgrad::node_count(u * u) == 4);
static_assert(gradient(u * u, p)[x] == 2.0 * 6.0 * 3.0);
static_assert(gradient(u * u, p)[y] == 2.0 * 6.0 * 2.0);
// Named, the adjoint of u itself can be read: dL/du = 2u.
constexpr auto un = let<"u">(x * y);
static_assert(gradient(un * un, p)[un] == 2.0 * 6.0);
static_assert(gradient(un * un, p)[x] == 2.0 * 6.0 * 3.0);
}  // namespace r10

// R11: a deep chain's gradient is the product of its local derivatives: 20 sigmoids vanish
// (each factor is at most 0.25), 20 factors of 1.5 explode to 1.5^20.
namespace r11 {
template <int Depth, class E>
constexpr auto sigmoid_chain(const E& e) {
  if constexpr (Depth == 0)
    return e;
  else
    return sigmoid_chain<Depth - 1>(sigmoid(e));
}
template <int Depth, class E>
constexpr auto scaled_chain(const E& e) {
  if constexpr (Depth == 0)
    return e;
  else
    return 1.5 * scaled_chain<Depth - 1>(e);
}

constexpr double quarter_to_20 = [] {
  double q = 1.0;
  for (int i = 0; i < 20; ++i) q *= 0.25;
  return q;
}();
static_assert(as_printed(quarter_to_20, 9.094947e-13, 5e-20));

// The chain rule written out: the product of s(1 - s) over the layers.
consteval double sigmoid_chain_derivative(double a) {
  double d = 1.0;
  for (int i = 0; i < 20; ++i) {
    const double s = 1.0 / (1.0 + m::exp(-a));
    d *= s * (1.0 - s);
    a = s;
  }
  return d;
}
constexpr auto vanishing = sigmoid_chain<20>(x);
static_assert(ctgrad::node_count(vanishing) == 21);
static_assert(gradient(vanishing, at(x = 0.0))[x] > 0.0);
static_assert(gradient(vanishing, at(x = 0.0))[x] <= quarter_to_20);
static_assert(gradient(vanishing, at(x = 2.0))[x] <= quarter_to_20);
static_assert(close(gradient(vanishing, at(x = 0.0))[x], sigmoid_chain_derivative(0.0)));
static_assert(close(gradient(vanishing, at(x = 2.0))[x], sigmoid_chain_derivative(2.0)));

constexpr auto exploding = scaled_chain<20>(x);
static_assert(decltype(exploding)::number_count == 20);
// 1.5^k = 3^k / 2^k is exact in binary for k <= 20 (3^20 < 2^53), so the sweep is exact.
static_assert(gradient(exploding, at(x = 1.0))[x] == 3486784401.0 / 1048576.0);
static_assert(close(gradient(exploding, at(x = 1.0))[x], 3325.2567, 1e-8));
static_assert(as_printed(gradient(exploding, at(x = 1.0))[x], 3325.2567, 5e-5));
}  // namespace r11

// R12: the 1-2-1 tanh MLP with 7 parameters: each backprop formula against the reverse sweep.
namespace r12 {
constexpr auto w11 = ctgrad::var<"w11">;
constexpr auto w12 = ctgrad::var<"w12">;
constexpr auto wo1 = ctgrad::var<"wo1">;
constexpr auto wo2 = ctgrad::var<"wo2">;
constexpr auto bo = ctgrad::var<"bo">;
constexpr auto h1 = let<"h1">(tanh(w11 * x + b1));
constexpr auto h2 = let<"h2">(tanh(w12 * x + b2));
constexpr auto yhat = let<"yhat">(wo1 * h1 + wo2 * h2 + bo);
constexpr auto L = square(yhat - t);

constexpr double x0 = 0.5, t0 = 0.8;
constexpr double w11_0 = 0.3, w12_0 = -0.7, b1_0 = 0.1, b2_0 = 0.2, wo1_0 = 0.9, wo2_0 = -0.4,
                 bo_0 = 0.05;
constexpr auto g = gradient(L, at(x = x0, t = t0, w11 = w11_0, w12 = w12_0, b1 = b1_0, b2 = b2_0,
                                  wo1 = wo1_0, wo2 = wo2_0, bo = bo_0));

// The table's formulas, from the sweep's own intermediates.
constexpr double dL_dyhat = g[yhat];
static_assert(close(g[bo], dL_dyhat));
static_assert(close(g[wo1], dL_dyhat* g.value(h1)) && close(g[wo2], dL_dyhat* g.value(h2)));
constexpr double dL_db1 = dL_dyhat * wo1_0 * (1.0 - g.value(h1) * g.value(h1));
constexpr double dL_db2 = dL_dyhat * wo2_0 * (1.0 - g.value(h2) * g.value(h2));
static_assert(close(g[b1], dL_db1) && close(g[b2], dL_db2));
static_assert(close(g[w11], dL_db1* x0) && close(g[w12], dL_db2* x0));

// The same formulas from scratch: forward pass by hand with ctgrad::math::tanh.
constexpr double h1_0 = m::tanh(w11_0 * x0 + b1_0);
constexpr double h2_0 = m::tanh(w12_0 * x0 + b2_0);
constexpr double yhat_0 = wo1_0 * h1_0 + wo2_0 * h2_0 + bo_0;
constexpr double dL_dyhat_0 = 2.0 * (yhat_0 - t0);
static_assert(close(g.value(h1), h1_0) && close(g.value(h2), h2_0));
static_assert(close(g.value(), (yhat_0 - t0) * (yhat_0 - t0)));
static_assert(close(g[bo], dL_dyhat_0));
static_assert(close(g[wo1], dL_dyhat_0* h1_0) && close(g[wo2], dL_dyhat_0* h2_0));
static_assert(close(g[b1], dL_dyhat_0* wo1_0*(1.0 - h1_0 * h1_0)));
static_assert(close(g[b2], dL_dyhat_0* wo2_0*(1.0 - h2_0 * h2_0)));
static_assert(close(g[w11], dL_dyhat_0* wo1_0*(1.0 - h1_0 * h1_0) * x0));
static_assert(close(g[w12], dL_dyhat_0* wo2_0*(1.0 - h2_0 * h2_0) * x0));
static_assert(g.size() == 9 + 3);  // 9 variables (7 parameters, x, t) and 3 named intermediates
}  // namespace r12

// R13: nested derivatives, as a physics-informed network needs them. u = tanh(w x + b) has
// du/dx = w (1 - u^2) and d2u/dx2 = -2 w^2 u (1 - u^2); the residual r = u'' + u of the ODE
// u'' = -u, squared, has a gradient in w and b, derived by hand below.
namespace r13 {
constexpr auto u = tanh(w * x + b);
constexpr auto ux = ctgrad::derivative(u, x);
constexpr auto uxx = ctgrad::derivative(u, x, x);
constexpr auto R = square(uxx + u);

constexpr double w0 = 0.7, x0 = 0.3, b0 = -0.2;
constexpr auto p = at(w = w0, x = x0, b = b0);
constexpr double u0 = m::tanh(w0 * x0 + b0), s0 = 1 - u0 * u0;
static_assert(close(value(u, p), u0));
static_assert(close(value(ux, p), w0* s0));
static_assert(close(value(uxx, p), -2 * w0 * w0 * u0 * s0));
// The symbolic derivatives agree with the reverse sweep and with forward over reverse.
static_assert(close(value(ux, p), gradient(u, p)[x]));
static_assert(close(value(uxx, p), gradient(ux, p)[x]));

// r = u - 2 w^2 u s with s = 1 - u^2; du/dw = x s, du/db = s, ds = -2 u du.
constexpr double r0 = -2 * w0 * w0 * u0 * s0 + u0;
constexpr double dr_dw =
    x0 * s0 - 4 * w0 * u0 * s0 - 2 * w0 * w0 * x0 * s0 * s0 + 4 * w0 * w0 * u0 * u0 * x0 * s0;
constexpr double dr_db = s0 - 2 * w0 * w0 * s0 * s0 + 4 * w0 * w0 * u0 * u0 * s0;
constexpr auto g = gradient(R, p, ctgrad::wrt(w, b));
static_assert(close(g.value(), r0* r0));
static_assert(close(g[w], 2 * r0 * dr_dw));
static_assert(close(g[b], 2 * r0 * dr_db));
// The same gradient as symbolic derivatives of the loss (third-order in x and w together).
static_assert(close(value(ctgrad::derivative(R, w), p), g[w]));
static_assert(close(value(ctgrad::derivative(R, b), p), g[b]));
}  // namespace r13

}  // namespace

int main() {}
