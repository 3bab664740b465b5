#define BOOST_TEST_MODULE io_golden
#include <boost/test/unit_test.hpp>

// Golden texts of the printers in <ctgrad/io/>, for the seeds' graphs: R5, L = (w*x + b)^2 (seeds
// 001, 002), and R3, the two-layer network of seed 000. One program for the three printers keeps
// the build short (each would otherwise pay for Boost.Test and the printers again).
// - to_dot / to_mermaid: one node per node the sweeps compute, in their order; at a point each
//   shows its forward value and its adjoint (R5: dL/dw = 42, dL/dx = 28, dL/db = 14; R3:
//   dL/dw1 = 1.356, dL/dw2 = -2.486). Mermaid in the seeds' flowchart style.
// - to_code: the sweeps as straight-line code, in the form the seeds write by hand (their
//   `dL_dw2 = dL_dy * h` is `d_w2 = d_t9 * h` here, t9 being y before its name). The first
//   contribution to an adjoint assigns, later ones add (+=); + passes the adjoint on; relu
//   selects it; only adjoints the sweep computes appear.
#include <string>

#include <ctgrad/ctgrad.hpp>
#include <ctgrad/io/code.hpp>
#include <ctgrad/io/dot.hpp>
#include <ctgrad/io/mermaid.hpp>

namespace {

constexpr auto w = ctgrad::var<"w">;
constexpr auto x = ctgrad::var<"x">;
constexpr auto b = ctgrad::var<"b">;

constexpr auto r5 = square(w * x + b);
constexpr auto r5_z = ctgrad::let<"z">(w * x);
constexpr auto r5_h = ctgrad::let<"h">(r5_z + b);
constexpr auto r5_named = square(r5_h);
constexpr auto r5_point = ctgrad::at(w = 2.0, x = 3.0, b = 1.0);

constexpr auto target = ctgrad::var<"target">;
constexpr auto w1 = ctgrad::var<"w1">;
constexpr auto b1 = ctgrad::var<"b1">;
constexpr auto w2 = ctgrad::var<"w2">;
constexpr auto b2 = ctgrad::var<"b2">;

constexpr auto z1 = ctgrad::let<"z1">(w1 * x + b1);
constexpr auto h = ctgrad::let<"h">(relu(z1));
constexpr auto y = ctgrad::let<"y">(w2 * h + b2);
constexpr auto r3 = square(y - target);
constexpr auto r3_point =
    ctgrad::at(x = 2.0, target = 1.0, w1 = 0.5, b1 = 0.1, w2 = -0.3, b2 = 0.2);

}  // namespace

// ---------------------------------------------------------------------------------------------
// to_dot

BOOST_AUTO_TEST_CASE(dot_r5_graph) {
  BOOST_TEST(ctgrad::to_dot(r5) == R"(digraph ctgrad {
  rankdir=LR;
  node [shape=box, style="rounded,filled", fontname="Helvetica"];
  "w" [label="w", shape=ellipse, fillcolor="#e3f2fd", color="#1565c0"];
  "x" [label="x", shape=ellipse, fillcolor="#e3f2fd", color="#1565c0"];
  "mul1" [label="×", fillcolor="#ffffff", color="#616161"];
  "b" [label="b", shape=ellipse, fillcolor="#e3f2fd", color="#1565c0"];
  "add1" [label="+", fillcolor="#ffffff", color="#616161"];
  "sq1" [label="square", fillcolor="#ffebee", color="#c62828"];
  "w" -> "mul1";
  "x" -> "mul1";
  "mul1" -> "add1";
  "b" -> "add1";
  "add1" -> "sq1";
}
)");
}

BOOST_AUTO_TEST_CASE(dot_r5_graph_with_values_and_adjoints) {
  BOOST_TEST(ctgrad::to_dot(r5, r5_point) == R"(digraph ctgrad {
  rankdir=LR;
  node [shape=box, style="rounded,filled", fontname="Helvetica"];
  "w" [label="w = 2\ngrad 42", shape=ellipse, fillcolor="#e3f2fd", color="#1565c0"];
  "x" [label="x = 3\ngrad 28", shape=ellipse, fillcolor="#e3f2fd", color="#1565c0"];
  "mul1" [label="×\n= 6\ngrad 14", fillcolor="#ffffff", color="#616161"];
  "b" [label="b = 1\ngrad 14", shape=ellipse, fillcolor="#e3f2fd", color="#1565c0"];
  "add1" [label="+\n= 7\ngrad 14", fillcolor="#ffffff", color="#616161"];
  "sq1" [label="square\n= 49\ngrad 1", fillcolor="#ffebee", color="#c62828"];
  "w" -> "mul1";
  "x" -> "mul1";
  "mul1" -> "add1";
  "b" -> "add1";
  "add1" -> "sq1";
}
)");
}

