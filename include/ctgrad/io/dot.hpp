#pragma once
// to_dot(f) and to_dot(f, at(...)): the graph of an expression in Graphviz's DOT language, one
// box per node the sweeps compute; with a point, each box also shows the node's forward value
// and its adjoint (its "grad"). Render with `dot -Tsvg`. Opt-in: #include <ctgrad/io/dot.hpp>.
#include <string>
#include <vector>

#include "ctgrad/io/graph_view.hpp"

namespace ctgrad {

namespace io_detail {

inline std::string dot_escape(const std::string& text) {
  std::string out;
  for (char ch : text) {
    if (ch == '\n') {
      out += "\\n";  // a line break inside the label
      continue;
    }
    if (ch == '"' || ch == '\\') out += '\\';
    out += ch;
  }
  return out;
}

inline std::string render_dot(const std::vector<node_view>& nodes) {
  const std::vector<std::string> ids = node_ids(nodes);
  std::string out = "digraph ctgrad {\n  rankdir=LR;\n";
  out += "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\"];\n";
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    const node_view& n = nodes[i];
    const node_colours c = colours_of(n, i + 1 == nodes.size());
    const bool leaf_or_name = n.kind == node_kind::variable || n.kind == node_kind::named;
    out += join("  \"", ids[i], "\" [label=\"", dot_escape(node_text(n, "\n")), "\"");
    if (leaf_or_name) out += ", shape=ellipse";
    out += join(", fillcolor=\"", c.fill, "\", color=\"", c.stroke, "\"];\n");
  }
  for (std::size_t i = 0; i < nodes.size(); ++i)
    for (std::size_t j = 0; j < nodes[i].arity; ++j)
      out += join("  \"", ids[nodes[i].operands[j]], "\" -> \"", ids[i], "\";\n");
  out += "}\n";
  return out;
}

}  // namespace io_detail

// The graph of f in DOT: variables and named intermediates by name, numbers by value, constants
// as written, operations by sign.
template <expression E>
std::string to_dot(const E& f) {
  return io_detail::render_dot(io_detail::graph_of(f));
}

// The same, each node labelled with its forward value and adjoint at p.
template <expression E, point_like P>
std::string to_dot(const E& f, const P& p) {
  return io_detail::render_dot(io_detail::graph_of(f, p));
}

}  // namespace ctgrad
