#define BOOST_TEST_MODULE batch_gradient
#include <boost/test/unit_test.hpp>

// Gradients summed over a data set:
// - at compile time on std::array columns (static_assert);
// - at run time against the loop a person writes (one gradient per sample, summed: equal bit for
//   bit, since batch_gradient adds in the same order) and against the formulas by hand;
// - columns from std::vector, std::array and std::span; wrt(); the mean; columns of unequal
//   length (an exception that names them).

#include <array>
#include <cmath>
#include <ctgrad/ctgrad.hpp>
#include <ctgrad/reverse/parallel_batch.hpp>
#include <random>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using ctgrad::at;
using ctgrad::batch_gradient;
using ctgrad::data;

constexpr auto w = ctgrad::var<"w">;
constexpr auto b = ctgrad::var<"b">;
constexpr auto x = ctgrad::var<"x">;
constexpr auto t = ctgrad::var<"t">;

// Linear regression: L = (w x + b - t)^2 per sample.
constexpr auto L = square(w * x + b - t);
constexpr std::array<double, 3> xs{1, 2, 3}, ts{2, 3, 5};
constexpr auto r = batch_gradient(L, at(w = 1.0, b = 0.5), data(x = xs, t = ts));
// Residuals -0.5, -0.5, -1.5.
static_assert(r.samples == 3 && r.size() == 2);
static_assert(r.value() == 2.75);
static_assert(r[b] == 2 * (-0.5 - 0.5 - 1.5));
static_assert(r[w] == 2 * (-0.5 * 1 - 0.5 * 2 - 1.5 * 3));
static_assert(r.mean()[b] == r[b] / 3 && r.mean().value() == 2.75 / 3);
// wrt: named intermediates and data variables may be asked for too.
constexpr auto z = ctgrad::let<"z">(w * x + b);
constexpr auto with_name =
    batch_gradient(square(z - t), at(w = 1.0, b = 0.5), data(x = xs, t = ts), ctgrad::wrt(z, b, x));
static_assert(with_name[z] == r[b] && with_name[b] == r[b] && with_name[x] == 2 * -2.5);
// The default entries are the parameters the loss contains, in graph order.
static_assert(
    std::is_same_v<decltype(r), const ctgrad::batch_gradient_result<double, ctgrad::variable<"w">,
                                                                    ctgrad::variable<"b">>>);

// A two-layer network with a relu written as select, and a run-time number in the loss.
constexpr auto w1 = ctgrad::var<"w1">;
constexpr auto b1 = ctgrad::var<"b1">;
constexpr auto w2 = ctgrad::var<"w2">;
constexpr auto b2 = ctgrad::var<"b2">;
const auto z1 = ctgrad::let<"z1">(w1 * x + b1);
const auto net = 0.5 * square(w2 * select(z1 > 0, z1, 0) + b2 - t);

struct samples {
  std::vector<double> x, t;
};
samples random_samples(std::size_t n, unsigned seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> draw(-2.0, 2.0);
  samples s;
  for (std::size_t i = 0; i < n; ++i) {
    s.x.push_back(draw(rng));
    s.t.push_back(draw(rng));
  }
  return s;
}

BOOST_AUTO_TEST_CASE(equals_the_hand_written_loop) {
  const samples s = random_samples(1000, 3);
  const auto p = at(w1 = 0.7, b1 = -0.2, w2 = 1.3, b2 = 0.1);
  const auto g = batch_gradient(net, p, data(x = s.x, t = s.t));
  BOOST_TEST(g.samples == 1000u);
  // The loop over ctgrad::gradient, summed in the same order: equal exactly.
  double sum = 0, dw1 = 0, db1 = 0, dw2 = 0, db2 = 0;
  for (std::size_t i = 0; i < s.x.size(); ++i) {
    const auto gi =
        ctgrad::gradient(net, at(w1 = 0.7, b1 = -0.2, w2 = 1.3, b2 = 0.1, x = s.x[i], t = s.t[i]));
    sum += gi.value();
    dw1 += gi[w1];
    db1 += gi[b1];
    dw2 += gi[w2];
    db2 += gi[b2];
  }
  BOOST_TEST(g.value() == sum);
  BOOST_TEST(g[w1] == dw1);
  BOOST_TEST(g[b1] == db1);
  BOOST_TEST(g[w2] == dw2);
  BOOST_TEST(g[b2] == db2);
  // The chain rule by hand.
  double hsum = 0, hw1 = 0, hb1 = 0, hw2 = 0, hb2 = 0;
  for (std::size_t i = 0; i < s.x.size(); ++i) {
    const double zi = 0.7 * s.x[i] - 0.2, h = zi > 0 ? zi : 0.0, e = 1.3 * h + 0.1 - s.t[i];
    const double dz = zi > 0 ? e * 1.3 : 0.0;
    hsum += 0.5 * e * e;
    hw2 += e * h;
    hb2 += e;
    hw1 += dz * s.x[i];
    hb1 += dz;
  }
  const auto close = [](double a, double e) {
    return std::abs(a - e) <= 1e-12 * std::max(1.0, std::abs(e));
  };
  BOOST_TEST(close(g.value(), hsum));
  BOOST_TEST(close(g[w1], hw1));
  BOOST_TEST(close(g[b1], hb1));
  BOOST_TEST(close(g[w2], hw2));
  BOOST_TEST(close(g[b2], hb2));
  const auto m = g.mean();
  BOOST_TEST(m.value() == g.value() / 1000);
  BOOST_TEST(m[w1] == g[w1] / 1000);
}

