// The problems written with ctgrad: the expression is a constant whose type is the graph, the
// kernel binds the inputs and calls ctgrad::gradient (or ctgrad::value alone).
#include <array>
#include <cstddef>
#include <utility>
#include <vector>

#include <ctgrad/ctgrad.hpp>

#include "indexed_name.hpp"
#include "loop.hpp"

namespace bench::with_ctgrad {
namespace {

constexpr auto x = ctgrad::var<"x">;
constexpr auto t = ctgrad::var<"t">;
constexpr auto w = ctgrad::var<"w">;
constexpr auto b = ctgrad::var<"b">;
constexpr auto w1 = ctgrad::var<"w1">;
constexpr auto b1 = ctgrad::var<"b1">;
constexpr auto w2 = ctgrad::var<"w2">;
constexpr auto b2 = ctgrad::var<"b2">;

// P1: y = (3x+2)^2
constexpr auto f1 = square(3 * x + 2);
double p1_value(const double* in, double*) {
  return ctgrad::value(f1, ctgrad::at(x = in[0]));
}
double p1_gradient(const double* in, double* g) {
  const auto r = ctgrad::gradient(f1, ctgrad::at(x = in[0]));
  g[0] = r[x];
  return r.value();
}

// P2: y = sin(exp(x^2))
constexpr auto f2 = sin(exp(square(x)));
double p2_value(const double* in, double*) {
  return ctgrad::value(f2, ctgrad::at(x = in[0]));
}
double p2_gradient(const double* in, double* g) {
  const auto r = ctgrad::gradient(f2, ctgrad::at(x = in[0]));
  g[0] = r[x];
  return r.value();
}

// P3: L = (w*x+b)^2
constexpr auto f3 = square(w * x + b);
double p3_value(const double* in, double*) {
  return ctgrad::value(f3, ctgrad::at(w = in[0], x = in[1], b = in[2]));
}
double p3_gradient(const double* in, double* g) {
  const auto r = ctgrad::gradient(f3, ctgrad::at(w = in[0], x = in[1], b = in[2]));
  g[0] = r[w];
  g[1] = r[x];
  g[2] = r[b];
  return r.value();
}

// P4: z1 = w1*x+b1, h = relu(z1), y = w2*h+b2, L = (y-t)^2
constexpr auto f4 = square(w2 * relu(w1 * x + b1) + b2 - t);
constexpr auto p4_point(const double* in) {
  return ctgrad::at(x = in[0], t = in[1], w1 = in[2], b1 = in[3], w2 = in[4], b2 = in[5]);
}
double p4_value(const double* in, double*) {
  return ctgrad::value(f4, p4_point(in));
}
double p4_gradient(const double* in, double* g) {
  const auto r = ctgrad::gradient(f4, p4_point(in), ctgrad::wrt(w1, b1, w2, b2));
  g[0] = r[w1];
  g[1] = r[b1];
  g[2] = r[w2];
  g[3] = r[b2];
  return r.value();
}

// 1-H-1 tanh MLP, per-sample squared loss (P5 is H = 2 at one sample, P6 averages 50 samples).
template <std::size_t J>
constexpr auto hw1 = indexed_var<"w1_", J>;
template <std::size_t J>
constexpr auto hb1 = indexed_var<"b1_", J>;
template <std::size_t J>
constexpr auto hw2 = indexed_var<"w2_", J>;

template <std::size_t... J>
constexpr auto mlp_loss(std::index_sequence<J...>) {
  return square((... + (hw2<J> * tanh(hw1<J> * x + hb1<J>))) + b2 - t);
}
template <std::size_t H>
constexpr auto mlp = mlp_loss(std::make_index_sequence<H>{});

// Parameters in the order of problems.hpp: w1_*, b1_*, w2_*, b2.
template <std::size_t... J>
constexpr auto mlp_parameters(std::index_sequence<J...>) {
  return ctgrad::wrt(hw1<J>..., hb1<J>..., hw2<J>..., b2);
}
template <std::size_t H, std::size_t... J>
constexpr auto mlp_point(const double* p, double xv, double tv, std::index_sequence<J...>) {
  return ctgrad::at(hw1<J> = p[J]..., hb1<J> = p[H + J]..., hw2<J> = p[2 * H + J]..., b2 = p[3 * H],
                    x = xv, t = tv);
}

// Reads the parameters' entries of a gradient into out[], in the same order, with Apply(out, v).
template <std::size_t H, class Result, class Apply, std::size_t... J>
void read_parameters(const Result& r, double* out, Apply apply, std::index_sequence<J...>) {
  (apply(out[J], r[hw1<J>]), ...);
  (apply(out[H + J], r[hb1<J>]), ...);
  (apply(out[2 * H + J], r[hw2<J>]), ...);
  apply(out[3 * H], r[b2]);
}
constexpr auto assign = [](double& out, double v) { out = v; };
constexpr auto accumulate = [](double& out, double v) { out += v; };

double p5_value(const double* in, double*) {
  return ctgrad::value(mlp<2>, mlp_point<2>(in + 2, in[0], in[1], std::make_index_sequence<2>{}));
}
double p5_gradient(const double* in, double* g) {
  constexpr auto J = std::make_index_sequence<2>{};
  const auto r = ctgrad::gradient(mlp<2>, mlp_point<2>(in + 2, in[0], in[1], J), mlp_parameters(J));
  read_parameters<2>(r, g, assign, J);
  return r.value();
}

// P7: the PINN residual, u'' a symbolic derivative of the 1-3-1 network u (the MLP's weights).
template <std::size_t... J>
constexpr auto network(std::index_sequence<J...>) {
  return (... + (hw2<J> * tanh(hw1<J> * x + hb1<J>))) + b2;
}
constexpr auto u7 = network(std::make_index_sequence<3>{});
constexpr auto f7 = square(ctgrad::derivative(u7, x, x) + u7);
constexpr auto p7_point(const double* in) {
  return ctgrad::at(x = in[0], hw1<0> = in[1], hw1<1> = in[2], hw1<2> = in[3], hb1<0> = in[4],
                    hb1<1> = in[5], hb1<2> = in[6], hw2<0> = in[7], hw2<1> = in[8], hw2<2> = in[9],
                    b2 = in[10]);
}
double p7_value(const double* in, double*) {
  return ctgrad::value(f7, p7_point(in));
}
double p7_gradient(const double* in, double* g) {
  constexpr auto J = std::make_index_sequence<3>{};
  const auto r = ctgrad::gradient(f7, p7_point(in), mlp_parameters(J));
  read_parameters<3>(r, g, assign, J);
  return r.value();
}

// P8: 20 nested sigmoids, one loop node.
constexpr auto f8 = ctgrad::unroll<20>(x, [](const auto& y) { return sigmoid(1.5 * y + 0.1); });
double p8_value(const double* in, double*) {
  return ctgrad::value(f8, ctgrad::at(x = in[0]));
}
double p8_gradient(const double* in, double* g) {
  const auto r = ctgrad::gradient(f8, ctgrad::at(x = in[0]));
  g[0] = r[x];
  return r.value();
}

// P9: the Lennard-Jones energy of 4 particles, s = pow<-3>(r^2) shared by s^2 and s.
template <std::size_t K>
constexpr auto q = indexed_var<"q", K>;
template <std::size_t I, std::size_t J>
constexpr auto pair_energy() {
  constexpr auto d2 = square(q<3 * I> - q<3 * J>) + square(q<3 * I + 1> - q<3 * J + 1>) +
                      square(q<3 * I + 2> - q<3 * J + 2>);
  constexpr auto s = ctgrad::pow<-3>(d2);
  return 4 * (square(s) - s);
}
constexpr auto f9 = pair_energy<0, 1>() + pair_energy<0, 2>() + pair_energy<0, 3>() +
                    pair_energy<1, 2>() + pair_energy<1, 3>() + pair_energy<2, 3>();
template <std::size_t... K>
constexpr auto p9_point(const double* in, std::index_sequence<K...>) {
  return ctgrad::at((q<K> = in[K])...);
}
double p9_value(const double* in, double*) {
  return ctgrad::value(f9, p9_point(in, std::make_index_sequence<12>{}));
}
double p9_gradient(const double* in, double* g) {
  constexpr auto K = std::make_index_sequence<12>{};
  const auto r = ctgrad::gradient(f9, p9_point(in, K));
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    ((g[I] = r[q<I>]), ...);
  }
  (K);
  return r.value();
}

// P10: iterate over the step, t from a data column that views the times.
constexpr auto y10 = ctgrad::var<"y">;
constexpr auto k10 = ctgrad::var<"k">;
constexpr auto h10 = ctgrad::var<"h">;
constexpr auto t10 = ctgrad::var<"t">;
constexpr auto euler10 = y10 + h10 * (sin(t10) - k10 * y10);
const std::vector<double>& p10_times() {
  static const std::vector<double> ts = [] {
    std::vector<double> out(p10::steps);
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = p10::time(i);
    return out;
  }();
  return ts;
}
double p10_value(const double* in, double*) {
  double y = in[0];
  const auto& ts = p10_times();
  for (std::size_t i = 0; i < p10::steps; ++i)
    y = ctgrad::value(euler10, ctgrad::at(y10 = y, k10 = in[1], h10 = in[2], t10 = ts[i]));
  return y;
}
double p10_gradient(const double* in, double* g) {
  const auto r = ctgrad::iterate(euler10, y10, ctgrad::at(y10 = in[0], k10 = in[1], h10 = in[2]),
                                 ctgrad::data(t10 = p10_times()));
  g[0] = r[y10];
  g[1] = r[k10];
  g[2] = r[h10];
  return r.value();
}

// P6: the batch gradient is the sum of 50 per-sample gradients, scaled by 1/50.
template <std::size_t H>
double p6_value(const double* p, double*) {
  const samples& s = p6_samples();
  double loss = 0.0;
  for (std::size_t i = 0; i < sample_count; ++i)
    loss += ctgrad::value(mlp<H>, mlp_point<H>(p, s.x[i], s.t[i], std::make_index_sequence<H>{}));
  return loss / static_cast<double>(sample_count);
}
template <std::size_t H>
double p6_gradient(const double* p, double* g) {
  constexpr auto J = std::make_index_sequence<H>{};
  const samples& s = p6_samples();
  const double scale = 1.0 / static_cast<double>(sample_count);
  std::array<double, 3 * H + 1> sum{};
  double loss = 0.0;
  for (std::size_t i = 0; i < sample_count; ++i) {
    const auto r = ctgrad::gradient(mlp<H>, mlp_point<H>(p, s.x[i], s.t[i], J), mlp_parameters(J));
    loss += r.value();
    read_parameters<H>(r, sum.data(), accumulate, J);
  }
  for (std::size_t k = 0; k < sum.size(); ++k) g[k] = sum[k] * scale;
  return loss * scale;
}

template <class Problem, kernel_fn Gradient, kernel_fn Value>
struct both {
  registrar gradient = gradient_kernel<Problem, Gradient>("ctgrad");
  registrar value = value_kernel<Problem, Value>("ctgrad_value");
};

const both<p1, p1_gradient, p1_value> r1;
const both<p2, p2_gradient, p2_value> r2;
const both<p3, p3_gradient, p3_value> r3;
const both<p4, p4_gradient, p4_value> r4;
const both<p5, p5_gradient, p5_value> r5;
const both<p7, p7_gradient, p7_value> r7;
const both<p8, p8_gradient, p8_value> r8;
const both<p9, p9_gradient, p9_value> r9;
const both<p10, p10_gradient, p10_value> r10;
const both<p6<1>, p6_gradient<1>, p6_value<1>> r6_1;
const both<p6<4>, p6_gradient<4>, p6_value<4>> r6_4;
const both<p6<16>, p6_gradient<16>, p6_value<16>> r6_16;

}  // namespace
}  // namespace bench::with_ctgrad
