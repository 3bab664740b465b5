#pragma once
// The measured loop, shared by all implementations and instantiated in each implementation's
// translation unit so that the kernel can be inlined into it. Every iteration the address of the
// inputs passes through DoNotOptimize, whose memory clobber makes the compiler assume they
// changed (no constant folding, no hoisting out of the loop: they are loaded from memory each
// time); the value is consumed by DoNotOptimize and so is the gradient's address (its stores
// must happen: the same memory clobber). All
// in memory, so that no implementation gets a loop-carried register chain the others lack.
#include <benchmark/benchmark.h>

#include <array>

#include "problems.hpp"
#include "registry.hpp"

namespace bench {

template <class Problem, kernel_fn Kernel>
struct measured {
  static void timed(benchmark::State& state) {
    auto in = Problem::point();
    std::array<double, Problem::outputs> grad{};
    for (auto _ : state) {
      benchmark::DoNotOptimize(in.data());
      double f = Kernel(in.data(), grad.data());
      benchmark::DoNotOptimize(f);
      benchmark::DoNotOptimize(grad.data());
    }
  }

  // The same loop body n times, for instruction counts: the difference of two runs with
  // different n divided by the difference of n is the count per evaluation.
  [[gnu::noinline]] static void repeat(long n) {
    auto in = Problem::point();
    std::array<double, Problem::outputs> grad{};
    for (long i = 0; i < n; ++i) {
      benchmark::DoNotOptimize(in.data());
      double f = Kernel(in.data(), grad.data());
      benchmark::DoNotOptimize(f);
      benchmark::DoNotOptimize(grad.data());
    }
  }

  static double evaluate(const double* in, double* grad) { return Kernel(in, grad); }

  static kernel_entry entry(const char* implementation, bool computes_gradient,
                            void (*prepare)() = nullptr) {
    const auto p = Problem::point();
    return {Problem::label(), implementation,   computes_gradient,
            Problem::inputs,  Problem::outputs, std::vector<double>(p.begin(), p.end()),
            &evaluate,        &timed,           &repeat,
            prepare};
  }
};

// Registers Kernel as `<problem>/<implementation>`.
template <class Problem, kernel_fn Kernel>
registrar gradient_kernel(const char* implementation, void (*prepare)() = nullptr) {
  return registrar{measured<Problem, Kernel>::entry(implementation, true, prepare)};
}
template <class Problem, kernel_fn Kernel>
registrar value_kernel(const char* implementation) {
  return registrar{measured<Problem, Kernel>::entry(implementation, false)};
}

}  // namespace bench
