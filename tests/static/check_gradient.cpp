// ctgrad::check_gradient in constant expressions: the reverse sweep against central differences,
// evaluated by the compiler, on R5 (seeds 001, 002), R2 (seed 000) and R3 (seed 000).
#include <ctgrad/check/gradient_check.hpp>
#include <ctgrad/ctgrad.hpp>

namespace {

constexpr auto w = ctgrad::var<"w">;
constexpr auto x = ctgrad::var<"x">;
constexpr auto b = ctgrad::var<"b">;

// R5: L = (w*x + b)^2 at w = 2, x = 3, b = 1 (int bindings are checked in double).
constexpr auto r5 = ctgrad::check_gradient(square(w * x + b), ctgrad::at(w = 2, x = 3, b = 1));
static_assert(r5.ok);
static_assert(r5.size() == 3);
static_assert(r5[w].reverse == 42 && r5[x].reverse == 28 && r5[b].reverse == 14);
static_assert(r5[w].pass && r5[w].relative_error < 1e-9);
static_assert(r5.entries[0].variable == "w" && r5.entries[2].variable == "b");  // graph order
// The step is cbrt(eps) * max(1, |x|): about 6.06e-6 for |x| <= 1, scaled above.
static_assert(r5[b].step > 6.05e-6 && r5[b].step < 6.06e-6 && r5[x].step == 3 * r5[b].step);

// R2: y = sin(exp(x^2)) at x = 0.5; dy/dx = 0.3631949148017262.
constexpr auto r2 = ctgrad::check_gradient(sin(exp(square(x))), ctgrad::at(x = 0.5));
static_assert(r2.ok && r2.size() == 1);
static_assert(r2[x].numeric > 0.36319491 && r2[x].numeric < 0.36319492);

// R3: the two-layer network; named intermediates are not perturbed, only variables.
constexpr auto target = ctgrad::var<"target">;
constexpr auto w1 = ctgrad::var<"w1">;
constexpr auto b1 = ctgrad::var<"b1">;
constexpr auto w2 = ctgrad::var<"w2">;
constexpr auto b2 = ctgrad::var<"b2">;
constexpr auto h = ctgrad::let<"h">(relu(w1 * x + b1));
constexpr auto r3 = ctgrad::check_gradient(
    square(w2 * h + b2 - target),
    ctgrad::at(x = 2.0, target = 1.0, w1 = 0.5, b1 = 0.1, w2 = -0.3, b2 = 0.2));
static_assert(r3.ok && r3.size() == 6);

// A wrong gradient fails: the derivative of cos claimed for sin.
constexpr auto wrong = ctgrad::check_gradient(sin(x), ctgrad::at(x = 0.5),
                                              ctgrad::gradient(cos(x), ctgrad::at(x = 0.5)));
static_assert(!wrong.ok && !wrong[x].pass);

}  // namespace

int main() {
  return 0;
}
