/* ftl-cli-export.c — `export`: rewrite a model file for llama.cpp (e.g. as
 * F16, renamed, or with another base learning rate), or, with --openai, write
 * what OpenAI's fine-tuning service needs to run the same job. */
#include <glib/gi18n.h>
#include <stdio.h>

#include "ftl-cli.h"
#include "ftl-hyperparams.h"
#include "ftl-openai-export.h"

typedef struct
{
  char    *model;
  char    *output;
  gboolean f16;
  char    *name;
  double   learning_rate;
  gboolean openai;
  char    *training_file;
  char    *validation_file;
  char    *n_epochs;
  char    *batch_size;
  char    *learning_rate_multiplier;
  gint64   seed;
  char    *suffix;
} Options;

static void
options_clear (Options *o)
{
  g_free (o->model);
  g_free (o->output);
  g_free (o->name);
  g_free (o->training_file);
  g_free (o->validation_file);
  g_free (o->n_epochs);
  g_free (o->batch_size);
  g_free (o->learning_rate_multiplier);
  g_free (o->suffix);
}

static int
export_model (const char    *program,
              const Options *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FtlModel) model = NULL;
  g_autoptr(FtlTokenizer) tokenizer = NULL;
  FtlModelFileInfo info = { 0 };
  int status = 0;

  if (o->learning_rate < 0 || o->learning_rate >= 1)
    {
      ftl_cli_error (program, _("--learning-rate must be above 0 and below 1"));
      return 2;
    }
  model = ftl_model_file_load (o->model, &tokenizer, &info, &error);
  if (model == NULL)
    {
      fprintf (stderr, "%s: %s\n", program, error->message);
      return 2;
    }
  if (o->name != NULL)
    {
      g_free (info.name);
      info.name = g_strdup (o->name);
    }
  if (o->learning_rate > 0)
    info.learning_rate = (float) o->learning_rate;
  if (!ftl_model_file_save (o->output, model, tokenizer, &info, o->f16 ? FTL_GGML_TYPE_F16 : FTL_GGML_TYPE_F32,
                            &error))
    {
      fprintf (stderr, "%s: %s\n", program, error->message);
      status = 1;
    }
  else
    {
      /* Translators: the file, the model's name and its base learning rate. */
      printf (_("Saved %s (%s, base learning rate %g)"), o->output, info.name, info.learning_rate);
      printf ("\n");
    }
  ftl_model_file_info_clear (&info);
  return status;
}

static int
export_openai (const char    *program,
               const Options *o)
{
  g_autoptr(GError) error = NULL;
  FtlHyperparams hp;
  int status = 0;

  if (o->training_file == NULL)
    {
      ftl_cli_error (program, _("--openai needs --training-file"));
      return 2;
    }
  ftl_hyperparams_init (&hp);
  hp.seed = o->seed;
  hp.suffix = g_strdup (o->suffix);
  if ((o->n_epochs != NULL && !ftl_hyperparams_set_from_string (&hp, "n_epochs", o->n_epochs, &error)) ||
      (o->batch_size != NULL && !ftl_hyperparams_set_from_string (&hp, "batch_size", o->batch_size, &error)) ||
      (o->learning_rate_multiplier != NULL &&
       !ftl_hyperparams_set_from_string (&hp, "learning_rate_multiplier", o->learning_rate_multiplier, &error)))
    {
      fprintf (stderr, "%s: %s\n", program, error->message);
      status = 2;
    }
  else if (!ftl_openai_export (o->output, o->training_file, o->validation_file, &hp, o->model, &error))
    {
      fprintf (stderr, "%s: %s\n", program, error->message);
      status = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT) ? 2 : 1;
    }
  else
    {
      if (o->validation_file != NULL)
        /* Translators: the folder, then the files written into it; the last
         * is README.txt. */
        printf (_("Wrote %s/%s, %s, %s and %s (how to upload and start the job)"), o->output,
                FTL_OPENAI_TRAINING_NAME, FTL_OPENAI_VALIDATION_NAME, FTL_OPENAI_REQUEST_NAME,
                FTL_OPENAI_README_NAME);
      else
        printf (_("Wrote %s/%s, %s and %s (how to upload and start the job)"), o->output,
                FTL_OPENAI_TRAINING_NAME, FTL_OPENAI_REQUEST_NAME, FTL_OPENAI_README_NAME);
      printf ("\n");
    }
  ftl_hyperparams_clear (&hp);
  return status;
}

