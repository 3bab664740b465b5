#pragma once
// A run-time description of an expression's graph, for the printers in this folder (dot.hpp,
// mermaid.hpp, code.hpp): the sweep's distinct nodes in its order, each with its label, its
// operand positions and whether the reverse sweep computes its adjoint, optionally with the
// forward value and adjoint at a point. Read from detail::sweep<E>, so a picture shows exactly
// the nodes the sweeps compute. Opt-in: not included by <ctgrad/ctgrad.hpp>.
#include <array>
#include <cstddef>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "ctgrad/core/functions.hpp"
#include "ctgrad/eval/value.hpp"
#include "ctgrad/graph/sweep.hpp"
#include "ctgrad/io/operation_text.hpp"

namespace ctgrad::io_detail {

enum class node_kind { variable, number, constant, operation, named };

struct node_view {
  node_kind kind;
  std::string label;    // a variable's or intermediate's name, a number, or an operation's sign
  std::string stem;     // how an id for the node starts ("mul", a name, "n" for a number)
  operation_text text;  // an operation's statements (code.hpp); empty for leaves
  std::size_t arity;
  std::array<std::size_t, 3> operands;
  bool wanted;           // the reverse sweep computes this node's adjoint
  unsigned assigns;      // bit j: the node's contribution to operand j is the first (assigns)
  unsigned contributes;  // bit j: the node contributes to operand j's adjoint
  std::optional<double> value;    // at a point: the forward value
  std::optional<double> adjoint;  // at a point: the adjoint, where the sweep computes it
};

// A number as printf's %g writes it: at most 6 significant digits, short enough for a label.
inline std::string format_number(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", v);
  return buffer;
}

template <class Step>
node_view describe(std::size_t arity, const std::array<std::size_t, 3>& operands,
                   const double* numbers) {
  using traits = detail::node_traits<Step>;
  node_view n{};
  n.arity = arity;
  n.operands = operands;
  if constexpr (traits::kind == detail::node_kind::variable) {
    n.kind = node_kind::variable;
    n.label = n.stem = std::string(traits::name.view());
  } else if constexpr (traits::kind == detail::node_kind::number) {
    n.kind = node_kind::number;
    n.label = format_number(numbers[operands[0]]);
    n.stem = "n";
  } else if constexpr (traits::kind == detail::node_kind::constant) {
    n.kind = node_kind::constant;
    n.label = std::to_string(traits::numerator);
    if (traits::denominator != 1) n.label += join("/", std::to_string(traits::denominator));
    n.stem = "c";
  } else {
    n.text = operation_text_of<Step>();
    n.kind = n.text.is_name ? node_kind::named : node_kind::operation;
    n.label = n.text.display;
    n.stem = n.text.stem;
  }
  return n;
}

template <class E, class... Step, std::size_t... I>
std::vector<node_view> describe_all(const E& e, detail::list<Step...>, std::index_sequence<I...>) {
  using sweep = detail::sweep<E>;
  std::vector<node_view> nodes;
  nodes.reserve(sizeof...(I));
  (nodes.push_back(describe<Step>(
       sweep::arity[I], {sweep::operands[I][0], sweep::operands[I][1], sweep::operands[I][2]},
       e.numbers.data())),
   ...);
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    nodes[i].wanted = sweep::wanted[i];
    nodes[i].assigns = sweep::assigns[i];
    nodes[i].contributes = sweep::wanted_operands[i];
  }
  return nodes;
}

// The nodes of e, in the order the forward sweep computes them (the root last).
template <expression E>
std::vector<node_view> graph_of(const E& e) {
  static_assert(detail::check_no_arrays<"graph_of", E>());
  using sweep = detail::sweep<E>;
  return describe_all(e, typename sweep::steps{}, std::make_index_sequence<sweep::size>{});
}

// The same, with each node's forward value and adjoint at p, from one forward and one reverse
// sweep (the sweeps ctgrad::gradient runs, here keeping every node's slot).
template <expression E, point_like P>
std::vector<node_view> graph_of(const E& e, const P& p) {
  static_assert(detail::check_no_arrays<"graph_of", E>());
  using sweep = detail::sweep<E>;
  using T = typename P::scalar_type;
  static_assert(
      requires(const T& t) { static_cast<double>(t); },
      "ctgrad: a graph is labelled with values only for points whose scalar type "
      "converts to double");
  typename sweep::template values<T> v{};
  typename sweep::template values<T> adjoint{};
  sweep::forward(v, e, p);
  sweep::reverse(v, adjoint);
  std::vector<node_view> nodes = graph_of(e);
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    nodes[i].value = static_cast<double>(v[sweep::slot[i]]);
    // The root's adjoint is the seed, 1, even where no variable lies below it.
    if (nodes[i].wanted || i + 1 == nodes.size())
      nodes[i].adjoint = static_cast<double>(adjoint[sweep::slot[i]]);
  }
  return nodes;
}

// The text of a node: its label and, at a point, its value and its adjoint ("grad"):
// "w = 2 / grad 42" for a name; an operation's sign on a line of its own, "× / = 6 / grad 14".
inline std::string node_text(const node_view& n, const std::string& line_break) {
  std::string text = n.label;
  if (n.value && n.kind != node_kind::number && n.kind != node_kind::constant)
    text += join(n.kind == node_kind::operation ? join(line_break, "= ") : std::string(" = "),
                 format_number(*n.value));
  if (n.adjoint) text += join(line_break, "grad ", format_number(*n.adjoint));
  return text;
}

// Colours of the tutorials' pictures: inputs blue, named intermediates orange, the result red.
struct node_colours {
  const char* fill;
  const char* stroke;
};
inline node_colours colours_of(const node_view& n, bool root) {
  if (root) return {"#ffebee", "#c62828"};
  switch (n.kind) {
    case node_kind::variable:
      return {"#e3f2fd", "#1565c0"};
    case node_kind::named:
      return {"#fff3e0", "#e65100"};
    case node_kind::number:
    case node_kind::constant:
      return {"#f5f5f5", "#9e9e9e"};
    default:
      return {"#ffffff", "#616161"};
  }
}

// Identifiers for the nodes, distinct and made of [A-Za-z0-9_]: variables and named
// intermediates by their names, operations as mul1, add2, ..., numbers n1, constants c1.
inline std::vector<std::string> node_ids(const std::vector<node_view>& nodes) {
  const auto clean = [](const std::string& text) {
    std::string id;
    for (char ch : text) {
      const bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                      (ch >= '0' && ch <= '9') || ch == '_';
      id += ok ? ch : '_';
    }
    if (id.empty() || (id[0] >= '0' && id[0] <= '9')) id = join("v", id);
    if (id == "end" || id == "graph" || id == "node" || id == "edge" || id == "subgraph")
      id += "_";  // keywords of Mermaid or DOT
    return id;
  };
  std::vector<std::string> ids;
  std::vector<std::pair<std::string, int>> counters;
  const auto taken = [&](const std::string& id) {
    for (const std::string& other : ids)
      if (other == id) return true;
    return false;
  };
  for (const node_view& n : nodes) {
    std::string id = clean(n.stem);
    const bool numbered = n.kind != node_kind::variable && n.kind != node_kind::named;
    if (numbered) {
      int* count = nullptr;
      for (auto& [stem, k] : counters)
        if (stem == id) count = &k;
      if (count == nullptr) count = &counters.emplace_back(id, 0).second;
      std::string candidate;
      do candidate = id + std::to_string(++*count);
      while (taken(candidate));
      id = candidate;
    }
    while (taken(id)) id += "_";
    ids.push_back(id);
  }
  return ids;
}

}  // namespace ctgrad::io_detail
