/* ftl-presets.c — the instructor's presets (see the header for how the
 * numbers were measured). */
#include "ftl-presets.h"

#include <string.h>

typedef struct
{
  const char *id;
  int         n_epochs;
  int         batch_size;
  double      learning_rate_multiplier;
  gboolean    wants_validation;
} PresetInfo;

static const PresetInfo presets[FTL_N_PRESETS] = {
  [FTL_PRESET_LESSON_DEFAULT] = {
    "lesson-default", FTL_HYPERPARAM_AUTO, FTL_HYPERPARAM_AUTO, FTL_HYPERPARAM_AUTO, FALSE },
  [FTL_PRESET_LEARNING_RATE_TOO_HIGH] = {
    "learning-rate-too-high", FTL_HYPERPARAM_AUTO, FTL_HYPERPARAM_AUTO, 5.0, FALSE },
  [FTL_PRESET_TOO_MANY_EPOCHS] = {
    "too-many-epochs", 10, FTL_HYPERPARAM_AUTO, FTL_HYPERPARAM_AUTO, TRUE },
  [FTL_PRESET_TOO_FEW_EPOCHS] = {
    "too-few-epochs", 1, FTL_HYPERPARAM_AUTO, 0.02, FALSE },
};

const char *
ftl_preset_to_id (FtlPreset preset)
{
  g_return_val_if_fail (preset < FTL_N_PRESETS, NULL);
  return presets[preset].id;
}

gboolean
ftl_preset_from_id (const char *id,
                    FtlPreset  *preset)
{
  for (int i = 0; id != NULL && i < FTL_N_PRESETS; i++)
    if (g_str_equal (id, presets[i].id))
      {
        *preset = (FtlPreset) i;
        return TRUE;
      }
  return FALSE;
}

void
ftl_preset_apply (FtlPreset       preset,
                  FtlHyperparams *hp)
{
  g_return_if_fail (preset < FTL_N_PRESETS);

  hp->n_epochs = presets[preset].n_epochs;
  hp->batch_size = presets[preset].batch_size;
  hp->learning_rate_multiplier = presets[preset].learning_rate_multiplier;
}

gboolean
ftl_preset_wants_validation (FtlPreset preset)
{
  g_return_val_if_fail (preset < FTL_N_PRESETS, FALSE);
  return presets[preset].wants_validation;
}

char *
ftl_preset_validation_name (const char *training_file)
{
  g_autofree char *base = NULL;
  gsize length;

  g_return_val_if_fail (training_file != NULL, NULL);

  base = g_path_get_basename (training_file);
  length = strlen (base);
  if (g_str_has_suffix (base, ".jsonl"))
    base[length - strlen (".jsonl")] = '\0';
  return g_strconcat (base, ".validation.jsonl", NULL);
}
