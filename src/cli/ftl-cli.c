/* ftl-cli.c — helpers the commands share. */
#include "ftl-cli.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "ftl-data.h"
#include "ftl-runtime.h"

void
ftl_cli_set_threads (int n)
{
  ftl_runtime_set_threads (n);
}

void
ftl_cli_sampling_init (FtlCliSampling *s)
{
  FtlSamplingParams defaults;

  ftl_sampling_params_init (&defaults);
  s->temperature = defaults.temperature;
  s->top_p = defaults.top_p;
  s->seed = (gint64) defaults.seed;
  s->max_tokens = defaults.max_tokens;
  s->threads = 0;
}

GOptionEntry *
ftl_cli_sampling_entries (FtlCliSampling *s)
{
  GOptionEntry entries[] = {
    { "temperature", 0, 0, G_OPTION_ARG_DOUBLE, &s->temperature, N_("Sampling temperature, 0 = greedy (default 0.7)"), "T" },
    { "top-p", 0, 0, G_OPTION_ARG_DOUBLE, &s->top_p, N_("Nucleus sampling mass (default 0.9)"), "P" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &s->seed, N_("Random seed (default 0)"), "N" },
    { "max-tokens", 0, 0, G_OPTION_ARG_INT, &s->max_tokens, N_("Most tokens per reply (default 128)"), "N" },
    { "threads", 0, 0, G_OPTION_ARG_INT, &s->threads, N_("Threads to use (default: one per core)"), "N" },
    { NULL }
  };

  return g_memdup2 (entries, sizeof entries);
}

gboolean
ftl_cli_sampling_to_params (const FtlCliSampling *s,
                            FtlSamplingParams    *params,
                            GError              **error)
{
  if (!(s->temperature >= 0.0 && s->temperature <= 10.0))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("--temperature must be between 0 and 10"));
      return FALSE;
    }
  if (!(s->top_p > 0.0 && s->top_p <= 1.0))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("--top-p must be above 0 and at most 1"));
      return FALSE;
    }
  if (s->max_tokens < 1)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("--max-tokens must be at least 1"));
      return FALSE;
    }
  if (s->seed < 0)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("--seed must not be negative"));
      return FALSE;
    }
  params->temperature = (float) s->temperature;
  params->top_p = (float) s->top_p;
  params->seed = (guint64) s->seed;
  params->max_tokens = s->max_tokens;
  return TRUE;
}

char *
ftl_cli_pad (const char *label,
             int         columns)
{
  GString *padded = g_string_new (label);
  int width = 0;

  for (const char *p = label; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      width += g_unichar_iswide (c) ? 2 : g_unichar_iszerowidth (c) ? 0 : 1;
    }
  for (; width < columns; width++)
    g_string_append_c (padded, ' ');
  return g_string_free (padded, FALSE);
}

void
ftl_cli_print_row (const char *label,
                   const char *format,
                   ...)
{
  g_autofree char *value = NULL;
  g_autofree char *padded = ftl_cli_pad (label, 32);
  va_list args;

  va_start (args, format);
  value = g_strdup_vprintf (format, args);
  va_end (args);
  printf ("  %s %s\n", padded, value);
}

void
ftl_cli_error (const char *program,
               const char *format,
               ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  fprintf (stderr, "%s: %s\n", program, message);
}

gboolean
ftl_cli_parse (GOptionContext *context,
               int            *argc,
               char         ***argv)
{
  g_autoptr(GError) error = NULL;

  /* The options' descriptions are marked with N_(); groups other than the
   * main one set the domain themselves. */
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      fprintf (stderr, "%s: %s\n", (*argv)[0], error->message);
      return FALSE;
    }
  return TRUE;
}

FtlModel *
ftl_cli_load_model (const char        *path,
                    FtlTokenizer     **tokenizer,
                    FtlModelFileInfo  *info,
                    GError           **error)
{
  g_autofree char *base = path == NULL ? ftl_data_find_base_model () : NULL;

  return ftl_model_file_load (path != NULL ? path : base, tokenizer, info, error);
}
