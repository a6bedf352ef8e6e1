/* test-neuron.c — the one-neuron warm-up: the lesson's numbers (prediction
 * 5, answer 3, loss 4, the update with η), gradients against finite
 * differences, convergence on the default points and divergence when η is
 * too large. */
#include <check.h>
#include <math.h>

#include "ftl-neuron.h"
#include "ftl-test-util.h"

START_TEST (test_lesson_example)
{
  double x[FTL_NEURON_MAX_POINTS], y[FTL_NEURON_MAX_POINTS], pred[1], dpred[1];
  FtlNeuron neuron, grad;
  FtlNeuronStep step;
  int N = ftl_neuron_data (FTL_NEURON_DATA_LESSON, x, y, &neuron);

  /* One point, x = 1 with answer 3; the previous model says w = 1, b = 4. */
  ck_assert_int_eq (N, 1);
  ck_assert_double_eq (x[0], 1);
  ck_assert_double_eq (y[0], 3);

  /* Forward: 1 · 1 + 4 = 5. Loss: (5 − 3)² = 4. */
  ftl_neuron_forward (&neuron, x, pred, N);
  ck_assert_double_eq (pred[0], 5);
  ck_assert_double_eq (ftl_mse_forward (pred, y, N), 4);

  /* Backpropagation: ∂L/∂ŷ = 2 (5 − 3) = 4; ∂L/∂w = 4 · x = 4, ∂L/∂b = 4. */
  ftl_mse_backward (pred, y, dpred, N);
  ck_assert_double_eq (dpred[0], 4);
  ftl_neuron_backward (x, dpred, &grad, N);
  ck_assert_double_eq (grad.w, 4);
  ck_assert_double_eq (grad.b, 4);

  /* Update with η = 0.05: w ← 1 − 0.05 × 4 = 0.80, b ← 4 − 0.05 × 4 = 3.80. */
  ck_assert_double_eq_tol (ftl_neuron_step (&neuron, x, y, N, 0.05, &step), 4, 1e-12);
  ck_assert_double_eq_tol (neuron.w, 0.80, 1e-12);
  ck_assert_double_eq_tol (neuron.b, 3.80, 1e-12);
  ck_assert_double_eq (step.before.w, 1);
  ck_assert_double_eq (step.before.b, 4);
  ck_assert_double_eq (step.loss, 4);
  ck_assert_double_eq (step.grad.w, 4);
  ck_assert_double_eq (step.grad.b, 4);
  ck_assert_double_eq (step.lr, 0.05);
  ck_assert_double_eq_tol (step.after.w, 0.80, 1e-12);
  ck_assert_double_eq_tol (step.after.b, 3.80, 1e-12);

  /* The next prediction is closer: 0.8 + 3.8 = 4.6, loss 1.6² = 2.56. */
  ck_assert_double_eq_tol (ftl_neuron_loss (&neuron, x, y, N), 2.56, 1e-12);
}
END_TEST

START_TEST (test_default_points)
{
  double x[FTL_NEURON_MAX_POINTS], y[FTL_NEURON_MAX_POINTS];
  FtlNeuron neuron, grad;
  int N = ftl_neuron_data (FTL_NEURON_DATA_POINTS, x, y, &neuron);

  /* Five points on y = 2x + 1, the neuron starting at y = x. */
  ck_assert_int_eq (N, 5);
  for (int i = 0; i < N; i++)
    ck_assert_double_eq_tol (y[i], 2 * x[i] + 1, 1e-12);
  ck_assert_double_eq (neuron.w, 1);
  ck_assert_double_eq (neuron.b, 0);

  /* Errors −(x + 1) at x = 0, 0.5, 1, 1.5, 2: L = (1 + 2.25 + 4 + 6.25 + 9) / 5 = 4.5;
   * ∂L/∂w = 2/5 · Σ e·x = 2/5 · (−12.5) = −5; ∂L/∂b = 2/5 · Σ e = 2/5 · (−10) = −4. */
  ck_assert_double_eq_tol (ftl_neuron_loss (&neuron, x, y, N), 4.5, 1e-12);
  ftl_neuron_gradient (&neuron, x, y, N, &grad);
  ck_assert_double_eq_tol (grad.w, -5, 1e-12);
  ck_assert_double_eq_tol (grad.b, -4, 1e-12);
}
END_TEST

