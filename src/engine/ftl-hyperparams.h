/* ftl-hyperparams.h — the hyperparameters of a fine-tuning job, named and
 * resolved as OpenAI's fine-tuning API does. */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define FTL_HYPERPARAM_AUTO 0

typedef struct
{
  int     n_epochs;                  /* 1 … 50, or FTL_HYPERPARAM_AUTO */
  int     batch_size;                /* 1 … 256, or FTL_HYPERPARAM_AUTO */
  double  learning_rate_multiplier;  /* (0, 10], or FTL_HYPERPARAM_AUTO */
  gint64  seed;                      /* 0 … 2147483647, or −1 = pick one */
  char   *suffix;                    /* NULL or 1 … 64 of [A-Za-z0-9-_] */
} FtlHyperparams;

void     ftl_hyperparams_init   (FtlHyperparams *hp);
void     ftl_hyperparams_clear  (FtlHyperparams *hp);

/* Checks ranges; the error names the parameter and its allowed values. */
gboolean ftl_hyperparams_validate (const FtlHyperparams *hp,
                                   GError              **error);

/* Parses "auto" or a number for one of the three numeric hyperparameters
 * ("n_epochs", "batch_size", "learning_rate_multiplier") into hp. */
gboolean ftl_hyperparams_set_from_string (FtlHyperparams *hp,
                                          const char     *name,
                                          const char     *value,
                                          GError        **error);

/* Replaces every auto value with what it resolves to for a training file of
 * n_examples examples, and picks a seed if none was given:
 *  - n_epochs: OpenAI's cookbook rule — 3, raised to min(25, 100 / n) when
 *    n · 3 < 100 and lowered to max(1, 25000 / n) when n · 3 > 25000, so small
 *    files are seen about 100 times and huge ones about 25000 examples' worth.
 *  - batch_size: OpenAI's (legacy) rule — 0.2 % of the examples, rounded,
 *    between 1 and 256.
 *  - learning_rate_multiplier: OpenAI's (legacy) rule — 0.05, 0.1 or 0.2 for
 *    batches of up to 4, up to 16, and larger: bigger batches average out
 *    more noise, so they take larger steps.
 * The effective learning rate is the base model's own (stored in its GGUF)
 * times the multiplier. */
void     ftl_hyperparams_resolve (FtlHyperparams *hp,
                                  guint           n_examples);

/* The "hyperparameters" object of OpenAI's job request and job object:
 * n_epochs, batch_size and learning_rate_multiplier, each "auto" or its
 * number (seed and suffix stand beside it there). */
JsonNode *ftl_hyperparams_to_json (const FtlHyperparams *hp);

G_END_DECLS
