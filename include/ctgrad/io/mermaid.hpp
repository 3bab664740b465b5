#pragma once
// to_mermaid(f) and to_mermaid(f, at(...)): the graph of an expression as a Mermaid flowchart,
// in the tutorials' style (`flowchart LR`, `x["x = 2"] --> mul1["×"]`), for Markdown pages that
// render Mermaid. Opt-in: #include <ctgrad/io/mermaid.hpp>.
#include <string>
#include <vector>

#include "ctgrad/io/graph_view.hpp"

namespace ctgrad {

namespace io_detail {

// Quotes and angle brackets as Mermaid's entity codes (a label is HTML: pow<3> would be read as
// a tag); line breaks as <br/>.
inline std::string mermaid_label(const std::string& text) {
  std::string out;
  for (char ch : text) {
    switch (ch) {
      case '"':
        out += "#quot;";
        break;
      case '<':
        out += "#lt;";
        break;
      case '>':
        out += "#gt;";
        break;
      case '\n':
        out += "<br/>";
        break;
      default:
        out += ch;
    }
  }
  return out;
}

inline std::string render_mermaid(const std::vector<node_view>& nodes) {
  const std::vector<std::string> ids = node_ids(nodes);
  std::string out = "flowchart LR\n";
  for (std::size_t i = 0; i < nodes.size(); ++i)
    out += join(ids[i], "[\"", mermaid_label(node_text(nodes[i], "\n")), "\"]\n");
  for (std::size_t i = 0; i < nodes.size(); ++i)
    for (std::size_t j = 0; j < nodes[i].arity; ++j)
      out += join(ids[nodes[i].operands[j]], " --> ", ids[i], "\n");
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    const bool root = i + 1 == nodes.size();
    if (!root && nodes[i].kind != node_kind::variable && nodes[i].kind != node_kind::named)
      continue;
    const node_colours c = colours_of(nodes[i], root);
    out += join("style ", ids[i], " fill:", c.fill, ",stroke:", c.stroke, ",color:#333\n");
  }
  return out;
}

}  // namespace io_detail

// The graph of f as a Mermaid flowchart.
template <expression E>
std::string to_mermaid(const E& f) {
  return io_detail::render_mermaid(io_detail::graph_of(f));
}

// The same, each node labelled with its forward value and adjoint at p.
template <expression E, point_like P>
std::string to_mermaid(const E& f, const P& p) {
  return io_detail::render_mermaid(io_detail::graph_of(f, p));
}

}  // namespace ctgrad
