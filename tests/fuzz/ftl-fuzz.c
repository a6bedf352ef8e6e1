/* ftl-fuzz.c — helpers the fuzz targets share. */
#include "ftl-fuzz.h"

#include <stdio.h>
#include <stdlib.h>

#include "ftl-data.h"
#include "ftl-gguf.h"
#include "ftl-tokenizer.h"

guint ftl_fuzz_n_criticals;

void
ftl_fuzz_fail (const char *file,
               int         line,
               const char *condition)
{
  fprintf (stderr, "%s:%d: property failed: %s\n", file, line, condition);
  abort ();
}

static void
log_handler (const char     *domain,
             GLogLevelFlags  level,
             const char     *message,
             gpointer        user_data)
{
  if (level & G_LOG_LEVEL_CRITICAL)
    {
      ftl_fuzz_n_criticals++;
      return;
    }
  /* Errors and warnings mean the engine hit something it did not expect:
   * make them crashes the fuzzer keeps. Messages and debug output are noise. */
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_WARNING))
    {
      fprintf (stderr, "%s: %s\n", domain != NULL ? domain : "engine", message);
      abort ();
    }
}

void
ftl_fuzz_init (void)
{
  g_log_set_default_handler (log_handler, NULL);
}

FtlTokenizer *
ftl_fuzz_base_tokenizer (void)
{
  static FtlTokenizer *tokenizer;
  g_autofree char *path = NULL;
  g_autoptr(FtlGguf) gguf = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *tokens, * const *merges;
  guint64 n_tokens, n_merges;

  if (tokenizer != NULL)
    return tokenizer;

  path = ftl_data_find_base_model ();
  gguf = ftl_gguf_read_file (path, &error);
  if (gguf == NULL ||
      !ftl_gguf_get_string_array (gguf, "tokenizer.ggml.tokens", &tokens, &n_tokens, &error) ||
      !ftl_gguf_get_string_array (gguf, "tokenizer.ggml.merges", &merges, &n_merges, &error) ||
      (tokenizer = ftl_tokenizer_new_from_vocab (tokens, (int) n_tokens, merges, (int) n_merges,
                                                 &error)) == NULL)
    {
      fprintf (stderr, "the base model's tokenizer: %s\n", error->message);
      abort ();
    }
  return tokenizer;
}
