// Sacado: `sacado_rad` is reverse mode with a runtime tape (Rad::ADvar, re-recorded at every
// evaluation, then Gradcomp); `sacado_fad` is forward mode with SFad<double, N>, one derivative
// component per gradient entry (x and t of P4 and P5 are passive), up to P6_H64.
#include <Sacado.hpp>

#include <array>
#include <cstddef>

#include "generic_problems.hpp"
#include "loop.hpp"

namespace bench::sacado {
namespace {

template <class T>
T branch_relu(const T& z) {
  return z.val() > 0.0 ? z : T(0.0);
}

template <class Problem, class T>
T active(const T* in) {
  if constexpr (std::is_same_v<Problem, p1>)
    return generic::p1(in);
  else if constexpr (std::is_same_v<Problem, p2>)
    return generic::p2(in);
  else if constexpr (std::is_same_v<Problem, p3>)
    return generic::p3(in);
  else if constexpr (std::is_same_v<Problem, p4>)
    return generic::p4(in, [](const T& z) { return branch_relu(z); });
  else if constexpr (std::is_same_v<Problem, p5>)
    return generic::p5(in);
  else if constexpr (std::is_same_v<Problem, p10>)
    return generic::p10(in);
  else
    return generic::p6<Problem::hidden>(in);
}

constexpr std::size_t first_parameter(std::size_t inputs, std::size_t outputs) {
  return inputs - outputs;
}

template <class Problem>
double rad(const double* in, double* g) {
  using ad = Sacado::Rad::ADvar<double>;
  std::array<ad, Problem::inputs> a;
  for (std::size_t i = 0; i < Problem::inputs; ++i) a[i] = in[i];
  ad f = active<Problem>(a.data());
  ad::Gradcomp();
  const std::size_t first = first_parameter(Problem::inputs, Problem::outputs);
  for (std::size_t k = 0; k < Problem::outputs; ++k) g[k] = a[first + k].adj();
  return f.val();
}

template <class Problem>
double fad(const double* in, double* g) {
  constexpr int n = static_cast<int>(Problem::outputs);
  using ad = Sacado::Fad::SFad<double, n>;
  const std::size_t first = first_parameter(Problem::inputs, Problem::outputs);
  std::array<ad, Problem::inputs> a;
  for (std::size_t i = 0; i < Problem::inputs; ++i)
    a[i] = i < first ? ad(in[i]) : ad(n, static_cast<int>(i - first), in[i]);
  const ad f = active<Problem>(a.data());
  for (int k = 0; k < n; ++k) g[k] = f.dx(k);
  return f.val();
}

template <class Problem>
struct both {
  registrar reverse = gradient_kernel<Problem, rad<Problem>>("sacado_rad");
  registrar forward = gradient_kernel<Problem, fad<Problem>>("sacado_fad");
};
// Reverse mode only: at P6_H256 forward mode would carry 769 derivative components per number
// (the inputs alone, SFad<double, 769>[769], are 4.7 MB on the stack).
template <class Problem>
struct reverse_only {
  registrar reverse = gradient_kernel<Problem, rad<Problem>>("sacado_rad");
};

const both<p1> r1;
const both<p2> r2;
const both<p3> r3;
const both<p4> r4;
const both<p5> r5;
const both<p10> r10;
const both<p6<1>> r6_1;
const both<p6<4>> r6_4;
const both<p6<16>> r6_16;
const both<p6<64>> r6_64;
const reverse_only<p6<256>> r6_256;

}  // namespace
}  // namespace bench::sacado
