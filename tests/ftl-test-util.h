/* ftl-test-util.h — fixtures the test suites share. */
#pragma once

#include <check.h>
#include <glib.h>

#include "ftl-trainer.h"

G_BEGIN_DECLS

/* Runs every test of suite and returns main()'s exit status: 0 when all
 * passed. fork_status as Check's (CK_FORK_GETENV: its default). */
int      ftl_test_run_suite (Suite            *suite,
                             enum fork_status  fork_status);

/* Twelve short pirate conversations as OpenAI chat JSONL (enough for the
 * minimum of ten), each with the same system message. */
char    *ftl_test_pirate_jsonl (void);

/* n conversations as a student types them: a question and a short pirate
 * reply, no system message; twelve different ones, then again. */
char    *ftl_test_lesson_jsonl (guint n);

/* A tokenizer of 300 tokens learned from text. */
FtlTokenizer *ftl_test_tokenizer (const char *text);

/* A random model of the "tiny" shape (with context_length, unless ≤ 0)
 * for tokenizer's vocabulary, initialised from seed. */
FtlModel *ftl_test_tiny_model (const FtlTokenizer *tokenizer,
                               int                 context_length,
                               guint64             seed);

/* Writes a tiny random base model (the "tiny" shape with context_length,
 * seed 3, fine-tuning rate 3e-3) whose tokenizer of 300 tokens was learned
 * from text. */
gboolean ftl_test_write_tiny_base_model (const char  *path,
                                         const char  *text,
                                         int          context_length,
                                         GError     **error);

/* Deletes path and, for a folder, everything under it (links are removed,
 * not followed). */
void     ftl_test_remove_tree (const char *path);

/* How many entries the folder dir has; 0 when there is no such folder. */
guint    ftl_test_count_files (const char *dir);

/* ---- a fine-tune, as the engine's suites run one ---------------------------------------- */

typedef struct
{
  FtlTokenizer *tokenizer;
  FtlModel     *model;
  FtlDataset   *dataset;
  char         *training_file;  /* the file's name in the job */
  char         *output;
} FtlTestFineTune;

/* A tiny random base model (context 96, seed 3) whose tokenizer was
 * learned from the pirate examples, to be trained on jsonl (NULL: those
 * examples, a valid file), named training_file in the job, into
 * dir/NAME.gguf. */
void             ftl_test_fine_tune_init  (FtlTestFineTune       *f,
                                           const char            *jsonl,
                                           const char            *training_file,
                                           const char            *dir,
                                           const char            *name);
void             ftl_test_fine_tune_clear (FtlTestFineTune       *f);
/* For ftl_fine_tune_run(): the base model "tiny-base", whose own learning
 * rate is base_learning_rate. */
FtlFineTuneSetup ftl_test_fine_tune_setup (const FtlTestFineTune *f,
                                           float                  base_learning_rate);

/* The model file base_model fine-tuned on the JSONL file training_file
 * into output with hp, as the app runs a job (the file's name and learning
 * rate, no validation file). */
FtlJob          *ftl_test_fine_tune_file  (const char            *base_model,
                                           const char            *training_file,
                                           const char            *output,
                                           const FtlHyperparams  *hp);

/* ---- running programs -------------------------------------------------------------------- */

typedef struct
{
  int   status;  /* the exit status; −1 when a signal ended it */
  char *out;     /* stdout and stderr, as bytes: a model may stream any */
  char *err;
} FtlTestResult;

void          ftl_test_result_clear (FtlTestResult      *result);

/* Runs argv (NULL-terminated, argv[0] the program's path) to its end in
 * envp (NULL: this process's environment) with input on stdin (NULL: an
 * empty one), and captures what it writes. */
FtlTestResult ftl_test_run          (const char * const *argv,
                                     const char * const *envp,
                                     const char         *input);
/* The same for the CLI binary at cli with args (NULL-terminated). */
FtlTestResult ftl_test_run_cli      (const char         *cli,
                                     const char * const *args,
                                     const char * const *envp,
                                     const char         *input);

G_END_DECLS
