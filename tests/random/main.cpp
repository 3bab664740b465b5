// Runs the generated random differential tests: all shards, or the one given as argument.
#include <cstdio>
#include <cstdlib>

#include "harness.hpp"

int main(int argc, char** argv) {
  using namespace random_test;
  const int first = argc > 1 ? std::atoi(argv[1]) : 0;
  const int last = argc > 1 ? first + 1 : shard_count;
  if (first < 0 || last > shard_count) {
    std::printf("usage: %s [shard < %d]\n", argv[0], shard_count);
    return 2;
  }
  tally t;
  for (int k = first; k < last; ++k) shards[k](t);
  std::printf(
      "%ld expressions, %ld points (%ld skipped within %g of a kink): %ld partials vs "
      "finite differences, %ld vs ADOL-C, %ld tangents vs forward mode, %ld symbolic partials vs "
      "reverse, %ld symbolic second partials vs forward over reverse and finite differences; "
      "%ld mismatches; worst error/tolerance: finite differences %.3g, ADOL-C %.3g, forward "
      "mode %.3g, symbolic %.3g, symbolic second order %.3g\n",
      t.expressions, t.points, t.skipped, kink_margin, t.fd_checks, t.adolc_checks,
      t.forward_checks, t.symbolic_checks, t.second_order_checks, t.mismatches, t.worst_fd,
      t.worst_adolc, t.worst_forward, t.worst_symbolic, t.worst_second_order);
  return t.mismatches == 0 && t.expressions > 0 ? 0 : 1;
}
