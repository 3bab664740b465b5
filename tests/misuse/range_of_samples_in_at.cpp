// Per-sample data bound in a point instead of a data set.
// expect: a_range_of_samples_belongs_in_ctgrad_data<ctgrad::column<

#include <ctgrad/ctgrad.hpp>
#include <vector>

constexpr auto w = ctgrad::var<"w">;
constexpr auto x = ctgrad::var<"x">;

int main() {
  const std::vector<double> xs{1, 2, 3};
#ifdef CTGRAD_CONTROL
  const auto r = ctgrad::batch_gradient(square(w * x), ctgrad::at(w = 2.0), ctgrad::data(x = xs));
#else
  const auto r =
      ctgrad::batch_gradient(square(w * x), ctgrad::at(w = 2.0, x = xs), ctgrad::data(x = xs));
#endif
  return r[w] > 0 ? 0 : 1;
}
