#!/usr/bin/env python3
"""Checks that the code a page quotes from the examples is still there, verbatim.

A quoted block is a fenced code block whose nearest non-empty line above holds a link to an
example with a line range, e.g. [examples/chain_rule.cpp, lines 60-64](../examples/chain_rule.cpp#L60-L64).
The block must equal those lines of that file. Usage: check_excerpts.py docs/tutorial.md
"""
import pathlib
import re
import sys

LINK = re.compile(r"\]\((\.\./examples/[\w./-]+)#L(\d+)-L(\d+)\)")


def excerpts(page_lines):
    """Yields (link line number, file, first, last, block lines) for each quoted block."""
    i = 0
    while i < len(page_lines):
        if page_lines[i].startswith("```") and page_lines[i].strip() != "```":
            start = i
            end = start + 1
            while end < len(page_lines) and page_lines[end].rstrip() != "```":
                end += 1
            above = start - 1
            while above >= 0 and not page_lines[above].strip():
                above -= 1
            match = LINK.search(page_lines[above]) if above >= 0 else None
            if match:
                yield (above + 1, match.group(1), int(match.group(2)), int(match.group(3)),
                       page_lines[start + 1:end])
            i = end + 1
        else:
            i += 1


def main(page_path):
    page = pathlib.Path(page_path).resolve()
    lines = page.read_text(encoding="utf-8").splitlines()
    failures = 0
    count = 0
    for line_number, target, first, last, block in excerpts(lines):
        count += 1
        source = (page.parent / target).resolve()
        if not source.is_file():
            print(f"{page.name}:{line_number}: {target} does not exist")
            failures += 1
            continue
        source_lines = source.read_text(encoding="utf-8").splitlines()
        if source_lines[first - 1:last] == block:
            continue
        failures += 1
        where = [k + 1 for k in range(len(source_lines) - len(block) + 1)
                 if source_lines[k:k + len(block)] == block]
        hint = (f"the block is now at lines {where[0]}-{where[0] + len(block) - 1}" if where
                else "the block no longer appears in the file")
        print(f"{page.name}:{line_number}: {target} lines {first}-{last} differ: {hint}")
    if count == 0:
        print(f"{page.name}: no quoted example blocks found")
        return 1
    print(f"{page.name}: {count} quoted blocks checked, {failures} out of date")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
