// Forward mode and second derivatives by dual numbers, checked by the compiler.
#include <ctgrad/ctgrad.hpp>
#include <ctgrad/forward/tangent.hpp>
#include "../support/tolerance.hpp"

namespace {

using ctgrad::along;
using ctgrad::at;
namespace math = ctgrad::math;

constexpr auto x = ctgrad::var<"x">;
constexpr auto y = ctgrad::var<"y">;
constexpr auto w = ctgrad::var<"w">;
constexpr auto b = ctgrad::var<"b">;

constexpr bool close(double got, double want) {
  return ctgrad_test::close(got, want, 1e-13);
}

// A tangent is the directional derivative: grad f . d.
constexpr auto f = x * x * y + sin(y);
constexpr auto t = ctgrad::tangent(f, at(x = 2.0, y = 1.0), along(x = 1.0, y = 2.0));
static_assert(t.value == 4.0 + math::sin(1.0));
static_assert(close(t.tangent, (2 * 2.0 * 1.0) * 1.0 + (2.0 * 2.0 + math::cos(1.0)) * 2.0));
// A variable the direction leaves out does not move.
static_assert(ctgrad::tangent(f, at(x = 2.0, y = 1.0), along(x = 1.0)).tangent == 4.0);

// The Hessian of x^2 y + sin y: [[2y, 2x], [2x, -sin y]], symmetric.
constexpr auto h = ctgrad::hessian(f, at(x = 2.0, y = 1.0));
static_assert(h.size == 2 && h.value() == 4.0 + math::sin(1.0));
static_assert(h[x] == 4.0 && close(h[y], 4.0 + math::cos(1.0)));
static_assert(h(x, x) == 2.0 && h(x, y) == 4.0 && h(y, x) == 4.0);
static_assert(close(h(y, y), -math::sin(1.0)));

// A Hessian-vector product is one column combination, without forming the Hessian.
constexpr auto hv = ctgrad::hessian_vector(f, at(x = 2.0, y = 1.0), along(x = 1.0, y = -1.0));
static_assert(hv[x].value == 4.0 && hv[x].tangent == 2.0 * 1.0 + 4.0 * -1.0);
static_assert(close(hv[y].tangent, 4.0 * 1.0 + -math::sin(1.0) * -1.0));

// R13 (first part): u = tanh(w x + b); du/dx = w (1 - u^2) and d2u/dx2 = -2 w^2 u (1 - u^2).
// (The gradient w.r.t. w and b of a residual built from these: reference_results.cpp, R13.)
constexpr auto u = tanh(w * x + b);
constexpr double wv = 0.7, xv = 0.3, bv = -0.2;
constexpr double uv = math::tanh(wv * xv + bv);
constexpr auto hu = ctgrad::hessian(u, at(w = wv, x = xv, b = bv));
static_assert(close(hu[x], wv*(1 - uv * uv)));
static_assert(close(hu(x, x), -2 * wv * wv * uv * (1 - uv * uv)));
// Mixed: d2u/dx dw = (1 - u^2) - 2 w x u (1 - u^2).
static_assert(close(hu(x, w), (1 - uv * uv) - 2 * wv * xv * uv * (1 - uv * uv)));
static_assert(close(hu(x, w), hu(w, x)));

// Kinks follow the point: relu is linear on either side, so its second derivative is 0.
static_assert(ctgrad::hessian(relu(x) * y, at(x = 1.5, y = 2.0))(x, x) == 0.0);
static_assert(ctgrad::hessian(relu(x) * y, at(x = 1.5, y = 2.0))(x, y) == 1.0);

}  // namespace

int main() {}
