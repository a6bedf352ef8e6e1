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
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
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
