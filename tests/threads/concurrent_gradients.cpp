// Gradients from many threads at once: ctgrad has no global state (an expression, a point and a
// gradient result are plain values), so threads need no locks. 8 threads each take 10,000
// gradients of the two-layer network R3 at their own points, reading one shared expression
// object that holds run-time numbers, and check every entry against the chain rule written out.
// Built in the normal suite and, by scripts/test, under ThreadSanitizer (this folder is also a
// CMake project of its own for that).
#include <array>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <ctgrad/ctgrad.hpp>
#include <thread>
#include <vector>
#include "../support/tolerance.hpp"

namespace {

constexpr auto w1 = ctgrad::var<"w1">;
constexpr auto b1 = ctgrad::var<"b1">;
constexpr auto w2 = ctgrad::var<"w2">;
constexpr auto b2 = ctgrad::var<"b2">;
constexpr auto x = ctgrad::var<"x">;

constexpr int threads = 8;
constexpr int gradients_per_thread = 10'000;

struct by_hand {
  double L, dw1, db1, dw2, db2, dz1, dh;
};

// R3 (seed 000) with target t: z1 = w1 x + b1, h = relu(z1), y = w2 h + b2, L = (y - t)^2.
by_hand chain_rule(double w1v, double b1v, double w2v, double b2v, double xv, double t) {
  const double z1 = w1v * xv + b1v, h = z1 > 0 ? z1 : 0.0, y = w2v * h + b2v;
  const double dy = 2 * (y - t), dh = dy * w2v, dz1 = z1 > 0 ? dh : 0.0;
  return {(y - t) * (y - t), dz1 * xv, dz1, dy * h, dy, dz1, dh};
}

bool close(double a, double b) {
  return ctgrad_test::close(a, b, 1e-14);
}

template <class Loss, class Z1, class H>
long run(int id, const Loss& L, const Z1& z1, const H& h, double t) {
  long wrong = 0;
  for (int i = 0; i < gradients_per_thread; ++i) {
    // A different point per thread and iteration; z1 changes sign, so both relu branches run.
    const double w1v = 0.5 + 0.01 * id - 1e-4 * i, b1v = 0.1 - 0.02 * id;
    const double w2v = -0.3 + 1e-5 * i, b2v = 0.2, xv = 2.0 - 0.1 * id;
    const auto g = ctgrad::gradient(L, ctgrad::at(w1 = w1v, b1 = b1v, w2 = w2v, b2 = b2v, x = xv));
    const by_hand e = chain_rule(w1v, b1v, w2v, b2v, xv, t);
    const bool ok = close(g.value(), e.L) && close(g[w1], e.dw1) && close(g[b1], e.db1) &&
                    close(g[w2], e.dw2) && close(g[b2], e.db2) && close(g[z1], e.dz1) &&
                    close(g[h], e.dh);
    if (!ok && wrong++ == 0)
      std::printf("thread %d, gradient %d: dL/dw1 %.17g, expected %.17g\n", id, i, g[w1], e.dw1);
  }
  return wrong;
}

}  // namespace

int main() {
  const double t = 1.0;
  const auto z1 = ctgrad::let<"z1">(w1 * x + b1);
  const auto h = ctgrad::let<"h">(relu(z1));
  const auto L = square(w2 * h + b2 - t);  // holds t as a run-time number; shared by all threads
  std::array<long, threads> wrong{};
  {
    std::vector<std::jthread> pool;
    for (int id = 0; id < threads; ++id)
      pool.emplace_back([&, id] { wrong[id] = run(id, L, z1, h, t); });
  }  // jthreads join here
  long total = 0;
  for (long w : wrong) total += w;
  std::printf("%d threads x %d gradients: %ld wrong\n", threads, gradients_per_thread, total);
  return total == 0 ? 0 : 1;
}
