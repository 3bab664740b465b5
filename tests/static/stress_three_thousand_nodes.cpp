// Size: a 3000-node expression compiles with both compilers at their default limits. Its gradient
// is evaluated at run time (in a constant expression it would double the build time) and agrees
// with the same recurrence differentiated by hand.
#include <cstdio>

#include "chain_expression.hpp"

#ifndef CTGRAD_STRESS_STEPS
#define CTGRAD_STRESS_STEPS 749  // 3001 nodes; the sanitizer build takes 249 (1001 nodes)
#endif

namespace {
constexpr std::size_t steps = CTGRAD_STRESS_STEPS;
const auto e = chain_test::chain<steps>();
static_assert(ctgrad::node_count(e) == 3 + steps * 4 + 2);  // 3001 (1001)
}  // namespace

int main() {
  int wrong = 0;
  for (int i = 0; i < 10; ++i) {
    if (!chain_test::agrees<steps>(e, {0.7 + 0.05 * i, -1.3, 0.4 - 0.1 * i, 1.1})) {
      ++wrong;
      std::printf("point %d: the gradient differs from the hand-derived one\n", i);
    }
  }
  return wrong == 0 ? 0 : 1;
}
