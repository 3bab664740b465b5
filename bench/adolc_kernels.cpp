// ADOL-C, a runtime tape: `adolc_record` records the tape at every evaluation and then calls
// gradient(); `adolc_replay` records once and re-evaluates the tape at the inputs (zos_forward
// with keep = 1, then fos_reverse: the body of ADOL-C's gradient(), keeping the value too).
// All inputs are independents, so that a replayed tape is valid at any x and t as well.
#include <adolc/adolc.h>

#include <array>
#include <cstddef>

#include "generic_problems.hpp"
#include "loop.hpp"

namespace bench::adolc {
namespace {

struct adolc_relu {
  adouble operator()(const adouble& z) const {
    adouble h;
    condassign(h, z, z, adouble(0.0));  // h = z > 0 ? z : 0, recorded as a branch on the tape
    return h;
  }
};

template <class Problem>
adouble active(const adouble* in) {
  if constexpr (std::is_same_v<Problem, p1>)
    return generic::p1(in);
  else if constexpr (std::is_same_v<Problem, p2>)
    return generic::p2(in);
  else if constexpr (std::is_same_v<Problem, p3>)
    return generic::p3(in);
  else if constexpr (std::is_same_v<Problem, p4>)
    return generic::p4(in, adolc_relu{});
  else if constexpr (std::is_same_v<Problem, p5>)
    return generic::p5(in);
  else if constexpr (std::is_same_v<Problem, p10>)
    return generic::p10(in);
  else
    return generic::p6<Problem::hidden>(in);
}

template <class Problem>
double record(short tag, const double* in) {
  constexpr std::size_t n = Problem::inputs;
  double f = 0.0;
  trace_on(tag);
  {
    std::array<adouble, n> a;
    for (std::size_t i = 0; i < n; ++i) a[i] <<= in[i];
    adouble y = active<Problem>(a.data());
    y >>= f;
  }
  trace_off();
  return f;
}

// The gradient w.r.t. all inputs; the problem's gradient is its trailing `outputs` entries.
template <class Problem>
void copy_gradient(const std::array<double, Problem::inputs>& all, double* g) {
  for (std::size_t k = 0; k < Problem::outputs; ++k)
    g[k] = all[Problem::inputs - Problem::outputs + k];
}

template <class Problem, short Tag>
double recorded(const double* in, double* g) {
  const double f = record<Problem>(Tag, in);
  std::array<double, Problem::inputs> all;
  gradient(Tag, static_cast<int>(Problem::inputs), in, all.data());
  copy_gradient<Problem>(all, g);
  return f;
}

template <class Problem, short Tag>
void record_once() {
  const auto p = Problem::point();
  record<Problem>(Tag, p.data());
}

template <class Problem, short Tag>
double replayed(const double* in, double* g) {
  constexpr int n = static_cast<int>(Problem::inputs);
  double f = 0.0, seed = 1.0;
  std::array<double, Problem::inputs> all;
  zos_forward(Tag, 1, n, 1, in, &f);
  fos_reverse(Tag, 1, n, &seed, all.data());
  copy_gradient<Problem>(all, g);
  return f;
}

template <class Problem, short Tag>
struct both {
  registrar record = gradient_kernel<Problem, recorded<Problem, Tag>>("adolc_record");
  registrar replay = gradient_kernel<Problem, replayed<Problem, Tag + 1>>(
      "adolc_replay", &record_once<Problem, Tag + 1>);
};

const both<p1, 10> r1;
const both<p2, 20> r2;
const both<p3, 30> r3;
const both<p4, 40> r4;
const both<p5, 50> r5;
const both<p10, 110> r10;
const both<p6<1>, 60> r6_1;
const both<p6<4>, 70> r6_4;
const both<p6<16>, 80> r6_16;
const both<p6<64>, 90> r6_64;
const both<p6<256>, 100> r6_256;

}  // namespace
}  // namespace bench::adolc
