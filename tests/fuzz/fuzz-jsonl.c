/* fuzz-jsonl.c — the JSONL reader and validator (ftl-dataset) on any bytes.
 *
 * Properties: it never crashes; the dataset is valid exactly when it has no
 * issues; issues come in line order with the file-level ones (line 0) last,
 * each naming a line the file has, with a known error name and a message
 * that is valid UTF-8 (the app shows it in a label); every kept example has
 * messages with text and an assistant message; statistics and rendering of
 * the kept examples work, with one loss weight per token.
 */
#include "ftl-fuzz.h"

#include <string.h>

#include "ftl-dataset.h"

static const char * const error_names[] = {
  "invalid_utf8", "invalid_json", "data_type", "missing_messages_list",
  "message_missing_key", "message_unrecognized_key", "unrecognized_role",
  "missing_content", "invalid_weight", "example_missing_assistant_message",
  "too_few_examples", "file_too_large", "line_too_long", "too_many_examples",
};

static gboolean
is_error_name (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (error_names); i++)
    if (strcmp (code, error_names[i]) == 0)
      return TRUE;
  return FALSE;
}

static int
count_lines (const uint8_t *data,
             size_t         size)
{
  int n = 0;

  for (size_t i = 0; i < size; i++)
    n += data[i] == '\n';
  return n + 1;
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  ftl_fuzz_init ();
  ftl_fuzz_base_tokenizer ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  FtlTokenizer *tokenizer = ftl_fuzz_base_tokenizer ();
  g_autoptr(FtlDataset) dataset = ftl_dataset_parse ((const char *) data, size, "fuzz.jsonl");
  int n_lines = count_lines (data, size);
  int last_line = 1;

  ftl_fuzz_n_criticals = 0;
  FTL_FUZZ_CHECK (dataset != NULL);
  FTL_FUZZ_CHECK (ftl_dataset_is_valid (dataset) == (ftl_dataset_get_n_errors (dataset) == 0));

  for (guint i = 0; i < ftl_dataset_get_n_errors (dataset); i++)
    {
      const FtlDatasetIssue *issue = ftl_dataset_get_error (dataset, i);
      g_autofree char *formatted = ftl_dataset_issue_format (dataset, issue);

      FTL_FUZZ_CHECK (is_error_name (issue->code));
      FTL_FUZZ_CHECK (issue->line >= 0 && issue->line <= n_lines);
      /* Line order, file-level issues last. */
      FTL_FUZZ_CHECK (last_line != 0 ? issue->line == 0 || issue->line >= last_line
                                     : issue->line == 0);
      last_line = issue->line;
      FTL_FUZZ_CHECK (g_utf8_validate (issue->message, -1, NULL));
      FTL_FUZZ_CHECK (g_utf8_validate (formatted, -1, NULL));
    }

  guint n_examples = ftl_dataset_get_n_examples (dataset);
  int previous_line = 0;
  for (guint i = 0; i < n_examples; i++)
    {
      int n_messages, line;
      const FtlChatMessage *messages = ftl_dataset_get_example (dataset, i, &n_messages, &line);
      gboolean has_assistant = FALSE;

      FTL_FUZZ_CHECK (n_messages >= 1);
      FTL_FUZZ_CHECK (line > previous_line && line <= n_lines);
      previous_line = line;
      for (int m = 0; m < n_messages; m++)
        {
          FTL_FUZZ_CHECK (messages[m].content != NULL);
          FTL_FUZZ_CHECK (messages[m].role <= FTL_ROLE_ASSISTANT);
          FTL_FUZZ_CHECK (messages[m].weight == 0.f || messages[m].weight == 1.f);
          FTL_FUZZ_CHECK (messages[m].role == FTL_ROLE_ASSISTANT || messages[m].weight == 0.f);
          has_assistant |= messages[m].role == FTL_ROLE_ASSISTANT;
        }
      FTL_FUZZ_CHECK (has_assistant);
    }

  /* The context of the smallest model: truncation happens often. */
  const int context = 64;
  FtlDatasetStats stats;
  ftl_dataset_compute_stats (dataset, tokenizer, context, &stats);
  FTL_FUZZ_CHECK (stats.n_examples == n_examples);
  FTL_FUZZ_CHECK (stats.total_tokens <= (guint64) n_examples * context);

  g_autoptr(GArray) tokens = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) mask = g_array_new (FALSE, FALSE, sizeof (float));
  for (guint i = 0; i < n_examples; i++)
    ftl_dataset_render_example (dataset, i, tokenizer, context, tokens, mask);
  FTL_FUZZ_CHECK (tokens->len == mask->len);
  FTL_FUZZ_CHECK (tokens->len == stats.total_tokens);

  FTL_FUZZ_CHECK (ftl_fuzz_n_criticals == 0);
  return 0;
}
