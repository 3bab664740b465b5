// Vanishing and exploding gradients: the gradient of a deep chain is the product of its layers'
// local derivatives. 20 sigmoid layers (each slope at most 0.25) vs 20 layers of slope 1.5.
// Reproduces R11 (seed 002): at most 0.25^20 = 9.094947e-13, and 1.5^20 = 3325.2567.
#include <cmath>
#include <cstdio>

#include <ctgrad/ctgrad.hpp>

namespace {

constexpr auto x = ctgrad::var<"x">;

// sigmoid(sigmoid(...sigmoid(e))), Depth layers deep: the chain is built into the type.
template <int Depth, class E>
constexpr auto sigmoid_chain(const E& e) {
  if constexpr (Depth == 0)
    return e;
  else
    return sigmoid_chain<Depth - 1>(sigmoid(e));
}

// 1.5 * (1.5 * (... * e)): a compile-time constant 3/2 per layer, so the product is exact.
template <int Depth, class E>
constexpr auto linear_chain(const E& e) {
  if constexpr (Depth == 0)
    return e;
  else
    return linear_chain<Depth - 1>(ctgrad::c<3, 2> * e);
}

// The exploding product is proven while compiling: 1.5^20 = 3^20 / 2^20 exactly.
static_assert(ctgrad::gradient(linear_chain<20>(x), ctgrad::at(x = 1))[x] ==
              3486784401.0 / 1048576.0);

template <int Depth>
void show_depth(double at_x) {
  const auto p = ctgrad::at(x = at_x);
  std::printf("%5d  %14.6e  %12.4f\n", Depth, ctgrad::gradient(sigmoid_chain<Depth>(x), p)[x],
              ctgrad::gradient(linear_chain<Depth>(x), p)[x]);
}

}  // namespace

int main() {
  const double at_x = 0.0;
  std::printf("d/dx of a chain of layers at x = %g\n", at_x);
  std::printf("depth  sigmoid chain   slope-1.5 chain\n");
  show_depth<1>(at_x);
  show_depth<5>(at_x);
  show_depth<10>(at_x);
  show_depth<15>(at_x);
  show_depth<20>(at_x);

  const auto p = ctgrad::at(x = at_x);
  const double vanishing = ctgrad::gradient(sigmoid_chain<20>(x), p)[x];
  const double exploding = ctgrad::gradient(linear_chain<20>(x), p)[x];
  const double bound = std::pow(0.25, 20);

  // The same product by hand: each layer's local derivative is s(1 - s) at its output s.
  double product = 1;
  for (double a = at_x, layer = 0; layer < 20; ++layer) {
    const double s = 1 / (1 + std::exp(-a));
    product *= s * (1 - s);
    a = s;
  }
  std::printf("20 sigmoid layers: %.6e (product of local derivatives %.6e, bound 0.25^20 = %.6e)\n",
              vanishing, product, bound);
  std::printf("20 layers of slope 1.5: %.4f\n", exploding);

  int mismatches = 0;
  if (!(vanishing > 0 && vanishing <= bound)) {
    std::printf("MISMATCH: the sigmoid chain's gradient is not within (0, 0.25^20]\n");
    ++mismatches;
  }
  if (std::abs(vanishing - product) > 1e-12 * product) {
    std::printf("MISMATCH: the sigmoid chain's gradient %.17g is not the product %.17g\n",
                vanishing, product);
    ++mismatches;
  }
  if (exploding != std::pow(1.5, 20)) {
    std::printf("MISMATCH: the slope-1.5 chain's gradient is not 1.5^20\n");
    ++mismatches;
  }
  if (mismatches != 0) return 1;
  std::printf("\nvanishing_gradients: all numbers match the tutorial\n");
  return 0;
}
