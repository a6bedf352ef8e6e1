/* ftl-report.c — the run report: one HTML page with everything inline (the
 * style, the plot as a data: URI, the CSV), so it opens anywhere offline
 * and survives being mailed as one attachment. */
#include "ftl-report.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ftl-chat.h"
#include "ftl-dataset.h"
#include "ftl-eval.h"
#include "ftl-generate.h"
#include "ftl-model-file.h"

/* ---- overfitting ----------------------------------------------------------- */

int
ftl_report_find_overfitting (const FtlTrainMetrics *metrics,
                             guint                  n_metrics,
                             double                 smoothing)
{
  g_autofree guint *points = g_new (guint, MAX (n_metrics, 1));
  g_autofree double *smoothed = g_new (double, MAX (n_metrics, 1));
  double ema = 0, weight = 1, last = NAN;
  guint n_points = 0;

  g_return_val_if_fail (metrics != NULL || n_metrics == 0, 0);

  /* The plot's curve: a debiased EMA that skips losses that are not numbers. */
  for (guint i = 0; i < n_metrics; i++)
    {
      if (isfinite (metrics[i].train_loss))
        {
          ema = smoothing * ema + (1 - smoothing) * metrics[i].train_loss;
          weight *= smoothing;
          last = ema / (1 - weight);
        }
      smoothed[i] = last;
      if (isfinite (metrics[i].full_valid_loss))
        points[n_points++] = i;
    }

  for (guint k = 0; k + 2 < n_points; k++)
    {
      guint a = points[k], b = points[k + 1], c = points[k + 2];

      if (metrics[b].full_valid_loss > metrics[a].full_valid_loss &&
          metrics[c].full_valid_loss > metrics[b].full_valid_loss &&
          smoothed[b] < smoothed[a] && smoothed[c] < smoothed[b])
        return metrics[a].step;
    }
  return 0;
}

/* ---- HTML ------------------------------------------------------------------ */

void
ftl_report_reply_clear (FtlReportReply *reply)
{
  g_clear_pointer (&reply->prompt, g_free);
  g_clear_pointer (&reply->base_reply, g_free);
  g_clear_pointer (&reply->tuned_reply, g_free);
}

/* Text as HTML: escaped for element content and quoted attribute values
 * alike (& < > " '). A model's reply may hold invalid UTF-8; it is repaired
 * first, as the escaper needs valid text. */
static void
append_text (GString    *html,
             const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  g_autofree char *escaped = g_markup_escape_text (valid, -1);

  g_string_append (html, escaped);
}

static void G_GNUC_PRINTF (2, 3)
append_textf (GString    *html,
              const char *format,
              ...)
{
  va_list args;
  g_autofree char *text = NULL;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  append_text (html, text);
}

/* A number as the page shows it, in every locale. */
static char *
format_number (double value,
               int    decimals)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *format = g_strdup_printf ("%%.%df", decimals);

  if (!isfinite (value))
    return g_strdup ("—");
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, format, value));
}

static char *
format_time (gint64 unix_seconds)
{
  g_autoptr(GDateTime) utc = unix_seconds > 0 ? g_date_time_new_from_unix_utc (unix_seconds) : NULL;
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

  return local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M:%S") : g_strdup ("—");
}

static void
append_row (GString    *html,
            const char *label,
            const char *value)
{
  g_string_append (html, "<tr><th scope=\"row\">");
  append_text (html, label);
  g_string_append (html, "</th><td>");
  append_text (html, value != NULL ? value : "—");
  g_string_append (html, "</td></tr>\n");
}

static char *
requested_int (int value)
{
  return value == FTL_HYPERPARAM_AUTO ? g_strdup (_("auto")) : g_strdup_printf ("%d", value);
}

static char *
requested_multiplier (double value)
{
  return value == FTL_HYPERPARAM_AUTO ? g_strdup (_("auto")) : format_number (value, 3);
}

static void
append_hyperparameter (GString    *html,
                       const char *name,
                       const char *requested,
                       const char *resolved)
{
  g_string_append (html, "<tr><th scope=\"row\"><code>");
  append_text (html, name);
  g_string_append (html, "</code></th><td>");
  append_text (html, requested);
  g_string_append (html, "</td><td>");
  append_text (html, resolved);
  g_string_append (html, "</td></tr>\n");
}