BOOST_AUTO_TEST_CASE(columns_from_vectors_arrays_and_spans) {
  const std::vector<double> xv{1, 2, 3};
  const std::array<double, 3> ta{2, 3, 5};
  const double xc[] = {1, 2, 3};
  const auto p = at(w = 1.0, b = 0.5);
  const auto a = batch_gradient(L, p, data(x = xv, t = ta));
  const auto c = batch_gradient(L, p, data(x = std::span<const double>(xv), t = ta));
  const auto d = batch_gradient(L, p, data(x = xc, t = std::vector<double>{2, 3, 5}));
  const std::vector<float> tf{2, 3, 5};  // float data: computed in the common type, double
  const auto e = batch_gradient(L, p, data(x = xv, t = tf));
  for (const auto& g : {a, c, d, e}) {
    BOOST_TEST(g.value() == r.value());
    BOOST_TEST(g[w] == r[w]);
    BOOST_TEST(g[b] == r[b]);
  }
  // No samples: the sums are 0.
  const std::vector<double> none;
  const auto empty = batch_gradient(L, p, data(x = none, t = none));
  BOOST_TEST(empty.samples == 0u);
  BOOST_TEST(empty.value() == 0);
  BOOST_TEST(empty[w] == 0);
}

BOOST_AUTO_TEST_CASE(columns_of_unequal_length_are_an_error) {
  const std::vector<double> three{1, 2, 3}, four{1, 2, 3, 4};
  BOOST_CHECK_EXCEPTION(
      (void)data(x = three, t = four), std::invalid_argument, [](const std::invalid_argument& e) {
        return std::string(e.what()) ==
               "ctgrad::data: the columns have different lengths: x has 3 samples, t has 4";
      });
}

BOOST_AUTO_TEST_CASE(one_thread_is_the_sequential_sum_and_more_threads_agree) {
  const samples s = random_samples(1001, 5);
  const auto p = at(w1 = 0.7, b1 = -0.2, w2 = 1.3, b2 = 0.1);
  const auto d = data(x = s.x, t = s.t);
  const auto sequential = batch_gradient(net, p, d);
  const auto one = ctgrad::parallel_batch_gradient(net, p, d, 1);
  BOOST_TEST(one.value() == sequential.value());
  BOOST_TEST(one[w1] == sequential[w1]);
  BOOST_TEST(one[b2] == sequential[b2]);
  for (unsigned threads : {2u, 3u, 7u, 2000u}) {
    const auto g = ctgrad::parallel_batch_gradient(net, p, d, ctgrad::wrt(w1, b1, w2, b2), threads);
    BOOST_TEST(g.samples == 1001u);
    BOOST_TEST(std::abs(g.value() - sequential.value()) <= 1e-12 * std::abs(sequential.value()));
    BOOST_TEST(std::abs(g[w1] - sequential[w1]) <= 1e-12 * std::max(1.0, std::abs(sequential[w1])));
    BOOST_TEST(std::abs(g[b1] - sequential[b1]) <= 1e-12 * std::max(1.0, std::abs(sequential[b1])));
    BOOST_TEST(std::abs(g[w2] - sequential[w2]) <= 1e-12 * std::max(1.0, std::abs(sequential[w2])));
    BOOST_TEST(std::abs(g[b2] - sequential[b2]) <= 1e-12 * std::max(1.0, std::abs(sequential[b2])));
  }
}

}  // namespace
