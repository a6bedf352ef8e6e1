#!/usr/bin/env bash
# Installs what Fine-Tune Lab needs from Debian 12 (as root, or with sudo) and
# builds it into ./build. Safe to run again: it only reconfigures and rebuilds.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential meson ninja-build pkg-config gettext
  libglib2.0-dev libjson-glib-dev libopenblas-openmp-dev check
  libgtk-4-dev libadwaita-1-dev libgtksourceview-5-dev
  # The GUI tests run in a real window on a virtual X server, with the
  # fonts and icons a desktop has.
  xvfb xauth dbus dbus-x11 fonts-cantarell fonts-dejavu-core adwaita-icon-theme
  # eval's English word list
  wamerican
  # The data tests check the desktop file and the metainfo with their own tools
  desktop-file-utils appstream
  # The Korean translation needs a font with Hangul (Noto Sans CJK KR)
  fonts-noto-cjk
  # The test that reads the Flatpak manifest (flatpak-builder --show-manifest)
  flatpak-builder
  # tools/fuzz.sh: clang with libFuzzer and the sanitizers' runtimes, and
  # clang's OpenMP
  clang libclang-rt-dev libomp-dev
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# The test that runs exported models in llama.cpp uses node-llama-cpp, whose
# pinned prebuilt llama.cpp is for x86-64 Linux. Debian's Node.js 18 will do;
# one installed otherwise (with its own npm) is used as it is.
llama_cpp_test=false
[ "$(uname -m)" = x86_64 ] && llama_cpp_test=true
if $llama_cpp_test && ! { command -v node && command -v npm; } >/dev/null; then
  missing+=(nodejs npm)
fi
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

if [ -f build/build.ninja ]; then
  meson setup --reconfigure build
else
  meson setup build
fi
meson compile -C build

# The exact packages of tests/llama-cpp/package-lock.json, once per change of
# it; their download cache stays in build/. No install scripts (node-llama-cpp's
# would fetch or build llama.cpp) and no optional packages (its CUDA and Vulkan
# builds, 480 MB). Without them the llama.cpp test reports SKIP.
if $llama_cpp_test; then
  installed=tests/llama-cpp/node_modules/.finetune-lab-installed
  cache="$PWD/build/npm-cache"
  if ! cmp -s tests/llama-cpp/package-lock.json "$installed"; then
    (cd tests/llama-cpp &&
       npm ci --omit=optional --ignore-scripts --no-audit --no-fund --no-update-notifier --cache "$cache")
    cp tests/llama-cpp/package-lock.json "$installed"
  fi
fi