BOOST_AUTO_TEST_CASE(dot_r3_network) {
  BOOST_TEST(ctgrad::to_dot(r3) == R"(digraph ctgrad {
  rankdir=LR;
  node [shape=box, style="rounded,filled", fontname="Helvetica"];
  "w2" [label="w2", shape=ellipse, fillcolor="#e3f2fd", color="#1565c0"];
  "w1" [label="w1", shape=ellipse, fillcolor="#e3f2fd", color="#1565c0"];
  "x" [label="x", shape=ellipse, fillcolor="#e3f2fd", color="#1565c0"];
  "mul1" [label="×", fillcolor="#ffffff", color="#616161"];
  "b1" [label="b1", shape=ellipse, fillcolor="#e3f2fd", color="#1565c0"];
  "add1" [label="+", fillcolor="#ffffff", color="#616161"];
  "z1" [label="z1", shape=ellipse, fillcolor="#fff3e0", color="#e65100"];
  "relu1" [label="relu", fillcolor="#ffffff", color="#616161"];
  "h" [label="h", shape=ellipse, fillcolor="#fff3e0", color="#e65100"];
  "mul2" [label="×", fillcolor="#ffffff", color="#616161"];
  "b2" [label="b2", shape=ellipse, fillcolor="#e3f2fd", color="#1565c0"];
  "add2" [label="+", fillcolor="#ffffff", color="#616161"];
  "y" [label="y", shape=ellipse, fillcolor="#fff3e0", color="#e65100"];
  "target" [label="target", shape=ellipse, fillcolor="#e3f2fd", color="#1565c0"];
  "sub1" [label="-", fillcolor="#ffffff", color="#616161"];
  "sq1" [label="square", fillcolor="#ffebee", color="#c62828"];
  "w1" -> "mul1";
  "x" -> "mul1";
  "mul1" -> "add1";
  "b1" -> "add1";
  "add1" -> "z1";
  "z1" -> "relu1";
  "relu1" -> "h";
  "w2" -> "mul2";
  "h" -> "mul2";
  "mul2" -> "add2";
  "b2" -> "add2";
  "add2" -> "y";
  "y" -> "sub1";
  "target" -> "sub1";
  "sub1" -> "sq1";
}
)");
}

BOOST_AUTO_TEST_CASE(dot_r3_network_with_values_and_adjoints) {
  BOOST_TEST(ctgrad::to_dot(r3, r3_point) == R"(digraph ctgrad {
  rankdir=LR;
  node [shape=box, style="rounded,filled", fontname="Helvetica"];
  "w2" [label="w2 = -0.3\ngrad -2.486", shape=ellipse, fillcolor="#e3f2fd", color="#1565c0"];
  "w1" [label="w1 = 0.5\ngrad 1.356", shape=ellipse, fillcolor="#e3f2fd", color="#1565c0"];
  "x" [label="x = 2\ngrad 0.339", shape=ellipse, fillcolor="#e3f2fd", color="#1565c0"];
  "mul1" [label="×\n= 1\ngrad 0.678", fillcolor="#ffffff", color="#616161"];
  "b1" [label="b1 = 0.1\ngrad 0.678", shape=ellipse, fillcolor="#e3f2fd", color="#1565c0"];
  "add1" [label="+\n= 1.1\ngrad 0.678", fillcolor="#ffffff", color="#616161"];
  "z1" [label="z1 = 1.1\ngrad 0.678", shape=ellipse, fillcolor="#fff3e0", color="#e65100"];
  "relu1" [label="relu\n= 1.1\ngrad 0.678", fillcolor="#ffffff", color="#616161"];
  "h" [label="h = 1.1\ngrad 0.678", shape=ellipse, fillcolor="#fff3e0", color="#e65100"];
  "mul2" [label="×\n= -0.33\ngrad -2.26", fillcolor="#ffffff", color="#616161"];
  "b2" [label="b2 = 0.2\ngrad -2.26", shape=ellipse, fillcolor="#e3f2fd", color="#1565c0"];
  "add2" [label="+\n= -0.13\ngrad -2.26", fillcolor="#ffffff", color="#616161"];
  "y" [label="y = -0.13\ngrad -2.26", shape=ellipse, fillcolor="#fff3e0", color="#e65100"];
  "target" [label="target = 1\ngrad 2.26", shape=ellipse, fillcolor="#e3f2fd", color="#1565c0"];
  "sub1" [label="-\n= -1.13\ngrad -2.26", fillcolor="#ffffff", color="#616161"];
  "sq1" [label="square\n= 1.2769\ngrad 1", fillcolor="#ffebee", color="#c62828"];
  "w1" -> "mul1";
  "x" -> "mul1";
  "mul1" -> "add1";
  "b1" -> "add1";
  "add1" -> "z1";
  "z1" -> "relu1";
  "relu1" -> "h";
  "w2" -> "mul2";
  "h" -> "mul2";
  "mul2" -> "add2";
  "b2" -> "add2";
  "add2" -> "y";
  "y" -> "sub1";
  "target" -> "sub1";
  "sub1" -> "sq1";
}
)");
}