static void
append_style (GString *html)
{
  g_string_append (html,
    "<style>\n"
    "body { font-family: Cantarell, 'Noto Sans', sans-serif; max-width: 60em; margin: 2em auto;"
    " padding: 0 1em; line-height: 1.45; color: #1e1e1e; background: #fafafa; }\n"
    "h1 { font-size: 1.6em; margin-bottom: 0.2em; }\n"
    "h2 { font-size: 1.2em; margin-top: 2em; border-bottom: 1px solid #ccc; }\n"
    "table { border-collapse: collapse; margin: 0.5em 0; }\n"
    "th, td { text-align: left; padding: 0.25em 0.8em; border-bottom: 1px solid #e0e0e0;"
    " vertical-align: top; }\n"
    "td.number { text-align: right; font-variant-numeric: tabular-nums; }\n"
    "img { max-width: 100%; border: 1px solid #ddd; border-radius: 6px; }\n"
    "pre { background: #f0f0f0; padding: 0.8em; overflow-x: auto; font-size: 0.85em; }\n"
    ".status-failed, .error { color: #c01c28; }\n"
    ".status-succeeded { color: #26a269; }\n"
    ".note { background: #fdf6e3; border-left: 4px solid #e5a50a; padding: 0.5em 1em; }\n"
    ".reply { white-space: pre-wrap; }\n"
    "footer { margin-top: 3em; color: #777; font-size: 0.85em; }\n"
    "</style>\n");
}

static void
append_summary (GString      *html,
                const FtlJob *job)
{
  g_autofree char *created = format_time (job->created_at);
  g_autofree char *finished = format_time (job->finished_at);
  g_autofree char *tokens = g_strdup_printf ("%" G_GINT64_FORMAT, job->trained_tokens);

  g_string_append (html, "<section id=\"summary\">\n<h2>");
  append_text (html, _("The run"));
  g_string_append (html, "</h2>\n<table>\n");
  append_row (html, _("Job"), job->id);
  append_row (html, _("Status"), ftl_job_status_to_string (job->status));
  append_row (html, _("Base model"), job->model);
  append_row (html, _("Fine-tuned model"), job->fine_tuned_model);
  append_row (html, _("Training file"), job->training_file);
  append_row (html, _("Validation file"), job->validation_file);
  append_row (html, _("Started"), created);
  append_row (html, _("Finished"), finished);
  append_row (html, _("Trained tokens"), tokens);
  g_string_append (html, "</table>\n");
  if (job->status == FTL_JOB_FAILED)
    {
      g_string_append (html, "<p class=\"error\"><strong>");
      append_text (html, job->error_code != NULL ? job->error_code : "error");
      g_string_append (html, "</strong>: ");
      append_text (html, ftl_job_get_error_display_message (job));
      g_string_append (html, "</p>\n");
    }
  g_string_append (html, "</section>\n");
}

