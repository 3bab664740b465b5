#pragma once
// The problems as functions templated on the number type, for the operator-overloading peers
// (ADOL-C's adouble, Sacado's Rad::ADvar and Fad types). The inputs are in the order of
// problems.hpp; `relu` is given by the caller, since each peer spells a branch differently.
#include <cmath>
#include <cstddef>

#include "problems.hpp"

namespace bench::generic {

template <class T>
T p1(const T* in) {
  T u = 3.0 * in[0] + 2.0;
  return u * u;
}

template <class T>
T p2(const T* in) {
  using std::exp, std::sin;
  return sin(exp(in[0] * in[0]));
}

template <class T>
T p3(const T* in) {
  T h = in[0] * in[1] + in[2];
  return h * h;
}

template <class T, class Relu>
T p4(const T* in, Relu relu) {
  T r = in[4] * relu(in[2] * in[0] + in[3]) + in[5] - in[1];
  return r * r;
}

template <class T>
T p5(const T* in) {
  using std::tanh;
  T r = in[6] * tanh(in[2] * in[0] + in[4]) + in[7] * tanh(in[3] * in[0] + in[5]) + in[8] - in[1];
  return r * r;
}

// The whole batch as one function of the 3H+1 parameters (one tape, one reverse sweep).
template <std::size_t H, class T>
T p6(const T* p) {
  using std::tanh;
  const samples& s = p6_samples();
  T loss = 0.0;
  for (std::size_t i = 0; i < sample_count; ++i) {
    T y = p[3 * H];
    for (std::size_t j = 0; j < H; ++j) y = y + p[2 * H + j] * tanh(p[j] * s.x[i] + p[H + j]);
    T r = y - s.t[i];
    loss = loss + r * r;
  }
  return loss * (1.0 / static_cast<double>(sample_count));
}

// P10: 1000 Euler steps, every operation of every step on the peer's tape.
template <class T>
T p10(const T* in) {
  using std::sin;
  T y = in[0];
  for (std::size_t i = 0; i < bench::p10::steps; ++i)
    y = y + in[2] * (sin(T(bench::p10::time(i))) - in[1] * y);
  return y;
}

}  // namespace bench::generic