// Numbers by value and constants as written, without a value line; a variable used twice by one
// operation has two edges.
BOOST_AUTO_TEST_CASE(dot_numbers_constants_and_two_edges) {
  BOOST_TEST(ctgrad::to_dot(3 * x + ctgrad::c<1, 2>, ctgrad::at(x = 2.0)) == R"(digraph ctgrad {
  rankdir=LR;
  node [shape=box, style="rounded,filled", fontname="Helvetica"];
  "n1" [label="3", fillcolor="#f5f5f5", color="#9e9e9e"];
  "x" [label="x = 2\ngrad 3", shape=ellipse, fillcolor="#e3f2fd", color="#1565c0"];
  "mul1" [label="×\n= 6\ngrad 1", fillcolor="#ffffff", color="#616161"];
  "c1" [label="1/2", fillcolor="#f5f5f5", color="#9e9e9e"];
  "add1" [label="+\n= 6.5\ngrad 1", fillcolor="#ffebee", color="#c62828"];
  "n1" -> "mul1";
  "x" -> "mul1";
  "mul1" -> "add1";
  "c1" -> "add1";
}
)");
  BOOST_TEST(ctgrad::to_dot(x * x) == R"(digraph ctgrad {
  rankdir=LR;
  node [shape=box, style="rounded,filled", fontname="Helvetica"];
  "x" [label="x", shape=ellipse, fillcolor="#e3f2fd", color="#1565c0"];
  "mul1" [label="×", fillcolor="#ffebee", color="#c62828"];
  "x" -> "mul1";
  "x" -> "mul1";
}
)");
}

// ---------------------------------------------------------------------------------------------
// to_mermaid

BOOST_AUTO_TEST_CASE(mermaid_r5_graph) {
  BOOST_TEST(ctgrad::to_mermaid(r5) == R"(flowchart LR
w["w"]
x["x"]
mul1["×"]
b["b"]
add1["+"]
sq1["square"]
w --> mul1
x --> mul1
mul1 --> add1
b --> add1
add1 --> sq1
style w fill:#e3f2fd,stroke:#1565c0,color:#333
style x fill:#e3f2fd,stroke:#1565c0,color:#333
style b fill:#e3f2fd,stroke:#1565c0,color:#333
style sq1 fill:#ffebee,stroke:#c62828,color:#333
)");
}

BOOST_AUTO_TEST_CASE(mermaid_r5_graph_with_values_and_adjoints) {
  BOOST_TEST(ctgrad::to_mermaid(r5, r5_point) == R"(flowchart LR
w["w = 2<br/>grad 42"]
x["x = 3<br/>grad 28"]
mul1["×<br/>= 6<br/>grad 14"]
b["b = 1<br/>grad 14"]
add1["+<br/>= 7<br/>grad 14"]
sq1["square<br/>= 49<br/>grad 1"]
w --> mul1
x --> mul1
mul1 --> add1
b --> add1
add1 --> sq1
style w fill:#e3f2fd,stroke:#1565c0,color:#333
style x fill:#e3f2fd,stroke:#1565c0,color:#333
style b fill:#e3f2fd,stroke:#1565c0,color:#333
style sq1 fill:#ffebee,stroke:#c62828,color:#333
)");
}

