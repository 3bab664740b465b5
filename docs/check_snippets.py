#!/usr/bin/env python3
"""Compiles every C++ example of the README and docs/ as written.

A fenced ```cpp block that is not an excerpt of an example (those are checked by
check_excerpts.py) is one snippet. A snippet with `int main` is a program: it is compiled, linked
and run, and must exit with 0. Any other snippet is compiled as a translation unit after
`#include <ctgrad/ctgrad.hpp>`, as the docs say to write it. Where a snippet refers to names the
page defines in prose (a user's type, a pointer to the parameters), an HTML comment right above
the block gives them, and is compiled before it: <!-- context: struct MyType { ... }; -->.

Usage: check_snippets.py <compiler> <include-dir> <page.md>...
"""
import os
import pathlib
import re
import subprocess
import sys
import tempfile

LINK = re.compile(r"\]\((\.\./)?(examples|bench)/[\w./-]+#L\d+-L\d+\)")
CONTEXT = re.compile(r"<!-- context:(.*?)-->", re.S)
FLAGS = ["-std=c++20", "-Wall", "-Wextra", "-Wpedantic", "-Werror", "-O1"]


def snippets(path):
    """Yields (line, context, code) for each fenced C++ block of the page that is not an excerpt."""
    lines = pathlib.Path(path).read_text().split("\n")
    i = 0
    while i < len(lines):
        if lines[i].strip() in ("```cpp", "```c++"):
            end = i + 1
            while end < len(lines) and lines[end].rstrip() != "```":
                end += 1
            above = i - 1
            while above >= 0 and not lines[above].strip():
                above -= 1
            context = ""
            if above >= 0 and lines[above].rstrip().endswith("-->"):
                start = above
                while start > 0 and "<!--" not in lines[start]:
                    start -= 1
                match = CONTEXT.search("\n".join(lines[start:above + 1]))
                context = match.group(1) if match else ""
            elif above >= 0 and LINK.search(lines[above]):
                i = end + 1
                continue
            yield i + 1, context, "\n".join(lines[i + 1:end])
            i = end + 1
        else:
            i += 1


def check(compiler, include, page, line, context, code, work):
    source = os.path.join(work, "snippet.cpp")
    program = "int main" in code
    with open(source, "w") as f:
        if "#include <ctgrad/ctgrad.hpp>" not in code:
            f.write("#include <ctgrad/ctgrad.hpp>\n")
        f.write(f"{context}\n#line {line + 1} \"{page}\"\n{code}\n")
    exe = os.path.join(work, "snippet")
    cmd = [compiler, *FLAGS, f"-I{include}", source] + (["-o", exe] if program else ["-c", "-o", exe + ".o"])
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        return f"{page}:{line}: does not compile:\n{r.stderr[:3000]}"
    if program:
        r = subprocess.run([exe], capture_output=True, text=True, timeout=60)
        if r.returncode != 0:
            return f"{page}:{line}: the program exits with {r.returncode}:\n{r.stdout}{r.stderr}"
    return None


def main():
    compiler, include, pages = sys.argv[1], sys.argv[2], sys.argv[3:]
    failures, count = [], 0
    with tempfile.TemporaryDirectory() as work:
        for page in pages:
            for line, context, code in snippets(page):
                count += 1
                problem = check(compiler, include, page, line, context, code, work)
                if problem:
                    failures.append(problem)
                else:
                    print(f"{page}:{line}: ok")
    print(f"{count} snippets, {len(failures)} failed")
    for problem in failures:
        print(problem, file=sys.stderr)
    return 1 if failures or count == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
