#pragma once
// Every implementation registers its kernels here, from its own translation unit, so that each
// peer can be compiled with the flags it needs. main.cpp checks and times what is registered.
#include <benchmark/benchmark.h>

#include <cstddef>
#include <string>
#include <vector>

namespace bench {

// A kernel reads the problem's inputs and returns f; a gradient kernel also writes df/dinput.
using kernel_fn = double (*)(const double* in, double* grad);

struct kernel_entry {
  std::string problem;         // "P3", "P6_H4"
  std::string implementation;  // "hand", "ctgrad", "adolc_replay", ...
  bool computes_gradient = true;
  std::size_t inputs = 0, outputs = 0;
  std::vector<double> point;                   // the inputs at which every kernel is checked
  kernel_fn evaluate = nullptr;                // one evaluation, for the correctness check
  void (*timed)(benchmark::State&) = nullptr;  // the Google Benchmark loop
  void (*repeat)(long) = nullptr;              // n evaluations without the harness (callgrind)
  void (*prepare)() = nullptr;                 // once before use (records a replayed tape)
};

std::vector<kernel_entry>& registry();

struct registrar {
  explicit registrar(kernel_entry entry) { registry().push_back(std::move(entry)); }
};

}  // namespace bench
