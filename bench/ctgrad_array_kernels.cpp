// P6 written with ctgrad's array variables, as a user would write a 1-H-1 tanh network: the
// weights of the hidden layer are vectors of H numbers, the loss of one sample is
//   square(dot(w2, tanh(w1 * x + b1)) + b2 - t),
// one expression whose type does not depend on H apart from the vectors' length, and the batch
// gradient is ctgrad::batch_gradient over the 50 samples, with the mean taken by mean().
// The weights are bound as spans of the kernel's inputs and the samples as spans of
// p6_samples(): nothing is copied before the call.
#include <array>
#include <cstddef>
#include <span>

#include <ctgrad/ctgrad.hpp>

#include "loop.hpp"

namespace bench::with_ctgrad_arrays {
namespace {

constexpr auto x = ctgrad::var<"x">;
constexpr auto t = ctgrad::var<"t">;
constexpr auto b2 = ctgrad::var<"b2">;
template <std::size_t H>
constexpr auto w1 = ctgrad::var<"w1", H>;
template <std::size_t H>
constexpr auto b1 = ctgrad::var<"b1", H>;
template <std::size_t H>
constexpr auto w2 = ctgrad::var<"w2", H>;

template <std::size_t H>
constexpr auto mlp = square(dot(w2<H>, tanh(w1<H>* x + b1<H>)) + b2 - t);

// The parameters, in the order of problems.hpp (w1_*, b1_*, w2_*, b2), viewed in place.
template <std::size_t H>
auto parameters(const double* p) {
  using view = std::span<const double, H>;
  return ctgrad::at(w1<H> = view(p, H), b1<H> = view(p + H, H), w2<H> = view(p + 2 * H, H),
                    b2 = p[3 * H]);
}

// The samples as columns: views of p6_samples(), made once.
const auto& sample_data() {
  static const auto d = ctgrad::data(x = p6_samples().x, t = p6_samples().t);
  return d;
}

template <std::size_t H>
double p6_value(const double* p, double*) {
  using view = std::span<const double, H>;
  const samples& s = p6_samples();
  double loss = 0.0;
  for (std::size_t i = 0; i < sample_count; ++i)
    loss += ctgrad::value(
        mlp<H>, ctgrad::at(w1<H> = view(p, H), b1<H> = view(p + H, H), w2<H> = view(p + 2 * H, H),
                           b2 = p[3 * H], x = s.x[i], t = s.t[i]));
  return loss / static_cast<double>(sample_count);
}

template <std::size_t H>
double p6_gradient(const double* p, double* g) {
  const auto r = ctgrad::batch_gradient(mlp<H>, parameters<H>(p), sample_data()).mean();
  // Views of r's sums (r[w1<H>] would copy them first: 0.1% more instructions at H = 256).
  const auto dw1 = r.view(w1<H>), db1 = r.view(b1<H>), dw2 = r.view(w2<H>);
  for (std::size_t j = 0; j < H; ++j) {
    g[j] = dw1[j];
    g[H + j] = db1[j];
    g[2 * H + j] = dw2[j];
  }
  g[3 * H] = r[b2];
  return r.value();
}

template <std::size_t H>
struct both {
  registrar gradient = gradient_kernel<p6<H>, p6_gradient<H>>("ctgrad_array");
  registrar value = value_kernel<p6<H>, p6_value<H>>("ctgrad_array_value");
};

const both<1> r6_1;
const both<4> r6_4;
const both<16> r6_16;
const both<64> r6_64;
const both<256> r6_256;

}  // namespace
}  // namespace bench::with_ctgrad_arrays