/* The analytic gradient against central differences, on points off any line. */
START_TEST (test_gradient_check)
{
  double x[] = { -1.5, 0.25, 0.8, 2.0, 3.1, -0.4 };
  double y[] = { 0.3, -1.2, 2.2, 4.0, 1.7, 0.05 };
  int N = G_N_ELEMENTS (x);
  FtlNeuron neuron = { .w = 0.7, .b = -0.3 }, grad;
  const double h = 1e-6;

  ftl_neuron_gradient (&neuron, x, y, N, &grad);

  FtlNeuron plus = neuron, minus = neuron;
  plus.w += h;
  minus.w -= h;
  double dw = (ftl_neuron_loss (&plus, x, y, N) - ftl_neuron_loss (&minus, x, y, N)) / (2 * h);
  plus = minus = neuron;
  plus.b += h;
  minus.b -= h;
  double db = (ftl_neuron_loss (&plus, x, y, N) - ftl_neuron_loss (&minus, x, y, N)) / (2 * h);

  ck_assert_double_eq_tol (grad.w, dw, 1e-6);
  ck_assert_double_eq_tol (grad.b, db, 1e-6);
  ck_assert (fabs (grad.w) > 0.1 && fabs (grad.b) > 0.1);
}
END_TEST

/* What Run does: steps until converged. The loss falls below 1e-3 and the
 * line becomes y = 2x + 1. */
START_TEST (test_run_converges)
{
  double x[FTL_NEURON_MAX_POINTS], y[FTL_NEURON_MAX_POINTS];
  FtlNeuron neuron, grad;
  int N = ftl_neuron_data (FTL_NEURON_DATA_POINTS, x, y, &neuron);
  double previous = INFINITY;
  int steps = 0;

  for (;;)
    {
      ftl_neuron_gradient (&neuron, x, y, N, &grad);
      if (ftl_neuron_converged (&grad, FTL_NEURON_TOLERANCE))
        break;
      double loss = ftl_neuron_step (&neuron, x, y, N, FTL_NEURON_DEFAULT_LR, NULL);
      /* Gradient descent with a small enough η never goes uphill. */
      ck_assert (loss <= previous);
      previous = loss;
      ck_assert_int_lt (++steps, 10000);
    }

  ck_assert_double_lt (ftl_neuron_loss (&neuron, x, y, N), 1e-3);
  ck_assert_double_eq_tol (neuron.w, 2, 0.01);
  ck_assert_double_eq_tol (neuron.b, 1, 0.01);
  ck_assert_int_gt (steps, 10);

  /* The lesson example converges too, to a prediction of 3. */
  N = ftl_neuron_data (FTL_NEURON_DATA_LESSON, x, y, &neuron);
  for (steps = 0; steps < 10000; steps++)
    {
      ftl_neuron_gradient (&neuron, x, y, N, &grad);
      if (ftl_neuron_converged (&grad, FTL_NEURON_TOLERANCE))
        break;
      ftl_neuron_step (&neuron, x, y, N, FTL_NEURON_DEFAULT_LR, NULL);
    }
  ck_assert_int_lt (steps, 10000);
  ck_assert_double_lt (ftl_neuron_loss (&neuron, x, y, N), 1e-3);
  ck_assert_double_eq_tol (neuron.w * x[0] + neuron.b, 3, 0.01);
}
END_TEST

/* η = 0.5 is above 2 / λmax of the loss's curvature on the default points
 * (λmax ≈ 4.56): every step overshoots further, and divergence is caught. */
START_TEST (test_too_large_learning_rate_diverges)
{
  double x[FTL_NEURON_MAX_POINTS], y[FTL_NEURON_MAX_POINTS];
  FtlNeuron neuron;
  int N = ftl_neuron_data (FTL_NEURON_DATA_POINTS, x, y, &neuron);
  int steps = 0;

  ck_assert (!ftl_neuron_diverged (ftl_neuron_loss (&neuron, x, y, N)));
  while (!ftl_neuron_diverged (ftl_neuron_loss (&neuron, x, y, N)))
    {
      ftl_neuron_step (&neuron, x, y, N, 0.5, NULL);
      ck_assert_int_lt (++steps, 1000);
    }
  ck_assert (ftl_neuron_diverged (NAN));
  ck_assert (ftl_neuron_diverged (INFINITY));
}
END_TEST

static Suite *
neuron_suite (void)
{
  Suite *s = suite_create ("neuron");
  TCase *tc = tcase_create ("warm-up");

  tcase_add_test (tc, test_lesson_example);
  tcase_add_test (tc, test_default_points);
  tcase_add_test (tc, test_gradient_check);
  tcase_add_test (tc, test_run_converges);
  tcase_add_test (tc, test_too_large_learning_rate_diverges);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return ftl_test_run_suite (neuron_suite (), CK_FORK_GETENV);
}
