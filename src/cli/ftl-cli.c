/* ftl-cli.c — helpers the commands share. */
#include "ftl-cli.h"

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
    { "temperature", 0, 0, G_OPTION_ARG_DOUBLE, &s->temperature, "Sampling temperature, 0 = greedy (default 0.7)", "T" },
    { "top-p", 0, 0, G_OPTION_ARG_DOUBLE, &s->top_p, "Nucleus sampling mass (default 0.9)", "P" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &s->seed, "Random seed (default 0)", "N" },
    { "max-tokens", 0, 0, G_OPTION_ARG_INT, &s->max_tokens, "Most tokens per reply (default 128)", "N" },
    { "threads", 0, 0, G_OPTION_ARG_INT, &s->threads, "Threads to use (default: one per core)", "N" },
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
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "--temperature must be between 0 and 10");
      return FALSE;
    }
  if (!(s->top_p > 0.0 && s->top_p <= 1.0))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "--top-p must be above 0 and at most 1");
      return FALSE;
    }
  if (s->max_tokens < 1)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "--max-tokens must be at least 1");
      return FALSE;
    }
  if (s->seed < 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "--seed must not be negative");
      return FALSE;
    }
  params->temperature = (float) s->temperature;
  params->top_p = (float) s->top_p;
  params->seed = (guint64) s->seed;
  params->max_tokens = s->max_tokens;
  return TRUE;
}

gboolean
ftl_cli_parse (GOptionContext *context,
               int            *argc,
               char         ***argv)
{
  g_autoptr(GError) error = NULL;

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
