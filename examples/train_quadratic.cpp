// A training loop: fit y = x^2 + noise with a ReLU network, stochastic gradient descent, all
// gradients from ctgrad (seed 000: 50 points, lr = 0.01, 500 epochs, loss every 100 epochs),
// then the seed's exercise with 3 hidden neurons. Usage: train_quadratic [random seed].
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include <ctgrad/ctgrad.hpp>

namespace {

using ctgrad::let;
using ctgrad::var;

constexpr auto x = var<"x">;
constexpr auto target = var<"target">;

// One hidden neuron: y = w2 * relu(w1*x + b1) + b2, squared error.
namespace one_neuron {
constexpr auto w1 = var<"w1">;
constexpr auto b1 = var<"b1">;
constexpr auto w2 = var<"w2">;
constexpr auto b2 = var<"b2">;
constexpr auto h = relu(w1 * x + b1);
constexpr auto loss = square(w2 * h + b2 - target);
}  // namespace one_neuron

// Three hidden neurons: y = sum_i v_i * relu(w_i*x + b_i) + c, squared error.
namespace three_neurons {
constexpr auto w_1 = var<"w_1">;
constexpr auto w_2 = var<"w_2">;
constexpr auto w_3 = var<"w_3">;
constexpr auto b_1 = var<"b_1">;
constexpr auto b_2 = var<"b_2">;
constexpr auto b_3 = var<"b_3">;
constexpr auto v_1 = var<"v_1">;
constexpr auto v_2 = var<"v_2">;
constexpr auto v_3 = var<"v_3">;
constexpr auto c = var<"c">;
constexpr auto y =
    v_1 * relu(w_1 * x + b_1) + v_2 * relu(w_2 * x + b_2) + v_3 * relu(w_3 * x + b_3) + c;
constexpr auto loss = square(y - target);
}  // namespace three_neurons

struct sample {
  double x, y;
};

// Trains with one SGD step per sample, as the seed does, and returns each epoch's mean loss.
// `values` holds the starting values of the parameters `params`, in the same order. The loss
// is printed every 100 epochs under `title`, or not at all if title is null.
template <class Loss, class... Params>
std::vector<double> train(const char* title, const Loss& loss,
                          std::array<double, sizeof...(Params)> values,
                          const std::vector<sample>& data, Params... params) {
  constexpr double learning_rate = 0.01;
  std::vector<double> losses;
  if (title) std::printf("--- %s ---\n", title);
  for (int epoch = 0; epoch < 500; ++epoch) {
    double total = 0;
    for (const sample& s : data) {
      // Bind the sample and every parameter, then one sweep gives the loss and its gradient.
      const auto sweep = [&]<std::size_t... I>(std::index_sequence<I...>) {
        return ctgrad::gradient(loss, ctgrad::at(x = s.x, target = s.y, (params = values[I])...),
                                ctgrad::wrt(params...));
      };
      const auto g = sweep(std::index_sequence_for<Params...>{});
      total += g.value();
      std::size_t i = 0;
      ((values[i++] -= learning_rate * g[params]), ...);
    }
    losses.push_back(total / static_cast<double>(data.size()));
    if (title && epoch % 100 == 0) std::printf("Epoch %d: loss = %.4f\n", epoch, losses.back());
  }
  if (title) std::printf("Epoch 499: loss = %.4f\n", losses.back());
  return losses;
}

}  // namespace

int main(int argc, char** argv) {
  const std::uint64_t seed = argc > 1 ? std::stoull(argv[1]) : 1;
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> uniform(-2.0, 2.0);
  std::normal_distribution<double> normal(0.0, 1.0);

  std::vector<sample> data(50);
  for (sample& s : data) s.x = uniform(rng);
  for (sample& s : data) s.y = s.x * s.x + normal(rng) * 0.3;  // y = x^2 + noise
  std::printf("Fitting y = x^2 + noise: 50 points, random seed %llu\n",
              static_cast<unsigned long long>(seed));

  // Weights drawn from N(0, 1), biases 0, as in the seed.
  const auto train_one = [&](const char* title) {
    using namespace one_neuron;
    return train(title, loss, {normal(rng), 0.0, normal(rng), 0.0}, data, w1, b1, w2, b2);
  };
  const auto train_three = [&](const char* title) {
    using namespace three_neurons;
    return train(title, loss,
                 {normal(rng), normal(rng), normal(rng), 0.0, 0.0, 0.0, normal(rng), normal(rng),
                  normal(rng), 0.0},
                 data, w_1, w_2, w_3, b_1, b_2, b_3, v_1, v_2, v_3, c);
  };
  const std::vector<double> one = train_one("1 hidden neuron");
  const std::vector<double> three = train_three("3 hidden neurons");

  // A ReLU neuron can die: once w*x + b <= 0 at every sample it gets no gradient and never
  // recovers, so one run depends on its start. Compare the best of a few starts instead.
  double best_one = one.back();
  double best_three = three.back();
  for (int restart = 1; restart < 5; ++restart) {
    best_one = std::min(best_one, train_one(nullptr).back());
    best_three = std::min(best_three, train_three(nullptr).back());
  }
  std::printf("--- Best final loss of 5 starts ---\n");
  std::printf("1 hidden neuron: %.4f\n3 hidden neurons: %.4f\n", best_one, best_three);

  int mismatches = 0;
  const auto check = [&](bool holds, const char* claim) {
    std::printf("%s: %s\n", holds ? "ok" : "MISMATCH", claim);
    if (!holds) ++mismatches;
  };
  check(one.back() < one.front(), "the 1-neuron loss decreased");
  check(three.back() < three.front(), "the 3-neuron loss decreased");
  check(best_three < best_one, "3 hidden neurons end lower than 1 (best of 5 starts)");
  if (mismatches != 0) return 1;
  std::printf("\ntrain_quadratic: all checks passed\n");
  return 0;
}
