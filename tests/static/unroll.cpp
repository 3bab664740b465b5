// unroll<K>(init, step) checked by the compiler: explicit Euler steps of y' = -k y and a tanh
// recurrence unrolled into one expression, against the same loops written out, in value and
// gradient; the number of distinct nodes grows by a constant per step.
#include <ctgrad/ctgrad.hpp>
#include <type_traits>
#include "../support/tolerance.hpp"

namespace {

using ctgrad::at;
using ctgrad::gradient;
using ctgrad::unroll;
using ctgrad::value;

constexpr auto s0 = ctgrad::var<"s0">;
constexpr auto h = ctgrad::var<"h">;
constexpr auto k = ctgrad::var<"k">;
constexpr auto w = ctgrad::var<"w">;

constexpr bool close(double got, double want) {
  return ctgrad_test::close(got, want, 1e-14);
}

// Euler for y' = -k y: y_{n+1} = y_n + h (-k y_n), so y_K = s0 (1 - h k)^K.
constexpr int K = 6;
constexpr auto euler = unroll<K>(s0, [](const auto& y) { return y + h * (-k * y); });
constexpr auto p = at(s0 = 1.5, h = 0.1, k = 2.0);
constexpr double by_loop = [] {
  double y = 1.5;
  for (int i = 0; i < K; ++i) y = y + 0.1 * (-2.0 * y);
  return y;
}();
static_assert(value(euler, p) == by_loop);
constexpr auto g = gradient(euler, p);
constexpr double q = 1 - 0.1 * 2.0;  // 1 - h k
constexpr double q5 = q * q * q * q * q;
static_assert(close(g[s0], q5* q));               // (1 - hk)^K
static_assert(close(g[k], -K * 0.1 * 1.5 * q5));  // -K h s0 (1 - hk)^(K-1)
static_assert(close(g[h], -K * 2.0 * 1.5 * q5));  // -K k s0 (1 - hk)^(K-1)
// Every step has one structure, so the loop is one node, whatever K: the graph is s0, the step's
// variables h and k, and the loop. Its type does not grow with K.
static_assert(ctgrad::node_count(euler) == 4);
static_assert(ctgrad::detail::is_loop<ctgrad::structure_of<decltype(euler)>::op>::value);
static_assert(
    std::is_same_v<decltype(euler), decltype(unroll<K + 100>(s0, [](const auto& y) {
                     return y + h * (-k * y);
                   }))> == false);  // K is in the type; the step's structure is not copied
static_assert(std::is_same_v<ctgrad::structure_of<decltype(euler)>::op::step,
                             ctgrad::structure_of<decltype(unroll<K + 100>(s0, [](const auto& y) {
                               return y + h * (-k * y);
                             }))>::op::step>);

// A recurrence with a run-time number per step, made from the step's index: h_{n+1} =
// tanh(w h_n + u_n), u_n = 0.1 n. The input is used once per step, so nothing is copied.
constexpr auto recurrence = unroll<4>(s0, [](const auto& s, auto index) {
  return tanh(w * s + 0.1 * static_cast<double>(decltype(index)::value));
});
static_assert(value(recurrence, at(s0 = 0.5, w = 0.8)) == [] {
  double s = 0.5;
  for (int n = 0; n < 4; ++n) s = ctgrad::math::tanh(0.8 * s + 0.1 * n);
  return s;
}());

// A thousand steps, evaluated by the compiler: the loop runs them at compile time as at run time.
constexpr int long_K = 1000;
constexpr auto long_euler = unroll<long_K>(s0, [](const auto& y) { return y + h * (-k * y); });
constexpr auto long_p = at(s0 = 1.5, h = 0.001, k = 2.0);
static_assert(value(long_euler, long_p) == [] {
  double y = 1.5;
  for (int i = 0; i < long_K; ++i) y = y + 0.001 * (-2.0 * y);
  return y;
}());
static_assert(close(gradient(long_euler, long_p)[s0], value(long_euler, long_p) / 1.5));

// Names per step from the index: "y1", "y2", ... The structure changes from step to step, so the
// steps are written out as one expression.
constexpr auto named = unroll<3>(s0, [](const auto& y, auto index) {
  return ctgrad::let<ctgrad::numbered<"y", decltype(index)::value + 1>>(y + 0.5 * (-y));
});
static_assert(gradient(named, at(s0 = 2.0))[ctgrad::let<"y3">(s0)] == 1);
static_assert(!ctgrad::detail::is_loop<ctgrad::structure_of<decltype(named)>::op>::value);
static_assert(ctgrad::numbered<"y", 17>.view() == "y17");

}  // namespace

int main() {}
