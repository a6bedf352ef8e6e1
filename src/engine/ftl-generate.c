/* ftl-generate.c — sampling loop over the KV-cached forward pass. */
#include "ftl-generate.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

void
ftl_sampling_params_init (FtlSamplingParams *params)
{
  *params = (FtlSamplingParams) {
    .temperature = 0.7f,
    .top_p = 0.9f,
    .seed = 0,
    .max_tokens = 128,
  };
}

static int
argmax (const float *x,
        int          n)
{
  int best = 0;

  for (int i = 1; i < n; i++)
    if (x[i] > x[best])
      best = i;
  return best;
}

typedef struct
{
  float p;
  int   id;
} Candidate;

static int
compare_candidates (const void *a,
                    const void *b)
{
  const Candidate *x = a, *y = b;

  /* Descending probability, ties by id so the order is total. */
  if (x->p != y->p)
    return x->p < y->p ? 1 : -1;
  return x->id - y->id;
}

int
ftl_sample_token (float *logits,
                  int    V,
                  float  temperature,
                  float  top_p,
                  GRand *rand)
{
  if (temperature <= 0.f)
    return argmax (logits, V);

  float max = logits[argmax (logits, V)];
  double sum = 0.0;

  for (int i = 0; i < V; i++)
    {
      logits[i] = expf ((logits[i] - max) / temperature);
      sum += logits[i];
    }

  double u = g_rand_double (rand);

  if (top_p >= 1.f)
    {
      double target = u * sum, acc = 0.0;

      for (int i = 0; i < V; i++)
        {
          acc += logits[i];
          if (acc > target)
            return i;
        }
      return V - 1;
    }

  /* Nucleus: the smallest set of most likely tokens whose mass reaches top_p. */
  g_autofree Candidate *c = g_new (Candidate, (guint) V);
  double mass = 0.0, acc = 0.0;
  int n = 0;

  for (int i = 0; i < V; i++)
    c[i] = (Candidate) { (float) (logits[i] / sum), i };
  qsort (c, V, sizeof *c, compare_candidates);
  while (n < V && mass < top_p)
    mass += c[n++].p;
  for (int i = 0; i < n; i++)
    {
      acc += c[i].p;
      if (acc > u * mass)
        return c[i].id;
    }
  return c[n - 1].id;
}

static gboolean
is_stop (int        token,
         const int *stop_tokens,
         int        n_stop)
{
  for (int i = 0; i < n_stop; i++)
    if (stop_tokens[i] == token)
      return TRUE;
  return FALSE;
}

GArray *
ftl_generate (FtlModel                *model,
              const int               *prompt,
              int                      n_prompt,
              const int               *stop_tokens,
              int                      n_stop,
              const FtlSamplingParams *params,
              FtlTokenFunc             callback,
              gpointer                 user_data,
              FtlFinishReason         *finish_reason,
              GError                 **error)
{
  const FtlModelConfig *config = ftl_model_get_config (model);
  int V = config->vocab_size;
  guint32 seed_words[2] = { (guint32) params->seed, (guint32) (params->seed >> 32) };
  g_autoptr(GRand) rand = g_rand_new_with_seed_array (seed_words, 2);
  g_autoptr(FtlKVCache) cache = NULL;
  g_autoptr(GArray) out = g_array_new (FALSE, FALSE, sizeof (int));
  g_autofree float *logits = g_new (float, V);
  FtlFinishReason reason = FTL_FINISH_LENGTH;
  const float *next;

  if (n_prompt < 1 || n_prompt >= config->context_length)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The prompt has %d tokens; this model reads 1 to %d"),
                   n_prompt, config->context_length - 1);
      return NULL;
    }
  for (int i = 0; i < n_prompt; i++)
    if (prompt[i] < 0 || prompt[i] >= V)
      {
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                     _("Prompt token %d is outside the vocabulary"), prompt[i]);
        return NULL;
      }

  cache = ftl_kv_cache_new (model);
  next = ftl_model_forward_cached (model, cache, prompt, n_prompt);
  for (int produced = 0; produced < params->max_tokens; produced++)
    {
      memcpy (logits, next, V * sizeof (float));
      int token = ftl_sample_token (logits, V, params->temperature, params->top_p, rand);

      if (is_stop (token, stop_tokens, n_stop))
        {
          reason = FTL_FINISH_STOP;
          break;
        }
      g_array_append_val (out, token);
      if (callback != NULL && !callback (token, user_data))
        {
          reason = FTL_FINISH_CANCELLED;
          break;
        }
      if (ftl_kv_cache_get_length (cache) >= config->context_length)
        break;
      next = ftl_model_forward_cached (model, cache, &token, 1);
    }

  if (finish_reason != NULL)
    *finish_reason = reason;
  return g_steal_pointer (&out);
}
