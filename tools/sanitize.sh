#!/usr/bin/env bash
# Runs the test suite in sanitizer builds:
#
#   tools/sanitize.sh [asan] [tsan]      (default: both)
#
# asan: every test in ./build-asan, built with AddressSanitizer and
#   UndefinedBehaviorSanitizer (gcc); LeakSanitizer checks each test program
#   at exit (test-job-cycles starts and cancels a hundred jobs for it).
# tsan: the threaded tests (job start, cancel and finish; chat while
#   training) in ./build-tsan, built with ThreadSanitizer (gcc).
#
# Each prints meson's results and leaves its logs in BUILD/meson-logs/
# (asan.json and asan-no-leaks.json, tsan.json); the script fails if any
# test failed.
# LeakSanitizer's suppressions (third-party code only) are in
# tools/sanitizers/lsan.supp; ThreadSanitizer needs none.
set -uo pipefail
cd "$(dirname "$0")/.."
# Nothing reads the terminal (meson's compiler checks would read stdin).
exec </dev/null

kinds=("$@")
((${#kinds[@]})) || kinds=(asan tsan)
supp=$PWD/tools/sanitizers

# GLib 2.74's slice allocator recycles freed blocks itself: leaks hide in its
# caches, and a block reused by another thread looks like a race.
export G_SLICE=always-malloc

setup () {
  local dir=$1; shift
  if [ ! -f "$dir/build.ninja" ]; then
    nice -n 10 meson setup "$dir" -Db_lundef=false "$@" || return 1
  fi
}

status=0
for kind in "${kinds[@]}"; do
  case "$kind" in
    asan)
      # Frame pointers: fast, complete stacks through our code.
      setup build-asan -Db_sanitize=address,undefined -Dc_args=-fno-omit-frame-pointer &&
        nice -n 10 meson compile -C build-asan || { status=1; continue; }
      # Allocation stacks of a few frames, unwound from the unwind tables:
      # Debian's libraries have no frame pointers, and the suppressions match
      # frames inside them. (Whole stacks that way make the GUI suites
      # several times slower.) GL off: Mesa's driver is unloaded before
      # LeakSanitizer reports, so its allocations could be neither attributed
      # nor suppressed; our widgets draw with cairo either way.
      export GDK_DEBUG=gl-disable
      export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
      export LSAN_OPTIONS=suppressions=$supp/lsan.supp:print_suppressions=0
      asan=abort_on_error=1:detect_stack_use_after_return=1:fast_unwind_on_malloc=0:malloc_context_size=8
      # GTK 4.8's file chooser leaks the file infos, tree paths and strings of
      # the folders it shows (made on GIO's threads and in libcloudproviders,
      # with no frame a suppression could name without leaking our own
      # objects): the tests that drive it run without the leak check.
      chooser_tests=(export-app)
      mapfile -t all < <(meson test -C build-asan --no-rebuild --list 2>/dev/null | sed -n 's/^[^ ]* \/ //p')
      mapfile -t leak_tests < <(printf '%s\n' "${all[@]}" | grep -vxF -f <(printf '%s\n' "${chooser_tests[@]}"))
      ASAN_OPTIONS=detect_leaks=1:$asan \
        nice -n 10 meson test -C build-asan --no-rebuild --print-errorlogs --logbase asan \
          "${leak_tests[@]}" || status=1
      ASAN_OPTIONS=detect_leaks=0:$asan \
        nice -n 10 meson test -C build-asan --no-rebuild --print-errorlogs --logbase asan-no-leaks \
          "${chooser_tests[@]}" || status=1
      ;;
    tsan)
      tests=(jobs training-job job-cycles chat-pane training-pane window)
      setup build-tsan -Db_sanitize=thread &&
        nice -n 10 meson compile -C build-tsan "${tests[@]/#/test-}" || { status=1; continue; }
      # One CPU: the app runs one OpenMP thread per CPU it may use, and GCC's
      # libgomp (like OpenBLAS, which runs on it) is not instrumented, so TSan
      # can't see its barriers; the test programs use one thread too
      # (tests/meson.build). The races TSan looks for are between our own
      # threads: the job's worker, the chat's reply thread and the main loop.
      cpu=$(taskset -pc $$ | sed 's/.*: *//; s/[-,].*//')
      # ignore_noninstrumented_modules: GLib and GTK hand their own memory
      # between their threads under locks TSan can't see; only accesses from
      # our (instrumented) code are checked.
      TSAN_OPTIONS="halt_on_error=0 second_deadlock_stack=1 ignore_noninstrumented_modules=1" \
        taskset -c "$cpu" nice -n 10 meson test -C build-tsan --no-rebuild --print-errorlogs \
          --logbase tsan "${tests[@]}" ||
        status=1
      ;;
    *)
      echo "usage: $0 [asan] [tsan]" >&2
      exit 2
      ;;
  esac
done
exit $status
