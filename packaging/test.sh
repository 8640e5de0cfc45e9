#!/usr/bin/env bash
# Installs what is missing (build and test tools), builds, and runs the whole test suite.
set -euo pipefail
source_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$source_dir/packaging/install-deps.sh" --test
"$source_dir/packaging/build.sh" -DHOOKBENCH_BUILD_TESTS=ON
build_dir=${HOOKBENCH_BUILD_DIR:-$source_dir/build}
jobs=${HOOKBENCH_JOBS:-$(nproc 2>/dev/null || echo 2)}

# GUI suites draw offscreen; CTest sets QT_QPA_PLATFORM per test as well.
export QT_QPA_PLATFORM=offscreen
ctest --test-dir "$build_dir" --output-on-failure --timeout 600 -j"$jobs"
