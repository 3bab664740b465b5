#define BOOST_TEST_MODULE alloc_free_gradient
#include <boost/test/unit_test.hpp>

// value() and gradient() never touch the heap: every global operator new and delete of this
// program (plain, array, sized, aligned, nothrow) is replaced by a counting version, and the count
// must not move across the measured calls. The same holds for batch_gradient over a data set
// held in vectors made before the measured region. A first test case shows that the counter does
// see an allocation made inside a measured region, so the others can fail.

#include <atomic>
#include <cmath>
#include <cstddef>
#include <cstdlib>
#include <ctgrad/ctgrad.hpp>
#include <new>
#include <vector>

namespace {
std::atomic<long> allocations{0};

void* counted(std::size_t size, std::size_t alignment = alignof(std::max_align_t)) {
  ++allocations;
  if (size == 0) size = 1;
  if (alignment <= alignof(std::max_align_t)) return std::malloc(size);
  return std::aligned_alloc(alignment, (size + alignment - 1) / alignment * alignment);
}
void* or_throw(void* p) {
  if (p == nullptr) throw std::bad_alloc();
  return p;
}
}  // namespace

void* operator new(std::size_t n) {
  return or_throw(counted(n));
}
void* operator new[](std::size_t n) {
  return or_throw(counted(n));
}
void* operator new(std::size_t n, std::align_val_t a) {
  return or_throw(counted(n, static_cast<std::size_t>(a)));
}
void* operator new[](std::size_t n, std::align_val_t a) {
  return or_throw(counted(n, static_cast<std::size_t>(a)));
}
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
  return counted(n);
}
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept {
  return counted(n);
}
void* operator new(std::size_t n, std::align_val_t a, const std::nothrow_t&) noexcept {
  return counted(n, static_cast<std::size_t>(a));
}
void* operator new[](std::size_t n, std::align_val_t a, const std::nothrow_t&) noexcept {
  return counted(n, static_cast<std::size_t>(a));
}
// The replaced operator new above allocates with malloc, so free is the matching release; g++
// does not know that the global operator new is replaced, and at -O1 (the sanitizer build) it
// warns where it inlines a delete into a new-expression's caller.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif
void operator delete(void* p) noexcept {
  std::free(p);
}
void operator delete[](void* p) noexcept {
  std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
  std::free(p);
}
void operator delete[](void* p, std::size_t) noexcept {
  std::free(p);
}
void operator delete(void* p, std::align_val_t) noexcept {
  std::free(p);
}
void operator delete[](void* p, std::align_val_t) noexcept {
  std::free(p);
}
void operator delete(void* p, std::size_t, std::align_val_t) noexcept {
  std::free(p);
}
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept {
  std::free(p);
}
void operator delete(void* p, const std::nothrow_t&) noexcept {
  std::free(p);
}
void operator delete[](void* p, const std::nothrow_t&) noexcept {
  std::free(p);
}
void operator delete(void* p, std::align_val_t, const std::nothrow_t&) noexcept {
  std::free(p);
}
void operator delete[](void* p, std::align_val_t, const std::nothrow_t&) noexcept {
  std::free(p);
}

