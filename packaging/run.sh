#!/usr/bin/env bash
# Installs what is missing, builds, and opens Hookbench. Without a display it starts the
# headless receiver instead (hookbench-cli serve) and says so. Arguments go to the program.
set -euo pipefail
source_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$source_dir/packaging/install-deps.sh"
"$source_dir/packaging/build.sh"
build_dir=${HOOKBENCH_BUILD_DIR:-$source_dir/build}

if [[ -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ]]; then
    exec "$build_dir/app/hookbench" "$@"
fi
echo "hookbench: no display found (DISPLAY and WAYLAND_DISPLAY are unset), so starting the headless receiver; open the GUI from a desktop session, or inspect with build/app/hookbench-cli list." >&2
exec "$build_dir/app/hookbench-cli" serve "$@"
