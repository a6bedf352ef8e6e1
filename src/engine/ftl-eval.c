/* ftl-eval.c — reply metrics for `finetune-lab-cli eval`. */
#include "ftl-eval.h"

#include <string.h>

struct _FtlWordList
{
  GHashTable *words;  /* lowercase word → itself */
};

FtlWordList *
ftl_word_list_load (const char  *path,
                    GError     **error)
{
  g_auto(GStrv) lines = ftl_eval_read_lines (path, error);
  FtlWordList *list;

  if (lines == NULL)
    return NULL;
  list = g_new0 (FtlWordList, 1);
  list->words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (int i = 0; lines[i] != NULL; i++)
    {
      char *word = g_utf8_strdown (lines[i], -1);

      g_hash_table_add (list->words, word);
    }
  return list;
}

void
ftl_word_list_free (FtlWordList *list)
{
  if (list == NULL)
    return;
  g_hash_table_unref (list->words);
  g_free (list);
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalpha (c) || c == '\'' || c == 0x2019;
}

/* Adds the word collected so far, without apostrophes at either end (as in
 * "'em" or "talkin'"), and starts a new one. */
static void
flush_word (GPtrArray *words,
            GString   *word)
{
  gsize start = 0, end = word->len;

  while (start < end && word->str[start] == '\'')
    start++;
  while (end > start && word->str[end - 1] == '\'')
    end--;
  if (end > start)
    g_ptr_array_add (words, g_strndup (word->str + start, end - start));
  g_string_truncate (word, 0);
}

/* Lowercase words: runs of letters and apostrophes (’ counts as '). */
static GPtrArray *
split_words (const char *reply)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = g_utf8_make_valid (reply, -1);
  g_autoptr(GString) word = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_word_char (c))
        g_string_append_unichar (word, c == 0x2019 ? '\'' : g_unichar_tolower (c));
      else
        flush_word (words, word);
    }
  flush_word (words, word);
  return words;
}

void
ftl_eval_count_words (const FtlWordList *list,
                      const char        *reply,
                      guint             *n_words,
                      guint             *n_known)
{
  g_autoptr(GPtrArray) words = split_words (reply);

  *n_words = words->len;
  *n_known = 0;
  for (guint i = 0; i < words->len; i++)
    {
      const char *word = g_ptr_array_index (words, i);
      const char *apostrophe = strchr (word, '\'');
      g_autofree char *stem = apostrophe != NULL ? g_strndup (word, apostrophe - word) : NULL;

      /* The list has "cat's" but not every contraction: "it'll" counts through "it". */
      if (g_hash_table_contains (list->words, word) ||
          (stem != NULL && g_hash_table_contains (list->words, stem)))
        (*n_known)++;
    }
}

double
ftl_eval_repeated_ngram_rate (const char *reply)
{
  g_autoptr(GPtrArray) words = split_words (reply);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = 0, repeated = 0;

  for (guint i = 0; i + 2 < words->len; i++)
    {
      char *gram = g_strjoin (" ", (char *) g_ptr_array_index (words, i),
                              (char *) g_ptr_array_index (words, i + 1),
                              (char *) g_ptr_array_index (words, i + 2), NULL);

      n++;
      if (!g_hash_table_add (seen, gram))
        repeated++;
    }
  return n > 0 ? (double) repeated / n : 0.0;
}

gboolean
ftl_eval_has_marker (const char         *reply,
                     const char * const *markers)
{
  g_autofree char *text = g_utf8_strdown (reply, -1);

  for (int i = 0; markers[i] != NULL; i++)
    {
      g_autofree char *marker = g_utf8_strdown (markers[i], -1);
      gsize length = strlen (marker);

      if (length == 0)
        continue;
      for (const char *at = strstr (text, marker); at != NULL; at = strstr (at + 1, marker))
        {
          gboolean letter_before = at > text &&
            g_unichar_isalpha (g_utf8_get_char (g_utf8_find_prev_char (text, at)));
          gboolean letter_after = at[length] != '\0' &&
            g_unichar_isalpha (g_utf8_get_char_validated (at + length, -1));

          if (!letter_before && !letter_after)
            return TRUE;
        }
    }
  return FALSE;
}

GStrv
ftl_eval_read_lines (const char  *path,
                     GError     **error)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (!g_file_get_contents (path, &contents, NULL, error))
    return NULL;
  lines = g_strsplit (contents, "\n", -1);
  for (int i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] != '\0')
        g_strv_builder_add (builder, lines[i]);
    }
  return g_strv_builder_end (builder);
}
