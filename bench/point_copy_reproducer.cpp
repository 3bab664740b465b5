// Not part of the build: the cost of reading every input where ctgrad::at is called. Compile:
//   g++ -std=c++20 -O2 -Iinclude -c bench/point_copy_reproducer.cpp &&
//     objdump -d --no-show-raw-insn -C point_copy_reproducer.o
// (or clang++). The point holds copies of the bound values, so w2_0, w2_1, b2 and t are loaded
// before the forward pass calls tanh; a value live across a call is spilled to the stack and
// reloaded (every xmm register is caller-saved in the x86-64 System V ABI), and a compiler does
// not move a load from memory below a call. by_hand reads them after the calls, from memory;
// by_hand_copied, which reads all inputs first as the point does, has the same spills as
// with_ctgrad: the gap is in the reading order, not in the generated sweep. clang++ 14 -O2:
// 22, 29 and 29 instructions (g++ 12 keeps the loads early in by_hand too: 27 each).
#include <cmath>

#include <ctgrad/ctgrad.hpp>

namespace {
constexpr auto x = ctgrad::var<"x">;
constexpr auto t = ctgrad::var<"t">;
constexpr auto w1_0 = ctgrad::var<"w1_0">;
constexpr auto w1_1 = ctgrad::var<"w1_1">;
constexpr auto b1_0 = ctgrad::var<"b1_0">;
constexpr auto b1_1 = ctgrad::var<"b1_1">;
constexpr auto w2_0 = ctgrad::var<"w2_0">;
constexpr auto w2_1 = ctgrad::var<"w2_1">;
constexpr auto b2 = ctgrad::var<"b2">;
constexpr auto f = square(w2_0 * tanh(w1_0 * x + b1_0) + w2_1 * tanh(w1_1 * x + b1_1) + b2 - t);
}  // namespace

// Inputs: x, t, w1_0, w1_1, b1_0, b1_1, w2_0, w2_1, b2.
double by_hand(const double* in) {
  const double h0 = std::tanh(in[2] * in[0] + in[4]), h1 = std::tanh(in[3] * in[0] + in[5]);
  const double r = in[6] * h0 + in[7] * h1 + in[8] - in[1];
  return r * r;
}

double by_hand_copied(const double* in) {
  const double xv = in[0], tv = in[1], w10 = in[2], w11 = in[3], b10 = in[4], b11 = in[5],
               w20 = in[6], w21 = in[7], b2v = in[8];
  const double h0 = std::tanh(w10 * xv + b10), h1 = std::tanh(w11 * xv + b11);
  const double r = w20 * h0 + w21 * h1 + b2v - tv;
  return r * r;
}

double with_ctgrad(const double* in) {
  return ctgrad::value(f, ctgrad::at(x = in[0], t = in[1], w1_0 = in[2], w1_1 = in[3], b1_0 = in[4],
                                     b1_1 = in[5], w2_0 = in[6], w2_1 = in[7], b2 = in[8]));
}