static void
append_hyperparameters (GString      *html,
                        const FtlJob *job)
{
  const FtlHyperparams *asked = &job->hyperparameters;
  const FtlHyperparams *used = &job->resolved;
  g_autofree char *epochs_asked = requested_int (asked->n_epochs);
  g_autofree char *epochs_used = g_strdup_printf ("%d", used->n_epochs);
  g_autofree char *batch_asked = requested_int (asked->batch_size);
  g_autofree char *batch_used = g_strdup_printf ("%d", used->batch_size);
  g_autofree char *lrm_asked = requested_multiplier (asked->learning_rate_multiplier);
  g_autofree char *lrm_used = format_number (used->learning_rate_multiplier, 3);
  g_autofree char *seed_asked = asked->seed < 0 ? g_strdup (_("random"))
                                                : g_strdup_printf ("%" G_GINT64_FORMAT, asked->seed);
  g_autofree char *seed_used = g_strdup_printf ("%" G_GINT64_FORMAT, used->seed);
  char base[G_ASCII_DTOSTR_BUF_SIZE], rate[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (html, "<section id=\"hyperparameters\">\n<h2>");
  append_text (html, _("Hyperparameters"));
  g_string_append (html, "</h2>\n<table>\n<tr><th>");
  append_text (html, _("Name"));
  g_string_append (html, "</th><th>");
  append_text (html, _("Requested"));
  g_string_append (html, "</th><th>");
  append_text (html, _("Used"));
  g_string_append (html, "</th></tr>\n");
  append_hyperparameter (html, "n_epochs", epochs_asked, epochs_used);
  append_hyperparameter (html, "batch_size", batch_asked, batch_used);
  append_hyperparameter (html, "learning_rate_multiplier", lrm_asked, lrm_used);
  append_hyperparameter (html, "seed", seed_asked, seed_used);
  append_hyperparameter (html, "suffix", asked->suffix != NULL ? asked->suffix : "—",
                         asked->suffix != NULL ? asked->suffix : "—");
  g_string_append (html, "</table>\n<p>");
  g_ascii_formatd (base, sizeof base, "%g", job->base_learning_rate);
  g_ascii_formatd (rate, sizeof rate, "%g", job->base_learning_rate * used->learning_rate_multiplier);
  /* Translators: the base model's learning rate, the multiplier, the product. */
  append_textf (html, _("Learning rate: the base model’s %s × %s = %s."), base, lrm_used, rate);
  g_string_append (html, "</p>\n</section>\n");
}

static void
append_plot (GString         *html,
             const FtlReport *report,
             int              overfitting_step)
{
  g_string_append (html, "<section id=\"loss-plot\">\n<h2>");
  append_text (html, _("Loss"));
  g_string_append (html, "</h2>\n");
  if (report->plot_png != NULL)
    {
      gsize size;
      const guchar *data = g_bytes_get_data (report->plot_png, &size);
      g_autofree char *base64 = g_base64_encode (data, size);

      g_string_append (html, "<img src=\"data:image/png;base64,");
      g_string_append (html, base64);
      g_string_append (html, "\" alt=\"");
      append_text (html, _("The training loss per step, smoothed, with the validation loss"));
      g_string_append (html, "\">\n");
    }
  if (overfitting_step > 0)
    {
      g_string_append (html, "<p class=\"note\">");
      append_textf (html, _("Overfitting starts at step %d: after it the validation loss rises "
                             "at two full validations in a row while the training loss keeps "
                             "falling. The model is memorizing its examples rather than learning "
                             "what they have in common."), overfitting_step);
      g_string_append (html, "</p>\n");
    }
  g_string_append (html, "</section>\n");
}

static void
append_metric_cell (GString *html,
                    double   value)
{
  g_autofree char *text = format_number (value, 3);

  g_string_append (html, "<td class=\"number\">");
  append_text (html, text);
  g_string_append (html, "</td>");
}

static void
append_metrics (GString      *html,
                const FtlJob *job)
{
  g_autofree char *csv = ftl_job_results_csv (job);
  g_autofree char *csv64 = g_base64_encode ((const guchar *) csv, strlen (csv));

  g_string_append (html, "<section id=\"metrics\">\n<h2>");
  append_text (html, _("Metrics"));
  g_string_append (html, "</h2>\n");
  if (job->metrics->len == 0)
    {
      g_string_append (html, "<p>");
      append_text (html, _("The run ended before its first step."));
      g_string_append (html, "</p>\n</section>\n");
      return;
    }

  g_string_append (html, "<table>\n<tr>");
  const char *headings[] = {
    _("Epoch"), _("Steps"), _("Mean training loss"), _("Last training loss"),
    _("Training accuracy"), _("Full validation loss"), _("Full validation accuracy"),
  };
  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    {
      g_string_append (html, "<th>");
      append_text (html, headings[i]);
      g_string_append (html, "</th>");
    }
  g_string_append (html, "</tr>\n");

  /* One row per epoch: its steps' mean loss, where it ended, and the full
   * validation made at its end. */
  for (guint first = 0; first < job->metrics->len;)
    {
      const FtlTrainMetrics *m = &g_array_index (job->metrics, FtlTrainMetrics, first);
      guint last = first;
      double sum = 0;
      guint n = 0;

      while (last + 1 < job->metrics->len &&
             g_array_index (job->metrics, FtlTrainMetrics, last + 1).epoch == m->epoch)
        last++;
      for (guint i = first; i <= last; i++)
        {
          double loss = g_array_index (job->metrics, FtlTrainMetrics, i).train_loss;

          if (isfinite (loss))
            {
              sum += loss;
              n++;
            }
        }
      const FtlTrainMetrics *end = &g_array_index (job->metrics, FtlTrainMetrics, last);

      g_string_append_printf (html, "<tr><td class=\"number\">%d</td><td class=\"number\">%d–%d</td>",
                              m->epoch, m->step, end->step);
      append_metric_cell (html, n > 0 ? sum / n : NAN);
      append_metric_cell (html, end->train_loss);
      append_metric_cell (html, end->train_accuracy);
      append_metric_cell (html, end->full_valid_loss);
      append_metric_cell (html, end->full_valid_accuracy);
      g_string_append (html, "</tr>\n");
      first = last + 1;
    }
  g_string_append (html, "</table>\n<details>\n<summary>");
  append_text (html, _("Every step (OpenAI’s results CSV)"));
  g_string_append (html, "</summary>\n<p><a download=\"results.csv\" href=\"data:text/csv;base64,");
  g_string_append (html, csv64);
  g_string_append (html, "\">");
  append_text (html, _("Download results.csv"));
  g_string_append (html, "</a></p>\n<pre>");
  append_text (html, csv);
  g_string_append (html, "</pre>\n</details>\n</section>\n");
}

static void
append_replies (GString         *html,
                const FtlReport *report)
{
  g_string_append (html, "<section id=\"replies\">\n<h2>");
  append_text (html, _("Replies before and after"));
  g_string_append (html, "</h2>\n<p>");
  if (report->n_replies == 0)
    {
      append_text (html, _("There are no held-out prompts for this training file (a file "
                           "FILE.prompts.txt beside it, or a validation file, provides them)."));
      g_string_append (html, "</p>\n</section>\n");
      return;
    }
  /* Translators: %d is a number, the random seed. */
  append_textf (html, _("Prompts the model never trained on, answered by the base model and by the "
                        "fine-tuned one (temperature 0.7, top-p 0.9, seed %d)."), FTL_REPORT_SEED);
  if (report->tuned_model == NULL)
    {
      g_string_append (html, " ");
      append_text (html, _("This run made no model (it ended before its first checkpoint), so "
                           "there are no replies after fine-tuning."));
    }
  g_string_append (html, "</p>\n");
  if (report->system_message != NULL)
    {
      g_string_append (html, "<p>");
      append_text (html, _("System message:"));
      g_string_append (html, " <q>");
      append_text (html, report->system_message);
      g_string_append (html, "</q></p>\n");
    }

  g_string_append (html, "<table>\n<tr><th>");
  append_text (html, _("Prompt"));
  g_string_append (html, "</th><th>");
  append_text (html, _("Base model"));
  g_string_append (html, "</th><th>");
  append_text (html, _("Fine-tuned model"));
  g_string_append (html, "</th></tr>\n");
  for (guint i = 0; i < report->n_replies; i++)
    {
      const FtlReportReply *r = &report->replies[i];

      g_string_append (html, "<tr><td>");
      append_text (html, r->prompt);
      g_string_append (html, "</td><td class=\"reply\">");
      append_text (html, r->base_reply != NULL ? r->base_reply : "—");
      g_string_append (html, "</td><td class=\"reply\">");
      append_text (html, r->tuned_reply != NULL ? r->tuned_reply : "—");
      g_string_append (html, "</td></tr>\n");
    }
  g_string_append (html, "</table>\n</section>\n");
}

char *
ftl_report_to_html (const FtlReport *report)
{
  const FtlJob *job;
  GString *html;
  int overfitting;

  g_return_val_if_fail (report != NULL && report->job != NULL, NULL);

  job = report->job;
  html = g_string_new (NULL);
  overfitting = ftl_report_find_overfitting ((const FtlTrainMetrics *) job->metrics->data,
                                             job->metrics->len, report->smoothing);
  g_autofree char *generated = format_time (report->generated_at);
  const char *name = job->hyperparameters.suffix != NULL ? job->hyperparameters.suffix : job->id;

  g_string_append (html, "<!DOCTYPE html>\n<html lang=\"");
  /* Translators: the language code of your translation (e.g. "ko"), for the report's <html lang>. */
  append_text (html, _("en"));
  g_string_append (html, "\">\n<head>\n<meta charset=\"utf-8\">\n"
                         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                         "<meta name=\"generator\" content=\"Fine-Tune Lab\">\n<title>");
  /* Translators: %s is the run's model name suffix or its job id. */
  append_textf (html, _("Fine-tuning report: %s"), name);
  g_string_append (html, "</title>\n");
  append_style (html);
  g_string_append (html, "</head>\n<body>\n<header>\n<h1>");
  append_textf (html, _("Fine-tuning report: %s"), name);
  g_string_append_printf (html, "</h1>\n<p class=\"status-%s\">", ftl_job_status_to_string (job->status));
  append_textf (html, _("Status: %s"), ftl_job_status_to_string (job->status));
  g_string_append (html, "</p>\n</header>\n");

  append_summary (html, job);
  append_hyperparameters (html, job);
  append_plot (html, report, overfitting);
  append_metrics (html, job);
  append_replies (html, report);

  g_string_append (html, "<footer>");
  /* Translators: %s is a date and time. */
  append_textf (html, _("Made by Fine-Tune Lab on %s."), generated);
  g_string_append (html, "</footer>\n</body>\n</html>\n");
  return g_string_free (html, FALSE);
}

/* ---- replies --------------------------------------------------------------- */

const char *
ftl_report_tuned_model (const FtlJob *job)
{
  g_return_val_if_fail (job != NULL, NULL);

  if (job->status == FTL_JOB_SUCCEEDED && job->fine_tuned_model_path != NULL)
    return job->fine_tuned_model_path;
  if (job->checkpoints->len > 0)
    return ((const FtlJobCheckpoint *) g_ptr_array_index (job->checkpoints,
                                                          job->checkpoints->len - 1))->path;
  return NULL;
}

static GStrv
truncate_strv (GStrv  lines,
               guint  max)
{
  if (lines != NULL && g_strv_length (lines) > max)
    {
      for (guint i = max; lines[i] != NULL; i++)
        g_clear_pointer (&lines[i], g_free);
    }
  if (lines != NULL && lines[0] == NULL)
    g_clear_pointer (&lines, g_strfreev);
  return lines;
}

GStrv
ftl_report_held_out_prompts (const char *training_file,
                             const char *validation_file,
                             guint       max)
{
  g_return_val_if_fail (training_file != NULL, NULL);

  if (g_str_has_suffix (training_file, ".jsonl"))
    {
      g_autofree char *stem = g_strndup (training_file, strlen (training_file) - strlen (".jsonl"));
      g_autofree char *path = g_strconcat (stem, ".prompts.txt", NULL);
      GStrv lines = g_file_test (path, G_FILE_TEST_IS_REGULAR) ? ftl_eval_read_lines (path, NULL) : NULL;

      if ((lines = truncate_strv (lines, max)) != NULL)
        return lines;
    }

  if (validation_file != NULL)
    {
      g_autoptr(FtlDataset) dataset = ftl_dataset_load_file (validation_file, NULL);
      g_autoptr(GPtrArray) prompts = g_ptr_array_new ();

      for (guint i = 0; dataset != NULL && i < ftl_dataset_get_n_examples (dataset) && prompts->len < max; i++)
        {
          int n_messages = 0;
          const FtlChatMessage *messages = ftl_dataset_get_example (dataset, i, &n_messages, NULL);

          for (int k = 0; k < n_messages; k++)
            if (messages[k].role == FTL_ROLE_USER)
              {
                g_ptr_array_add (prompts, g_strdup (messages[k].content));
                break;
              }
        }
      if (prompts->len > 0)
        {
          g_ptr_array_add (prompts, NULL);
          return (GStrv) g_ptr_array_free (g_steal_pointer (&prompts), FALSE);
        }
    }
  return NULL;
}

char *
ftl_report_system_message (const char *training_file)
{
  g_autoptr(FtlDataset) dataset = NULL;
  int n_messages = 0;
  const FtlChatMessage *messages;

  g_return_val_if_fail (training_file != NULL, NULL);

  dataset = ftl_dataset_load_file (training_file, NULL);
  if (dataset == NULL || ftl_dataset_get_n_examples (dataset) == 0)
    return NULL;
  messages = ftl_dataset_get_example (dataset, 0, &n_messages, NULL);
  if (n_messages > 0 && messages[0].role == FTL_ROLE_SYSTEM)
    return g_strdup (messages[0].content);
  return NULL;
}

static char *
reply_to (FtlModel           *model,
          const FtlTokenizer *tokenizer,
          const char         *system_message,
          const char         *prompt,
          GError            **error)
{
  FtlChatMessage messages[2];
  int n = 0;
  int stops[] = {
    ftl_tokenizer_get_special (tokenizer, FTL_SPECIAL_IM_END),
    ftl_tokenizer_get_special (tokenizer, FTL_SPECIAL_ENDOFTEXT),
  };
  FtlSamplingParams params;
  g_autoptr(GArray) tokens = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) reply = NULL;

  if (system_message != NULL)
    messages[n++] = (FtlChatMessage) { FTL_ROLE_SYSTEM, system_message, 0.f };
  messages[n++] = (FtlChatMessage) { FTL_ROLE_USER, prompt, 0.f };
  ftl_chat_render (tokenizer, messages, n, TRUE, tokens, NULL);

  /* The same seed for every reply of both models: the difference between
   * them is the training, not the dice. */
  ftl_sampling_params_init (&params);
  params.seed = FTL_REPORT_SEED;
  params.max_tokens = FTL_REPORT_MAX_TOKENS;
  reply = ftl_generate (model, (const int *) tokens->data, tokens->len, stops, G_N_ELEMENTS (stops),
                        &params, NULL, NULL, NULL, error);
  if (reply == NULL)
    return NULL;
  return ftl_tokenizer_decode (tokenizer, (const int *) reply->data, reply->len, NULL);
}

