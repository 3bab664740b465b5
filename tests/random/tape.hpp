#pragma once
// The ADOL-C side of the random tests: each expression as the same computation on adouble, as a
// plain function. generate.py writes them into files of their own, random_<k>_tape.cpp, which the
// optimised builds compile at -O0: they are the reference, not the code under test, and the
// checks then call one adolc_gradient instead of one per expression.
#include <adolc/adolc.h>

namespace random_test {

using taped_function = adouble (*)(const adouble* x);

// The functions ADOL-C lacks, written as the textbook formulas.
inline adouble ad_square(const adouble& a) {
  return a * a;
}
template <int N>
adouble ad_pow(const adouble& a) {
  if constexpr (N < 0) {
    return 1.0 / ad_pow<-N>(a);
  } else {
    adouble r = a;
    for (int i = 1; i < N; ++i) r *= a;
    return r;
  }
}
inline adouble ad_sigmoid(const adouble& a) {
  return 1.0 / (1.0 + exp(-a));
}
inline adouble ad_relu(const adouble& a) {
  return fmax(a, 0.0);
}
inline adouble ad_softplus(const adouble& a) {
  return log(1.0 + exp(a));
}

}  // namespace random_test