BOOST_AUTO_TEST_CASE(mermaid_r3_network) {
  BOOST_TEST(ctgrad::to_mermaid(r3) == R"(flowchart LR
w2["w2"]
w1["w1"]
x["x"]
mul1["×"]
b1["b1"]
add1["+"]
z1["z1"]
relu1["relu"]
h["h"]
mul2["×"]
b2["b2"]
add2["+"]
y["y"]
target["target"]
sub1["-"]
sq1["square"]
w1 --> mul1
x --> mul1
mul1 --> add1
b1 --> add1
add1 --> z1
z1 --> relu1
relu1 --> h
w2 --> mul2
h --> mul2
mul2 --> add2
b2 --> add2
add2 --> y
y --> sub1
target --> sub1
sub1 --> sq1
style w2 fill:#e3f2fd,stroke:#1565c0,color:#333
style w1 fill:#e3f2fd,stroke:#1565c0,color:#333
style x fill:#e3f2fd,stroke:#1565c0,color:#333
style b1 fill:#e3f2fd,stroke:#1565c0,color:#333
style z1 fill:#fff3e0,stroke:#e65100,color:#333
style h fill:#fff3e0,stroke:#e65100,color:#333
style b2 fill:#e3f2fd,stroke:#1565c0,color:#333
style y fill:#fff3e0,stroke:#e65100,color:#333
style target fill:#e3f2fd,stroke:#1565c0,color:#333
style sq1 fill:#ffebee,stroke:#c62828,color:#333
)");
}

BOOST_AUTO_TEST_CASE(mermaid_r3_network_with_values_and_adjoints) {
  BOOST_TEST(ctgrad::to_mermaid(r3, r3_point) == R"(flowchart LR
w2["w2 = -0.3<br/>grad -2.486"]
w1["w1 = 0.5<br/>grad 1.356"]
x["x = 2<br/>grad 0.339"]
mul1["×<br/>= 1<br/>grad 0.678"]
b1["b1 = 0.1<br/>grad 0.678"]
add1["+<br/>= 1.1<br/>grad 0.678"]
z1["z1 = 1.1<br/>grad 0.678"]
relu1["relu<br/>= 1.1<br/>grad 0.678"]
h["h = 1.1<br/>grad 0.678"]
mul2["×<br/>= -0.33<br/>grad -2.26"]
b2["b2 = 0.2<br/>grad -2.26"]
add2["+<br/>= -0.13<br/>grad -2.26"]
y["y = -0.13<br/>grad -2.26"]
target["target = 1<br/>grad 2.26"]
sub1["-<br/>= -1.13<br/>grad -2.26"]
sq1["square<br/>= 1.2769<br/>grad 1"]
w1 --> mul1
x --> mul1
mul1 --> add1
b1 --> add1
add1 --> z1
z1 --> relu1
relu1 --> h
w2 --> mul2
h --> mul2
mul2 --> add2
b2 --> add2
add2 --> y
y --> sub1
target --> sub1
sub1 --> sq1
style w2 fill:#e3f2fd,stroke:#1565c0,color:#333
style w1 fill:#e3f2fd,stroke:#1565c0,color:#333
style x fill:#e3f2fd,stroke:#1565c0,color:#333
style b1 fill:#e3f2fd,stroke:#1565c0,color:#333
style z1 fill:#fff3e0,stroke:#e65100,color:#333
style h fill:#fff3e0,stroke:#e65100,color:#333
style b2 fill:#e3f2fd,stroke:#1565c0,color:#333
style y fill:#fff3e0,stroke:#e65100,color:#333
style target fill:#e3f2fd,stroke:#1565c0,color:#333
style sq1 fill:#ffebee,stroke:#c62828,color:#333
)");
}

// Angle brackets are entity codes in a Mermaid label (pow<3> would be read as an HTML tag).
BOOST_AUTO_TEST_CASE(mermaid_escapes_angle_brackets) {
  BOOST_TEST(ctgrad::to_mermaid(pow<3>(x) * 0.5) == R"(flowchart LR
x["x"]
pow1["pow#lt;3#gt;"]
n1["0.5"]
mul1["×"]
x --> pow1
pow1 --> mul1
n1 --> mul1
style x fill:#e3f2fd,stroke:#1565c0,color:#333
style mul1 fill:#ffebee,stroke:#c62828,color:#333
)");
}

// ---------------------------------------------------------------------------------------------
// to_code

BOOST_AUTO_TEST_CASE(code_r5_unnamed) {
  BOOST_TEST(ctgrad::to_code(r5) == R"(// forward sweep
t2 = w * x;
t4 = t2 + b;
f = square(t4);
// reverse sweep
d_f = 1;
d_t4 = d_f * (2 * t4);
d_t2 = d_t4;
d_b = d_t4;
d_w = d_t2 * x;
d_x = d_t2 * w;
)");
}

// With the seed's names: z = w*x, h = z + b, L = h^2.
BOOST_AUTO_TEST_CASE(code_r5_with_the_seeds_names) {
  BOOST_TEST(ctgrad::to_code(r5_named) == R"(// forward sweep
z = w * x;
h = z + b;
f = square(h);
// reverse sweep
d_f = 1;
d_h = d_f * (2 * h);
d_z = d_h;
d_b = d_h;
d_w = d_z * x;
d_x = d_z * w;
)");
}