/* Fills one field of every reply (base_reply or tuned_reply) from model_path. */
static gboolean
answer_all (GArray             *replies,
            const char         *model_path,
            gsize               field,
            const char         *system_message,
            GCancellable       *cancellable,
            GError            **error)
{
  g_autoptr(FtlTokenizer) tokenizer = NULL;
  FtlModel *model = ftl_model_file_load (model_path, &tokenizer, NULL, error);
  gboolean ok = model != NULL;

  for (guint i = 0; ok && i < replies->len; i++)
    {
      FtlReportReply *r = &g_array_index (replies, FtlReportReply, i);
      char **slot = G_STRUCT_MEMBER_P (r, field);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        ok = FALSE;
      else
        ok = (*slot = reply_to (model, tokenizer, system_message, r->prompt, error)) != NULL;
    }
  g_clear_pointer (&model, ftl_model_free);
  return ok;
}

GArray *
ftl_report_generate_replies (const char         *base_model,
                             const char         *tuned_model,
                             const char         *system_message,
                             const char * const *prompts,
                             GCancellable       *cancellable,
                             GError            **error)
{
  g_autoptr(GArray) replies = g_array_new (FALSE, TRUE, sizeof (FtlReportReply));

  g_return_val_if_fail (base_model != NULL, NULL);
  g_return_val_if_fail (prompts != NULL, NULL);

  g_array_set_clear_func (replies, (GDestroyNotify) ftl_report_reply_clear);
  for (guint i = 0; prompts[i] != NULL; i++)
    {
      FtlReportReply r = { .prompt = g_strdup (prompts[i]) };

      g_array_append_val (replies, r);
    }

  /* One model in memory at a time. */
  if (!answer_all (replies, base_model, G_STRUCT_OFFSET (FtlReportReply, base_reply),
                   system_message, cancellable, error))
    return NULL;
  if (tuned_model != NULL &&
      !answer_all (replies, tuned_model, G_STRUCT_OFFSET (FtlReportReply, tuned_reply),
                   system_message, cancellable, error))
    return NULL;
  return g_steal_pointer (&replies);
}

