/* ftl-cli-finetune.c — fine-tuning from the command line: `validate`,
 * `tokens`, `train --training-file` and `results`. */
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>

#include "ftl-cli.h"
#include "ftl-model-file.h"
#include "ftl-trainer.h"

static void
print_distribution (const char            *label,
                    const FtlDistribution *d)
{
  /* Translators: the statistics of a count over the examples; p5 and p95
   * are the 5th and 95th percentiles. */
  ftl_cli_print_row (label, _("min %g, max %g, mean %.1f, median %g, p5 %.1f, p95 %.1f"),
                     d->min, d->max, d->mean, d->median, d->p5, d->p95);
}

/* Prints every problem as FILE:LINE: code: message; TRUE when valid. */
static gboolean
print_issues (const FtlDataset *dataset)
{
  for (guint i = 0; i < ftl_dataset_get_n_errors (dataset); i++)
    {
      g_autofree char *line = ftl_dataset_issue_format (dataset, ftl_dataset_get_error (dataset, i));

      fprintf (stderr, "%s\n", line);
    }
  return ftl_dataset_is_valid (dataset);
}

int
ftl_cli_validate (int    argc,
                  char **argv)
{
  g_autofree char *model_path = NULL;
  int n_epochs = 0;
  g_autoptr(GOptionContext) context = g_option_context_new (N_("FILE"));
  g_autoptr(GError) error = NULL;
  g_autoptr(FtlDataset) dataset = NULL;
  g_autoptr(FtlModel) model = NULL;
  g_autoptr(FtlTokenizer) tokenizer = NULL;
  FtlDatasetStats stats;
  FtlHyperparams hp;
  GOptionEntry entries[] = {
    { "model", 'm', 0, G_OPTION_ARG_FILENAME, &model_path, N_("Count tokens as this model does (default: the built-in base model)"), N_("FILE") },
    { "n-epochs", 0, 0, G_OPTION_ARG_INT, &n_epochs, N_("Epochs for the billed-token estimate (default: auto)"), "N" },
    { NULL }
  };

  g_option_context_set_summary (context,
                                N_("Checks a chat fine-tuning file (OpenAI's JSONL format) with OpenAI's "
                                   "rules and prints its statistics. Exit status: 0 valid, 1 invalid, "
                                   "2 when the file or the model can't be read."));
  g_option_context_add_main_entries (context, entries, NULL);
  if (!ftl_cli_parse (context, &argc, &argv))
    return 2;
  if (argc != 2)
    {
      ftl_cli_error (argv[0], _("give one FILE"));
      return 2;
    }

  dataset = ftl_dataset_load_file (argv[1], &error);
  if (dataset == NULL)
    {
      fprintf (stderr, "%s: %s\n", argv[0], error->message);
      return 2;
    }
  gboolean valid = print_issues (dataset);

  model = ftl_cli_load_model (model_path, &tokenizer, NULL, &error);
  if (model == NULL)
    {
      fprintf (stderr, "%s: %s\n", argv[0], error->message);
      return 2;
    }
  int context_length = ftl_model_get_config (model)->context_length;
  ftl_dataset_compute_stats (dataset, tokenizer, context_length, &stats);
  ftl_hyperparams_init (&hp);
  hp.n_epochs = MAX (0, n_epochs);
  hp.seed = 0;
  ftl_hyperparams_resolve (&hp, stats.n_examples);

  /* Translators: the verdict on a training file, after its name. */
  printf ("%s: %s\n", argv[1], valid ? _("valid") : _("INVALID"));
  /* Translators: the labels of the file's statistics, in a column 32
   * characters wide (a Korean character counts as two). */
  ftl_cli_print_row (_("examples"), "%u", stats.n_examples);
  ftl_cli_print_row (_("problems"), "%u", ftl_dataset_get_n_errors (dataset));
  if (stats.n_examples > 0)
    {
      print_distribution (_("messages per example"), &stats.messages_per_example);
      print_distribution (_("tokens per example"), &stats.tokens_per_example);
      print_distribution (_("assistant tokens per example"), &stats.assistant_tokens_per_example);
    }
  ftl_cli_print_row (_("examples without a system message"), "%u", stats.n_missing_system);
  ftl_cli_print_row (_("examples without a user message"), "%u", stats.n_missing_user);
  if (stats.n_over_context > 0)
    ftl_cli_print_row (_("examples over the context"), _("%u (they will be truncated from the end)"),
                       stats.n_over_context);
  else
    ftl_cli_print_row (_("examples over the context"), "%u", stats.n_over_context);
  ftl_cli_print_row (_("context length"),
                     g_dngettext (GETTEXT_PACKAGE, "%d token", "%d tokens", context_length),
                     context_length);
  ftl_cli_print_row (_("tokens in the dataset"), "%llu", (unsigned long long) stats.total_tokens);
  if (n_epochs > 0)
    ftl_cli_print_row (_("billed tokens"),
                       /* Translators: %llu is the number of tokens billed, %d the number of epochs. */
                       g_dngettext (GETTEXT_PACKAGE, "%llu (%d epoch)", "%llu (%d epochs)", hp.n_epochs),
                       (unsigned long long) stats.total_tokens * hp.n_epochs, hp.n_epochs);
  else
    ftl_cli_print_row (_("billed tokens"),
                       /* Translators: %llu is the number of tokens billed, %d the number of
                        * epochs that “auto” picks for this file. */
                       g_dngettext (GETTEXT_PACKAGE, "%llu (%d epoch, auto)", "%llu (%d epochs, auto)",
                                    hp.n_epochs),
                       (unsigned long long) stats.total_tokens * hp.n_epochs, hp.n_epochs);
  return valid ? 0 : 1;
}

