// A data set returned from the function whose local vector it views (clang++ -Wall; g++ 12 has
// no such warning). Moving the vector in makes the data set own it (the positive control).
// expect: address of stack memory associated with local variable 'samples' returned

#include <ctgrad/ctgrad.hpp>
#include <utility>
#include <vector>

constexpr auto s = ctgrad::var<"s">;
constexpr auto t = ctgrad::var<"t">;

auto load() {
  std::vector<double> samples{1, 2, 3};
#ifdef CTGRAD_CONTROL
  return ctgrad::data(t = std::move(samples));
#else
  return ctgrad::data(t = samples);
#endif
}

int main() {
  const auto r = ctgrad::batch_gradient(square(s - t), ctgrad::at(s = 0.0), load());
  return r.value() == 14.0 ? 0 : 1;
}
