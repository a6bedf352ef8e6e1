/* ftl-neuron.c — y = w·x + b, its mean squared error and one step of
 * gradient descent. */
#include "ftl-neuron.h"

#include <math.h>

void
ftl_neuron_forward (const FtlNeuron *neuron,
                    const double    *x,
                    double          *pred,
                    int              N)
{
  for (int i = 0; i < N; i++)
    pred[i] = neuron->w * x[i] + neuron->b;
}

void
ftl_neuron_backward (const double *x,
                     const double *dpred,
                     FtlNeuron    *grad,
                     int           N)
{
  /* pred = w·x + b: ∂pred/∂w = x, ∂pred/∂b = 1 (the chain rule, summed
   * over the points). */
  grad->w = 0;
  grad->b = 0;
  for (int i = 0; i < N; i++)
    {
      grad->w += dpred[i] * x[i];
      grad->b += dpred[i];
    }
}

double
ftl_mse_forward (const double *pred,
                 const double *target,
                 int           N)
{
  double sum = 0;

  for (int i = 0; i < N; i++)
    sum += (pred[i] - target[i]) * (pred[i] - target[i]);
  return sum / N;
}

void
ftl_mse_backward (const double *pred,
                  const double *target,
                  double       *dpred,
                  int           N)
{
  for (int i = 0; i < N; i++)
    dpred[i] = 2 * (pred[i] - target[i]) / N;
}

void
ftl_neuron_update (FtlNeuron       *neuron,
                   const FtlNeuron *grad,
                   double           lr)
{
  neuron->w -= lr * grad->w;
  neuron->b -= lr * grad->b;
}

double
ftl_neuron_loss (const FtlNeuron *neuron,
                 const double    *x,
                 const double    *target,
                 int              N)
{
  double pred[FTL_NEURON_MAX_POINTS];

  g_return_val_if_fail (N >= 1 && N <= FTL_NEURON_MAX_POINTS, NAN);

  ftl_neuron_forward (neuron, x, pred, N);
  return ftl_mse_forward (pred, target, N);
}

void
ftl_neuron_gradient (const FtlNeuron *neuron,
                     const double    *x,
                     const double    *target,
                     int              N,
                     FtlNeuron       *grad)
{
  double pred[FTL_NEURON_MAX_POINTS];
  double dpred[FTL_NEURON_MAX_POINTS];

  g_return_if_fail (N >= 1 && N <= FTL_NEURON_MAX_POINTS);

  ftl_neuron_forward (neuron, x, pred, N);
  ftl_mse_backward (pred, target, dpred, N);
  ftl_neuron_backward (x, dpred, grad, N);
}

double
ftl_neuron_step (FtlNeuron     *neuron,
                 const double  *x,
                 const double  *target,
                 int            N,
                 double         lr,
                 FtlNeuronStep *step)
{
  double pred[FTL_NEURON_MAX_POINTS];
  double dpred[FTL_NEURON_MAX_POINTS];
  FtlNeuronStep s = { .before = *neuron, .lr = lr };

  g_return_val_if_fail (N >= 1 && N <= FTL_NEURON_MAX_POINTS, NAN);

  ftl_neuron_forward (neuron, x, pred, N);
  s.loss = ftl_mse_forward (pred, target, N);
  ftl_mse_backward (pred, target, dpred, N);
  ftl_neuron_backward (x, dpred, &s.grad, N);
  ftl_neuron_update (neuron, &s.grad, lr);
  s.after = *neuron;

  if (step != NULL)
    *step = s;
  return s.loss;
}

gboolean
ftl_neuron_converged (const FtlNeuron *grad,
                      double           tolerance)
{
  return fabs (grad->w) < tolerance && fabs (grad->b) < tolerance;
}

gboolean
ftl_neuron_diverged (double loss)
{
  return !isfinite (loss) || loss > 1e6;
}

int
ftl_neuron_data (FtlNeuronData  data,
                 double        *x,
                 double        *target,
                 FtlNeuron     *start)
{
  switch (data)
    {
    case FTL_NEURON_DATA_POINTS:
      /* y = 2x + 1 at five x; the neuron starts flat-ish and low. */
      for (int i = 0; i < 5; i++)
        {
          x[i] = 0.5 * i;
          target[i] = 2 * x[i] + 1;
        }
      *start = (FtlNeuron) { .w = 1, .b = 0 };
      return 5;

    case FTL_NEURON_DATA_LESSON:
      /* The lesson: the model predicts 5, the answer is 3. */
      x[0] = 1;
      target[0] = 3;
      *start = (FtlNeuron) { .w = 1, .b = 4 };
      return 1;

    default:
      g_return_val_if_reached (0);
    }
}
