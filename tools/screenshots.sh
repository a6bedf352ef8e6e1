#!/usr/bin/env bash
# tools/screenshots.sh — takes the screenshots of the real app that the
# AppStream metainfo and the README show, into data/screenshots/:
#
#   main.png           the lesson's window as a student first sees it
#   main-dark.png      the same in the dark style
#   training.png       a fine-tuning run under way: the live loss plot
#   chat.png           after the run: the tuned model answers in step 3
#   weights.png        the run's weights view: what fine-tuning changed
#   warmup.png         the one-neuron warm-up
#   main-ko.png        the finished run in Korean (LANGUAGE=ko)
#
# It builds nothing: run it after `meson compile -C build`,
#   tools/screenshots.sh [BUILD_DIR]        (default: build)
# Needs xvfb-run, dbus-run-session, ImageMagick's import and xdotool
# (`apt-get install imagemagick xdotool`). The app is driven only through its
# keyboard shortcuts, as a keyboard user would drive it.
#
# Each session runs the app on a 1280×720 virtual screen with empty data and
# config homes, so it starts as a student's first start does: the New York
# sample applied, every hyperparameter on Auto, the built-in base model.
set -euo pipefail

prompt="What should I pack for a camping trip?"

# Inside the virtual X server and D-Bus session. SCENE says what to shoot;
# each shot is written as DIR/<name>.png.
if [[ ${1-} == --session ]]; then
  build=$2 dir=$3 scene=$4
  meson devenv -C "$build" finetune-lab >"$dir/app.log" 2>&1 &
  app=$!
  shot () { sleep "${2:-1}"; import -window root "$dir/$1.png"; }
  keys () { xdotool key --delay 80 "$@"; }
  finished () { grep -qs '"status" *: *"succeeded"' "$XDG_DATA_HOME"/finetune-lab/jobs/*/model.job.json; }

  xdotool search --sync --name "Fine-Tune Lab" >/dev/null
  xdotool mousemove 1279 719  # no tooltip under the pointer
  sleep 4  # the base model and the sample load after the window maps
  case $scene in
    start)
      shot start ;;
    lesson)
      shot start 0
      keys ctrl+Return
      shot training 4
      for _ in $(seq 120); do finished && break; sleep 1; done
      finished || { echo "screenshots: the run did not finish" >&2; exit 1; }
      keys alt+3
      xdotool type --delay 30 "$prompt"
      keys Return
      shot chat 8
      # The Weights tab beside the loss plot (where a finished run's
      # section sits at 1280×720): the change fine-tuning made, ΔW.
      xdotool mousemove 625 416 click 1 mousemove 1279 719
      shot weights 3
      keys F1
      shot warmup 2 ;;
  esac
  kill -TERM "$app" 2>/dev/null || true
  pkill -TERM -f "$build/src/app/finetune-lab" || true
  wait "$app" || true
  exit 0
fi

root=$(cd "$(dirname "$0")/.." && pwd)
build=$(realpath "${1:-$root/build}")
out=$root/data/screenshots

for tool in xvfb-run dbus-run-session import xdotool meson; do
  command -v "$tool" >/dev/null || { echo "screenshots: $tool is missing" >&2; exit 1; }
done
[[ -x $build/src/app/finetune-lab ]] \
  || { echo "screenshots: no built tree in $build (run meson compile -C $build)" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"

# session NAME SCENE [VAR=VALUE…]: one run of the app with fresh homes.
session () {
  local name=$1 scene=$2 dir=$tmp/$1
  shift 2
  mkdir -p "$dir"
  env XDG_DATA_HOME="$dir/data" XDG_CONFIG_HOME="$dir/config" XDG_CACHE_HOME="$dir/cache" "$@" \
    xvfb-run -a -s "-screen 0 1280x720x24" dbus-run-session -- "$0" --session "$build" "$dir" "$scene"
}

session light lesson ADW_DEBUG_COLOR_SCHEME=prefer-light
session dark start ADW_DEBUG_COLOR_SCHEME=prefer-dark
session korean lesson ADW_DEBUG_COLOR_SCHEME=prefer-light LANGUAGE=ko LANG=C.UTF-8

install -m 644 "$tmp/light/start.png" "$out/main.png"
install -m 644 "$tmp/dark/start.png" "$out/main-dark.png"
for shot in training chat weights warmup; do
  install -m 644 "$tmp/light/$shot.png" "$out/$shot.png"
done
install -m 644 "$tmp/korean/chat.png" "$out/main-ko.png"
echo "screenshots: wrote $(ls "$out" | tr '\n' ' ')"
