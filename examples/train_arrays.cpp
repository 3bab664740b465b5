// Seed 000's training loop with array variables: the ReLU network that fits y = x^2 + noise is
// written once for any number H of hidden neurons, with w1, b1 and w2 as arrays of H numbers,
// and trained as the seed does (50 points, lr = 0.01, 500 epochs, one step per sample) for H = 1
// and for the seed's exercise, H = 3, on the data and starting weights of train_quadratic, whose
// losses it reproduces. Then a wider network, H = 32, trained on the full batch with momentum by
// batch_gradient. The program checks its gradients against central differences at the start,
// and every loss of every run against the seed's backpropagation written out by hand.
#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <initializer_list>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include <ctgrad/ctgrad.hpp>

namespace {

using ctgrad::var;

constexpr auto x = var<"x">;
constexpr auto target = var<"target">;

// The seed's network with H hidden neurons: y = w2 · relu(w1 * x + b1) + b2, squared error.
// w1 * x + b1 is element-wise (the number x is broadcast over the H weights), dot(w2, hidden)
// sums the H products.
template <std::size_t H>
struct network {
  static constexpr auto w1 = var<"w1", H>;  // input -> hidden weights, H numbers
  static constexpr auto b1 = var<"b1", H>;  // hidden biases, H numbers
  static constexpr auto w2 = var<"w2", H>;  // hidden -> output weights, H numbers
  static constexpr auto b2 = var<"b2">;     // the output bias, a number
  static constexpr auto hidden = relu(w1 * x + b1);
  static constexpr auto prediction = dot(w2, hidden) + b2;
  static constexpr auto loss = square(prediction - target);
};

// With H = 1 it is the seed's network, and gives R3 (the seed's one step at x = 2) while
// compiling; arrays bound from temporaries are copied into the point.
constexpr auto r3 = ctgrad::gradient(
    network<1>::loss,
    ctgrad::at(network<1>::w1 = std::array{0.5}, network<1>::b1 = std::array{0.1},
               network<1>::w2 = std::array{-0.3}, network<1>::b2 = 0.2, x = 2.0, target = 1.0));
constexpr bool near(double got, double want) {
  return got - want <= 1e-12 && want - got <= 1e-12;
}
static_assert(near(r3[network<1>::w1][0], 1.356) && near(r3[network<1>::b1][0], 0.678) &&
              near(r3[network<1>::w2][0], -2.486) && near(r3[network<1>::b2], -2.26));

template <std::size_t H>
struct parameters {
  std::array<double, H> w1, b1, w2;
  double b2;
};

// Number i of the parameters, in the order w1, b1, w2, b2, and its name.
template <std::size_t H>
double& number(parameters<H>& p, std::size_t i) {
  if (i < H) return p.w1[i];
  if (i < 2 * H) return p.b1[i - H];
  if (i < 3 * H) return p.w2[i - 2 * H];
  return p.b2;
}
template <std::size_t H>
double number(const parameters<H>& p, std::size_t i) {
  return number(const_cast<parameters<H>&>(p), i);
}
template <std::size_t H>
constexpr std::size_t parameter_count = 3 * H + 1;
template <std::size_t H>
std::string name(std::size_t i) {
  if (i == 3 * H) return "b2";
  const char* array = i < H ? "w1" : i < 2 * H ? "b1" : "w2";
  return std::string(array) + "[" + std::to_string(i % H) + "]";
}

// A loss and its gradient, laid out as the parameters.
template <std::size_t H>
struct loss_and_gradient {
  double loss;
  parameters<H> gradient;
};

struct data_set {
  std::vector<double> xs, ts;  // inputs and targets
};

// ---- The gradients from ctgrad -------------------------------------------------------------

// One sample's loss and gradient: the arrays are bound as they are (viewed, not copied), and
// g[w1] is a std::array of H numbers.
template <std::size_t H>
loss_and_gradient<H> ctgrad_sample_gradient(const parameters<H>& p, double x_value,
                                            double target_value) {
  using net = network<H>;
  const auto g =
      ctgrad::gradient(net::loss, ctgrad::at(net::w1 = p.w1, net::b1 = p.b1, net::w2 = p.w2,
                                             net::b2 = p.b2, x = x_value, target = target_value));
  return {g.value(), {g[net::w1], g[net::b1], g[net::w2], g[net::b2]}};
}

// The mean loss over the data set and its gradient: the parameters are bound once, the data
// per sample, and batch_gradient adds up the per-sample sweeps.
template <std::size_t H>
loss_and_gradient<H> ctgrad_batch_gradient(const parameters<H>& p, const data_set& d) {
  using net = network<H>;
  const auto mean =
      ctgrad::batch_gradient(
          net::loss, ctgrad::at(net::w1 = p.w1, net::b1 = p.b1, net::w2 = p.w2, net::b2 = p.b2),
          ctgrad::data(x = d.xs, target = d.ts))
          .mean();
  return {mean.value(), {mean[net::w1], mean[net::b1], mean[net::w2], mean[net::b2]}};
}

// The mean loss alone: forward passes only.
template <std::size_t H>
double mean_loss(const parameters<H>& p, const data_set& d) {
  using net = network<H>;
  double total = 0;
  for (std::size_t i = 0; i < d.xs.size(); ++i)
    total += ctgrad::value(net::loss, ctgrad::at(net::w1 = p.w1, net::b1 = p.b1, net::w2 = p.w2,
                                                 net::b2 = p.b2, x = d.xs[i], target = d.ts[i]));
  return total / static_cast<double>(d.xs.size());
}

// ---- The same gradients by hand: the seed's backpropagation, one loop per layer ------------

template <std::size_t H>
loss_and_gradient<H> hand_sample_gradient(const parameters<H>& p, double x_value,
                                          double target_value) {
  // Forward pass.
  std::array<double, H> z1, h;
  double y = 0;
  for (std::size_t k = 0; k < H; ++k) {
    z1[k] = p.w1[k] * x_value + p.b1[k];
    h[k] = z1[k] > 0 ? z1[k] : 0.0;
    y += p.w2[k] * h[k];
  }
  y += p.b2;
  const double error = y - target_value;
  // Backward pass.
  loss_and_gradient<H> r{error * error, {}};
  const double dL_dy = 2 * error;
  for (std::size_t k = 0; k < H; ++k) {
    r.gradient.w2[k] = dL_dy * h[k];
    const double dL_dz1 = z1[k] > 0 ? dL_dy * p.w2[k] : 0.0;
    r.gradient.w1[k] = dL_dz1 * x_value;
    r.gradient.b1[k] = dL_dz1;
  }
  r.gradient.b2 = dL_dy;
  return r;
}

template <std::size_t H>
loss_and_gradient<H> hand_batch_gradient(const parameters<H>& p, const data_set& d) {
  loss_and_gradient<H> sum{0.0, {}};
  for (std::size_t i = 0; i < d.xs.size(); ++i) {
    const loss_and_gradient<H> one = hand_sample_gradient(p, d.xs[i], d.ts[i]);
    sum.loss += one.loss;
    for (std::size_t j = 0; j < parameter_count<H>; ++j)
      number(sum.gradient, j) += number(one.gradient, j);
  }
  const double n = static_cast<double>(d.xs.size());
  sum.loss /= n;
  for (std::size_t j = 0; j < parameter_count<H>; ++j) number(sum.gradient, j) /= n;
  return sum;
}

// ---- Training ------------------------------------------------------------------------------

// The seed's loop: 500 epochs of one step per sample, lr = 0.01; returns each epoch's mean loss
// (taken while the parameters move, as the seed does).
template <std::size_t H, class SampleGradient>
std::vector<double> train_sgd(parameters<H>& p, const data_set& d, SampleGradient sample_gradient) {
  constexpr double learning_rate = 0.01;
  std::vector<double> losses;
  for (int epoch = 0; epoch < 500; ++epoch) {
    double total = 0;
    for (std::size_t i = 0; i < d.xs.size(); ++i) {
      const loss_and_gradient<H> g = sample_gradient(p, d.xs[i], d.ts[i]);
      total += g.loss;
      for (std::size_t j = 0; j < parameter_count<H>; ++j)
        number(p, j) -= learning_rate * number(g.gradient, j);
    }
    losses.push_back(total / static_cast<double>(d.xs.size()));
  }
  return losses;
}

// Full-batch gradient descent with momentum: per step, velocity = 0.9 * velocity - lr * mean
// gradient, then parameters += velocity. Returns the mean loss before each step.
constexpr int batch_steps = 5000;
template <std::size_t H, class BatchGradient>
std::vector<double> train_full_batch(parameters<H>& p, const data_set& d,
                                     BatchGradient batch_gradient) {
  constexpr double learning_rate = 0.01, momentum = 0.9;
  parameters<H> velocity{};
  std::vector<double> losses;
  for (int step = 0; step < batch_steps; ++step) {
    const loss_and_gradient<H> g = batch_gradient(p, d);
    losses.push_back(g.loss);
    for (std::size_t j = 0; j < parameter_count<H>; ++j) {
      double& v = number(velocity, j);
      v = momentum * v - learning_rate * number(g.gradient, j);
      number(p, j) += v;
    }
  }
  return losses;
}

// ---- Checks --------------------------------------------------------------------------------

int mismatches = 0;

void check(bool holds, const char* claim) {
  std::printf("%s: %s\n", holds ? "ok" : "MISMATCH", claim);
  if (!holds) ++mismatches;
}

// The largest relative difference between two runs' losses, epoch by epoch.
double largest_difference(const std::vector<double>& a, const std::vector<double>& b) {
  double largest = a.size() == b.size() ? 0.0 : std::numeric_limits<double>::infinity();
  for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i)
    largest = std::max(largest, std::abs(a[i] - b[i]) / std::max(1e-300, std::abs(b[i])));
  return largest;
}

