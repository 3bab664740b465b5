#define BOOST_TEST_MODULE arrays
#include <boost/test/unit_test.hpp>

// Array variables at run time:
// - 1-H-1 tanh networks (H = 1, 5, 17, 64) and a two-layer network with matvec, at random points,
//   against the chain rule by hand and against central differences per element;
// - batch and multi-threaded batch gradients against the per-sample loop;
// - bindings from std::vector and std::span (a wrong length throws), views and copies;
// - NaN stays in its element through element-wise operations and spreads through reductions;
// - printing.

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <ctgrad/check/gradient_check.hpp>
#include <ctgrad/ctgrad.hpp>
#include <ctgrad/io/to_string.hpp>
#include <ctgrad/reverse/parallel_batch.hpp>
#include <limits>
#include <random>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>
#include "../support/tolerance.hpp"

namespace {

using ctgrad::at;
using ctgrad::data;
using ctgrad::gradient;

constexpr auto x = ctgrad::var<"x">;
constexpr auto t = ctgrad::var<"t">;
constexpr auto b2 = ctgrad::var<"b2">;

template <std::size_t H>
struct mlp {
  static constexpr auto w1 = ctgrad::var<"w1", H>;
  static constexpr auto b1 = ctgrad::var<"b1", H>;
  static constexpr auto w2 = ctgrad::var<"w2", H>;
  static constexpr auto loss = square(dot(w2, tanh(w1* x + b1)) + b2 - t);

  std::array<double, H> W1, B1, W2;
  double B2;

  explicit mlp(std::mt19937_64& rng) {
    std::uniform_real_distribution<double> draw(-1.5, 1.5);
    for (std::size_t j = 0; j < H; ++j) {
      W1[j] = draw(rng);
      B1[j] = draw(rng);
      W2[j] = draw(rng);
    }
    B2 = draw(rng);
  }

  // The loss and its gradient by the chain rule, written out.
  struct by_hand {
    double loss;
    std::array<double, H> w1, b1, w2;
    double b2, x;
  };
  by_hand hand(double xv, double tv) const {
    by_hand r{};
    std::array<double, H> h{};
    double y = B2;
    for (std::size_t j = 0; j < H; ++j) {
      h[j] = std::tanh(W1[j] * xv + B1[j]);
      y += W2[j] * h[j];
    }
    const double e = y - tv;
    r.loss = e * e;
    r.b2 = 2 * e;
    for (std::size_t j = 0; j < H; ++j) {
      const double dz = 2 * e * W2[j] * (1 - h[j] * h[j]);
      r.w2[j] = 2 * e * h[j];
      r.b1[j] = dz;
      r.w1[j] = dz * xv;
      r.x += dz * W1[j];
    }
    return r;
  }

