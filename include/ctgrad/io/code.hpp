#pragma once
// to_code(f): the forward and the reverse sweep that ctgrad generates for f, printed as the
// straight-line code one would write by hand. One statement per computed node, in the sweeps'
// order: named intermediates by their names, other nodes t<position> (the result: f), adjoints
// d_<name>. The reverse sweep is printed as it runs: only the adjoints it computes, the first
// contribution to an adjoint assigning and later ones adding, + passing the adjoint unchanged,
// relu selecting it. Opt-in: #include <ctgrad/io/code.hpp>.
#include <cstddef>
#include <string>
#include <vector>

#include "ctgrad/io/graph_view.hpp"

namespace ctgrad {

namespace io_detail {

// An interior node whose only use is a named intermediate is that intermediate: it is printed
// under the name, and the name's identity statement (d_inner = d_name) is left out.
inline std::vector<std::size_t> aliases(const std::vector<node_view>& nodes) {
  const std::size_t none = nodes.size();
  std::vector<std::size_t> uses(nodes.size(), 0);
  std::vector<std::size_t> user(nodes.size(), none);
  for (std::size_t i = 0; i < nodes.size(); ++i)
    for (std::size_t j = 0; j < nodes[i].arity; ++j) {
      ++uses[nodes[i].operands[j]];
      user[nodes[i].operands[j]] = i;
    }
  std::vector<std::size_t> alias(nodes.size(), none);
  for (std::size_t i = 0; i < nodes.size(); ++i)
    if (nodes[i].kind == node_kind::operation && uses[i] == 1 &&
        nodes[user[i]].kind == node_kind::named)
      alias[i] = user[i];
  return alias;
}

inline std::vector<std::string> code_names(const std::vector<node_view>& nodes,
                                           const std::vector<std::size_t>& alias) {
  std::vector<std::string> names(nodes.size());
  const auto user_name = [&](const std::string& name) {
    for (const node_view& n : nodes)
      if ((n.kind == node_kind::variable || n.kind == node_kind::named) && n.label == name)
        return true;
    return false;
  };
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    const node_view& n = nodes[i];
    switch (n.kind) {
      case node_kind::variable:
      case node_kind::named:
        names[i] = n.label;
        break;
      case node_kind::number:
        names[i] = n.label[0] == '-' ? join("(", n.label, ")") : n.label;
        break;
      case node_kind::constant: {  // a rational is computed as T(num) / T(den)
        const std::size_t slash = n.label.find('/');
        names[i] =
            slash == std::string::npos
                ? (n.label[0] == '-' ? join("(", n.label, ")") : n.label)
                : join("(", n.label.substr(0, slash), ".0 / ", n.label.substr(slash + 1), ")");
        break;
      }
      case node_kind::operation: {
        std::string name = i + 1 == nodes.size() ? "f" : join("t", std::to_string(i));
        while (user_name(name)) name += "_";  // a variable may be called t3
        names[i] = name;
        break;
      }
    }
  }
  for (std::size_t i = 0; i < nodes.size(); ++i)
    if (alias[i] < nodes.size()) names[i] = names[alias[i]];
  return names;
}

inline std::string render_code(const std::vector<node_view>& nodes) {
  const std::vector<std::size_t> alias = aliases(nodes);
  const std::vector<std::string> name = code_names(nodes, alias);
  const auto is_aliased_name = [&](std::size_t i) {
    return nodes[i].kind == node_kind::named && alias[nodes[i].operands[0]] == i;
  };
  const auto operand = [&](std::size_t i, std::size_t j) {
    return j < nodes[i].arity ? name[nodes[i].operands[j]] : std::string();
  };

  std::string out = "// forward sweep\n";
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    if (nodes[i].arity == 0 || is_aliased_name(i)) continue;
    out +=
        join(name[i], " = ",
             fill(nodes[i].text.forward, operand(i, 0), operand(i, 1), operand(i, 2), name[i], ""),
             ";\n");
  }

  out += "// reverse sweep\n";
  out += join("d_", name.back(), " = 1;\n");
  for (std::size_t i = nodes.size(); i-- > 0;) {
    if (is_aliased_name(i)) continue;
    for (std::size_t j = 0; j < nodes[i].arity; ++j) {
      if ((nodes[i].contributes >> j & 1u) == 0) continue;
      const bool assigns = (nodes[i].assigns >> j & 1u) != 0;
      out += join("d_", operand(i, j), assigns ? " = " : " += ",
                  fill(nodes[i].text.backward[j], operand(i, 0), operand(i, 1), operand(i, 2),
                       name[i], join("d_", name[i])),
                  ";\n");
    }
  }
  return out;
}

}  // namespace io_detail

// The forward and reverse sweeps of f as straight-line code.
template <expression E>
std::string to_code(const E& f) {
  return io_detail::render_code(io_detail::graph_of(f));
}

}  // namespace ctgrad
