// A computational graph, forward and backward: L = (w*x + b)^2 as z = w*x, h = z + b, L = h^2,
// with every node's forward value and adjoint from one sweep, checked against the closed forms.
// Reproduces R5 (seeds 001 and 002); the binary arithmetic is exact, so the checks are exact.
#include <cstdio>

#include <ctgrad/ctgrad.hpp>

namespace {

int mismatches = 0;

void expect(const char* what, double got, double want) {
  if (got == want) return;
  std::printf("MISMATCH %s: got %.17g, expected %.17g\n", what, got, want);
  ++mismatches;
}

constexpr auto w = ctgrad::var<"w">;
constexpr auto x = ctgrad::var<"x">;
constexpr auto b = ctgrad::var<"b">;

// The graph's nodes, named so that the sweep reports them.
constexpr auto z = ctgrad::let<"z">(w * x);  // multiply node
constexpr auto h = ctgrad::let<"h">(z + b);  // add node
constexpr auto L = square(h);                // square node

// The compiler walks the same graph: the results below are proven before the program runs.
constexpr auto seed_point = ctgrad::at(w = 2, x = 3, b = 1);
constexpr auto seed_gradient = ctgrad::gradient(L, seed_point);
static_assert(seed_gradient.value(z) == 6 && seed_gradient.value(h) == 7 &&
              seed_gradient.value() == 49);
static_assert(seed_gradient[h] == 14 && seed_gradient[z] == 14 && seed_gradient[b] == 14);
static_assert(seed_gradient[w] == 42 && seed_gradient[x] == 28);

}  // namespace

int main() {
  const double wv = 2, xv = 3, bv = 1;
  const auto g = ctgrad::gradient(L, ctgrad::at(w = wv, x = xv, b = bv));

  std::printf("L = (w*x + b)^2 at w = %g, x = %g, b = %g\n", wv, xv, bv);
  std::printf("--- Forward pass: values, left to right ---\n");
  std::printf("z = w*x = %.4f\n", g.value(z));
  std::printf("h = z + b = %.4f\n", g.value(h));
  std::printf("L = h^2 = %.4f\n", g.value());
  std::printf("--- Backward pass: adjoints, right to left ---\n");
  std::printf("dL/dL = 1 (the seed of the sweep)\n");
  std::printf("dL/dh = 2h = %.4f (square doubles)\n", g[h]);
  std::printf("dL/dz = dL/dh * 1 = %.4f (add passes it through)\n", g[z]);
  std::printf("dL/db = dL/dh * 1 = %.4f\n", g[b]);
  std::printf("dL/dw = dL/dz * x = %.4f (multiply swaps the factors)\n", g[w]);
  std::printf("dL/dx = dL/dz * w = %.4f\n", g[x]);

  // The seed's numbers, and the closed forms at the same point.
  const double residual = wv * xv + bv;
  expect("z", g.value(z), 6);
  expect("h", g.value(h), 7);
  expect("L", g.value(), 49);
  expect("dL/dh", g[h], 14);
  expect("dL/dz", g[z], 14);
  expect("dL/db = 2(wx+b)", g[b], 2 * residual);
  expect("dL/dw = 2(wx+b)x", g[w], 2 * residual * xv);
  expect("dL/dx = 2(wx+b)w", g[x], 2 * residual * wv);
  expect("dL/dw", g[w], 42);
  expect("dL/dx", g[x], 28);

  if (mismatches != 0) {
    std::printf("computational_graph: %d MISMATCH(ES)\n", mismatches);
    return 1;
  }
  std::printf("\ncomputational_graph: all numbers match the tutorials\n");
  return 0;
}