// Compares the gradient of loss(p) with central differences (f(v + h) - f(v - h)) / 2h for the
// parameters numbered `which`, with the step and the tolerance of ctgrad::check_gradient
// (which takes no arrays): h = cbrt(eps) * max(1, |v|), error <= 1e-6 * max(1, |df/dv|).
template <std::size_t H, class Loss>
void check_gradient_by_hand(const char* title, parameters<H> p, const parameters<H>& gradient,
                            Loss loss, std::initializer_list<std::size_t> which) {
  std::printf("%s\n", title);
  bool all = true;
  for (std::size_t i : which) {
    double& v = number(p, i);
    const double saved = v;
    const double h = std::cbrt(std::numeric_limits<double>::epsilon()) * std::max(1.0, std::abs(v));
    const double above = saved + h, below = saved - h;
    v = above;
    const double f_above = loss(p);
    v = below;
    const double f_below = loss(p);
    v = saved;
    const double numeric = (f_above - f_below) / (above - below);
    const double reverse = number(gradient, i) + 0.0;  // + 0.0: print -0 as 0
    const double error = std::abs(reverse - numeric);
    const double scale = std::max({1.0, std::abs(reverse), std::abs(numeric)});
    std::printf("  d/d%-6s ctgrad %+.10f  central difference %+.10f  error %.1e\n",
                name<H>(i).c_str(), reverse, numeric, error / scale);
    all = all && error <= 1e-6 * scale;
  }
  if (!all) check(false, "a gradient differs from its central difference");
}

