#pragma once
// Finding the distinct nodes of an expression: one depth-first walk from the root over the
// structures' node_info objects (graph/node_info.hpp), operands left to right, that skips what
// it has seen and lists the nodes in postorder, operands before the nodes that use them.
//
// Identity rules (docs/design.md, "Node identity"):
// - a subtree without run-time numbers is identified by its structure, so `x * y` written twice
//   is one node: equal structures mean equal values;
// - a subtree that holds run-time numbers is identified by its structure and by where its
//   numbers sit in the root's numbers, since `3 * x` and `5 * x` have the same structure;
// - a named intermediate (let<"h">) is identified by its name, and the nodes inside it are
//   those of its first use.
//
// The walk is a plain constexpr function, the same one for every expression: its cost is a few
// steps per edge of the graph, and the compiler instantiates nothing per node for it.
#include <array>
#include <cstddef>

#include "ctgrad/core/node_info.hpp"
#include "ctgrad/detail/node_id.hpp"

namespace ctgrad::detail {

inline constexpr std::size_t no_node = static_cast<std::size_t>(-1);

// A node as the walk finds it.
struct walked_node {
  const node_info* info = nullptr;
  node_id key{};                 // what the walk tells nodes apart by
  std::size_t parent = no_node;  // position of the node it was first found under (a root: none)
  std::size_t which = 0;         // its operand index there (a root: its output index)
  std::size_t offset = 0;        // where its numbers start in the root's numbers
  std::array<std::size_t, max_arity> operands{};  // positions; a number: its number's position
};

// Where a walk starts: an expression's root, its numbers starting at `offset` (a graph of
// several outputs starts one walk per output, each after the numbers of those before it).
struct walk_root {
  const node_info* info = nullptr;
  std::size_t offset = 0;
};

struct walk_summary {
  std::size_t size = 0;         // distinct nodes
  std::size_t clash = no_node;  // a let whose name another expression also has (its position)
};

// An array that grows, for use during constant evaluation (allocations do not outlive it).
template <class T>
class growing {
 public:
  constexpr growing() = default;
  growing(const growing&) = delete;
  growing& operator=(const growing&) = delete;
  constexpr ~growing() { delete[] data_; }

  constexpr void push_back(const T& x) {
    if (size_ == capacity_) reserve(capacity_ == 0 ? 64 : 2 * capacity_);
    data_[size_++] = x;
  }
  constexpr void pop_back() { --size_; }
  constexpr T& back() { return data_[size_ - 1]; }
  constexpr T& operator[](std::size_t i) { return data_[i]; }
  constexpr std::size_t size() const { return size_; }

 private:
  constexpr void reserve(std::size_t capacity) {
    T* grown = new T[capacity]{};
    for (std::size_t i = 0; i < size_; ++i) grown[i] = data_[i];
    delete[] data_;
    data_ = grown;
    capacity_ = capacity;
  }
  T* data_ = nullptr;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
};

// Node keys to positions: open addressing with linear probing, kept at most half full.
class key_positions {
 public:
  constexpr key_positions() { rehash(128); }
  key_positions(const key_positions&) = delete;
  key_positions& operator=(const key_positions&) = delete;
  constexpr ~key_positions() { delete[] slots_; }

  constexpr std::size_t find(const node_id& key) const {
    for (std::size_t i = key.a & (capacity_ - 1); slots_[i].used; i = (i + 1) & (capacity_ - 1))
      if (slots_[i].key == key) return slots_[i].position;
    return no_node;
  }
  constexpr void insert(const node_id& key, std::size_t position) {
    if (2 * (count_ + 1) > capacity_) rehash(2 * capacity_);
    put(key, position);
  }

