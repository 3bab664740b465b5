#pragma once
// batch_gradient on several threads: parallel_batch_gradient(loss, p, data(...)[, wrt(...)]
// [, threads]). The samples are split into one contiguous block per thread; each thread sums the
// gradients of its block into its own batch_gradient_result, and the blocks' sums are added in
// block order at the end. Nothing is shared but read-only inputs (ctgrad keeps no global tape),
// so no locks are taken. The result equals batch_gradient's up to the order of the additions;
// with one thread it is the same sum, bit for bit. Opt-in (not in ctgrad.hpp): it needs threads.
#include <algorithm>
#include <cstddef>
#include <thread>
#include <vector>

#include "ctgrad/reverse/batch.hpp"

namespace ctgrad {

namespace detail {
template <class E, class P, class D, class Entries>
auto parallel_batch_sum(const E& f, const P& p, const D& d, Entries entries, unsigned threads) {
  const std::size_t n = d.samples;
  const std::size_t blocks = std::max<std::size_t>(1, std::min<std::size_t>(threads, n));
  const auto first = [&](std::size_t k) { return n * k / blocks; };
  using result = decltype(batch_sum(f, p, d, 0, 0, entries));
  std::vector<result> partial(blocks);
  {
    std::vector<std::jthread> workers;
    workers.reserve(blocks - 1);
    for (std::size_t k = 1; k < blocks; ++k)
      workers.emplace_back(
          [&, k] { partial[k] = batch_sum(f, p, d, first(k), first(k + 1), entries); });
    partial[0] = batch_sum(f, p, d, first(0), first(1), entries);  // this thread takes block 0
  }                                                                // the workers join here
  result total = partial[0];
  for (std::size_t k = 1; k < blocks; ++k) total.add(partial[k]);
  return total;
}

inline unsigned default_thread_count() {
  return std::max(1u, std::thread::hardware_concurrency());
}
}  // namespace detail

// batch_gradient(loss, p, d) computed by `threads` threads (by default one per hardware thread).
template <class E, class P, class D>
auto parallel_batch_gradient(const E& loss, const P& p, const D& d,
                             unsigned threads = detail::default_thread_count()) {
  if constexpr (detail::check_call<E, P>() && detail::check_batch_call<P, D>())
    return detail::parallel_batch_sum(loss, p, d, detail::default_batch_entries<E, P>{}, threads);
}

// The same for the chosen entries.
template <class E, class P, class D, class... Ids>
auto parallel_batch_gradient(const E& loss, const P& p, const D& d, targets<Ids...>,
                             unsigned threads = detail::default_thread_count()) {
  if constexpr (detail::check_call<E, P>() && detail::check_batch_call<P, D>())
    return detail::parallel_batch_sum(loss, p, d, detail::list<Ids...>{}, threads);
}

// The same, where every target must occur in loss.
template <class E, class P, class D, class... Ids>
auto parallel_batch_gradient(const E& loss, const P& p, const D& d, strict_targets<Ids...>,
                             unsigned threads = detail::default_thread_count()) {
  if constexpr (detail::check_call<E, P>() && detail::check_batch_call<P, D>()) {
    static_assert(detail::check_contains_targets<detail::sweep<E>, Ids...>());
    return detail::parallel_batch_sum(loss, p, d, detail::list<Ids...>{}, threads);
  }
}

}  // namespace ctgrad
