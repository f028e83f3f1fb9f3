#!/usr/bin/env bash
# Checks formatting (clang-format) and static analysis (clang-tidy) of the C++ sources. Slow (minutes): run
# before a submission, not in every test run. Needs a configured build/release (compile_commands.json).
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files 'src/*.cpp' 'src/*.hpp' 'include/*.hpp' 'tests/*.cpp' 'tests/*.hpp' 'tools/*.cpp')
clang-format --dry-run --Werror "${files[@]}"
mapfile -t sources < <(printf '%s\n' "${files[@]}" | grep -E '^src/.*\.cpp$' | grep -v -E '_(test|benchmark)\.cpp$')
clang-tidy -p build/release --quiet "${sources[@]}" 2>/dev/null | grep -E 'warning:|error:' && exit 1
echo "lint: clean"