// ---- Starting points -----------------------------------------------------------------------

// The seed's start, drawn as train_quadratic draws it: weights from N(0, 1), biases 0.
template <std::size_t H>
parameters<H> seed_start(std::mt19937_64& rng) {
  std::normal_distribution<double> normal(0.0, 1.0);
  parameters<H> p{};
  for (double& w : p.w1) w = normal(rng);
  for (double& w : p.w2) w = normal(rng);
  return p;
}

// The start of the wide network. It is still a ReLU network, as in the seed, so that it differs
// from H = 1 and H = 3 only in width: x^2 is convex, and a sum of ReLUs is a piecewise-linear
// curve with one kink per neuron, so 32 kinks spread over [-2, 2] can follow it closely (tanh
// units would do too, as smooth steps, but cost an exponential each where relu costs a
// comparison). With the seed's biases of 0 every neuron's kink, where w1*x + b1 = 0, would be at
// x = 0, and the 32 neurons would start as only two shapes, relu(x) and relu(-x) times a weight.
// Instead each kink is put at a random point of the data's range [-2, 2], so that every neuron
// is active on part of the data and the kinks start spread out; the output weights are drawn
// from N(0, 1/H) so that the sum of H terms starts at the size of one neuron's.
template <std::size_t H>
parameters<H> wide_start(std::mt19937_64& rng) {
  std::normal_distribution<double> normal(0.0, 1.0);
  std::uniform_real_distribution<double> uniform(-2.0, 2.0);
  parameters<H> p{};
  for (double& w : p.w1) w = normal(rng);
  for (std::size_t k = 0; k < H; ++k) p.b1[k] = -p.w1[k] * uniform(rng);
  for (double& w : p.w2) w = normal(rng) / std::sqrt(static_cast<double>(H));
  return p;
}