/* ---- all of it ------------------------------------------------------------- */

#define REPORT_PROMPTS 3

gboolean
ftl_report_write (const char    *record_path,
                  GBytes        *plot_png,
                  double         smoothing,
                  const char    *base_model,
                  const char    *output_path,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(FtlJob) job = NULL;
  g_auto(GStrv) prompts = NULL;
  g_autofree char *system_message = NULL;
  g_autoptr(GArray) replies = NULL;
  g_autofree char *html = NULL;
  const char *tuned_model;

  g_return_val_if_fail (record_path != NULL && base_model != NULL && output_path != NULL, FALSE);

  if ((job = ftl_job_load (record_path, error)) == NULL)
    return FALSE;
  tuned_model = ftl_report_tuned_model (job);
  if (job->training_file != NULL)
    {
      prompts = ftl_report_held_out_prompts (job->training_file, job->validation_file, REPORT_PROMPTS);
      system_message = ftl_report_system_message (job->training_file);
    }
  if (prompts != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      replies = ftl_report_generate_replies (base_model, tuned_model, system_message,
                                             (const char * const *) prompts, cancellable, &local_error);
      if (replies == NULL)
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                      _("Could not make the sample replies: "));
          return FALSE;
        }
    }

  FtlReport report = {
    .job = job,
    .plot_png = plot_png,
    .smoothing = smoothing,
    .tuned_model = tuned_model,
    .system_message = system_message,
    .replies = replies != NULL ? (const FtlReportReply *) replies->data : NULL,
    .n_replies = replies != NULL ? replies->len : 0,
    .generated_at = g_get_real_time () / G_USEC_PER_SEC,
  };
  html = ftl_report_to_html (&report);
  return g_file_set_contents (output_path, html, -1, error);
}
