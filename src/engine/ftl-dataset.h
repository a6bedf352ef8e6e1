/* ftl-dataset.h — OpenAI chat fine-tuning files (JSONL): reading, validation
 * with OpenAI's rules and error names, and the cookbook's statistics.
 *
 * One example per line: {"messages": [{"role": "system"|"user"|"assistant",
 * "content": "…", "weight"?: 0|1, "name"?: "…"}, …]}. Blank lines are skipped.
 *
 * Validation never stops at the first problem: every line is checked and every
 * problem is reported with its 1-based line number and an error name, as
 * OpenAI's data-preparation notebook counts them:
 *   invalid_utf8, invalid_json, data_type, missing_messages_list,
 *   message_missing_key, message_unrecognized_key, unrecognized_role,
 *   missing_content, invalid_weight, example_missing_assistant_message,
 *   too_few_examples (line 0: the file as a whole), and the limits that
 *   protect the user's machine: file_too_large, line_too_long, too_many_examples.
 * A line with several problems reports each.
 */
#pragma once

#include "ftl-chat.h"

G_BEGIN_DECLS

#define FTL_DATASET_MIN_EXAMPLES   10
#define FTL_DATASET_MAX_FILE_SIZE  (64 * 1024 * 1024)
#define FTL_DATASET_MAX_LINE       (1024 * 1024)
#define FTL_DATASET_MAX_EXAMPLES   100000

typedef struct
{
  int         line;     /* 1-based; 0 for the file as a whole */
  const char *code;     /* error name, e.g. "unrecognized_role" (static string) */
  char       *message;  /* one sentence for people, e.g. "Message 2 has role “robot”; …" */
} FtlDatasetIssue;

typedef struct _FtlDataset FtlDataset;

/* Reads and validates a file. Returns NULL only when the file can't be read
 * (an I/O error); a file with format errors gives a dataset whose errors say
 * what is wrong. */
FtlDataset *ftl_dataset_load_file (const char *path,
                                   GError    **error);

/* Validates JSONL held in memory. name is used in reports (e.g. the file name). */
FtlDataset *ftl_dataset_parse     (const char *data,
                                   gsize       length,
                                   const char *name);

void        ftl_dataset_free      (FtlDataset *dataset);

const char *ftl_dataset_get_name  (const FtlDataset *dataset);

/* TRUE when there are no errors (at least FTL_DATASET_MIN_EXAMPLES examples). */
gboolean    ftl_dataset_is_valid  (const FtlDataset *dataset);

guint                  ftl_dataset_get_n_errors (const FtlDataset *dataset);
const FtlDatasetIssue *ftl_dataset_get_error    (const FtlDataset *dataset,
                                                 guint             index);

/* "NAME:LINE: code: message" (LINE omitted for file-level problems). */
char       *ftl_dataset_issue_format (const FtlDataset      *dataset,
                                      const FtlDatasetIssue *issue);

/* The examples that passed validation, in file order. */
guint                 ftl_dataset_get_n_examples (const FtlDataset *dataset);
const FtlChatMessage *ftl_dataset_get_example    (const FtlDataset *dataset,
                                                  guint             index,
                                                  int              *n_messages,
                                                  int              *line);

typedef struct
{
  double min, max, mean, median, p5, p95;
} FtlDistribution;

typedef struct
{
  guint           n_examples;
  guint           n_missing_system;     /* examples without a system message */
  guint           n_missing_user;       /* … without a user message */
  guint           n_over_context;       /* longer than the context: truncated from the end */
  FtlDistribution messages_per_example;
  FtlDistribution tokens_per_example;   /* the rendered ChatML, as the model reads it */
  FtlDistribution assistant_tokens_per_example; /* tokens the loss is computed on */
  guint64         total_tokens;         /* Σ min(tokens, context) */
} FtlDatasetStats;

/* Statistics of the valid examples, tokenized as training will tokenize them. */
void     ftl_dataset_compute_stats (const FtlDataset   *dataset,
                                    const FtlTokenizer *tokenizer,
                                    int                 context_length,
                                    FtlDatasetStats    *stats);

/* Renders example index as training sees it: tokens (int) and per-token loss
 * weights (float), truncated from the end to context_length. */
void     ftl_dataset_render_example (const FtlDataset   *dataset,
                                     guint               index,
                                     const FtlTokenizer *tokenizer,
                                     int                 context_length,
                                     GArray             *tokens,
                                     GArray             *mask);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FtlDataset, ftl_dataset_free)

G_END_DECLS
