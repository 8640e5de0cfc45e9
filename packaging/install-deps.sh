#!/usr/bin/env bash
# Installs what Hookbench needs to build, run and test, and nothing that is already there.
#   packaging/install-deps.sh          build + run dependencies
#   packaging/install-deps.sh --test   also the tools the test suite and benchmarks use
# Debian 12 / Ubuntu 22.04+ through apt. Elsewhere it prints the list and exits 1.
set -euo pipefail

build_packages=(
    cmake g++ make pkg-config
    qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite libqt6sql6-psql
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev libqt6svg6
    libgl-dev libxkbcommon-dev
    libboost-dev libsimdjson-dev qtkeychain-qt6-dev zlib1g-dev libssl-dev
)
test_packages=(
    # A private session bus with a real keychain, so the QtKeychain tests run instead of skipping.
    dbus-daemon dbus-bin gnome-keyring libsecret-1-0
    xvfb xauth x11-utils imagemagick wrk nginx-light postgresql clang-format curl bash jq time
)

want=("${build_packages[@]}")
if [[ "${1:-}" == "--test" ]]; then
    want+=("${test_packages[@]}")
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "hookbench: no apt-get here. Install these packages (or your distribution's names for them):" >&2
    printf '  %s\n' "${want[@]}" >&2
    exit 1
fi

missing=()
for package in "${want[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$package")
    fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
    exit 0
fi

sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
    sudo_cmd=(sudo)
fi

echo "hookbench: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
