#pragma once
// The benchmark problems: their inputs (in the order every implementation reads them) and the
// number of gradient entries. Inputs are variables and parameters; the gradient is taken with
// respect to the trailing `outputs` inputs (P4, P5: the parameters, not x and t).
#include <array>
#include <cmath>
#include <cstddef>
#include <string>

namespace bench {

struct p1 {  // y = (3x+2)^2 at x = 1
  static std::string label() { return "P1"; }
  static constexpr std::size_t inputs = 1, outputs = 1;
  static std::array<double, inputs> point() { return {1.0}; }
};

struct p2 {  // y = sin(exp(x^2)) at x = 0.5
  static std::string label() { return "P2"; }
  static constexpr std::size_t inputs = 1, outputs = 1;
  static std::array<double, inputs> point() { return {0.5}; }
};

struct p3 {  // L = (w*x+b)^2; inputs w, x, b; gradient w.r.t. all three
  static std::string label() { return "P3"; }
  static constexpr std::size_t inputs = 3, outputs = 3;
  static std::array<double, inputs> point() { return {2.0, 3.0, 1.0}; }
};

struct p4 {  // two-layer net with relu; inputs x, t, w1, b1, w2, b2; gradient w.r.t. the last 4
  static std::string label() { return "P4"; }
  static constexpr std::size_t inputs = 6, outputs = 4;
  static std::array<double, inputs> point() { return {2.0, 1.0, 0.5, 0.1, -0.3, 0.2}; }
};

struct p5 {  // 1-2-1 tanh MLP; inputs x, t, w1_0, w1_1, b1_0, b1_1, w2_0, w2_1, b2
  static std::string label() { return "P5"; }
  static constexpr std::size_t inputs = 9, outputs = 7;
  static std::array<double, inputs> point() {
    return {0.5, 0.8, 0.3, -0.7, 0.1, 0.2, 0.9, -0.4, 0.05};
  }
};

// The PINN residual (seed 004): L = (u'' + u)^2 for the 1-3-1 tanh network
// u(x) = sum_k w2_k tanh(w1_k x + b1_k) + b2, u'' by ctgrad::derivative(u, x, x); inputs x,
// w1_0..2, b1_0..2, w2_0..2, b2; gradient w.r.t. the 10 parameters.
struct p7 {
  static std::string label() { return "P7"; }
  static constexpr std::size_t inputs = 11, outputs = 10;
  static std::array<double, inputs> point() {
    return {0.7, 0.9, -0.6, 1.3, 0.2, -0.1, 0.4, 0.8, -1.1, 0.5, 0.05};
  }
};

// A deep chain of a transcendental: y_0 = x, y_k = sigmoid(1.5 y_(k-1) + 0.1), 20 steps
// (unroll<20>), at x = 0.3; gradient w.r.t. x.
struct p8 {
  static std::string label() { return "P8"; }
  static constexpr std::size_t inputs = 1, outputs = 1;
  static std::array<double, inputs> point() { return {0.3}; }
};

// A pairwise potential with a shared subexpression: the Lennard-Jones energy of 4 particles in 3-D
// (epsilon = sigma = 1), E = sum_(i<j) 4 (s^2 - s) with s = r_ij^-6 = pow<-3>(r_ij^2); inputs the
// 12 coordinates, gradient w.r.t. all of them.
struct p9 {
  static std::string label() { return "P9"; }
  static constexpr std::size_t inputs = 12, outputs = 12;
  static std::array<double, inputs> point() {
    return {0.0, 0.0, 0.0, 1.1, 0.1, -0.05, 0.05, 1.2, 0.1, 1.05, 1.15, 0.9};
  }
};

// A loop of a run-time length: 1000 explicit Euler steps of y' = -k y + sin(t), with t_i = i / 1000
// given as data (ctgrad::iterate: the step compiled once, the loop run at run time); inputs y0, k,
// h, gradient of y_1000 w.r.t. all three.
struct p10 {
  static std::string label() { return "P10"; }
  static constexpr std::size_t inputs = 3, outputs = 3;
  static constexpr std::size_t steps = 1000;
  static std::array<double, inputs> point() { return {0.8, 0.6, 0.002}; }
  static double time(std::size_t i) { return static_cast<double>(i) / 1000.0; }
};

// 1-H-1 tanh MLP over a batch of 50 samples; inputs w1_0..w1_{H-1}, b1_*, w2_*, b2.
template <std::size_t H>
struct p6 {
  static constexpr std::size_t hidden = H;
  static constexpr std::size_t inputs = 3 * H + 1, outputs = 3 * H + 1;
  static std::string label() { return "P6_H" + std::to_string(H); }
  static std::array<double, inputs> point() {
    std::array<double, inputs> p{};
    for (std::size_t j = 0; j < H; ++j) {
      const double jd = static_cast<double>(j);
      p[j] = std::sin(1.7 * jd + 0.5);
      p[H + j] = 0.3 * std::cos(1.3 * jd + 0.1);
      p[2 * H + j] = 0.7 * std::cos(0.9 * jd + 0.2) / std::sqrt(static_cast<double>(H));
    }
    p[3 * H] = 0.1;
    return p;
  }
};

// The 50 samples of P6: x_i = -2 + 4i/49, t_i = x_i^2. Filled at start-up, not constexpr, so
// that no implementation can fold the data into its code.
inline constexpr std::size_t sample_count = 50;
struct samples {
  std::array<double, sample_count> x{}, t{};
};
const samples& p6_samples();

}  // namespace bench
