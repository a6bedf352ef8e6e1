/* ftl-eval.h — what the evaluation of a model's replies measures: do they end
 * properly, are they English words, do they repeat themselves, and do they
 * carry a persona's markers. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _FtlWordList FtlWordList;

/* One word per line (e.g. Debian's /usr/share/dict/american-english); case is
 * ignored. */
FtlWordList *ftl_word_list_load (const char  *path,
                                 GError     **error);
void         ftl_word_list_free (FtlWordList *words);

/* Counts the reply's words (runs of letters and apostrophes) and how many are
 * in the list. */
void ftl_eval_count_words (const FtlWordList *words,
                           const char        *reply,
                           guint             *n_words,
                           guint             *n_known);

/* Share of the reply's word 3-grams that already occurred earlier in it
 * (0 = no repetition; a reply looping on one phrase approaches 1). */
double ftl_eval_repeated_ngram_rate (const char *reply);

/* TRUE if any marker occurs in the reply, case-insensitively, with no letter
 * right before or after it (so "arr" does not match "carry"). */
gboolean ftl_eval_has_marker (const char         *reply,
                              const char * const *markers);

/* Non-empty, trimmed lines of a text file (prompts, markers). */
GStrv ftl_eval_read_lines (const char  *path,
                           GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FtlWordList, ftl_word_list_free)

G_END_DECLS
