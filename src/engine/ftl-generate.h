/* ftl-generate.h — KV-cached decoding with temperature, top-p and a seed. */
#pragma once

#include "ftl-model.h"

G_BEGIN_DECLS

typedef struct
{
  float   temperature;  /* 0 = greedy */
  float   top_p;        /* nucleus mass in (0, 1]; 1 = off */
  guint64 seed;
  int     max_tokens;
} FtlSamplingParams;

void ftl_sampling_params_init (FtlSamplingParams *params);

/* Called for each generated token; return FALSE to stop early. */
typedef gboolean (*FtlTokenFunc) (int      token,
                                  gpointer user_data);

typedef enum
{
  FTL_FINISH_STOP,      /* a stop token was produced */
  FTL_FINISH_LENGTH,    /* max_tokens or the context length was reached */
  FTL_FINISH_CANCELLED, /* the callback asked to stop */
} FtlFinishReason;

/* Feeds prompt[n_prompt] and samples until one of stop_tokens[n_stop] (not
 * included in the result, nor passed to the callback), max_tokens, the end of
 * the context, or the callback says stop. Returns the generated ids (GArray of
 * int). Deterministic for a given seed and thread count. */
GArray *ftl_generate (FtlModel                *model,
                      const int               *prompt,
                      int                      n_prompt,
                      const int               *stop_tokens,
                      int                      n_stop,
                      const FtlSamplingParams *params,
                      FtlTokenFunc             callback,
                      gpointer                 user_data,
                      FtlFinishReason         *finish_reason,
                      GError                 **error);

/* Picks a token from logits[V] (modified in place: they become
 * probabilities). rand supplies the randomness; greedy when temperature is 0. */
int     ftl_sample_token (float  *logits,
                          int     V,
                          float   temperature,
                          float   top_p,
                          GRand  *rand);

G_END_DECLS
