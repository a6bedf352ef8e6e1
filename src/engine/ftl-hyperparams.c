/* ftl-hyperparams.c — validation and auto resolution. */
#include "ftl-hyperparams.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>

void
ftl_hyperparams_init (FtlHyperparams *hp)
{
  *hp = (FtlHyperparams) {
    .n_epochs = FTL_HYPERPARAM_AUTO,
    .batch_size = FTL_HYPERPARAM_AUTO,
    .learning_rate_multiplier = FTL_HYPERPARAM_AUTO,
    .seed = -1,
    .suffix = NULL,
  };
}

void
ftl_hyperparams_clear (FtlHyperparams *hp)
{
  g_clear_pointer (&hp->suffix, g_free);
}

static gboolean
suffix_is_valid (const char *suffix)
{
  gsize length = strlen (suffix);

  if (length < 1 || length > 64)
    return FALSE;
  for (const char *c = suffix; *c; c++)
    if (!g_ascii_isalnum (*c) && *c != '-' && *c != '_')
      return FALSE;
  return TRUE;
}

gboolean
ftl_hyperparams_validate (const FtlHyperparams *hp,
                          GError              **error)
{
  const char *problem = NULL;

  /* Translators: the hyperparameters are named as in OpenAI's API (n_epochs,
   * batch_size, learning_rate_multiplier, seed, suffix) and “auto” is the
   * value that picks one: keep them as they are. */
  if (hp->n_epochs != FTL_HYPERPARAM_AUTO && (hp->n_epochs < 1 || hp->n_epochs > 50))
    problem = _("n_epochs must be auto or a whole number from 1 to 50");
  else if (hp->batch_size != FTL_HYPERPARAM_AUTO && (hp->batch_size < 1 || hp->batch_size > 256))
    problem = _("batch_size must be auto or a whole number from 1 to 256");
  else if (hp->learning_rate_multiplier != FTL_HYPERPARAM_AUTO &&
           !(hp->learning_rate_multiplier > 0 && hp->learning_rate_multiplier <= 10))
    problem = _("learning_rate_multiplier must be auto or a number above 0 and at most 10");
  else if (hp->seed < -1 || hp->seed > G_MAXINT32)
    problem = _("seed must be a whole number from 0 to 2147483647");
  else if (hp->suffix != NULL && !suffix_is_valid (hp->suffix))
    problem = _("suffix must be 1 to 64 letters, digits, “-” or “_”");

  if (problem != NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, problem);
      return FALSE;
    }
  return TRUE;
}

gboolean
ftl_hyperparams_set_from_string (FtlHyperparams *hp,
                                 const char     *name,
                                 const char     *value,
                                 GError        **error)
{
  gboolean is_auto = g_ascii_strcasecmp (value, "auto") == 0;
  char *end = NULL;
  double number = is_auto ? FTL_HYPERPARAM_AUTO : g_ascii_strtod (value, &end);

  if (!is_auto && (end == value || *end != '\0' || !isfinite (number)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   /* Translators: the first %s is a hyperparameter's name as in OpenAI's
                    * API (learning_rate_multiplier), the second what was given. */
                   _("%s must be “auto” or a number, not “%s”"), name, value);
      return FALSE;
    }

  /* Internally 0 means auto, so an explicit 0 (or less) becomes −1 for
   * validate() to reject with the allowed range. */
  if (!is_auto && number <= 0)
    number = -1;

  if (g_str_equal (name, "learning_rate_multiplier"))
    hp->learning_rate_multiplier = number;
  else if (number != floor (number) || number > G_MAXINT)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   /* Translators: the first %s is a hyperparameter's name as in OpenAI's
                    * API (n_epochs, batch_size), the second what was given. */
                   _("%s must be “auto” or a whole number, not “%s”"), name, value);
      return FALSE;
    }
  else if (g_str_equal (name, "n_epochs"))
    hp->n_epochs = (int) number;
  else if (g_str_equal (name, "batch_size"))
    hp->batch_size = (int) number;
  else
    g_return_val_if_reached (FALSE);
  return ftl_hyperparams_validate (hp, error);
}

void
ftl_hyperparams_resolve (FtlHyperparams *hp,
                         guint           n_examples)
{
  guint n = MAX (1, n_examples);

  if (hp->n_epochs == FTL_HYPERPARAM_AUTO)
    {
      hp->n_epochs = 3;
      if (n * 3 < 100)
        hp->n_epochs = MIN (25, 100 / n);
      else if ((guint64) n * 3 > 25000)
        hp->n_epochs = MAX (1, 25000 / n);
    }
  if (hp->batch_size == FTL_HYPERPARAM_AUTO)
    hp->batch_size = CLAMP ((int) lround (0.002 * n), 1, 256);
  if (hp->learning_rate_multiplier == FTL_HYPERPARAM_AUTO)
    hp->learning_rate_multiplier = hp->batch_size <= 4 ? 0.05 : hp->batch_size <= 16 ? 0.1 : 0.2;
  if (hp->seed < 0)
    hp->seed = g_random_int_range (0, G_MAXINT32);
}

/* A hyperparameter is "auto" or its number, as OpenAI's request body has it. */
static void
add_hyperparameter (JsonBuilder *b,
                    const char  *name,
                    double       value,
                    gboolean     integer)
{
  json_builder_set_member_name (b, name);
  if (value == FTL_HYPERPARAM_AUTO)
    json_builder_add_string_value (b, "auto");
  else if (integer)
    json_builder_add_int_value (b, (gint64) value);
  else
    json_builder_add_double_value (b, value);
}

JsonNode *
ftl_hyperparams_to_json (const FtlHyperparams *hp)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  add_hyperparameter (b, "n_epochs", hp->n_epochs, TRUE);
  add_hyperparameter (b, "batch_size", hp->batch_size, TRUE);
  add_hyperparameter (b, "learning_rate_multiplier", hp->learning_rate_multiplier, FALSE);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}
