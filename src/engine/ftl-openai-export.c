/* ftl-openai-export.c — the training file and the job request for OpenAI. */
#include "ftl-openai-export.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ftl-dataset.h"

/* A failing file lists this many problems; the rest are counted. */
#define MAX_LISTED_ISSUES 5

JsonNode *
ftl_openai_job_request (const FtlHyperparams *hp,
                        const char           *model,
                        const char           *training_file_id,
                        const char           *validation_file_id)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  g_return_val_if_fail (hp != NULL, NULL);
  g_return_val_if_fail (training_file_id != NULL, NULL);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "model");
  json_builder_add_string_value (b, model != NULL ? model : FTL_OPENAI_DEFAULT_MODEL);
  json_builder_set_member_name (b, "training_file");
  json_builder_add_string_value (b, training_file_id);
  if (validation_file_id != NULL)
    {
      json_builder_set_member_name (b, "validation_file");
      json_builder_add_string_value (b, validation_file_id);
    }
  if (hp->suffix != NULL)
    {
      json_builder_set_member_name (b, "suffix");
      json_builder_add_string_value (b, hp->suffix);
    }
  if (hp->seed >= 0)
    {
      json_builder_set_member_name (b, "seed");
      json_builder_add_int_value (b, hp->seed);
    }
  json_builder_set_member_name (b, "method");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, "supervised");
  json_builder_set_member_name (b, "supervised");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "hyperparameters");
  json_builder_add_value (b, ftl_hyperparams_to_json (hp));
  json_builder_end_object (b);
  json_builder_end_object (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

/* ---- JSON text ---------------------------------------------------------------------- */

static void
append_quoted (GString    *out,
               const char *text)
{
  g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), text);
  g_autofree char *quoted = json_to_string (node, FALSE);

  g_string_append (out, quoted);
}

/* json-glib writes every double with 17 digits; people read this file. */
static void
append_double (GString *out,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  for (int digits = 15; digits <= 17; digits++)
    {
      g_autofree char *format = g_strdup_printf ("%%.%dg", digits);

      g_ascii_formatd (buffer, sizeof buffer, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  g_string_append (out, buffer);
}

static void
append_node (GString  *out,
             JsonNode *node,
             int       depth)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GList) members = json_object_get_members (object);

        g_string_append_c (out, '{');
        for (GList *l = members; l != NULL; l = l->next)
          {
            g_string_append (out, l == members ? "\n" : ",\n");
            g_string_append_printf (out, "%*s", 2 * (depth + 1), "");
            append_quoted (out, l->data);
            g_string_append (out, ": ");
            append_node (out, json_object_get_member (object, l->data), depth + 1);
          }
        if (members != NULL)
          g_string_append_printf (out, "\n%*s", 2 * depth, "");
        g_string_append_c (out, '}');
      }
      break;
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        g_string_append_c (out, '[');
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            g_string_append (out, i == 0 ? "" : ", ");
            append_node (out, json_array_get_element (array, i), depth + 1);
          }
        g_string_append_c (out, ']');
      }
      break;
    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
        append_double (out, json_node_get_double (node));
      else
        {
          g_autofree char *text = json_to_string (node, FALSE);

          g_string_append (out, text);
        }
      break;
    case JSON_NODE_NULL:
    default:
      g_string_append (out, "null");
      break;
    }
}

char *
ftl_openai_job_request_to_data (JsonNode *request)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (request != NULL, NULL);

  append_node (out, request, 0);
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

/* ---- the folder --------------------------------------------------------------------- */

/* Reads path and checks it with OpenAI's rules; the error lists what fails.
 * Read once: what is copied is what was checked. */
static char *
read_checked_file (const char  *path,
                   gsize       *length,
                   GError     **error)
{
  g_autofree char *name = g_filename_display_name (path);
  g_autofree char *contents = NULL;
  g_autoptr(FtlDataset) dataset = NULL;
  g_autoptr(GString) message = NULL;
  GStatBuf st;
  guint n_errors;

  /* Not gigabytes into memory to say a file is too large: the dataset
   * reader says so from its size. */
  if (g_stat (path, &st) == 0 && st.st_size > FTL_DATASET_MAX_FILE_SIZE)
    dataset = ftl_dataset_load_file (path, error);
  else if (g_file_get_contents (path, &contents, length, error))
    dataset = ftl_dataset_parse (contents, *length, name);
  if (dataset == NULL)
    return NULL;
  if (ftl_dataset_is_valid (dataset) && contents != NULL)
    return g_steal_pointer (&contents);
  if (ftl_dataset_is_valid (dataset))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("%s changed while it was read: try again"), name);
      return NULL;
    }

  n_errors = ftl_dataset_get_n_errors (dataset);
  message = g_string_new (NULL);
  /* Translators: %s is a training file; its problems follow, one per line. */
  g_string_append_printf (message, _("%s can't be exported for OpenAI:"), name);
  for (guint i = 0; i < MIN (n_errors, MAX_LISTED_ISSUES); i++)
    {
      g_autofree char *issue = ftl_dataset_issue_format (dataset, ftl_dataset_get_error (dataset, i));

      g_string_append_printf (message, "\n%s", issue);
    }
  if (n_errors > MAX_LISTED_ISSUES)
    {
      guint more = n_errors - MAX_LISTED_ISSUES;

      g_string_append_c (message, '\n');
      g_string_append_printf (message, g_dngettext (GETTEXT_PACKAGE, "… and %u more problem",
                                                    "… and %u more problems", more), more);
    }
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, message->str);
  return NULL;
}

