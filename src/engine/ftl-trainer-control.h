/* ftl-trainer-control.h — pausing, stepping and watching a fine-tuning run
 * from another thread.
 *
 * Whoever starts a run puts a control in its FtlFineTuneSetup; the trainer
 * looks at it at every step boundary. Pause: the trainer stops before its
 * next step and waits. Step: it runs exactly one step, records that step's
 * phases (an FtlStepRecord: the batch's per-token probabilities and losses,
 * the gradient norms, one weight's and one bias's AdamW update) and waits
 * again. Resume: it goes on. Pausing never changes what a run computes: a
 * paused and stepped run ends with the same parameters, bit for bit, as one
 * left alone.
 *
 * The other side also asks for snapshots of one tensor (its values, ΔW or
 * gradient), each time it has drawn the last one; the trainer takes one at
 * its next step boundary, or at once while it waits. Asking only stores the
 * request under a short lock: the trainer never waits for the asker. After
 * the run, a model handed back with ftl_trainer_control_keep_model() answers
 * at once.
 *
 * The observer's functions run on the training thread, never with the
 * control's lock held; each takes over the reference it is passed.
 */
#pragma once

#include <gio/gio.h>

#include "ftl-inspect.h"
#include "ftl-model.h"
#include "ftl-optimizer.h"
#include "ftl-tokenizer.h"

G_BEGIN_DECLS

/* What a run is, for whoever watches it. */
typedef struct
{
  int            n_layers;
  int            n_tensors;
  FtlTensorInfo *tensors;      /* [n_tensors], the model's table */
  int            total_steps;
  float         *schedule;     /* [total_steps] the learning rate of step 1, 2, … */
} FtlInspectRun;

#define FTL_TYPE_INSPECT_RUN (ftl_inspect_run_get_type ())
GType          ftl_inspect_run_get_type (void) G_GNUC_CONST;
FtlInspectRun *ftl_inspect_run_ref      (FtlInspectRun *run);
void           ftl_inspect_run_unref    (FtlInspectRun *run);

typedef struct
{
  /* Training begins; the model is still the base model (step 0). */
  void (*started)     (FtlInspectRun     *run,
                       gpointer           user_data);
  /* The trainer stopped before step + 1 (TRUE), or goes on (FALSE). */
  void (*waiting)     (gboolean           waiting,
                       int                step,
                       gpointer           user_data);
  /* After every step. */
  void (*layer_stats) (FtlLayerStats     *stats,
                       gpointer           user_data);
  /* After a step asked for with ftl_trainer_control_step(). */
  void (*step_record) (FtlStepRecord     *record,
                       gpointer           user_data);
  /* What ftl_trainer_control_request_snapshot() asked for. */
  void (*snapshot)    (FtlTensorSnapshot *snapshot,
                       gpointer           user_data);
} FtlTrainerObserver;

typedef struct _FtlTrainerControl FtlTrainerControl;

/* observer (copied; any function may be NULL) is called with user_data,
 * which must outlive every run the control is used for. */
FtlTrainerControl *ftl_trainer_control_new   (const FtlTrainerObserver *observer,
                                              gpointer                  user_data);
FtlTrainerControl *ftl_trainer_control_ref   (FtlTrainerControl *control);
void               ftl_trainer_control_unref (FtlTrainerControl *control);

/* ---- from any thread ---------------------------------------------------------- */

void     ftl_trainer_control_pause  (FtlTrainerControl *control);
/* Pauses, if not paused, after exactly one more step, whose phases are recorded. */
void     ftl_trainer_control_step   (FtlTrainerControl *control);
void     ftl_trainer_control_resume (FtlTrainerControl *control);
gboolean ftl_trainer_control_get_paused (FtlTrainerControl *control);

/* Replaces any request not yet served. tensor is a name of the model's
 * table ("blk.0.attn_q.weight"); a name the model lacks is dropped. */
void     ftl_trainer_control_request_snapshot (FtlTrainerControl *control,
                                               const char        *tensor,
                                               FtlInspectMode     mode,
                                               int                max_rows,
                                               int                max_cols);

/* The elements whose update a recorded step shows; index < 0: the one
 * with the largest gradient in that step. By default the largest gradients
 * of blk.0.attn_q.weight and blk.0.attn_q.bias. */
void     ftl_trainer_control_select (FtlTrainerControl *control,
                                     const char        *weight,
                                     int                weight_index,
                                     const char        *bias,
                                     int                bias_index);

/* ---- for the trainer, on its thread ----------------------------------------------- */

/* Keeps a copy of the model's parameters as the base of ΔW. cancellable
 * (may be NULL) wakes a waiting trainer when cancelled. */
void     ftl_trainer_control_attach     (FtlTrainerControl  *control,
                                         FtlModel           *model,
                                         const FtlTokenizer *tokenizer,
                                         const FtlOptimizer *optimizer,
                                         int                 total_steps,
                                         GCancellable       *cancellable);
/* Before step + 1: serves a snapshot request and, while paused, waits for
 * step, resume or cancellation. Returns whether this step is to be recorded. */
gboolean ftl_trainer_control_boundary   (FtlTrainerControl  *control,
                                         int                 step);
/* ftl_train_step() and what the observer is told about it. */
float    ftl_trainer_control_train_step (FtlTrainerControl  *control,
                                         FtlOptimizer       *optimizer,
                                         const int          *inputs,
                                         const int          *targets,
                                         const float        *mask,
                                         int                 B,
                                         int                 T,
                                         gboolean            record,
                                         FtlStepStats       *stats);
/* The run is over: serves a last request and lets go of the model. */
void     ftl_trainer_control_detach     (FtlTrainerControl  *control);

/* ---- after the run --------------------------------------------------------------------- */

/* Takes over the trained model (after ftl_fine_tune_run() returned), so that
 * its tensors can still be looked at: from now on a snapshot request is
 * answered at once, on the thread that asks. A model that never trained
 * (the run failed before its first step) is freed. */
void     ftl_trainer_control_keep_model (FtlTrainerControl  *control,
                                         FtlModel           *model);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FtlInspectRun, ftl_inspect_run_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FtlTrainerControl, ftl_trainer_control_unref)

G_END_DECLS
