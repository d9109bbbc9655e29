#!/usr/bin/env bash
# .ci/deps.sh — makes sure every tool and library the build needs is present.
# Runs before every `make` target, so the all-present path is a handful of quick
# checks and prints nothing. When something is missing it installs it with apt-get
# (as root, or through sudo), or prints the one command to run and exits non-zero.
set -euo pipefail

CMAKE_MINIMUM=3.25
PC_MODULES=(libevent_core libedit gmp criterion)

have() { command -v "$1" >/dev/null 2>&1; }

# Fast path: every tool on PATH and every library known to pkg-config.
all_present() {
    have make && have cmake && have pkg-config && have python3 &&
        { have cc || have gcc || have clang; } &&
        pkg-config --exists "${PC_MODULES[@]}" 2>/dev/null &&
        cmake_recent_enough
}

cmake_recent_enough() {
    local version major minor
    version=$(cmake --version 2>/dev/null | sed -n '1s/^cmake version \([0-9]*\.[0-9]*\).*/\1/p')
    [ -n "$version" ] || return 1
    major=${version%%.*} minor=${version#*.}
    [ "$major" -gt "${CMAKE_MINIMUM%%.*}" ] ||
        { [ "$major" -eq "${CMAKE_MINIMUM%%.*}" ] && [ "$minor" -ge "${CMAKE_MINIMUM#*.}" ]; }
}

# Fills `missing` with the names of what is absent, in the platform's package words.
collect_missing() {
    local platform=$1
    missing=()
    have make || missing+=("$(package "$platform" make)")
    have cmake || missing+=("$(package "$platform" cmake)")
    { have cc || have gcc || have clang; } || missing+=("$(package "$platform" cc)")
    # Debian's gcc only recommends the C library headers.
    if [ "$platform" = debian ] && [ ! -e /usr/include/stdio.h ]; then missing+=(libc6-dev); fi
    have pkg-config || missing+=("$(package "$platform" pkg-config)")
    have python3 || missing+=("$(package "$platform" python3)")
    local module
    for module in "${PC_MODULES[@]}"; do
        # macOS ships libedit without a .pc file; CMake finds it directly.
        if [ "$platform" = macos ] && [ "$module" = libedit ]; then continue; fi
        if ! have pkg-config || ! pkg-config --exists "$module" 2>/dev/null; then
            missing+=("$(package "$platform" "$module")")
        fi
    done
}

# package PLATFORM THING: the package that provides THING.
package() {
    case "$1:$2" in
        debian:cc) echo "gcc libc6-dev" ;;
        debian:libevent_core) echo libevent-dev ;;
        debian:libedit) echo libedit-dev ;;
        debian:gmp) echo libgmp-dev ;;
        debian:criterion) echo libcriterion-dev ;;
        macos:python3) echo python ;;
        macos:libevent_core) echo libevent ;;
        macos:cc) echo "" ;;  # the compiler comes from xcode-select, not brew
        *:*) echo "$2" ;;
    esac
}

# word_list WORDS...: the distinct words, sorted, on one line.
word_list() {
    if [ $# -gt 0 ]; then printf '%s\n' "$@" | xargs -n1 | sort -u | xargs; fi
}

run_as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

main() {
    if all_present; then
        return 0
    fi

    if [ "$(uname -s)" = Darwin ]; then
        collect_missing macos
        if ! have cc && ! have clang; then
            echo "handoff needs a C compiler: run   xcode-select --install" >&2
        fi
        local packages
        packages=$(word_list ${missing[@]+"${missing[@]}"})
        if [ -n "$packages" ]; then
            echo "handoff needs: $packages" >&2
            echo "run:   brew install $packages" >&2
        fi
        exit 1
    fi

    if ! have apt-get; then
        collect_missing debian
        echo "handoff needs these (Debian package names): $(word_list ${missing[@]+"${missing[@]}"})" >&2
        echo "install them with your system's package manager, then run make again" >&2
        exit 1
    fi

    collect_missing debian
    local packages
    packages=$(word_list ${missing[@]+"${missing[@]}"})
    if [ -n "$packages" ]; then
        local command="apt-get update && apt-get install -y --no-install-recommends $packages"
        # Root installs; so does a user with sudo when it can ask for a password
        # (a terminal) or needs none. Anyone else gets the one command to run.
        if [ "$(id -u)" -ne 0 ] && ! { have sudo && { [ -t 0 ] || sudo -n true 2>/dev/null; }; }; then
            echo "handoff needs: $packages" >&2
            echo "run:   sudo apt-get update && sudo apt-get install -y $packages" >&2
            exit 1
        fi
        echo "== installing what handoff needs: $packages" >&2
        echo "   ($command)" >&2
        run_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
        # shellcheck disable=SC2086  # $packages is a list of words
        run_as_root env DEBIAN_FRONTEND=noninteractive \
            apt-get install -y -qq --no-install-recommends $packages
    fi

    if ! cmake_recent_enough; then
        echo "handoff needs CMake >= $CMAKE_MINIMUM, but this is $(cmake --version | head -n1)." >&2
        echo "get a newer one from https://cmake.org/download/ or: python3 -m pip install --user cmake" >&2
        exit 1
    fi
    if ! all_present; then
        collect_missing debian
        echo "still missing after installing: $(word_list ${missing[@]+"${missing[@]}"})" >&2
        exit 1
    fi
}

main "$@"
