# Sourced by build.sh and fuzz.sh: compile through ccache (a Debian package, installed by setup.sh) when it is
# there. It keeps compiled objects between clones on this machine, keyed by the preprocessed source and the
# flags, so unchanged files are cache hits and a hit is never stale. CMake reads these on the first configure.
if command -v ccache >/dev/null && [ -z "${CMAKE_CXX_COMPILER_LAUNCHER:-}" ]; then
  export CMAKE_CXX_COMPILER_LAUNCHER=ccache CMAKE_C_COMPILER_LAUNCHER=ccache
  export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$PWD}" CCACHE_NOHASHDIR=true
fi
