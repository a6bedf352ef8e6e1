/* ftl-presets.h — the instructor's presets: hyperparameters that set up a
 * teachable moment in one click. Numbers and rules live here, where a test
 * can hold them to what the engine does; the words are the app's.
 *
 * Measured with the built-in base model on the sample files (2 threads,
 * 2026-11-27; data/models/README.md has the model):
 *  - "learning-rate-too-high": a multiplier of 5 (100 × the 0.05 that auto
 *    picks for batch size 1) fails every run tried with training_diverged:
 *    new-york-woman seeds 1–5 at steps 9–28, pirate, butler and
 *    kindergarten-teacher (seed 1) at steps 14–15. Multipliers 2 and 3 do
 *    not diverge (the loss only falls slowly), so 5 is the smallest of
 *    these that fails reliably.
 *  - "too-many-epochs": 10 epochs with new-york-woman.validation.jsonl. The
 *    training loss falls to 0.00 while the full validation loss is lowest
 *    after epoch 2 or 3 (5.42 / 5.40, seed 7) and then rises (5.60, 5.68, …,
 *    5.72): the model memorizes its 71 examples.
 *  - "too-few-epochs": 1 epoch at a multiplier of 0.02: the training loss
 *    only gets from 9.8 to 5.6 (auto's 3 epochs reach about 0.5–1) and the
 *    replies keep the base model's voice. */
#pragma once

#include <glib.h>

#include "ftl-hyperparams.h"

G_BEGIN_DECLS

typedef enum
{
  FTL_PRESET_LESSON_DEFAULT,
  FTL_PRESET_LEARNING_RATE_TOO_HIGH,
  FTL_PRESET_TOO_MANY_EPOCHS,
  FTL_PRESET_TOO_FEW_EPOCHS,
  FTL_N_PRESETS
} FtlPreset;

/* "lesson-default", "learning-rate-too-high", "too-many-epochs",
 * "too-few-epochs": stable names for actions and settings. */
const char *ftl_preset_to_id   (FtlPreset   preset);
gboolean    ftl_preset_from_id (const char *id,
                                FtlPreset  *preset);

/* Sets the three numeric hyperparameters of hp as the preset has them (auto
 * where it leaves them to auto); the seed and the suffix are the student's
 * and stay. */
void        ftl_preset_apply   (FtlPreset       preset,
                                FtlHyperparams *hp);

/* Whether the preset's lesson needs a validation file (overfitting shows
 * only against examples the model never trains on). */
gboolean    ftl_preset_wants_validation (FtlPreset preset);

/* The validation split that belongs to a training file: FILE.jsonl →
 * FILE.validation.jsonl (the sample new-york-woman.jsonl has one). A
 * basename, to look for beside the file or among the repository's files. */
char       *ftl_preset_validation_name  (const char *training_file);

G_END_DECLS