BOOST_AUTO_TEST_CASE(code_r3_network) {
  BOOST_TEST(ctgrad::to_code(r3) == R"(// forward sweep
t3 = w1 * x;
z1 = t3 + b1;
h = relu(z1);
t9 = w2 * h;
y = t9 + b2;
t14 = y - target;
f = square(t14);
// reverse sweep
d_f = 1;
d_t14 = d_f * (2 * t14);
d_y = d_t14;
d_target = -d_t14;
d_t9 = d_y;
d_b2 = d_y;
d_w2 = d_t9 * h;
d_h = d_t9 * w2;
d_z1 = (z1 > 0 ? d_h : 0);
d_t3 = d_z1;
d_b1 = d_z1;
d_w1 = d_t3 * x;
d_x = d_t3 * w1;
)");
}

// A variable on two paths (R10): its adjoint is assigned once and added to once.
BOOST_AUTO_TEST_CASE(code_two_paths_add) {
  const auto y2 = ctgrad::var<"y">;
  BOOST_TEST(ctgrad::to_code(x * y2 + x) == R"(// forward sweep
t2 = x * y;
f = t2 + x;
// reverse sweep
d_f = 1;
d_t2 = d_f;
d_x = d_f;
d_x += d_t2 * y;
d_y = d_t2 * x;
)");
}

// Numbers and constants are written in place; no adjoint is computed for them.
BOOST_AUTO_TEST_CASE(code_numbers_and_constants) {
  BOOST_TEST(ctgrad::to_code(-0.5 * pow<3>(x) + ctgrad::c<1, 2> * sin(x)) == R"(// forward sweep
t2 = pow<3>(x);
t3 = (-0.5) * t2;
t5 = sin(x);
t6 = (1.0 / 2) * t5;
f = t3 + t6;
// reverse sweep
d_f = 1;
d_t3 = d_f;
d_t6 = d_f;
d_t5 = d_t6 * (1.0 / 2);
d_x = d_t5 * cos(x);
d_t2 = d_t3 * (-0.5);
d_x += d_t2 * (3 * pow<2>(x));
)");
}

// Printed statements are the rules' own contributions, run on text scalars: brackets only where
// C++ needs them (and around a negation on the right), constants as the shortest text that reads
// back as the same double.
BOOST_AUTO_TEST_CASE(code_statements_come_from_the_rules) {
  using ctgrad::io_detail::operation_text_of;
  namespace ops = ctgrad::ops;
  BOOST_TEST(operation_text_of<ops::tanh>().backward[0] == "{d} * (1 - {y} * {y})");
  BOOST_TEST(operation_text_of<ops::cos>().backward[0] == "{d} * (-sin({a}))");
  BOOST_TEST(operation_text_of<ops::div>().backward[1] == "{d} * (-{y} / {b})");
  BOOST_TEST(operation_text_of<ops::sub>().backward[1] == "-{d}");
  BOOST_TEST(operation_text_of<ops::cbrt>().backward[0] == "{d} * (1 / (3 * ({y} * {y})))");
  BOOST_TEST(operation_text_of<ops::log2>().backward[0] ==
             "{d} * (1 / ({a} * 0.6931471805599453))");
  BOOST_TEST(operation_text_of<ops::atan2>().backward[1] ==
             "{d} * (-{a} / hypot({a}, {b}) / hypot({a}, {b}))");
  BOOST_TEST(operation_text_of<ops::greater>().backward[0] == "0");
  // Written out (the rule compares numbers): the guard at b = 0 is printed as the rule has it.
  BOOST_TEST(operation_text_of<ops::pow>().backward[0] ==
             "{d} * ({b} == 0 ? 0 : {b} * pow({a}, {b} - 1))");

  using ctgrad::io_detail::text_scalar;
  const text_scalar a("a"), b("b"), c("c");
  BOOST_TEST((a - (b - c)).text() == "a - (b - c)");
  BOOST_TEST((a - b - c).text() == "a - b - c");
  BOOST_TEST((a / (b * c)).text() == "a / (b * c)");
  BOOST_TEST(((a + b) * c).text() == "(a + b) * c");
  BOOST_TEST((-(a * b)).text() == "-(a * b)");
  BOOST_TEST((text_scalar(-1.0) / a).text() == "-1 / a");
  BOOST_TEST((text_scalar(0.1) * a).text() == "0.1 * a");
}
