// Gradient checking: every partial derivative from ctgrad's reverse sweep is compared with a
// central difference (f(v + h) - f(v - h)) / 2h, the method of seed 002, by
// ctgrad::check_gradient, on R5, R9, R10, R2 and a mix of functions; the program prints each
// relative error. The same check runs in the compiler as a static_assert.
#include <cstdio>

#include <ctgrad/check/gradient_check.hpp>
#include <ctgrad/ctgrad.hpp>

namespace {

int mismatches = 0;

constexpr auto w = ctgrad::var<"w">;
constexpr auto x = ctgrad::var<"x">;
constexpr auto y = ctgrad::var<"y">;
constexpr auto z = ctgrad::var<"z">;
constexpr auto b = ctgrad::var<"b">;

// R5 checked while compiling: the reverse sweep agrees with central differences.
static_assert(ctgrad::check_gradient(square(w * x + b), ctgrad::at(w = 2, x = 3, b = 1)).ok);

// Prints f's check at p, one line per variable, and counts failures.
template <class F, class P>
void check(const char* title, const F& f, const P& p) {
  const auto result = ctgrad::check_gradient(f, p);
  std::printf("%s = %.6f\n%s", title, ctgrad::value(f, p), ctgrad::to_string(result).c_str());
  if (!result.ok) {
    std::printf("  MISMATCH: an error is above the tolerance %.0e\n", result.tolerance);
    ++mismatches;
  }
}

void expect_exact(const char* what, double got, double want) {
  if (got == want) return;
  std::printf("MISMATCH %s: got %.17g, expected %.17g\n", what, got, want);
  ++mismatches;
}

}  // namespace

int main() {
  check("R5: (w*x + b)^2 at w=2, x=3, b=1", square(w * x + b), ctgrad::at(w = 2, x = 3, b = 1));

  // R9: df/dx = yz, df/dy = xz, df/dz = xy.
  check("R9: x*y*z at x=2, y=3, z=4", x * y * z, ctgrad::at(x = 2, y = 3, z = 4));
  const auto r9 = ctgrad::gradient(x * y * z, ctgrad::at(x = 2, y = 3, z = 4));
  expect_exact("R9 df/dx", r9[x], 12);
  expect_exact("R9 df/dy", r9[y], 8);
  expect_exact("R9 df/dz", r9[z], 6);

  // R10: a variable on two paths gets the sum of both paths' gradients.
  check("R10: x*y + x at x=2, y=3", x * y + x, ctgrad::at(x = 2, y = 3));
  check("R10: x*x at x=2", x * x, ctgrad::at(x = 2));
  expect_exact("R10 d/dx (x*y + x) = y + 1",
               ctgrad::gradient(x * y + x, ctgrad::at(x = 2, y = 3))[x], 4);
  expect_exact("R10 d/dx (x*x) = 2x", ctgrad::gradient(x * x, ctgrad::at(x = 2))[x], 4);

  check("R2: sin(exp(x^2)) at x=0.5", sin(exp(square(x))), ctgrad::at(x = 0.5));

  check("log(1 + x^2) * tanh(y) + sqrt(z) / sigmoid(x*z) + pow(z, y) at x=0.7, y=-1.3, z=2.2",
        log(1 + square(x)) * tanh(y) + sqrt(z) / sigmoid(x * z) + pow(z, y),
        ctgrad::at(x = 0.7, y = -1.3, z = 2.2));
  check("softplus(w*x - b) * cos(x) / (1 + abs(b)) at w=-0.4, x=1.9, b=0.25",
        softplus(w * x - b) * cos(x) / (1 + abs(b)), ctgrad::at(w = -0.4, x = 1.9, b = 0.25));

  if (mismatches != 0) {
    std::printf("gradient_check: %d MISMATCH(ES)\n", mismatches);
    return 1;
  }
  std::printf("\ngradient_check: all gradients agree with central differences\n");
  return 0;
}
