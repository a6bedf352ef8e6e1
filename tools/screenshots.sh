#!/usr/bin/env bash
# tools/screenshots.sh — takes the screenshots of the lesson window that the
# AppStream metainfo shows: data/screenshots/main.png (light) and
# data/screenshots/main-dark.png (dark style).
#
# It builds nothing: run it from anywhere after `meson compile -C build`,
#   tools/screenshots.sh [BUILD_DIR]        (default: build)
# Needs xvfb-run, dbus-run-session and ImageMagick's import.
#
# The real app runs on a 1280×720 virtual screen with an empty data and config
# home (so it starts as a student's first start does, with the New York
# sample applied), after one fine-tuning run made with the CLI, so that the
# chat has a tuned model to offer. SCREENSHOT_DELAY (seconds, default 8) is
# how long the app gets to load its models before the shot.
set -euo pipefail

# Inside the virtual X server and D-Bus session: start the app, wait, shoot.
if [[ ${1-} == --shoot ]]; then
  build=$2 file=$3
  meson devenv -C "$build" finetune-lab &
  app=$!
  sleep "${SCREENSHOT_DELAY:-8}"
  if ! kill -0 "$app" 2>/dev/null; then
    echo "screenshots: the app exited early" >&2
    exit 1
  fi
  import -window root "$file"
  # meson devenv may run the app as its child: end both.
  pkill -TERM -P "$app" || true
  kill -TERM "$app" 2>/dev/null || true
  wait "$app" || true
  exit 0
fi

root=$(cd "$(dirname "$0")/.." && pwd)
build=$(realpath "${1:-$root/build}")
out=$root/data/screenshots
cli=$build/src/cli/finetune-lab-cli

for tool in xvfb-run dbus-run-session import meson; do
  command -v "$tool" >/dev/null || { echo "screenshots: $tool is missing" >&2; exit 1; }
done
[[ -x $cli && -x $build/src/app/finetune-lab ]] \
  || { echo "screenshots: no built tree in $build (run meson compile -C $build)" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_DATA_HOME=$tmp/data XDG_CONFIG_HOME=$tmp/config XDG_CACHE_HOME=$tmp/cache

# The app finds runs as jobs/<start time>/model.gguf beside model.job.json.
job=$XDG_DATA_HOME/finetune-lab/jobs/20261126-090000
mkdir -p "$job" "$out"
"$cli" train --training-file "$root/data/datasets/new-york-woman.jsonl" --seed 1 --suffix rosie \
  --output "$job/model.gguf" >/dev/null
[[ -f $job/model.job.json ]] || { echo "screenshots: the training run left no job record" >&2; exit 1; }

shoot () {
  local scheme=$1 file=$2
  ADW_DEBUG_COLOR_SCHEME=$scheme \
    xvfb-run -a -s "-screen 0 1280x720x24" dbus-run-session -- "$0" --shoot "$build" "$tmp/shot.png"
  mv "$tmp/shot.png" "$file"
  echo "screenshots: wrote $file"
}

shoot prefer-light "$out/main.png"
shoot prefer-dark "$out/main-dark.png"