  double loss_at(const std::array<double, H>& w1v, const std::array<double, H>& b1v,
                 const std::array<double, H>& w2v, double b2v, double xv, double tv) const {
    return ctgrad::value(loss, at(w1 = w1v, b1 = b1v, w2 = w2v, b2 = b2v, x = xv, t = tv));
  }
};

using ctgrad_test::close;

// Central difference of f along element k of one array.
template <std::size_t H, class F>
double central(F f, std::array<double, H> a, std::size_t k) {
  const double step = 1e-6 * std::max(1.0, std::abs(a[k]));
  const double at0 = a[k];
  a[k] = at0 + step;
  const double up = f(a);
  a[k] = at0 - step;
  const double down = f(a);
  return (up - down) / (2 * step);
}

template <std::size_t H>
void check_network(unsigned seed, int points) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> draw(-2.0, 2.0);
  for (int n = 0; n < points; ++n) {
    const mlp<H> m(rng);
    const double xv = draw(rng), tv = draw(rng);
    const auto g = gradient(mlp<H>::loss, at(mlp<H>::w1 = m.W1, mlp<H>::b1 = m.B1,
                                             mlp<H>::w2 = m.W2, b2 = m.B2, x = xv, t = tv));
    const auto h = m.hand(xv, tv);
    BOOST_TEST(close(g.value(), h.loss, 1e-13));
    BOOST_TEST(close(g[b2], h.b2, 1e-13));
    BOOST_TEST(close(g[x], h.x, 1e-12));
    for (std::size_t j = 0; j < H; ++j) {
      BOOST_TEST(close(g[mlp<H>::w1][j], h.w1[j], 1e-13));
      BOOST_TEST(close(g[mlp<H>::b1][j], h.b1[j], 1e-13));
      BOOST_TEST(close(g[mlp<H>::w2][j], h.w2[j], 1e-13));
    }
    // Central differences, per element of every array.
    for (std::size_t j = 0; j < H; ++j) {
      const double d_w1 = central<H>(
          [&](const std::array<double, H>& a) { return m.loss_at(a, m.B1, m.W2, m.B2, xv, tv); },
          m.W1, j);
      const double d_b1 = central<H>(
          [&](const std::array<double, H>& a) { return m.loss_at(m.W1, a, m.W2, m.B2, xv, tv); },
          m.B1, j);
      const double d_w2 = central<H>(
          [&](const std::array<double, H>& a) { return m.loss_at(m.W1, m.B1, a, m.B2, xv, tv); },
          m.W2, j);
      BOOST_TEST(close(g[mlp<H>::w1][j], d_w1, 1e-6));
      BOOST_TEST(close(g[mlp<H>::b1][j], d_b1, 1e-6));
      BOOST_TEST(close(g[mlp<H>::w2][j], d_w2, 1e-6));
    }
  }
}

BOOST_AUTO_TEST_CASE(tanh_networks_against_the_chain_rule_and_differences) {
  check_network<1>(1, 200);
  check_network<5>(2, 200);
  check_network<17>(3, 100);
  check_network<64>(4, 20);
}

// Two layers: y = w2 . tanh(W1 x + b1), x a vector of 3 inputs, 4 hidden units.
constexpr auto W1 = ctgrad::var<"W1", 4, 3>;
constexpr auto xv3 = ctgrad::var<"x3", 3>;
constexpr auto b1v = ctgrad::var<"b1", 4>;
constexpr auto w2v = ctgrad::var<"w2", 4>;
constexpr auto two_layer = square(dot(w2v, tanh(matvec(W1, xv3) + b1v)) - t);

BOOST_AUTO_TEST_CASE(matvec_network_against_the_chain_rule_and_differences) {
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> draw(-1.0, 1.0);
  for (int n = 0; n < 200; ++n) {
    std::array<double, 12> A{};
    std::array<double, 3> X{};
    std::array<double, 4> B{}, V{};
    for (double& a : A) a = draw(rng);
    for (double& a : X) a = draw(rng);
    for (double& a : B) a = draw(rng);
    for (double& a : V) a = draw(rng);
    const double tv = draw(rng);
    const auto g = gradient(two_layer, at(W1 = A, xv3 = X, b1v = B, w2v = V, t = tv));
    // By hand.
    std::array<double, 4> h{};
    double y = 0;
    for (std::size_t i = 0; i < 4; ++i) {
      double z = B[i];
      for (std::size_t j = 0; j < 3; ++j) z += A[i * 3 + j] * X[j];
      h[i] = std::tanh(z);
      y += V[i] * h[i];
    }
    const double e = y - tv;
    BOOST_TEST(close(g.value(), e * e, 1e-13));
    std::array<double, 3> dx{};
    for (std::size_t i = 0; i < 4; ++i) {
      const double dz = 2 * e * V[i] * (1 - h[i] * h[i]);
      BOOST_TEST(close(g[w2v][i], 2 * e * h[i], 1e-13));
      BOOST_TEST(close(g[b1v][i], dz, 1e-13));
      for (std::size_t j = 0; j < 3; ++j) {
        BOOST_TEST(close(g[W1][i * 3 + j], dz * X[j], 1e-13));
        dx[j] += dz * A[i * 3 + j];
      }
    }
    for (std::size_t j = 0; j < 3; ++j) BOOST_TEST(close(g[xv3][j], dx[j], 1e-12));
    // Differences for the matrix and the input vector.
    const auto f_of_A = [&](const std::array<double, 12>& a) {
      return ctgrad::value(two_layer, at(W1 = a, xv3 = X, b1v = B, w2v = V, t = tv));
    };
    const auto f_of_X = [&](const std::array<double, 3>& a) {
      return ctgrad::value(two_layer, at(W1 = A, xv3 = a, b1v = B, w2v = V, t = tv));
    };
    for (std::size_t k = 0; k < 12; ++k)
      BOOST_TEST(close(g[W1][k], central<12>(f_of_A, A, k), 1e-6));
    for (std::size_t k = 0; k < 3; ++k)
      BOOST_TEST(close(g[xv3][k], central<3>(f_of_X, X, k), 1e-6));
  }
}

