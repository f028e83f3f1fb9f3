#!/usr/bin/env python3
"""Replaces the section between <!-- bench:NAME:begin … --> and <!-- bench:NAME:end --> in docs/perf.md with
SECTION (which carries both markers), or appends it under HEADING when the file has none yet.
Usage: write_perf_section.py NAME HEADING SECTION"""
import pathlib, re, sys

name, heading, section = sys.argv[1], sys.argv[2], sys.argv[3]
path = pathlib.Path("docs/perf.md")
text = path.read_text() if path.exists() else "# Performance\n"
pattern = re.compile(rf"<!-- bench:{re.escape(name)}:begin.*?<!-- bench:{re.escape(name)}:end -->", re.S)
if pattern.search(text):
    text = pattern.sub(lambda _: section, text)
else:
    text = text.rstrip() + "\n\n" + (heading + "\n\n" if heading else "") + section + "\n"
path.write_text(text)