namespace {

// The allocations made while f runs.
template <class F>
long allocations_during(F&& f) {
  const long before = allocations.load();
  f();
  return allocations.load() - before;
}

// Results land here so that the optimiser cannot drop the calls.
volatile double sink;

constexpr auto w1 = ctgrad::var<"w1">;
constexpr auto b1 = ctgrad::var<"b1">;
constexpr auto w2 = ctgrad::var<"w2">;
constexpr auto b2 = ctgrad::var<"b2">;
constexpr auto x = ctgrad::var<"x">;
constexpr auto t = ctgrad::var<"t">;

BOOST_AUTO_TEST_CASE(the_counter_sees_an_allocation_in_the_measured_region) {
  // The control: an allocation the compiler cannot elide (the pointer escapes to a volatile).
  static double* volatile escaped;
  const long seen = allocations_during([] {
    escaped = new double(1.0);
    sink = *escaped;
  });
  delete escaped;
  BOOST_TEST(seen == 1);
  BOOST_TEST(allocations_during([] { escaped = new (std::align_val_t{64}) double[4]; }) == 1);
  ::operator delete[](escaped, std::align_val_t{64});
  BOOST_TEST(allocations_during([] { escaped = new (std::nothrow) double[3]; }) == 1);
  delete[] escaped;
}

BOOST_AUTO_TEST_CASE(two_layer_network_with_named_intermediates) {
  const auto z1 = ctgrad::let<"z1">(w1 * x + b1);
  const auto h = ctgrad::let<"h">(relu(z1));
  const auto y = ctgrad::let<"y">(w2 * h + b2);
  const auto L = square(y - t);
  double wv = 0.5;  // run-time values, changed between calls
  const long seen = allocations_during([&] {
    for (int i = 0; i < 1000; ++i) {
      wv += 1e-3;
      const auto p = ctgrad::at(w1 = wv, b1 = 0.1, w2 = -0.3, b2 = 0.2, x = 2.0, t = 1.0);
      const auto g = ctgrad::gradient(L, p);
      sink = g[w1] + g[b1] + g[w2] + g[b2] + g[z1] + g[h] + g.value(y) + g.value();
      sink = ctgrad::value(L, p);
      const auto some = ctgrad::gradient(L, p, ctgrad::wrt(w2, h, b1));
      sink = some[w2] + some[h] + some[b1];
    }
  });
  BOOST_TEST(seen == 0);
}

BOOST_AUTO_TEST_CASE(every_function_and_many_run_time_numbers) {
  const auto f = pow(softplus(x) + 0.1, 2.5) + ctgrad::pow<3>(tanh(x * t)) - sqrt(square(t) + 1.0) +
                 log(sigmoid(x) + 0.5) * exp(-x) / (cos(t) + 2.0) + sin(x) * tan(0.3 * t) +
                 min(x, t) * max(abs(x), 0.2) + pow(x * x + 1.0, t);
  double xv = -1.0;
  const long seen = allocations_during([&] {
    for (int i = 0; i < 1000; ++i) {
      xv += 2e-3;
      const auto p = ctgrad::at(x = xv, t = 0.7);
      const auto g = ctgrad::gradient(f, p);
      sink = g[x] + g[t] + ctgrad::value(f, p);
      sink = ctgrad::gradient(f, p, ctgrad::wrt(t))[t];
    }
  });
  BOOST_TEST(seen == 0);
}

// A 200-node chain, to make sure size does not bring a heap buffer in.
template <int K>
constexpr auto chain() {
  if constexpr (K == 0)
    return x * t;
  else if constexpr (K % 2 == 0)
    return sin(chain<K - 1>()) * x + 0.5;
  else
    return sin(chain<K - 1>()) * t + 0.5;
}

BOOST_AUTO_TEST_CASE(a_long_chain) {
  const auto f = chain<50>();
  const long seen = allocations_during([&] {
    for (int i = 0; i < 100; ++i) {
      const auto g = ctgrad::gradient(f, ctgrad::at(x = 0.3 + 1e-3 * i, t = -0.8));
      sink = g[x] + g[t];
    }
  });
  BOOST_TEST(seen == 0);
}

BOOST_AUTO_TEST_CASE(batch_gradient_over_a_data_set) {
  const auto z1 = ctgrad::let<"z1">(w1 * x + b1);
  const auto L = square(w2 * select(z1 > 0, z1, 0) + b2 - t);
  std::vector<double> xs(1000), ts(1000);
  for (std::size_t i = 0; i < xs.size(); ++i) {
    xs[i] = std::sin(0.1 * static_cast<double>(i));
    ts[i] = std::cos(0.2 * static_cast<double>(i));
  }
  const long seen = allocations_during([&] {
    for (int i = 0; i < 10; ++i) {
      const auto g =
          ctgrad::batch_gradient(L, ctgrad::at(w1 = 0.5 + 0.01 * i, b1 = 0.1, w2 = -0.3, b2 = 0.2),
                                 ctgrad::data(x = xs, t = ts));
      sink = g[w1] + g[b1] + g[w2] + g[b2] + g.mean().value();
    }
  });
  BOOST_TEST(seen == 0);
}

}  // namespace