BOOST_AUTO_TEST_CASE(batches_equal_the_per_sample_loop) {
  using net = mlp<16>;
  std::mt19937_64 rng(5);
  const net m(rng);
  std::uniform_real_distribution<double> draw(-2.0, 2.0);
  std::vector<double> xs(500), ts(500);
  for (std::size_t i = 0; i < xs.size(); ++i) {
    xs[i] = draw(rng);
    ts[i] = xs[i] * xs[i];
  }
  const auto p = at(net::w1 = m.W1, net::b1 = m.B1, net::w2 = m.W2, b2 = m.B2);
  const auto g = ctgrad::batch_gradient(net::loss, p, data(x = xs, t = ts));
  // The loop a person writes, summed in the same order: equal bit for bit.
  std::array<double, 16> dw1{}, db1{}, dw2{};
  double total = 0, db2 = 0;
  for (std::size_t i = 0; i < xs.size(); ++i) {
    const auto gi = gradient(net::loss, at(net::w1 = m.W1, net::b1 = m.B1, net::w2 = m.W2,
                                           b2 = m.B2, x = xs[i], t = ts[i]));
    total += gi.value();
    db2 += gi[b2];
    for (std::size_t j = 0; j < 16; ++j) {
      dw1[j] += gi[net::w1][j];
      db1[j] += gi[net::b1][j];
      dw2[j] += gi[net::w2][j];
    }
  }
  BOOST_TEST(g.samples == 500u);
  BOOST_TEST(g.value() == total);
  BOOST_TEST(g[b2] == db2);
  for (std::size_t j = 0; j < 16; ++j) {
    BOOST_TEST(g[net::w1][j] == dw1[j]);
    BOOST_TEST(g[net::b1][j] == db1[j]);
    BOOST_TEST(g[net::w2][j] == dw2[j]);
  }
  const auto mean = g.mean();
  BOOST_TEST(mean[net::w1][3] == g[net::w1][3] / 500);
  // Threads: one thread gives the same bits; four differ only by the order of the sums.
  const auto one = ctgrad::parallel_batch_gradient(net::loss, p, data(x = xs, t = ts), 1);
  const auto four = ctgrad::parallel_batch_gradient(net::loss, p, data(x = xs, t = ts), 4);
  BOOST_TEST(one.value() == g.value());
  for (std::size_t j = 0; j < 16; ++j) {
    BOOST_TEST(one[net::w1][j] == g[net::w1][j]);
    BOOST_TEST(close(four[net::w1][j], g[net::w1][j], 1e-12));
    BOOST_TEST(close(four[net::w2][j], g[net::w2][j], 1e-12));
  }
  BOOST_TEST(close(four[b2], g[b2], 1e-12));
  // A temporary result gives its entries as arrays.
  const std::array<double, 16> copy =
      ctgrad::batch_gradient(net::loss, p, data(x = xs, t = ts))[net::w1];
  BOOST_TEST(copy[7] == g[net::w1][7]);
  // Parameters bound from temporaries are copied once into the point, viewed by every sample.
  const auto owned =
      at(net::w1 = std::array<double, 16>(m.W1), net::b1 = m.B1, net::w2 = m.W2, b2 = m.B2);
  BOOST_TEST(ctgrad::batch_gradient(net::loss, owned, data(x = xs, t = ts))[net::b1][2] ==
             g[net::b1][2]);
}

constexpr auto w = ctgrad::var<"w", 3>;
constexpr auto v = ctgrad::var<"v", 3>;

