#!/usr/bin/env bash
# Configures and builds Hookbench into build/ (or $HOOKBENCH_BUILD_DIR) with every core.
# Used by run.sh and test.sh; extra arguments go to CMake's configure step.
set -euo pipefail
source_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${HOOKBENCH_BUILD_DIR:-$source_dir/build}
jobs=${HOOKBENCH_JOBS:-$(nproc 2>/dev/null || echo 2)}

cmake -S "$source_dir" -B "$build_dir" -DCMAKE_BUILD_TYPE=${HOOKBENCH_BUILD_TYPE:-RelWithDebInfo} "$@" >/dev/null
cmake --build "$build_dir" -j"$jobs"
