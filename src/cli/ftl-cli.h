/* ftl-cli.h — what the finetune-lab-cli commands share. */
#pragma once

#include <glib.h>

#include "ftl-generate.h"
#include "ftl-model-file.h"

G_BEGIN_DECLS

/* Each command parses its own arguments (argv[0] is the command name) and
 * returns the process exit status. */
int ftl_cli_train    (int argc, char **argv);
int ftl_cli_generate (int argc, char **argv);
int ftl_cli_chat     (int argc, char **argv);
int ftl_cli_bench    (int argc, char **argv);
int ftl_cli_demo     (int argc, char **argv);
int ftl_cli_pretrain (int argc, char **argv);
int ftl_cli_validate (int argc, char **argv);
int ftl_cli_tokens   (int argc, char **argv);
int ftl_cli_results  (int argc, char **argv);
int ftl_cli_eval     (int argc, char **argv);
int ftl_cli_export   (int argc, char **argv);

/* `train --training-file`: one fine-tuning job; returns the exit status. */
int ftl_cli_fine_tune (const char *training_file,
                       const char *validation_file,
                       const char *model_path,
                       const char *output,
                       const char *n_epochs,
                       const char *batch_size,
                       const char *learning_rate_multiplier,
                       gint64      seed,
                       const char *suffix,
                       gboolean    json,
                       int         threads);

/* Loads path, or the built-in base model when path is NULL. */
FtlModel *ftl_cli_load_model (const char        *path,
                              FtlTokenizer     **tokenizer,
                              FtlModelFileInfo  *info,
                              GError           **error);

/* Uses n threads for OpenMP and OpenBLAS (0 = one per core). */
void ftl_cli_set_threads (int n);

/* Options shared by the commands that sample text. */
typedef struct
{
  double            temperature;
  double            top_p;
  gint64            seed;
  int               max_tokens;
  int               threads;
} FtlCliSampling;

void          ftl_cli_sampling_init    (FtlCliSampling *sampling);
GOptionEntry *ftl_cli_sampling_entries (FtlCliSampling *sampling);
gboolean      ftl_cli_sampling_to_params (const FtlCliSampling *sampling,
                                          FtlSamplingParams    *params,
                                          GError              **error);

/* label with spaces after it up to columns wide on a terminal, where a wide
 * character (Korean, say) takes two. */
char *ftl_cli_pad (const char *label,
                   int         columns);

/* Prints “  LABEL VALUE” and a newline, the label padded to 32 columns. */
void ftl_cli_print_row (const char *label,
                        const char *format,
                        ...) G_GNUC_PRINTF (2, 3);

/* Prints “program: message” and a newline on stderr; format is translated
 * by the caller. */
void ftl_cli_error (const char *program,
                    const char *format,
                    ...) G_GNUC_PRINTF (2, 3);

/* Parses argv with a GOptionContext; prints errors. Returns FALSE on error. */
gboolean ftl_cli_parse (GOptionContext *context,
                        int            *argc,
                        char         ***argv);

G_END_DECLS

G_BEGIN_DECLS

/* Options of a plain-text training run (`train`, `demo`). */
typedef struct
{
  int    steps;
  int    batch_size;
  int    context;        /* 0 = the model's context length */
  double learning_rate;
  gint64 seed;
  int    threads;
  int    log_every;
} FtlCliTraining;

void     ftl_cli_training_init (FtlCliTraining *training);

/* Trains on random windows of a token stream, printing progress unless quiet. */
gboolean ftl_cli_train_text (FtlModel             *model,
                             const int            *stream,
                             gsize                 n_tokens,
                             const FtlCliTraining *training,
                             gboolean              quiet,
                             GError              **error);

G_END_DECLS
