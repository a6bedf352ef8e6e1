/* ftl-openai-export.h — what a student takes to OpenAI's fine-tuning
 * service after the lesson: the training file, the body of the request that
 * creates the job with the hyperparameters chosen here, and how to send
 * them. The app and the CLI share it.
 *
 * The request body follows POST /v1/fine_tuning/jobs with the supervised
 * method:
 *   {"model": "gpt-4o-mini-2024-07-18", "training_file": "file-…",
 *    "validation_file"?: "file-…", "suffix"?: "…", "seed"?: N,
 *    "method": {"type": "supervised", "supervised": {"hyperparameters":
 *      {"n_epochs": N|"auto", "batch_size": N|"auto",
 *       "learning_rate_multiplier": X|"auto"}}}}
 */
#pragma once

#include <json-glib/json-glib.h>

#include "ftl-hyperparams.h"

G_BEGIN_DECLS

#define FTL_OPENAI_DEFAULT_MODEL "gpt-4o-mini-2024-07-18"

/* Stand-ins for the ids OpenAI gives the uploaded files; README.txt says
 * how to put the real ones in their place. */
#define FTL_OPENAI_TRAINING_FILE_ID   "file-TRAINING_FILE_ID"
#define FTL_OPENAI_VALIDATION_FILE_ID "file-VALIDATION_FILE_ID"

/* The names ftl_openai_export() writes in its folder. */
#define FTL_OPENAI_TRAINING_NAME   "training.jsonl"
#define FTL_OPENAI_VALIDATION_NAME "validation.jsonl"
#define FTL_OPENAI_REQUEST_NAME    "fine_tuning_job.json"
#define FTL_OPENAI_README_NAME     "README.txt"

/* The request body for hp (auto stays "auto"; a random seed, −1, and a NULL
 * suffix are left out, so OpenAI picks a seed) and model (NULL: the default).
 * validation_file_id may be NULL. Does not validate hp. */
JsonNode *ftl_openai_job_request (const FtlHyperparams *hp,
                                  const char           *model,
                                  const char           *training_file_id,
                                  const char           *validation_file_id);

/* The request as JSON text, indented, numbers written as short as they
 * read back (0.1, not 0.10000000000000001). */
char     *ftl_openai_job_request_to_data (JsonNode *request);

/* Writes into folder dir (made if missing): training.jsonl (a copy of
 * training_file), validation.jsonl (of validation_file, when not NULL),
 * fine_tuning_job.json (the request with the stand-in file ids) and
 * README.txt (the curl commands that upload the files and create the job).
 *
 * Checks everything before writing anything: hp, the model name, both files
 * against OpenAI's rules (the error lists the first problems, each with its
 * line) — OpenAI would reject them — and that dir holds none of those names
 * yet: nothing there is overwritten. On a write error the files written so
 * far are removed again. */
gboolean  ftl_openai_export (const char           *dir,
                             const char           *training_file,
                             const char           *validation_file,
                             const FtlHyperparams *hp,
                             const char           *model,
                             GError              **error);

G_END_DECLS