// ---- One network, trained both ways --------------------------------------------------------

struct final_losses {
  double sgd, full_batch, sgd_distance, full_batch_distance;
};

// The mean squared distance of the network's prediction from x^2 at 401 points of [-2, 2]: how
// well it fits the curve rather than the noise.
template <std::size_t H>
double distance_from_curve(const parameters<H>& p) {
  using net = network<H>;
  double total = 0;
  for (int i = 0; i <= 400; ++i) {
    const double xv = -2.0 + 0.01 * i;
    const double y = ctgrad::value(
        net::prediction,
        ctgrad::at(net::w1 = p.w1, net::b1 = p.b1, net::w2 = p.w2, net::b2 = p.b2, x = xv));
    total += (y - xv * xv) * (y - xv * xv);
  }
  return total / 401;
}

template <std::size_t H>
final_losses train_both_ways(const char* title, const parameters<H>& start, const data_set& d) {
  using clock = std::chrono::steady_clock;
  std::printf("--- %s: the seed's SGD, lr = 0.01, 500 epochs ---\n", title);
  parameters<H> by_sgd = start;
  const clock::time_point t0 = clock::now();
  const std::vector<double> sgd = train_sgd(by_sgd, d, ctgrad_sample_gradient<H>);
  const double sgd_seconds = std::chrono::duration<double>(clock::now() - t0).count();
  for (int epoch = 0; epoch < 500; epoch += 100)
    std::printf("Epoch %d: loss = %.4f\n", epoch, sgd[epoch]);
  std::printf("Epoch 499: loss = %.4f\n", sgd.back());

  // The same run with the gradients by hand.
  parameters<H> by_hand = start;
  const std::vector<double> sgd_reference = train_sgd(by_hand, d, hand_sample_gradient<H>);
  const double sgd_difference = largest_difference(sgd, sgd_reference);
  std::printf("largest relative difference from the hand-written run: %.1e\n", sgd_difference);
  check(sgd_difference <= 1e-12, "every epoch's loss equals the hand-written backpropagation's");
  check(sgd.back() < sgd.front(), "the loss decreased");

  std::printf("--- %s: full batch, momentum 0.9, lr = 0.01, %d steps ---\n", title, batch_steps);
  parameters<H> by_batch = start;
  const clock::time_point t1 = clock::now();
  const std::vector<double> batch = train_full_batch(by_batch, d, ctgrad_batch_gradient<H>);
  const double batch_seconds = std::chrono::duration<double>(clock::now() - t1).count();
  for (int step = 0; step < batch_steps; step += batch_steps / 5)
    std::printf("Step %d: loss = %.4f\n", step, batch[step]);
  std::printf("Step %d: loss = %.4f\n", batch_steps - 1, batch.back());

  parameters<H> by_hand_batch = start;
  const std::vector<double> batch_reference =
      train_full_batch(by_hand_batch, d, hand_batch_gradient<H>);
  const double batch_difference = largest_difference(batch, batch_reference);
  std::printf("largest relative difference from the hand-written run: %.1e\n", batch_difference);
  check(batch_difference <= 1e-12, "every step's loss equals the hand-written backpropagation's");
  check(batch.back() < batch.front(), "the loss decreased");
  std::printf("time with ctgrad: SGD %.3f s, full batch %.3f s\n", sgd_seconds, batch_seconds);

  return {mean_loss(by_sgd, d), mean_loss(by_batch, d), distance_from_curve(by_sgd),
          distance_from_curve(by_batch)};
}

}  // namespace

