#!/usr/bin/env bash
# tests/check-potfiles.sh SOURCE_ROOT — fails when po/POTFILES misses a file
# under src/ or ui/ that marks strings for translation (_(), N_(), C_(),
# NC_(), ngettext() and friends in C; translatable="yes" in a .ui file), or
# lists a file that does not exist. It scans the tree as it is, so a file
# added tomorrow is caught too.
set -euo pipefail
root=${1:?usage: check-potfiles.sh SOURCE_ROOT}
cd "$root"

listed=$(grep -v -e '^[[:space:]]*#' -e '^[[:space:]]*$' po/POTFILES | sort -u)
status=0

# A gettext macro or function right after something that is not part of an
# identifier, so g_strdup_printf ( or G_N_ELEMENTS ( never counts.
c_marks='(^|[^A-Za-z0-9_])((N|C|NC)_|_|[a-z_]*gettext2?)[[:space:]]*\('
marking=$( { grep -rlE --include='*.c' --include='*.h' "$c_marks" src || true
             grep -rl --include='*.ui' 'translatable="yes"' ui || true; } | sort -u)

for f in $marking; do
  if ! grep -qxF "$f" <<<"$listed"; then
    echo "po/POTFILES: $f marks strings for translation but is not listed" >&2
    status=1
  fi
done

for f in $listed; do
  if [[ ! -f $f ]]; then
    echo "po/POTFILES: $f is listed but does not exist" >&2
    status=1
  fi
done

if ((status == 0)); then
  echo "po/POTFILES lists all $(wc -w <<<"$marking") files under src/ and ui/ with translatable strings"
fi
exit $status
