// The house-price network: one step of backpropagation traced line by line, then the seed's
// 20-epoch training loop, every gradient from ctgrad. Reproduces R7 and the training of seed 003
// (x = 2 for 2000 sq ft, true price 3 for $300k, loss 0.5*(y - yhat)^2, lr = 0.1).
#include <algorithm>
#include <cmath>
#include <cstdio>

#include <ctgrad/ctgrad.hpp>

namespace {

int mismatches = 0;

void expect(const char* what, double got, double want, double relative_tolerance = 1e-12) {
  if (std::abs(got - want) <= relative_tolerance * std::max(1.0, std::abs(want))) return;
  std::printf("MISMATCH %s: got %.17g, expected %.17g\n", what, got, want);
  ++mismatches;
}

using ctgrad::let;
using ctgrad::var;

constexpr auto x = var<"x">;  // house size in 1000 sq ft
constexpr auto y = var<"y">;  // true price in $100k
constexpr auto w1 = var<"w1">;
constexpr auto w2 = var<"w2">;

constexpr auto z1 = let<"z1">(w1 * x);
constexpr auto h = let<"h">(relu(z1));
constexpr auto y_hat = let<"y_hat">(w2 * h);
constexpr auto loss = ctgrad::c<1, 2> * square(y - y_hat);  // 0.5 * (y - yhat)^2

constexpr double size = 2.0;
constexpr double price = 3.0;
constexpr double learning_rate = 0.1;

// R7 at compile time: the loss and both gradients at the starting weights.
constexpr auto start = ctgrad::gradient(loss, ctgrad::at(x = size, y = price, w1 = 0.5, w2 = 1.0));
static_assert(start.value() == 2 && start[y_hat] == -2 && start[w2] == -2 && start[w1] == -4);

void one_step() {
  double w1_value = 0.5;
  double w2_value = 1.0;
  const auto g =
      ctgrad::gradient(loss, ctgrad::at(x = size, y = price, w1 = w1_value, w2 = w2_value));

  std::printf("=== R7: one step (seed 003) ===\n");
  std::printf("z1 = w1 * x = %.4f * %.4f = %.4f\n", w1_value, size, g.value(z1));
  std::printf("h = relu(z1) = %.4f\n", g.value(h));
  std::printf("yhat = w2 * h = %.4f * %.4f = %.4f\n", w2_value, g.value(h), g.value(y_hat));
  std::printf("Loss = 0.5 * (y - yhat)^2 = 0.5 * (%.4f - %.4f)^2 = %.4f\n", price, g.value(y_hat),
              g.value());
  std::printf("dL/dyhat = -(y - yhat) = %.4f\n", g[y_hat]);
  std::printf("dL/dw2 = dL/dyhat * h = %.4f\n", g[w2]);
  std::printf("dL/dw1 = dL/dyhat * w2 * relu'(z1) * x = %.4f\n", g[w1]);

  const double w2_before = w2_value;
  w1_value -= learning_rate * g[w1];
  w2_value -= learning_rate * g[w2];
  const auto after =
      ctgrad::gradient(loss, ctgrad::at(x = size, y = price, w1 = w1_value, w2 = w2_value));
  std::printf("Update (lr = %.1f): w1 = %.4f, w2 = %.4f\n", learning_rate, w1_value, w2_value);
  std::printf("New prediction yhat = %.4f, loss %.4f -> %.4f\n\n", after.value(y_hat), g.value(),
              after.value());

  expect("z1", g.value(z1), 1);
  expect("h", g.value(h), 1);
  expect("yhat", g.value(y_hat), 1);
  expect("L", g.value(), 2);
  expect("dL/dyhat", g[y_hat], -2);
  expect("dL/dw2", g[w2], -2);
  expect("dL/dw1", g[w1], -4);
  expect("dL/dw2 = dL/dyhat * h", g[w2], g[y_hat] * g.value(h));
  expect("dL/dw1 = dL/dyhat * w2 * x", g[w1], g[y_hat] * w2_before * size);
  expect("new w1", w1_value, 0.9);
  expect("new w2", w2_value, 1.2);
  expect("new yhat", after.value(y_hat), 2.16);
  expect("new L", after.value(), 0.3528);
}

void train() {
  std::printf("=== Training: 20 epochs (seed 003) ===\n");
  double w1_value = 0.5;
  double w2_value = 1.0;
  double first_loss = 0;
  double previous_loss = 0;
  double prediction = 0;
  bool fell_every_epoch = true;
  for (int epoch = 0; epoch < 20; ++epoch) {
    // Forward pass, backward pass and the loss, all from one sweep; then the update.
    const auto g =
        ctgrad::gradient(loss, ctgrad::at(x = size, y = price, w1 = w1_value, w2 = w2_value));
    w1_value -= learning_rate * g[w1];
    w2_value -= learning_rate * g[w2];
    prediction = g.value(y_hat);
    std::printf("Epoch %2d: Loss = %.4f, Prediction = $%.1fk, w1 = %.3f, w2 = %.3f\n", epoch,
                g.value(), prediction * 100, w1_value, w2_value);

    if (epoch == 0) first_loss = g.value();
    if (epoch == 1) expect("loss at epoch 1 (R7)", g.value(), 0.3528);
    if (epoch > 0 && !(g.value() < previous_loss)) fell_every_epoch = false;
    previous_loss = g.value();
  }
  std::printf("Final prediction: $%.1fk\n", prediction * 100);
  std::printf("True price: $%.1fk\n", price * 100);
  std::printf("Final error: $%.1fk\n", std::abs(price - prediction) * 100);
  std::printf("Loss %s at every epoch: %.4f -> %.3e\n", fell_every_epoch ? "fell" : "did NOT fall",
              first_loss, previous_loss);

  expect("loss at epoch 0", first_loss, 2);
  expect("final prediction", prediction, price, 1e-9);
  if (!fell_every_epoch) {
    std::printf("MISMATCH: the loss did not fall at every epoch\n");
    ++mismatches;
  }
}

}  // namespace

int main() {
  one_step();
  train();
  if (mismatches != 0) {
    std::printf("house_price: %d MISMATCH(ES)\n", mismatches);
    return 1;
  }
  std::printf("\nhouse_price: all numbers match the tutorial\n");
  return 0;
}