int
ftl_cli_export (int    argc,
                char **argv)
{
  Options o = { .seed = -1 };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GOptionGroup) openai_group = NULL;
  GOptionEntry entries[] = {
    { "model", 'm', 0, G_OPTION_ARG_FILENAME, &o.model,
      N_("The model to export (GGUF); with --openai, OpenAI's model to fine-tune (default "
         "gpt-4o-mini-2024-07-18)"), N_("FILE|NAME") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output,
      N_("Where to write it (GGUF); with --openai, a folder"), N_("FILE|DIR") },
    { "f16", 0, 0, G_OPTION_ARG_NONE, &o.f16, N_("Store matrices as 16-bit floats (half the size)"), NULL },
    { "name", 0, 0, G_OPTION_ARG_STRING, &o.name, N_("Set the model's name"), N_("NAME") },
    { "learning-rate", 0, 0, G_OPTION_ARG_DOUBLE, &o.learning_rate,
      N_("Set the base learning rate that fine-tuning multiplies"), "LR" },
    { NULL }
  };
  GOptionEntry openai_entries[] = {
    { "openai", 0, 0, G_OPTION_ARG_NONE, &o.openai,
      N_("Write the training file and the request that creates the job on OpenAI instead"), NULL },
    { "training-file", 0, 0, G_OPTION_ARG_FILENAME, &o.training_file, N_("The chat file to fine-tune on (OpenAI's JSONL)"), N_("FILE") },
    { "validation-file", 0, 0, G_OPTION_ARG_FILENAME, &o.validation_file, N_("A chat file for validation loss"), N_("FILE") },
    { "n-epochs", 0, 0, G_OPTION_ARG_STRING, &o.n_epochs, N_("Passes over the training file: 1–50 or auto (default)"), "N|auto" },
    { "batch-size", 0, 0, G_OPTION_ARG_STRING, &o.batch_size, N_("Examples per step: 1–256 or auto (default)"), "N|auto" },
    { "learning-rate-multiplier", 0, 0, G_OPTION_ARG_STRING, &o.learning_rate_multiplier,
      N_("Times the model's learning rate: above 0 and at most 10, or auto (default)"), "X|auto" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &o.seed, N_("Random seed, 0–2147483647 (default: OpenAI picks one)"), "N" },
    { "suffix", 0, 0, G_OPTION_ARG_STRING, &o.suffix, N_("Up to 64 letters, digits, - or _ added to the model name"), N_("TEXT") },
    { NULL }
  };
  int status;

  g_option_context_set_summary (context,
                                /* The file names are FTL_OPENAI_REQUEST_NAME and
                                 * FTL_OPENAI_README_NAME. */
                                N_("Writes a model file again, laid out as llama.cpp's qwen2 models so "
                                   "llama.cpp-based tools run it, optionally as F16, renamed, or with "
                                   "another base learning rate.\n\n"
                                   "With --openai, writes into the folder --output the training file, "
                                   "fine_tuning_job.json (the body of OpenAI's request that creates "
                                   "the fine-tuning job, with these hyperparameters) and "
                                   "README.txt (the commands that upload the file and "
                                   "create the job)."));
  g_option_context_add_main_entries (context, entries, NULL);
  openai_group = g_option_group_new ("openai", N_("Exporting for OpenAI's fine-tuning service (--openai):"),
                                     N_("Show the options for --openai"), NULL, NULL);
  g_option_group_set_translation_domain (openai_group, GETTEXT_PACKAGE);
  g_option_group_add_entries (openai_group, openai_entries);
  g_option_context_add_group (context, g_steal_pointer (&openai_group));
  if (!ftl_cli_parse (context, &argc, &argv))
    {
      options_clear (&o);
      return 2;
    }

  if (argc > 1)
    {
      ftl_cli_error (argv[0], _("unexpected argument “%s”"), argv[1]);
      status = 2;
    }
  else if (o.output == NULL || (!o.openai && o.model == NULL))
    {
      ftl_cli_error (argv[0], _("--output is required, and --model unless --openai"));
      status = 2;
    }
  else if (o.openai && (o.f16 || o.name != NULL || o.learning_rate != 0))
    {
      ftl_cli_error (argv[0], _("--f16, --name and --learning-rate are for model files, not --openai"));
      status = 2;
    }
  else if (o.openai)
    status = export_openai (argv[0], &o);
  else if (o.training_file != NULL || o.validation_file != NULL || o.n_epochs != NULL ||
           o.batch_size != NULL || o.learning_rate_multiplier != NULL || o.seed != -1 || o.suffix != NULL)
    {
      ftl_cli_error (argv[0], _("the training file and hyperparameters go with --openai"));
      status = 2;
    }
  else
    status = export_model (argv[0], &o);

  options_clear (&o);
  return status;
}
