/* ftl-step-view.h — step mode: pause a running job, run one batch at a time
 * and see the step's five phases on the real model: 1 the forward pass (the
 * batch's text, each trained token coloured by the probability the model
 * gave it), 2 the loss (and the tokens that cost most), 3 backpropagation
 * (the gradient norm of each layer), 4 the AdamW update of one weight and
 * one bias with the formula filled in, 5 resume.
 *
 * Actions: "step.pause", "step.step" and "step.resume", each enabled only
 * when it applies. Properties: "job" (the FtlTrainingJob, or NULL) and
 * "tensor" (a llama.cpp tensor name, usually the weights view's: the
 * update shown is of its element with the largest gradient, and of the
 * matching bias — the same projection's for q, k and v, else attn_q's of
 * the same block).
 */
#pragma once

#include <gtk/gtk.h>

#include "ftl-training-job.h"

G_BEGIN_DECLS

#define FTL_TYPE_STEP_VIEW (ftl_step_view_get_type ())
G_DECLARE_FINAL_TYPE (FtlStepView, ftl_step_view, FTL, STEP_VIEW, GtkWidget)

GtkWidget      *ftl_step_view_new        (void);

void            ftl_step_view_set_job    (FtlStepView    *self,
                                          FtlTrainingJob *job);
FtlTrainingJob *ftl_step_view_get_job    (FtlStepView    *self);
void            ftl_step_view_set_tensor (FtlStepView    *self,
                                          const char     *tensor);
const char     *ftl_step_view_get_tensor (FtlStepView    *self);

G_END_DECLS
