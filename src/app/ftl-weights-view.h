/* ftl-weights-view.h — the weights and biases of the model a job trains:
 * one tensor as a heatmap (its values, its change since fine-tuning began or
 * its last gradient) with a diverging colour legend and a hover readout, and
 * charts over the run of each block's gradient norm and update-to-weight
 * ratio and of the learning-rate schedule.
 *
 * Properties: "job" (the FtlTrainingJob shown, or NULL), "tensor" (the
 * llama.cpp name of the tensor shown, e.g. "blk.3.attn_q.weight") and
 * "mode" (FtlInspectMode; also the stateful action "weights.mode").
 *
 * The view asks the job for a downsampled snapshot of its tensor and asks
 * again only after one arrived and the run moved on: at most once a frame,
 * never queuing work for the trainer.
 */
#pragma once

#include <gtk/gtk.h>

#include "ftl-inspect.h"
#include "ftl-training-job.h"

G_BEGIN_DECLS

#define FTL_TYPE_INSPECT_MODE (ftl_inspect_mode_get_type ())
GType ftl_inspect_mode_get_type (void) G_GNUC_CONST;

#define FTL_TYPE_WEIGHTS_VIEW (ftl_weights_view_get_type ())
G_DECLARE_FINAL_TYPE (FtlWeightsView, ftl_weights_view, FTL, WEIGHTS_VIEW, GtkWidget)

GtkWidget      *ftl_weights_view_new        (void);

void            ftl_weights_view_set_job    (FtlWeightsView *self,
                                             FtlTrainingJob *job);
FtlTrainingJob *ftl_weights_view_get_job    (FtlWeightsView *self);
void            ftl_weights_view_set_tensor (FtlWeightsView *self,
                                             const char     *tensor);
const char     *ftl_weights_view_get_tensor (FtlWeightsView *self);
void            ftl_weights_view_set_mode   (FtlWeightsView *self,
                                             FtlInspectMode  mode);
FtlInspectMode  ftl_weights_view_get_mode   (FtlWeightsView *self);

/* A figure as the inspection views print it: digits significant digits, a
 * true minus sign, and very small or large magnitudes as 1.23×10⁻⁵. */
char           *ftl_format_figure           (double          value,
                                             int             digits);
/* n in superscript digits: "⁻¹²". */
char           *ftl_format_superscript      (int             n);
/* A group of figures per block (ftl_inspect_tensor_group) of n_groups:
 * "Embedding", "Block 0" … or "Output norm". */
char           *ftl_format_group            (int             group,
                                             int             n_groups);

G_END_DECLS
