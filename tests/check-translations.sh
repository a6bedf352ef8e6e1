#!/usr/bin/env bash
# tests/check-translations.sh — the translations in po/, checked with gettext's tools.
#
#   check-translations.sh check SOURCE_ROOT
#       every po/*.po is listed in po/LINGUAS (and every listed one exists) and
#       passes msgfmt --check: header, plural forms, and format strings that
#       take the same arguments as the English ones.
#   check-translations.sh complete SOURCE_ROOT LANG XGETTEXT_ARG...
#       po/LANG.po translates every message of the sources as they are now:
#       it makes the POT from po/POTFILES with the XGETTEXT_ARGs po/meson.build
#       gives the pot target, merges po/LANG.po into a copy of it and fails on
#       any untranslated or fuzzy message, which it prints.
set -euo pipefail
mode=${1:?usage: check-translations.sh check|complete SOURCE_ROOT [LANG XGETTEXT_ARG...]}
root=${2:?missing SOURCE_ROOT}
shift 2
cd "$root"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
languages=$(grep -v -e '^[[:space:]]*#' po/LINGUAS | tr -s '[:space:]' '\n' | sed '/^$/d')

case $mode in
  check)
    status=0
    for po in po/*.po; do
      [[ -e $po ]] || continue
      lang=$(basename "$po" .po)
      grep -qxF "$lang" <<<"$languages" || { echo "$po: not listed in po/LINGUAS" >&2; status=1; }
    done
    for lang in $languages; do
      po=po/$lang.po
      if [[ ! -f $po ]]; then
        echo "po/LINGUAS: $lang is listed but $po does not exist" >&2
        status=1
      elif ! msgfmt --check --statistics -o /dev/null "$po"; then
        echo "$po: msgfmt --check failed" >&2
        status=1
      fi
    done
    exit $status
    ;;

  complete)
    lang=${1:?missing LANG}
    shift
    po=po/$lang.po
    pot=$tmp/finetune-lab.pot
    # As meson's pot target runs it (the i18n module's gettext script).
    xgettext --package-name=finetune-lab -f po/POTFILES -D "$root" -k_ -o "$pot" "$@"
    msgmerge --quiet --no-wrap -o "$tmp/$lang.po" "$po" "$pot"
    msgfmt --check --statistics -o /dev/null "$tmp/$lang.po"

    # Without the header entry (up to the first blank line), which every PO has.
    untranslated=$(msgattrib --untranslated --no-obsolete --no-wrap "$tmp/$lang.po" | sed '1,/^$/d')
    fuzzy=$(msgattrib --only-fuzzy --no-obsolete --no-wrap "$tmp/$lang.po" | sed '1,/^$/d')
    if [[ -n $untranslated || -n $fuzzy ]]; then
      echo "$po does not translate everything the sources mark; update it with" >&2
      echo "  meson compile -C BUILD finetune-lab-pot finetune-lab-update-po" >&2
      echo "and translate these:" >&2
      [[ -z $untranslated ]] || printf '\n# Untranslated\n%s\n' "$untranslated" >&2
      [[ -z $fuzzy ]] || printf '\n# Fuzzy (the English changed)\n%s\n' "$fuzzy" >&2
      exit 1
    fi
    echo "$po translates all $(($(grep -c '^msgid ' "$pot") - 1)) messages of the current sources"
    ;;

  *)
    echo "check-translations.sh: unknown mode $mode" >&2
    exit 2
    ;;
esac
