// parallel_batch_gradient under ThreadSanitizer: the samples of one data set split across
// std::jthreads, each summing its own block, with no lock anywhere. The expression (holding
// run-time numbers), the point and the data are shared read-only. The result must equal the
// sequential batch_gradient up to the order of the additions, and exactly with one thread.
// Built in the normal suite and, by scripts/test, under ThreadSanitizer.
#include <cmath>
#include <cstdio>
#include <ctgrad/ctgrad.hpp>
#include <ctgrad/reverse/parallel_batch.hpp>
#include <vector>
#include "../support/tolerance.hpp"

namespace {

constexpr auto w1 = ctgrad::var<"w1">;
constexpr auto b1 = ctgrad::var<"b1">;
constexpr auto w2 = ctgrad::var<"w2">;
constexpr auto b2 = ctgrad::var<"b2">;
constexpr auto x = ctgrad::var<"x">;
constexpr auto t = ctgrad::var<"t">;

bool close(double a, double b) {
  return ctgrad_test::close(a, b, 1e-12);
}

}  // namespace

int main() {
  const auto z1 = ctgrad::let<"z1">(w1 * x + b1);
  const auto L = 0.5 * square(w2 * select(z1 > 0, tanh(z1), 0.1 * z1) + b2 - t);
  std::vector<double> xs(20'000), ts(20'000);
  for (std::size_t i = 0; i < xs.size(); ++i) {
    xs[i] = std::sin(0.37 * static_cast<double>(i)) * 2;
    ts[i] = std::cos(0.11 * static_cast<double>(i));
  }
  const auto p = ctgrad::at(w1 = 0.8, b1 = -0.1, w2 = 1.5, b2 = 0.05);
  const auto d = ctgrad::data(x = xs, t = ts);
  const auto sequential = ctgrad::batch_gradient(L, p, d);
  int failures = 0;
  const auto one = ctgrad::parallel_batch_gradient(L, p, d, 1);
  if (!(one.value() == sequential.value() && one[w1] == sequential[w1] &&
        one[b1] == sequential[b1] && one[w2] == sequential[w2] && one[b2] == sequential[b2])) {
    std::printf("one thread differs from the sequential sum\n");
    ++failures;
  }
  for (unsigned threads : {2u, 4u, 8u}) {
    const auto g = ctgrad::parallel_batch_gradient(L, p, d, threads);
    if (!(g.samples == xs.size() && close(g.value(), sequential.value()) &&
          close(g[w1], sequential[w1]) && close(g[b1], sequential[b1]) &&
          close(g[w2], sequential[w2]) && close(g[b2], sequential[b2]))) {
      std::printf("%u threads: dL/dw1 %.17g, sequential %.17g\n", threads, g[w1], sequential[w1]);
      ++failures;
    }
  }
  const auto by_default = ctgrad::parallel_batch_gradient(L, p, d);
  if (!close(by_default[b2], sequential[b2])) ++failures;
  std::printf("%s\n", failures == 0 ? "ok" : "FAILED");
  return failures == 0 ? 0 : 1;
}
