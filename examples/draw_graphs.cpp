// The seeds' computational graphs as pictures: prints the DOT (or, with --mermaid, the Mermaid)
// text of R5, L = (w*x + b)^2 (seeds 001, 002), and of the two-layer network R3 (seed 000),
// optionally labelled with every node's forward value and adjoint at the seeds' points.
// docs/render_graphs.sh turns the DOT into the SVGs of docs/tutorial.md.
//   draw_graphs r5|r5-values|r3|r3-values [--mermaid]
#include <cstdio>
#include <cstring>
#include <string>

#include <ctgrad/ctgrad.hpp>
#include <ctgrad/io/dot.hpp>
#include <ctgrad/io/mermaid.hpp>

namespace {

using ctgrad::let;
using ctgrad::var;

namespace r5 {
constexpr auto w = var<"w">;
constexpr auto x = var<"x">;
constexpr auto b = var<"b">;
constexpr auto z = let<"z">(w * x);
constexpr auto h = let<"h">(z + b);
constexpr auto L = square(h);
constexpr auto point = ctgrad::at(w = 2.0, x = 3.0, b = 1.0);
}  // namespace r5

namespace r3 {
constexpr auto x = var<"x">;
constexpr auto target = var<"target">;
constexpr auto w1 = var<"w1">;
constexpr auto b1 = var<"b1">;
constexpr auto w2 = var<"w2">;
constexpr auto b2 = var<"b2">;
constexpr auto z1 = let<"z1">(w1 * x + b1);
constexpr auto h = let<"h">(relu(z1));
constexpr auto y = let<"y">(w2 * h + b2);
constexpr auto L = square(y - target);
constexpr auto point = ctgrad::at(x = 2.0, target = 1.0, w1 = 0.5, b1 = 0.1, w2 = -0.3, b2 = 0.2);
}  // namespace r3

template <class E, class P>
std::string draw(const E& f, const P& p, bool values, bool mermaid) {
  if (mermaid) return values ? ctgrad::to_mermaid(f, p) : ctgrad::to_mermaid(f);
  return values ? ctgrad::to_dot(f, p) : ctgrad::to_dot(f);
}

}  // namespace

int main(int argc, char** argv) {
  const std::string which = argc > 1 ? argv[1] : "";
  const bool mermaid = argc > 2 && std::strcmp(argv[2], "--mermaid") == 0;
  std::string text;
  if (which == "r5" || which == "r5-values")
    text = draw(r5::L, r5::point, which == "r5-values", mermaid);
  else if (which == "r3" || which == "r3-values")
    text = draw(r3::L, r3::point, which == "r3-values", mermaid);
  if (text.empty()) {
    std::fprintf(stderr, "usage: draw_graphs r5|r5-values|r3|r3-values [--mermaid]\n");
    return 2;
  }
  std::fputs(text.c_str(), stdout);
  return 0;
}