int main() {
  // The data of train_quadratic (and of the seed, with another random generator).
  std::mt19937_64 rng(1);
  std::uniform_real_distribution<double> uniform(-2.0, 2.0);
  std::normal_distribution<double> normal(0.0, 1.0);
  data_set d{std::vector<double>(50), std::vector<double>(50)};
  for (double& xv : d.xs) xv = uniform(rng);
  for (std::size_t i = 0; i < d.xs.size(); ++i)
    d.ts[i] = d.xs[i] * d.xs[i] + normal(rng) * 0.3;  // y = x^2 + noise
  double noise_floor = 0;
  for (std::size_t i = 0; i < d.xs.size(); ++i)
    noise_floor += (d.ts[i] - d.xs[i] * d.xs[i]) * (d.ts[i] - d.xs[i] * d.xs[i]) / 50;
  std::printf("Fitting y = x^2 + noise: 50 points, random seed 1, as train_quadratic\n");

  const parameters<1> start_1 = seed_start<1>(rng);
  const parameters<3> start_3 = seed_start<3>(rng);
  const parameters<32> start_32 = wide_start<32>(rng);

  // The gradients at the start against central differences: one sample's loss, as each SGD step
  // sees it, and the mean loss that the full-batch steps descend.
  std::printf("--- Gradient check at the start ---\n");
  // value() of an array expression is a std::array: here the hidden layer at sample 0.
  const std::array<double, 3> hidden = ctgrad::value(
      network<3>::hidden,
      ctgrad::at(network<3>::w1 = start_3.w1, network<3>::b1 = start_3.b1, x = d.xs[0]));
  std::printf(
      "3 hidden neurons at sample 0: relu(w1 * x + b1) = [%.4f, %.4f, %.4f]\n"
      "(a neuron at 0 has its gate closed: the gradients through it are exactly 0)\n",
      hidden[0], hidden[1], hidden[2]);
  check_gradient_by_hand(
      "3 hidden neurons, loss at sample 0: every element", start_3,
      ctgrad_sample_gradient(start_3, d.xs[0], d.ts[0]).gradient,
      [&](const parameters<3>& p) { return ctgrad_sample_gradient(p, d.xs[0], d.ts[0]).loss; },
      {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
  check_gradient_by_hand("32 hidden neurons, mean loss over the 50 samples: a few elements",
                         start_32, ctgrad_batch_gradient(start_32, d).gradient,
                         [&](const parameters<32>& p) { return mean_loss(p, d); },
                         {0, 17, 32, 45, 64, 95, 96});
  if (mismatches == 0) std::printf("ok: the checked gradients agree with central differences\n");

  const final_losses one = train_both_ways("1 hidden neuron", start_1, d);
  const final_losses three = train_both_ways("3 hidden neurons", start_3, d);
  const final_losses wide = train_both_ways("32 hidden neurons", start_32, d);

  std::printf("--- At the trained parameters ---\n");
  std::printf("                 mean loss over the samples    distance from x^2 on [-2, 2]\n");
  std::printf("hidden neurons   SGD       full batch          SGD       full batch\n");
  const auto row = [](int h, const final_losses& f) {
    std::printf("%14d   %.4f    %.4f              %.4f    %.4f\n", h, f.sgd, f.full_batch,
                f.sgd_distance, f.full_batch_distance);
  };
  row(1, one);
  row(3, three);
  row(32, wide);
  std::printf(
      "(x^2 itself has a mean loss of %.4f on these samples: below it, a network also\n"
      "fits part of the noise)\n",
      noise_floor);
  check(wide.full_batch < three.full_batch && three.full_batch < one.full_batch,
        "with full batches, 32 hidden neurons end lower than 3, and 3 lower than 1");
  // With the seed's SGD the wide network's loss is still falling after 500 epochs: its output
  // weights start small, N(0, 1/32), and its hidden layer's gradients are proportional to them
  // (dL/dz1 = dL/dy * w2). So with SGD only 1 and 3 are compared.
  check(three.sgd < one.sgd, "with SGD, 3 hidden neurons end lower than 1");

  if (mismatches != 0) {
    std::printf("train_arrays: %d MISMATCH(ES)\n", mismatches);
    return 1;
  }
  std::printf("\ntrain_arrays: all checks passed\n");
  return 0;
}
