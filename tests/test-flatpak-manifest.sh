#!/usr/bin/env bash
# test-flatpak-manifest.sh MANIFEST SOURCE_ROOT — the Flatpak manifest as far as
# a machine without the GNOME runtime can check it: flatpak-builder reads it,
# the sandbox stays as narrow as promised, every download is pinned, and the
# app module's meson options configure this tree (configure only: the build
# itself is what the rest of the suite tests).
#
# Exit 77 (skipped) without flatpak-builder; tools/build.sh installs it.
set -euo pipefail

manifest=$(realpath "$1")
source_root=$(realpath "$2")

if ! command -v flatpak-builder >/dev/null; then
  echo "flatpak-builder is not installed: skipped"
  exit 77
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/ftl-flatpak-XXXXXX")
trap 'rm -rf "$work"' EXIT
# flatpak-builder keeps its state in ./.flatpak-builder: not in the source tree.
cd "$work"

flatpak-builder --show-manifest "$manifest" >"$work/manifest.json"

# What the app module passes to meson, one option per line; the checks on the
# manifest's contents fail with a sentence saying what is wrong.
python3 - "$work/manifest.json" "$manifest" >"$work/config-opts" <<'EOF'
import json
import sys

manifest = json.load(open(sys.argv[1]))
problems = []

def check(ok, message):
    if not ok:
        problems.append(message)

check(manifest.get("id") == "io.github.finetunelab.FineTuneLab", "the app id is not io.github.finetunelab.FineTuneLab")
check(manifest.get("runtime") == "org.gnome.Platform", "the runtime is not org.gnome.Platform")
check(manifest.get("sdk") == "org.gnome.Sdk", "the SDK is not org.gnome.Sdk")
check(manifest.get("command") == "finetune-lab", "the command is not finetune-lab")

# The app reads and writes files through the file chooser portal and keeps its
# own under XDG_DATA_HOME: no access to the user's files, no network.
finish_args = manifest.get("finish-args", [])
for arg in finish_args:
    check(not arg.startswith("--filesystem="), f"finish-args open the file system: {arg}")
    check(arg != "--share=network", "finish-args give network access")
    check(arg != "--socket=x11", "finish-args ask for X11 even on Wayland (use --socket=fallback-x11)")
for arg in ("--share=ipc", "--socket=fallback-x11", "--socket=wayland", "--device=dri"):
    check(arg in finish_args, f"finish-args lack {arg}")

modules = manifest.get("modules", [])
check(len(modules) > 0 and modules[-1].get("name") == "finetune-lab", "the last module is not finetune-lab")
for module in modules:
    for source in module.get("sources", []):
        if source.get("type") in ("archive", "file"):
            check(len(source.get("sha256", "")) == 64,
                  f"module {module.get('name')}: {source.get('url')} is not pinned by sha256")
            check(source.get("url", "").startswith("https://"),
                  f"module {module.get('name')}: {source.get('url')} is not fetched over https")

app = modules[-1] if modules else {}
check(app.get("buildsystem") == "meson", "finetune-lab is not built with meson")
config_opts = app.get("config-opts", [])
check("-Dtests=false" in config_opts, "finetune-lab's config-opts do not turn the tests off")

if problems:
    for problem in problems:
        print(f"{sys.argv[2]}: {problem}", file=sys.stderr)
    sys.exit(1)
print("\n".join(config_opts))
EOF

# As flatpak-builder runs meson (builder-module.c): no downloads, into /app.
mapfile -t config_opts <"$work/config-opts"
meson setup --wrap-mode=nodownload --prefix=/app --libdir=/app/lib "${config_opts[@]}" \
  "$work/build" "$source_root" >"$work/setup.log" 2>&1 || {
  cat "$work/setup.log"
  echo "meson setup failed with the manifest's config-opts: ${config_opts[*]}" >&2
  exit 1
}

# -Dtests=false leaves out the suites and with them the Check framework,
# which the GNOME SDK does not have.
meson introspect --dependencies "$work/build" >"$work/dependencies.json"
meson introspect --tests "$work/build" >"$work/tests.json"
python3 - "$work/dependencies.json" "$work/tests.json" <<'EOF'
import json
import sys

dependencies = {d["name"] for d in json.load(open(sys.argv[1]))}
suites = {s for t in json.load(open(sys.argv[2])) for s in t["suite"]}
problems = []
if "check" in dependencies:
    problems.append("the Flatpak build still depends on Check")
for suite in ("engine", "cli", "app"):
    if any(s == suite or s.endswith(":" + suite) for s in suites):
        problems.append(f"the Flatpak build still has the {suite} test suite")
for problem in problems:
    print(problem, file=sys.stderr)
sys.exit(1 if problems else 0)
EOF

echo "manifest parses; config-opts (${config_opts[*]}) configure; tests and Check left out"