BOOST_AUTO_TEST_CASE(bindings_views_copies_and_lengths) {
  std::vector<double> values{1.0, 2.0, 3.0};
  const auto f = dot(w, w);
  // std::vector and dynamic spans: checked at run time.
  BOOST_TEST(ctgrad::value(f, at(w = values)) == 14.0);
  BOOST_TEST(ctgrad::value(f, at(w = std::span<const double>(values))) == 14.0);
  const std::vector<double> four{1, 2, 3, 4};
  try {
    (void)at(w = four);
    BOOST_FAIL("a vector of the wrong length was bound");
  } catch (const std::invalid_argument& e) {
    BOOST_TEST(std::string(e.what()) ==
               "ctgrad: the array variable w has 3 elements but is bound to 4 numbers");
  }
  // An lvalue is viewed: the point sees later changes (as data() columns do).
  std::array<double, 3> a{1.0, 1.0, 1.0};
  const auto viewed = at(w = a);
  a[0] = 2.0;
  BOOST_TEST(ctgrad::value(f, viewed) == 6.0);
  // A temporary is copied: the point stays valid after it is gone.
  const auto owned = at(w = std::array<double, 3>{1.0, 2.0, 2.0});
  BOOST_TEST(ctgrad::value(f, owned) == 9.0);
  const auto g = gradient(f, owned);
  BOOST_TEST(g[w][2] == 4.0);
}

BOOST_AUTO_TEST_CASE(non_finite_values_per_element) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  // Element-wise: a NaN stays in its element, in the value and in the gradient.
  const std::array<double, 3> w0{1.0, nan, 0.5};
  const auto layer = ctgrad::value(tanh(2.0 * w), at(w = w0));
  BOOST_TEST(std::isnan(layer[1]));
  BOOST_TEST(layer[0] == std::tanh(2.0));
  const std::array<double, 3> v0{1.0, 1.0, 1.0};
  const auto g = gradient(dot(v, tanh(w)), at(w = w0, v = v0));
  BOOST_TEST(std::isnan(g.value()));  // the reduction spreads it
  BOOST_TEST(std::isnan(g[w][1]));
  BOOST_TEST(g[w][0] == 1 - std::tanh(1.0) * std::tanh(1.0));
  BOOST_TEST(g[v][0] == std::tanh(1.0));
  BOOST_TEST(std::isnan(g[v][1]));
  // Through sum, the adjoint of every element is the sum's: finite where the others are.
  const auto s = gradient(sum(w * w), at(w = w0));
  BOOST_TEST(s[w][0] == 2.0);
  BOOST_TEST(std::isnan(s[w][1]));
  // Infinity: log(0) in one element is -inf there, its derivative +inf.
  const auto l = gradient(sum(log(w)), at(w = std::array{1.0, 0.0, 2.0}));
  BOOST_TEST(l.value() == -std::numeric_limits<double>::infinity());
  BOOST_TEST(l[w][1] == std::numeric_limits<double>::infinity());
  BOOST_TEST(l[w][2] == 0.5);
}

BOOST_AUTO_TEST_CASE(gradient_check_per_element) {
  const std::array<double, 3> w0{0.5, -1.0, 2.0}, v0{1.0, 0.5, -0.25};
  const auto r = ctgrad::check_gradient(dot(v, tanh(w * x)), at(w = w0, v = v0, x = 0.5));
  BOOST_TEST(r.ok);
  const std::string table = ctgrad::to_string(r);
  BOOST_TEST(table.find("d/dv[2]") != std::string::npos);
  BOOST_TEST(table.find("d/dx ") != std::string::npos);
  BOOST_TEST(table.find("d/dw[0]") < table.find("d/dw[1]"));
}

BOOST_AUTO_TEST_CASE(printing) {
  BOOST_TEST(ctgrad::to_string(dot(w, tanh(w * x + v))) == "dot(w, tanh(w * x + v))");
  BOOST_TEST(ctgrad::to_string(sum(matvec(W1, xv3) + b1v)) == "sum(matvec(W1, x3) + b1)");
}

}  // namespace