/* OpenAI's model names: "gpt-4o-mini-2024-07-18", "ft:gpt-4o-mini-…:org:suffix:id". */
static gboolean
model_name_is_valid (const char *model)
{
  if (model[0] == '\0' || strlen (model) > 256)
    return FALSE;
  for (const char *c = model; *c; c++)
    if (!g_ascii_isalnum (*c) && strchr ("-_.:", *c) == NULL)
      return FALSE;
  return TRUE;
}

static void
append_hyperparameter (GString    *out,
                       const char *name,
                       double      value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (value == FTL_HYPERPARAM_AUTO)
    g_string_append_printf (out, "  %-25s auto (OpenAI picks it from the file's size)\n", name);
  else
    g_string_append_printf (out, "  %-25s %s\n", name, g_ascii_formatd (buffer, sizeof buffer, "%g", value));
}

static char *
make_readme (const FtlHyperparams *hp,
             const char           *model,
             gboolean              with_validation)
{
  GString *out = g_string_new (NULL);

  g_string_append (out,
    "Fine-tuning with OpenAI\n"
    "=======================\n"
    "\n"
    "Written by Fine-Tune Lab: the fine-tuning job you set up in the lesson,\n"
    "ready for OpenAI's fine-tuning service.\n"
    "\n"
    "  " FTL_OPENAI_TRAINING_NAME "        the training file (checked with OpenAI's rules)\n");
  if (with_validation)
    g_string_append (out, "  " FTL_OPENAI_VALIDATION_NAME "      the validation file (checked too)\n");
  g_string_append (out, "  " FTL_OPENAI_REQUEST_NAME "  the request that creates the job\n\n");
  g_string_append_printf (out, "The job fine-tunes %s with\n", model);
  append_hyperparameter (out, "n_epochs", hp->n_epochs);
  append_hyperparameter (out, "batch_size", hp->batch_size);
  append_hyperparameter (out, "learning_rate_multiplier", hp->learning_rate_multiplier);
  if (hp->seed >= 0)
    g_string_append_printf (out, "  %-25s %" G_GINT64_FORMAT "\n", "seed", hp->seed);
  if (hp->suffix != NULL)
    g_string_append_printf (out, "  %-25s %s\n", "suffix", hp->suffix);
  g_string_append (out,
    "\n"
    "The learning-rate multiplier scales the model's own base rate: OpenAI's\n"
    "models have theirs, so the same number is not the same step size here and\n"
    "there. Fine-tuning is billed by the tokens trained on (the file's tokens\n"
    "times the epochs); see OpenAI's pricing page first.\n"
    "\n"
    "You need an API key (https://platform.openai.com/api-keys). In a shell, in\n"
    "this folder:\n"
    "\n"
    "  export OPENAI_API_KEY=sk-...\n"
    "\n"
    "1. Upload the training file. The answer's \"id\" (file-...) is its file id:\n"
    "\n"
    "  curl https://api.openai.com/v1/files \\\n"
    "    -H \"Authorization: Bearer $OPENAI_API_KEY\" \\\n"
    "    -F purpose=fine-tune \\\n"
    "    -F file=@" FTL_OPENAI_TRAINING_NAME "\n"
    "\n");
  if (with_validation)
    g_string_append (out,
      "   The same for the validation file:\n"
      "\n"
      "  curl https://api.openai.com/v1/files \\\n"
      "    -H \"Authorization: Bearer $OPENAI_API_KEY\" \\\n"
      "    -F purpose=fine-tune \\\n"
      "    -F file=@" FTL_OPENAI_VALIDATION_NAME "\n"
      "\n");
  g_string_append (out,
    "2. Put the id in " FTL_OPENAI_REQUEST_NAME " in place of " FTL_OPENAI_TRAINING_FILE_ID ",\n"
    "   with a text editor or (your id instead of file-abc123):\n"
    "\n"
    "  sed -i s/" FTL_OPENAI_TRAINING_FILE_ID "/file-abc123/ " FTL_OPENAI_REQUEST_NAME "\n"
    "\n");
  if (with_validation)
    g_string_append (out,
      "   and the validation file's id in place of " FTL_OPENAI_VALIDATION_FILE_ID ".\n"
      "\n");
  g_string_append (out,
    "3. Create the job. The answer's \"id\" (ftjob-...) names it:\n"
    "\n"
    "  curl https://api.openai.com/v1/fine_tuning/jobs \\\n"
    "    -H \"Content-Type: application/json\" \\\n"
    "    -H \"Authorization: Bearer $OPENAI_API_KEY\" \\\n"
    "    -d @" FTL_OPENAI_REQUEST_NAME "\n"
    "\n"
    "4. Follow it (your job id instead of ftjob-abc123): its events are of the\n"
    "   kind Fine-Tune Lab showed, a loss for each step.\n"
    "\n"
    "  curl https://api.openai.com/v1/fine_tuning/jobs/ftjob-abc123/events \\\n"
    "    -H \"Authorization: Bearer $OPENAI_API_KEY\"\n"
    "\n"
    "   Once the job has succeeded, its \"fine_tuned_model\" (ft:...) is the\n"
    "   model to chat with.\n");
  return g_string_free (out, FALSE);
}

