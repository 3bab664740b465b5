// Hand-written forward and reverse passes: the textbook backpropagation of each problem, one
// local derivative per node, the same rules (tanh' = 1 - h^2, exp' = exp) the library uses.
// This is the physical limit a generated gradient is measured against.
#include <array>
#include <cmath>
#include <cstddef>

#include "loop.hpp"

namespace bench::hand {
namespace {

double p1_value(const double* in, double*) {
  const double u = 3.0 * in[0] + 2.0;
  return u * u;
}
double p1_gradient(const double* in, double* g) {
  const double u = 3.0 * in[0] + 2.0;
  const double du = 2.0 * u;
  g[0] = du * 3.0;
  return u * u;
}

double p2_value(const double* in, double*) {
  return std::sin(std::exp(in[0] * in[0]));
}
double p2_gradient(const double* in, double* g) {
  const double x = in[0];
  const double a = x * x, b = std::exp(a), y = std::sin(b);
  const double db = std::cos(b);
  const double da = db * b;
  g[0] = da * (2.0 * x);
  return y;
}

double p3_value(const double* in, double*) {
  const double h = in[0] * in[1] + in[2];
  return h * h;
}
double p3_gradient(const double* in, double* g) {
  const double w = in[0], x = in[1], b = in[2];
  const double h = w * x + b;
  const double dh = 2.0 * h;
  g[0] = dh * x;
  g[1] = dh * w;
  g[2] = dh;
  return h * h;
}

double relu(double a) {
  return a > 0.0 ? a : 0.0;
}

double p4_value(const double* in, double*) {
  const double x = in[0], t = in[1], w1 = in[2], b1 = in[3], w2 = in[4], b2 = in[5];
  const double r = w2 * relu(w1 * x + b1) + b2 - t;
  return r * r;
}
double p4_gradient(const double* in, double* g) {
  const double x = in[0], t = in[1], w1 = in[2], b1 = in[3], w2 = in[4], b2 = in[5];
  const double z1 = w1 * x + b1, h = relu(z1), y = w2 * h + b2, r = y - t;
  const double dy = 2.0 * r;
  const double dh = dy * w2;
  const double dz1 = z1 > 0.0 ? dh : 0.0;
  g[0] = dz1 * x;  // w1
  g[1] = dz1;      // b1
  g[2] = dy * h;   // w2
  g[3] = dy;       // b2
  return r * r;
}

double p5_value(const double* in, double*) {
  const double x = in[0], t = in[1];
  const double h0 = std::tanh(in[2] * x + in[4]), h1 = std::tanh(in[3] * x + in[5]);
  const double r = in[6] * h0 + in[7] * h1 + in[8] - t;
  return r * r;
}
double p5_gradient(const double* in, double* g) {
  const double x = in[0], t = in[1];
  const double h0 = std::tanh(in[2] * x + in[4]), h1 = std::tanh(in[3] * x + in[5]);
  const double r = in[6] * h0 + in[7] * h1 + in[8] - t;
  const double dy = 2.0 * r;
  const double dz0 = dy * in[6] * (1.0 - h0 * h0), dz1 = dy * in[7] * (1.0 - h1 * h1);
  g[0] = dz0 * x;  // w1_0
  g[1] = dz1 * x;  // w1_1
  g[2] = dz0;      // b1_0
  g[3] = dz1;      // b1_1
  g[4] = dy * h0;  // w2_0
  g[5] = dy * h1;  // w2_1
  g[6] = dy;       // b2
  return r * r;
}

// P7: with t = tanh(z), s = 1 - t^2: u = sum w2 t + b2, u'' = sum w2 w1^2 g with g = t'' = -2 t s,
// and dg/dz = -2 s (1 - 3 t^2). r = u'' + u, L = r^2, dL/dtheta = 2 r (du''/dtheta + du/dtheta).
double p7_value(const double* in, double*) {
  const double x = in[0];
  double r = in[10];
  for (std::size_t k = 0; k < 3; ++k) {
    const double w1 = in[1 + k], w2 = in[7 + k];
    const double t = std::tanh(w1 * x + in[4 + k]), s = 1.0 - t * t;
    r += w2 * t + w2 * w1 * w1 * (-2.0 * t * s);
  }
  return r * r;
}
double p7_gradient(const double* in, double* g) {
  const double x = in[0];
  std::array<double, 3> t{}, s{}, gz{}, dgz{};
  double r = in[10];
  for (std::size_t k = 0; k < 3; ++k) {
    const double w1 = in[1 + k], w2 = in[7 + k];
    t[k] = std::tanh(w1 * x + in[4 + k]);
    s[k] = 1.0 - t[k] * t[k];
    gz[k] = -2.0 * t[k] * s[k];
    dgz[k] = -2.0 * s[k] * (1.0 - 3.0 * t[k] * t[k]);
    r += w2 * t[k] + w2 * w1 * w1 * gz[k];
  }
  const double dr = 2.0 * r;
  for (std::size_t k = 0; k < 3; ++k) {
    const double w1 = in[1 + k], w2 = in[7 + k];
    const double dz = w2 * (s[k] + w1 * w1 * dgz[k]);  // d(u + u'')/dz_k
    g[k] = dr * (dz * x + w2 * 2.0 * w1 * gz[k]);      // w1_k
    g[3 + k] = dr * dz;                                // b1_k
    g[6 + k] = dr * (t[k] + w1 * w1 * gz[k]);          // w2_k
  }
  g[9] = dr;  // b2
  return r * r;
}

// P8: the forward pass keeps the 20 values; the adjoint is the product of the local slopes.
double p8_value(const double* in, double*) {
  double y = in[0];
  for (int k = 0; k < 20; ++k) y = 1.0 / (1.0 + std::exp(-(1.5 * y + 0.1)));
  return y;
}
double p8_gradient(const double* in, double* g) {
  std::array<double, 20> s{};
  double y = in[0];
  for (std::size_t k = 0; k < 20; ++k) y = s[k] = 1.0 / (1.0 + std::exp(-(1.5 * y + 0.1)));
  double d = 1.0;
  for (std::size_t k = 20; k-- > 0;) d *= 1.5 * (s[k] * (1.0 - s[k]));
  g[0] = d;
  return y;
}

// P9: per pair d2 = |p_i - p_j|^2, s = 1/d2^3, E += 4 (s^2 - s); dE/dd2 = 4 (2s - 1) (-3s / d2).
double p9_value(const double* p, double*) {
  double e = 0.0;
  for (std::size_t i = 0; i < 4; ++i)
    for (std::size_t j = i + 1; j < 4; ++j) {
      const double dx = p[3 * i] - p[3 * j], dy = p[3 * i + 1] - p[3 * j + 1],
                   dz = p[3 * i + 2] - p[3 * j + 2];
      const double d2 = dx * dx + dy * dy + dz * dz, s = 1.0 / (d2 * d2 * d2);
      e += 4.0 * (s * s - s);
    }
  return e;
}
double p9_gradient(const double* p, double* g) {
  double e = 0.0;
  for (std::size_t k = 0; k < 12; ++k) g[k] = 0.0;
  for (std::size_t i = 0; i < 4; ++i)
    for (std::size_t j = i + 1; j < 4; ++j) {
      const double dx = p[3 * i] - p[3 * j], dy = p[3 * i + 1] - p[3 * j + 1],
                   dz = p[3 * i + 2] - p[3 * j + 2];
      const double d2 = dx * dx + dy * dy + dz * dz, s = 1.0 / (d2 * d2 * d2);
      e += 4.0 * (s * s - s);
      const double c = 2.0 * (4.0 * (2.0 * s - 1.0) * (-3.0 * s / d2));  // dE/dd2 * 2
      g[3 * i] += c * dx;
      g[3 * i + 1] += c * dy;
      g[3 * i + 2] += c * dz;
      g[3 * j] -= c * dx;
      g[3 * j + 1] -= c * dy;
      g[3 * j + 2] -= c * dz;
    }
  return e;
}

// P10: the forward loop keeps the states; the adjoint loop runs backward, a = d y_n / d y_i.
double p10_value(const double* in, double*) {
  double y = in[0];
  const double k = in[1], h = in[2];
  for (std::size_t i = 0; i < p10::steps; ++i) y = y + h * (std::sin(p10::time(i)) - k * y);
  return y;
}
double p10_gradient(const double* in, double* g) {
  std::array<double, p10::steps + 1> ys;
  const double k = in[1], h = in[2];
  ys[0] = in[0];
  for (std::size_t i = 0; i < p10::steps; ++i)
    ys[i + 1] = ys[i] + h * (std::sin(p10::time(i)) - k * ys[i]);
  double a = 1.0, dk = 0.0, dh = 0.0;
  for (std::size_t i = p10::steps; i-- > 0;) {
    dk += a * (-h * ys[i]);
    dh += a * (std::sin(p10::time(i)) - k * ys[i]);
    a *= 1.0 - h * k;
  }
  g[0] = a;
  g[1] = dk;
  g[2] = dh;
  return ys[p10::steps];
}

// P6: per sample a forward pass over the H hidden units, then the reverse pass, accumulated.
template <std::size_t H>
double p6_value(const double* p, double*) {
  const samples& s = p6_samples();
  double loss = 0.0;
  for (std::size_t i = 0; i < sample_count; ++i) {
    double y = p[3 * H];
    for (std::size_t j = 0; j < H; ++j) y += p[2 * H + j] * std::tanh(p[j] * s.x[i] + p[H + j]);
    const double r = y - s.t[i];
    loss += r * r;
  }
  return loss / static_cast<double>(sample_count);
}
template <std::size_t H>
double p6_gradient(const double* p, double* g) {
  const samples& s = p6_samples();
  const double scale = 1.0 / static_cast<double>(sample_count);
  std::array<double, 3 * H + 1> sum{};
  double loss = 0.0;
  for (std::size_t i = 0; i < sample_count; ++i) {
    const double x = s.x[i];
    std::array<double, H> h;
    double y = p[3 * H];
    for (std::size_t j = 0; j < H; ++j) {
      h[j] = std::tanh(p[j] * x + p[H + j]);
      y += p[2 * H + j] * h[j];
    }
    const double r = y - s.t[i];
    loss += r * r;
    const double dy = 2.0 * r;
    for (std::size_t j = 0; j < H; ++j) {
      const double dz = dy * p[2 * H + j] * (1.0 - h[j] * h[j]);
      sum[j] += dz * x;
      sum[H + j] += dz;
      sum[2 * H + j] += dy * h[j];
    }
    sum[3 * H] += dy;
  }
  for (std::size_t k = 0; k < 3 * H + 1; ++k) g[k] = sum[k] * scale;
  return loss * scale;
}

template <class Problem, kernel_fn Gradient, kernel_fn Value>
struct both {
  registrar gradient = gradient_kernel<Problem, Gradient>("hand");
  registrar value = value_kernel<Problem, Value>("hand_value");
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
const both<p6<64>, p6_gradient<64>, p6_value<64>> r6_64;
const both<p6<256>, p6_gradient<256>, p6_value<256>> r6_256;

}  // namespace
}  // namespace bench::hand