 private:
  struct slot {
    node_id key{};
    std::size_t position = 0;
    bool used = false;
  };
  constexpr void put(const node_id& key, std::size_t position) {
    std::size_t i = key.a & (capacity_ - 1);
    while (slots_[i].used) i = (i + 1) & (capacity_ - 1);
    slots_[i] = {key, position, true};
    ++count_;
  }
  constexpr void rehash(std::size_t capacity) {
    slot* old = slots_;
    const std::size_t old_capacity = capacity_;
    slots_ = new slot[capacity]{};
    capacity_ = capacity;
    count_ = 0;
    for (std::size_t i = 0; i < old_capacity; ++i)
      if (old[i].used) put(old[i].key, old[i].position);
    delete[] old;
  }
  slot* slots_ = nullptr;
  std::size_t capacity_ = 0;
  std::size_t count_ = 0;
};

// The key a node is told apart by, where its numbers start at `offset`.
constexpr node_id key_of(const node_info& n, std::size_t offset) {
  if (n.kind == node_kind::named) return n.name;
  return n.number_count == 0 ? n.id : combine(n.id, offset);
}

// The walk. With `out` null it only counts; otherwise it writes the nodes to out[0 .. size) and
// the position of each root to root_at[0 .. root_count).
constexpr walk_summary walk(const walk_root* roots, std::size_t root_count, walked_node* out,
                            std::size_t* root_at) {
  struct frame {
    const node_info* info;
    std::size_t offset;  // where its numbers start
    std::size_t parent;  // discovery number of the node it was found under
    std::size_t which;
    std::size_t found;    // its own discovery number
    std::size_t next;     // the operand to look at next
    std::size_t skipped;  // numbers of the operands before `next`
  };
  walk_summary summary;
  key_positions seen;
  growing<const node_info*> info_at;       // per position, for the check of names
  growing<std::size_t> position_of_found;  // discovery number -> position
  growing<frame> stack;
  std::size_t found = 0;

  // A node met again: a let met again under another expression is a clash.
  const auto met = [&](const node_info* n, std::size_t position) {
    if (n->kind == node_kind::named && !(info_at[position]->id == n->id) &&
        summary.clash == no_node)
      summary.clash = position;
  };

  for (std::size_t r = 0; r < root_count; ++r) {
    const std::size_t at = seen.find(key_of(*roots[r].info, roots[r].offset));
    if (at != no_node) {
      met(roots[r].info, at);
      if (root_at != nullptr) root_at[r] = at;
      continue;
    }
    stack.push_back({roots[r].info, roots[r].offset, no_node, r, found++, 0, 0});
    position_of_found.push_back(no_node);
    while (stack.size() > 0) {
      frame& f = stack.back();
      if (f.next < f.info->arity + f.info->input_count) {
        // Operands, then a loop's inputs (variables, which hold no numbers).
        const bool is_operand = f.next < f.info->arity;
        const node_info* operand =
            is_operand ? f.info->operands[f.next] : f.info->inputs[f.next - f.info->arity];
        const std::size_t offset = f.offset + f.skipped;
        if (is_operand) f.skipped += operand->number_count;
        const std::size_t which = f.next++;
        const std::size_t position = seen.find(key_of(*operand, offset));
        if (position != no_node) {
          met(operand, position);
        } else {
          stack.push_back({operand, offset, f.found, which, found++, 0, 0});
          position_of_found.push_back(no_node);
        }
        continue;
      }
      const frame done = f;
      stack.pop_back();
      const std::size_t position = summary.size++;
      position_of_found[done.found] = position;
      const node_id key = key_of(*done.info, done.offset);
      seen.insert(key, position);
      info_at.push_back(done.info);
      if (out != nullptr) {
        walked_node& n = out[position];
        n.info = done.info;
        n.key = key;
        n.parent = done.parent;  // a discovery number until the end of the walk
        n.which = done.which;
        n.offset = done.offset;
        std::size_t skipped = 0;
        for (std::size_t j = 0; j < done.info->arity; ++j) {
          const node_info* operand = done.info->operands[j];
          n.operands[j] = seen.find(key_of(*operand, done.offset + skipped));
          skipped += operand->number_count;
        }
        if (done.info->kind == node_kind::number) n.operands[0] = done.offset;
      }
    }
    if (root_at != nullptr) root_at[r] = summary.size - 1;
  }
  if (out != nullptr)
    for (std::size_t i = 0; i < summary.size; ++i)
      if (out[i].parent != no_node) out[i].parent = position_of_found[out[i].parent];
  return summary;
}

// The walk's result for one graph: N distinct nodes from R roots.
template <std::size_t N, std::size_t R>
struct walk_table {
  std::array<walked_node, N> nodes{};
  std::array<std::size_t, R> roots{};
};

template <std::size_t N, std::size_t R>
constexpr walk_table<N, R> walk_into(const std::array<walk_root, R>& roots) {
  walk_table<N, R> t;
  walk(roots.data(), R, t.nodes.data(), t.roots.data());
  return t;
}

}  // namespace ctgrad::detail