int
ftl_cli_tokens (int    argc,
                char **argv)
{
  g_autofree char *model_path = NULL;
  int line = 0;
  g_autoptr(GOptionContext) context = g_option_context_new (N_("FILE"));
  g_autoptr(GError) error = NULL;
  g_autoptr(FtlDataset) dataset = NULL;
  g_autoptr(FtlModel) model = NULL;
  g_autoptr(FtlTokenizer) tokenizer = NULL;
  GOptionEntry entries[] = {
    { "model", 'm', 0, G_OPTION_ARG_FILENAME, &model_path, N_("Tokenize as this model does (default: the built-in base model)"), N_("FILE") },
    { "line", 'l', 0, G_OPTION_ARG_INT, &line, N_("The example on this line (default: the first)"), "N" },
    { NULL }
  };

  g_option_context_set_summary (context,
                                N_("Shows an example as the model reads it: one token per line with its "
                                   "id; “+” marks the tokens the loss is computed on (what the model "
                                   "learns to say)."));
  g_option_context_add_main_entries (context, entries, NULL);
  if (!ftl_cli_parse (context, &argc, &argv))
    return 2;
  if (argc != 2)
    {
      ftl_cli_error (argv[0], _("give one FILE"));
      return 2;
    }
  dataset = ftl_dataset_load_file (argv[1], &error);
  model = dataset != NULL ? ftl_cli_load_model (model_path, &tokenizer, NULL, &error) : NULL;
  if (model == NULL)
    {
      fprintf (stderr, "%s: %s\n", argv[0], error->message);
      return 2;
    }

  for (guint i = 0; i < ftl_dataset_get_n_examples (dataset); i++)
    {
      int n_messages, example_line;
      g_autoptr(GArray) tokens = g_array_new (FALSE, FALSE, sizeof (int));
      g_autoptr(GArray) mask = g_array_new (FALSE, FALSE, sizeof (float));

      ftl_dataset_get_example (dataset, i, &n_messages, &example_line);
      if (line != 0 && example_line != line)
        continue;
      ftl_dataset_render_example (dataset, i, tokenizer, ftl_model_get_config (model)->context_length,
                                  tokens, mask);
      /* FILE:LINE, as `validate` names a line, then the count. */
      printf ("%s:%d: ", argv[1], example_line);
      printf (g_dngettext (GETTEXT_PACKAGE, "%u token", "%u tokens", tokens->len), tokens->len);
      printf ("\n");
      for (guint t = 0; t < tokens->len; t++)
        {
          int id = g_array_index (tokens, int, t);
          gsize length;
          const char *bytes = ftl_tokenizer_get_token_bytes (tokenizer, id, &length);
          g_autofree char *raw = g_strndup (bytes, length);
          g_autofree char *escaped = g_strescape (raw, NULL);

          printf ("%c %5d  %s\n", g_array_index (mask, float, t) > 0.f ? '+' : ' ', id, escaped);
        }
      return 0;
    }

  if (line != 0)
    ftl_cli_error (argv[0], _("no valid example on line %d"), line);
  else
    ftl_cli_error (argv[0], _("the file has no valid example"));
  print_issues (dataset);
  return 1;
}

typedef struct
{
  gboolean json;
} TrainOutput;

static void
print_json (JsonNode *node)
{
  g_autofree char *text = json_to_string (node, FALSE);

  printf ("%s\n", text);
  fflush (stdout);
}

static void
on_event (const FtlJob      *job,
          const FtlJobEvent *event,
          gpointer           user_data)
{
  const TrainOutput *output = user_data;

  if (output->json)
    {
      g_autoptr(JsonNode) node = ftl_job_event_to_json (event);

      print_json (node);
    }
  else
    {
      /* The status as OpenAI names it; the message in the user's language. */
      printf ("[%s] %s", ftl_job_status_to_string (job->status), event->display_message);
      if (event->has_metrics && isfinite (event->metrics.learning_rate))
        {
          /* Translators: lr is the learning rate. */
          g_autofree char *figures = g_strdup_printf (_("lr %.2e, grad norm %.2f, %.0f tokens/s"),
                                                      event->metrics.learning_rate,
                                                      event->metrics.grad_norm,
                                                      event->metrics.tokens_per_second);

          printf ("  (%s)", figures);
        }
      printf ("\n");
      fflush (stdout);
    }
}

