#pragma once
// Node ids: a 128-bit structural hash per node, computed once per node type from its operands'
// ids. Comparing ids in constexpr code replaces comparing types through template
// instantiations, which made deduplicating a graph cost the compiler work per node pair.
// Two 64-bit hashes with independent mixing: a collision between distinct nodes of one
// expression has probability below 2^-100 even for 10^6 nodes.
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace ctgrad::detail {

struct node_id {
  std::uint64_t a = 0;
  std::uint64_t b = 0;
  friend constexpr bool operator==(const node_id&, const node_id&) = default;
};

constexpr std::uint64_t mix64(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

constexpr node_id combine(node_id h, std::uint64_t v) {
  return {mix64(h.a ^ (v + 0x9e3779b97f4a7c15ULL + (h.a << 6) + (h.a >> 2))),
          mix64((h.b + 0x632be59bd9b4e019ULL) ^ mix64(v ^ 0xd6e8feb86659fd93ULL))};
}
constexpr node_id combine(node_id h, node_id v) {
  return combine(combine(h, v.a), v.b);
}

template <std::size_t N>
constexpr node_id combine_all(node_id h, const std::array<node_id, N>& parts) {
  for (const node_id& p : parts) h = combine(h, p);
  return h;
}

constexpr node_id hash_text(std::uint64_t kind, std::string_view text) {
  node_id h{kind, ~kind};
  for (char c : text) h = combine(h, static_cast<std::uint64_t>(static_cast<unsigned char>(c)));
  return combine(h, text.size());
}

// An id for a small type (an operation tag), from the compiler's spelling of the type.
template <class T>
constexpr std::string_view spelling() {
#if defined(__clang__) || defined(__GNUC__)
  return __PRETTY_FUNCTION__;
#else
#error "ctgrad needs g++ or clang++"
#endif
}
template <class T>
inline constexpr node_id type_id = hash_text(0x6f70, spelling<T>());

// Position of each id, by binary search over the ids sorted once.
template <std::size_t N>
struct id_index {
  struct entry {
    node_id id;
    std::size_t at;
  };
  std::array<entry, N> sorted{};

  static constexpr bool less(const node_id& x, const node_id& y) {
    return x.a < y.a || (x.a == y.a && x.b < y.b);
  }
  constexpr explicit id_index(const std::array<node_id, N>& ids) {
    for (std::size_t i = 0; i < N; ++i) sorted[i] = {ids[i], i};
    std::sort(sorted.begin(), sorted.end(),
              [](const entry& x, const entry& y) { return less(x.id, y.id); });
  }
  constexpr std::size_t find(const node_id& id) const {
    std::size_t lo = 0, hi = N;
    while (lo < hi) {
      const std::size_t mid = (lo + hi) / 2;
      if (less(sorted[mid].id, id))
        lo = mid + 1;
      else
        hi = mid;
    }
    return lo < N && sorted[lo].id == id ? sorted[lo].at : N;
  }
};

// A set of ids: open addressing with linear probing in a table of at least twice N slots.
// Building it and asking it are a few constexpr steps per id (cheaper for the compiler than
// sorting), which matters because every node type that merges two operand lists builds one.
template <std::size_t N>
struct id_set {
  static constexpr std::size_t capacity = [] {
    std::size_t c = 2;
    while (c < 2 * N) c *= 2;
    return c;
  }();
  std::array<node_id, capacity> slots{};
  std::array<bool, capacity> used{};

  constexpr explicit id_set(const std::array<node_id, N>& ids) {
    for (const node_id& id : ids) {
      std::size_t i = id.a & (capacity - 1);
      while (used[i] && !(slots[i] == id)) i = (i + 1) & (capacity - 1);
      slots[i] = id;
      used[i] = true;
    }
  }
  constexpr bool contains(const node_id& id) const {
    for (std::size_t i = id.a & (capacity - 1); used[i]; i = (i + 1) & (capacity - 1))
      if (slots[i] == id) return true;
    return false;
  }
};

}  // namespace ctgrad::detail
