// A view of a temporary result, which would dangle at the end of the statement. Indexing the
// temporary instead gives a copy (the positive control).
// expect: a_view_of_a_temporary_result_would_dangle<ctgrad::name<'w'>

#include <array>
#include <ctgrad/ctgrad.hpp>

constexpr auto w = ctgrad::var<"w", 3>;

int main() {
  const std::array<double, 3> wv{1, 2, 3};
#ifdef CTGRAD_CONTROL
  const auto dw = ctgrad::gradient(dot(w, w), ctgrad::at(w = wv))[w];
#else
  const auto dw = ctgrad::gradient(dot(w, w), ctgrad::at(w = wv)).view(w);
#endif
  return dw[0] == 2.0 ? 0 : 1;
}
