// The code ctgrad generates, printed: the forward and the reverse sweep of R5 (seeds 001, 002)
// and of the two-layer network R3 (seed 000) as straight-line code, next to the tutorials'
// hand-written backward pass. Then the same sweeps run, and their numbers are checked.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include <ctgrad/ctgrad.hpp>
#include <ctgrad/io/code.hpp>

namespace {

int mismatches = 0;

void expect(const char* what, double got, double want) {
  if (std::abs(got - want) <= 1e-12 * std::max(1.0, std::abs(want))) return;
  std::printf("MISMATCH %s: got %.17g, expected %.17g\n", what, got, want);
  ++mismatches;
}

using ctgrad::let;
using ctgrad::var;

// R5 with the seed's names: z = w*x, h = z + b, L = h^2.
namespace r5 {
constexpr auto w = var<"w">;
constexpr auto x = var<"x">;
constexpr auto b = var<"b">;
constexpr auto z = let<"z">(w * x);
constexpr auto h = let<"h">(z + b);
constexpr auto L = let<"L">(square(h));
}  // namespace r5

// R3: z1 = w1*x + b1, h = relu(z1), y = w2*h + b2, L = (y - target)^2.
namespace r3 {
constexpr auto x = var<"x">;
constexpr auto target = var<"target">;
constexpr auto w1 = var<"w1">;
constexpr auto b1 = var<"b1">;
constexpr auto w2 = var<"w2">;
constexpr auto b2 = var<"b2">;
constexpr auto z1 = let<"z1">(w1 * x + b1);
constexpr auto h = let<"h">(relu(z1));
constexpr auto y = let<"y">(w2 * h + b2);
constexpr auto L = let<"L">(square(y - target));
}  // namespace r3

}  // namespace

int main() {
  std::printf("=== R5: L = (w*x + b)^2 ===\n%s\n", ctgrad::to_code(r5::L).c_str());
  std::printf("=== R3: two-layer network ===\n%s\n", ctgrad::to_code(r3::L).c_str());

  // The statements above, run by ctgrad::gradient.
  {
    using namespace r5;
    const auto g = ctgrad::gradient(L, ctgrad::at(w = 2.0, x = 3.0, b = 1.0));
    std::printf("R5 at w = 2, x = 3, b = 1: d_h = %g, d_z = %g, d_w = %g, d_x = %g, d_b = %g\n",
                g[h], g[z], g[w], g[x], g[b]);
    expect("R5 dL/dw", g[w], 42);
    expect("R5 dL/dx", g[x], 28);
    expect("R5 dL/db", g[b], 14);
  }
  {
    using namespace r3;
    const auto g = ctgrad::gradient(
        L, ctgrad::at(x = 2.0, target = 1.0, w1 = 0.5, b1 = 0.1, w2 = -0.3, b2 = 0.2));
    std::printf(
        "R3 at the seed's point: d_y = %g, d_w2 = %g, d_b2 = %g, d_h = %g, d_z1 = %g, "
        "d_w1 = %g, d_b1 = %g\n",
        g[y], g[w2], g[b2], g[h], g[z1], g[w1], g[b1]);
    expect("R3 dL/dy", g[y], -2.26);
    expect("R3 dL/dw2", g[w2], -2.486);
    expect("R3 dL/dz1", g[z1], 0.678);
    expect("R3 dL/dw1", g[w1], 1.356);
  }

  if (mismatches != 0) {
    std::printf("show_generated_code: %d MISMATCH(ES)\n", mismatches);
    return 1;
  }
  std::printf("\nshow_generated_code: the printed sweeps give the tutorials' numbers\n");
  return 0;
}
