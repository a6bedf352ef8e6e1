/* ftl-neuron.h — the lesson's warm-up model: one neuron, y = w·x + b, fitted
 * to a handful of points by gradient descent on the mean squared error. The
 * five steps of fine-tuning at their smallest: initialization (w and b from
 * before), forward (the predictions), loss (MSE), backpropagation (∂L/∂w,
 * ∂L/∂b) and update (w ← w − η·∂L/∂w).
 *
 * Laid out as the transformer's kernels are (forward/backward pairs over
 * flat arrays), but in doubles: these are the numbers a class reads off the
 * board with two decimals, and five points cost nothing either way. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double w;
  double b;
} FtlNeuron;

/* pred[N] = w · x[N] + b */
void   ftl_neuron_forward  (const FtlNeuron *neuron,
                            const double    *x,
                            double          *pred,
                            int              N);

/* Given dpred[N] = ∂L/∂pred, accumulates nothing: sets
 * grad->w = Σ dpred·x and grad->b = Σ dpred. */
void   ftl_neuron_backward (const double    *x,
                            const double    *dpred,
                            FtlNeuron       *grad,
                            int              N);

/* L = (1/N) Σ (pred − target)² over [N] */
double ftl_mse_forward     (const double    *pred,
                            const double    *target,
                            int              N);

/* dpred[N] = ∂L/∂pred = 2 (pred − target) / N */
void   ftl_mse_backward    (const double    *pred,
                            const double    *target,
                            double          *dpred,
                            int              N);

/* w ← w − lr · ∂L/∂w, b ← b − lr · ∂L/∂b */
void   ftl_neuron_update   (FtlNeuron       *neuron,
                            const FtlNeuron *grad,
                            double           lr);

/* Everything one step computed, for showing it. */
typedef struct
{
  FtlNeuron before;     /* the parameters the step started from */
  double    loss;       /* L at before */
  FtlNeuron grad;       /* ∂L/∂w, ∂L/∂b at before */
  double    lr;
  FtlNeuron after;      /* before − lr · grad */
} FtlNeuronStep;

/* Loss of neuron on the points x[N] → target[N]. */
double   ftl_neuron_loss      (const FtlNeuron *neuron,
                               const double    *x,
                               const double    *target,
                               int              N);

/* ∂L/∂w and ∂L/∂b of neuron on the points. */
void     ftl_neuron_gradient  (const FtlNeuron *neuron,
                               const double    *x,
                               const double    *target,
                               int              N,
                               FtlNeuron       *grad);

/* One gradient-descent step: forward, loss, backward, update. neuron is
 * updated; step (may be NULL) receives the figures. Returns the loss before
 * the update. 1 ≤ N ≤ FTL_NEURON_MAX_POINTS. */
double   ftl_neuron_step      (FtlNeuron       *neuron,
                               const double    *x,
                               const double    *target,
                               int              N,
                               double           lr,
                               FtlNeuronStep   *step);

#define FTL_NEURON_MAX_POINTS 64

/* Gradient descent has arrived when the slope of the loss is flat: both
 * partial derivatives below tolerance in size. */
gboolean ftl_neuron_converged (const FtlNeuron *grad,
                               double           tolerance);

#define FTL_NEURON_TOLERANCE 1e-3

/* The loss has run away (η too large for the points): not a number, or
 * beyond any value a sensible line has on them. */
gboolean ftl_neuron_diverged  (double           loss);

/* The warm-up's data. The default points lie exactly on y = 2x + 1, so the
 * loss can reach zero; the lesson example is one point, x = 1 with answer 3,
 * and a neuron (w = 1, b = 4) that predicts 5: loss (5 − 3)² = 4. */
typedef enum
{
  FTL_NEURON_DATA_POINTS,
  FTL_NEURON_DATA_LESSON,
} FtlNeuronData;

/* Points of data into x and target (each room for FTL_NEURON_MAX_POINTS),
 * and the starting neuron ("the previous model"). Returns N. */
int      ftl_neuron_data      (FtlNeuronData    data,
                               double          *x,
                               double          *target,
                               FtlNeuron       *start);

#define FTL_NEURON_DEFAULT_LR 0.05

G_END_DECLS
