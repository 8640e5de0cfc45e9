#!/usr/bin/env bash
# Installs what is missing (build and test tools), builds, and runs the whole test suite.
#   packaging/test.sh              the suite on a RelWithDebInfo build in build/
#   packaging/test.sh --sanitize   then again on an ASan+UBSan build in build-sanitize/
# CI (CI=true) always does both, so the sanitizer build stays green.
set -euo pipefail
source_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
jobs=${HOOKBENCH_JOBS:-$(nproc 2>/dev/null || echo 2)}
sanitize=0
if [[ "${1:-}" == "--sanitize" || "${CI:-}" == "true" ]]; then
    sanitize=1
fi

"$source_dir/packaging/install-deps.sh" --test

# GUI suites draw offscreen; CTest sets QT_QPA_PLATFORM per test as well.
export QT_QPA_PLATFORM=offscreen

# CTest's summary stays the last thing printed, so a log reader sees the verdict at the end.
run_suite() {
    local name=$1 build_dir=$2
    shift 2
    local start=$SECONDS
    HOOKBENCH_BUILD_DIR=$build_dir "$source_dir/packaging/build.sh" -DHOOKBENCH_BUILD_TESTS=ON "$@"
    echo "hookbench: $name build took $((SECONDS - start)) s" >&2
    ctest --test-dir "$build_dir" --output-on-failure --timeout 600 -j"$jobs"
}

run_suite "main" "${HOOKBENCH_BUILD_DIR:-$source_dir/build}" -DHOOKBENCH_SANITIZE=OFF

if [[ $sanitize -eq 1 ]]; then
    # Leaks are errors too; Qt's own one-time allocations are not reported as leaks by LSan.
    export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
    export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
    HOOKBENCH_BUILD_TYPE=Debug run_suite "sanitizer" "$source_dir/build-sanitize" \
        -DHOOKBENCH_SANITIZE=ON
fi
