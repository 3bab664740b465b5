// Size: a 500-node expression (a chain over 4 variables with + * sin and run-time numbers)
// compiles with both compilers at their default limits, and its gradient, evaluated during
// compilation, agrees with the same recurrence differentiated by hand.
#include "chain_expression.hpp"

namespace {
constexpr std::size_t steps = 124;
constexpr auto e = chain_test::chain<steps>();
static_assert(ctgrad::node_count(e) == 3 + steps * 4 + 2);  // 501 nodes
static_assert(chain_test::agrees<steps>(e, {0.7, -1.3, 0.4, 1.1}));
}  // namespace

int main() {}