int
ftl_cli_fine_tune (const char *training_file,
                   const char *validation_file,
                   const char *model_path,
                   const char *output,
                   const char *n_epochs,
                   const char *batch_size,
                   const char *learning_rate_multiplier,
                   gint64      seed,
                   const char *suffix,
                   gboolean    json,
                   int         threads)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FtlDataset) training = NULL, validation = NULL;
  g_autoptr(FtlModel) model = NULL;
  g_autoptr(FtlTokenizer) tokenizer = NULL;
  g_autoptr(FtlJob) job = NULL;
  FtlModelFileInfo info = { 0 };
  FtlHyperparams hp;
  TrainOutput out = { json };
  int status;

  ftl_cli_set_threads (threads);
  ftl_hyperparams_init (&hp);
  hp.seed = seed;
  hp.suffix = g_strdup (suffix);
  if ((n_epochs != NULL && !ftl_hyperparams_set_from_string (&hp, "n_epochs", n_epochs, &error)) ||
      (batch_size != NULL && !ftl_hyperparams_set_from_string (&hp, "batch_size", batch_size, &error)) ||
      (learning_rate_multiplier != NULL &&
       !ftl_hyperparams_set_from_string (&hp, "learning_rate_multiplier", learning_rate_multiplier, &error)) ||
      !ftl_hyperparams_validate (&hp, &error))
    {
      fprintf (stderr, "train: %s\n", error->message);
      ftl_hyperparams_clear (&hp);
      return 2;
    }

  training = ftl_dataset_load_file (training_file, &error);
  if (training != NULL && validation_file != NULL)
    validation = ftl_dataset_load_file (validation_file, &error);
  if (training != NULL && (validation_file == NULL || validation != NULL))
    model = ftl_cli_load_model (model_path, &tokenizer, &info, &error);
  if (model == NULL)
    {
      fprintf (stderr, "train: %s\n", error->message);
      ftl_hyperparams_clear (&hp);
      return 2;
    }

  FtlFineTuneSetup setup = {
    .model = model,
    .tokenizer = tokenizer,
    .base_model_name = info.name,
    .base_learning_rate = info.learning_rate,
    .training = training,
    .training_file = training_file,
    .validation = validation,
    .validation_file = validation_file,
    .output_path = output,
  };
  job = ftl_fine_tune_run (&setup, &hp, NULL, on_event, &out);

  if (json)
    {
      g_autoptr(JsonNode) node = ftl_job_to_json (job);

      print_json (node);
    }
  else if (job->status == FTL_JOB_SUCCEEDED)
    {
      g_autofree char *job_path = ftl_fine_tune_job_path (output);

      /* Translators: %s is the model's name, ft:BASE:SUFFIX:JOB. */
      g_autofree char *model_line = g_strdup_printf (_("Fine-tuned model %s"), job->fine_tuned_model);
      /* Translators: %s is the model file. */
      g_autofree char *saved_line = g_strdup_printf (_("saved as %s"), output);
      /* Translators: %s is the file of the job's record. */
      g_autofree char *record_line = g_strdup_printf (_("job record %s"), job_path);

      printf ("%s\n  %s\n  %s\n", model_line, saved_line, record_line);
    }
  else if (job->status == FTL_JOB_FAILED)
    {
      /* Problems in the training file, one per line, as `validate` prints them. */
      if (!ftl_dataset_is_valid (training))
        print_issues (training);
      if (validation != NULL && !ftl_dataset_is_valid (validation))
        print_issues (validation);
    }

  status = job->status == FTL_JOB_SUCCEEDED ? 0 : 1;
  ftl_hyperparams_clear (&hp);
  ftl_model_file_info_clear (&info);
  return status;
}

int
ftl_cli_results (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (N_("JOB"));
  g_autoptr(GError) error = NULL;
  g_autoptr(FtlJob) job = NULL;
  g_autofree char *csv = NULL;

  g_option_context_set_summary (context,
                                N_("Prints OpenAI's results file of a job (step, train_loss, "
                                   "train_accuracy, valid_loss, valid_mean_token_accuracy) as CSV. JOB is "
                                   "the .job.json file `train` writes beside the model."));
  if (!ftl_cli_parse (context, &argc, &argv))
    return 2;
  if (argc != 2)
    {
      ftl_cli_error (argv[0], _("give one JOB file"));
      return 2;
    }
  job = ftl_job_load (argv[1], &error);
  if (job == NULL)
    {
      fprintf (stderr, "%s: %s\n", argv[0], error->message);
      return 2;
    }
  csv = ftl_job_results_csv (job);
  fputs (csv, stdout);
  return 0;
}