typedef struct
{
  const char *name;
  char       *contents;
  gsize       length;
} Output;

gboolean
ftl_openai_export (const char           *dir,
                   const char           *training_file,
                   const char           *validation_file,
                   const FtlHyperparams *hp,
                   const char           *model,
                   GError              **error)
{
  Output outputs[4] = { { 0 } };
  int n_outputs = 0;
  g_autoptr(JsonNode) request = NULL;
  gboolean ok = FALSE;
  int written = 0;

  g_return_val_if_fail (dir != NULL, FALSE);
  g_return_val_if_fail (training_file != NULL, FALSE);
  g_return_val_if_fail (hp != NULL, FALSE);

  if (model == NULL)
    model = FTL_OPENAI_DEFAULT_MODEL;
  if (!model_name_is_valid (model))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   /* Translators: the second %s is an example, gpt-4o-mini-2024-07-18. */
                   _("“%s” is not an OpenAI model name (such as %s)"), model, FTL_OPENAI_DEFAULT_MODEL);
      return FALSE;
    }
  if (!ftl_hyperparams_validate (hp, error))
    return FALSE;

  outputs[n_outputs].name = FTL_OPENAI_TRAINING_NAME;
  outputs[n_outputs].contents = read_checked_file (training_file, &outputs[n_outputs].length, error);
  if (outputs[n_outputs++].contents == NULL)
    goto out;
  if (validation_file != NULL)
    {
      outputs[n_outputs].name = FTL_OPENAI_VALIDATION_NAME;
      outputs[n_outputs].contents = read_checked_file (validation_file, &outputs[n_outputs].length, error);
      if (outputs[n_outputs++].contents == NULL)
        goto out;
    }
  request = ftl_openai_job_request (hp, model, FTL_OPENAI_TRAINING_FILE_ID,
                                    validation_file != NULL ? FTL_OPENAI_VALIDATION_FILE_ID : NULL);
  outputs[n_outputs].name = FTL_OPENAI_REQUEST_NAME;
  outputs[n_outputs].contents = ftl_openai_job_request_to_data (request);
  outputs[n_outputs].length = strlen (outputs[n_outputs].contents);
  n_outputs++;
  outputs[n_outputs].name = FTL_OPENAI_README_NAME;
  outputs[n_outputs].contents = make_readme (hp, model, validation_file != NULL);
  outputs[n_outputs].length = strlen (outputs[n_outputs].contents);
  n_outputs++;

  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not make the folder %s: %s"), dir, g_strerror (saved));
      goto out;
    }
  for (int i = 0; i < n_outputs; i++)
    {
      g_autofree char *path = g_build_filename (dir, outputs[i].name, NULL);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                       _("%s already exists: export into an empty folder, or move it away first"), path);
          goto out;
        }
    }
  for (int i = 0; i < n_outputs; i++)
    {
      g_autofree char *path = g_build_filename (dir, outputs[i].name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      /* Create, not replace: a file that appeared since the check is kept. */
      g_autoptr(GFileOutputStream) stream = g_file_create (file, G_FILE_CREATE_NONE, NULL, error);

      if (stream == NULL)
        goto out;
      written = i + 1;
      if (!g_output_stream_write_all (G_OUTPUT_STREAM (stream), outputs[i].contents, outputs[i].length,
                                      NULL, NULL, error) ||
          !g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error))
        goto out;
    }
  ok = TRUE;

out:
  /* Half an export would be mistaken for a whole one. */
  for (int i = 0; !ok && i < written; i++)
    {
      g_autofree char *path = g_build_filename (dir, outputs[i].name, NULL);

      g_unlink (path);
    }
  for (int i = 0; i < n_outputs; i++)
    g_free (outputs[i].contents);
  return ok;
}
