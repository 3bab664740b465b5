#pragma once
// Node ids: a 128-bit structural hash per node, computed once per node type from its operands'
// ids. The graph walk (graph/walk.hpp) tells nodes apart by ids in constexpr code instead of
// comparing types through template instantiations.
// Two 64-bit hashes with independent mixing: a collision between distinct nodes of one
// expression has probability below 2^-100 even for 10^6 nodes.
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

}  // namespace ctgrad::detail
