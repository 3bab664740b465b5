// Gradient checking: every partial derivative from ctgrad's reverse sweep is compared with a
// central difference (f(v + h) - f(v - h)) / 2h, the method of seed 002, on R5, R9, R10, R2
// and a mix of functions; the program prints each relative error.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <utility>

#include <ctgrad/ctgrad.hpp>

namespace {

int mismatches = 0;

// Checks f's partial derivatives at the point where vars take `values` (in the same order).
template <class F, class... Vars>
void check(const char* title, const F& f, const std::array<double, sizeof...(Vars)>& values,
           Vars... vars) {
  // The point, with the k-th value moved by `shift` (k past the end: no shift).
  const auto point_with = [&](std::size_t k, double shift) {
    return [&]<std::size_t... I>(std::index_sequence<I...>) {
      return ctgrad::at((vars = values[I] + (I == k ? shift : 0.0))...);
    }(std::index_sequence_for<Vars...>{});
  };
  const auto g = ctgrad::gradient(f, point_with(sizeof...(Vars), 0.0), ctgrad::wrt(vars...));

  std::printf("%s = %.6f\n", title, g.value());
  std::size_t k = 0;
  const auto compare = [&](auto var) {
    const double h = 1e-6 * std::max(1.0, std::abs(values[k]));
    const double central =
        (ctgrad::value(f, point_with(k, h)) - ctgrad::value(f, point_with(k, -h))) / (2 * h);
    const double reverse = g[var];
    const double error =
        std::abs(reverse - central) / std::max({std::abs(reverse), std::abs(central), 1e-12});
    std::printf("  d/d%-2.*s  reverse %13.8f  central %13.8f  relative error %.1e\n",
                static_cast<int>(var.name().size()), var.name().data(), reverse, central, error);
    if (error > 1e-6) {
      std::printf("  MISMATCH: relative error above 1e-6\n");
      ++mismatches;
    }
    ++k;
  };
  (compare(vars), ...);
}

void expect_exact(const char* what, double got, double want) {
  if (got == want) return;
  std::printf("MISMATCH %s: got %.17g, expected %.17g\n", what, got, want);
  ++mismatches;
}

}  // namespace

int main() {
  constexpr auto w = ctgrad::var<"w">;
  constexpr auto x = ctgrad::var<"x">;
  constexpr auto y = ctgrad::var<"y">;
  constexpr auto z = ctgrad::var<"z">;
  constexpr auto b = ctgrad::var<"b">;

  check("R5: (w*x + b)^2 at w=2, x=3, b=1", square(w * x + b), {2, 3, 1}, w, x, b);

  // R9: df/dx = yz, df/dy = xz, df/dz = xy.
  check("R9: x*y*z at x=2, y=3, z=4", x * y * z, {2, 3, 4}, x, y, z);
  const auto r9 = ctgrad::gradient(x * y * z, ctgrad::at(x = 2, y = 3, z = 4));
  expect_exact("R9 df/dx", r9[x], 12);
  expect_exact("R9 df/dy", r9[y], 8);
  expect_exact("R9 df/dz", r9[z], 6);

  // R10: a variable on two paths gets the sum of both paths' gradients.
  check("R10: x*y + x at x=2, y=3", x * y + x, {2, 3}, x, y);
  check("R10: x*x at x=2", x * x, {2}, x);
  expect_exact("R10 d/dx (x*y + x) = y + 1",
               ctgrad::gradient(x * y + x, ctgrad::at(x = 2, y = 3))[x], 4);
  expect_exact("R10 d/dx (x*x) = 2x", ctgrad::gradient(x * x, ctgrad::at(x = 2))[x], 4);

  check("R2: sin(exp(x^2)) at x=0.5", sin(exp(square(x))), {0.5}, x);

  check("log(1 + x^2) * tanh(y) + sqrt(z) / sigmoid(x*z) + pow(z, y) at x=0.7, y=-1.3, z=2.2",
        log(1 + square(x)) * tanh(y) + sqrt(z) / sigmoid(x * z) + pow(z, y), {0.7, -1.3, 2.2},
        x, y, z);
  check("softplus(w*x - b) * cos(x) / (1 + abs(b)) at w=-0.4, x=1.9, b=0.25",
        softplus(w * x - b) * cos(x) / (1 + abs(b)), {-0.4, 1.9, 0.25}, w, x, b);

  if (mismatches != 0) {
    std::printf("gradient_check: %d MISMATCH(ES)\n", mismatches);
    return 1;
  }
  std::printf("\ngradient_check: all gradients agree with central differences\n");
  return 0;
}
