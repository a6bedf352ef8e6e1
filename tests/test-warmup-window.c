/* test-warmup-window.c — the one-neuron warm-up in a real window: the
 * lesson's example shows a loss of 4, Step changes w and b as the formula
 * says and walks the phases, Reset starts over, Run converges (and stops
 * when η is too large), and dragging the line or its handle changes b or w.
 *
 * Run under xvfb-run -a dbus-run-session.
 */
#include <check.h>
#include <math.h>
#include <string.h>

#include <adwaita.h>

#include "ftl-neuron-view.h"
#include "ftl-test-gtk.h"
#include "ftl-warmup-window.h"
#include "ftl-test-util.h"

static GtkWindow *window;

static double
spin_value (const char *name)
{
  return gtk_spin_button_get_value (GTK_SPIN_BUTTON (ftl_test_get_widget (window, name)));
}

static gboolean
label_has (const char *name,
           const char *text)
{
  return strstr (ftl_test_get_label_text (window, name), text) != NULL;
}

static gboolean
running (void)
{
  gboolean value;

  g_object_get (window, "running", &value, NULL);
  return value;
}

static void
activate (const char *action)
{
  ck_assert_msg (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL), "no action %s", action);
}

static void
setup (void)
{
  /* The app's style, so the highlighted phase looks as it does in the app. */
  ftl_test_gtk_init ();

  window = GTK_WINDOW (ftl_warmup_window_new (NULL));
  gtk_window_present (window);
  FTL_TEST_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (window)), 10);
}

static void
teardown (void)
{
  g_clear_pointer (&window, gtk_window_destroy);
}

START_TEST (test_lesson_example_and_step)
{
  /* Five points on y = 2x + 1 and a line y = x: loss 4.5. */
  ck_assert_str_eq (ftl_test_get_label_text (window, "loss-label"), "4.50");
  ck_assert_str_eq (ftl_test_get_label_text (window, "step-label"), "0 steps");
  ck_assert (gtk_widget_has_css_class (ftl_test_get_widget (window, "init-phase"), "ftl-phase-active"));

  /* The lesson: the model predicts 5, the answer is 3, the loss is 4. */
  activate ("warmup.lesson-example");
  ck_assert (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (ftl_test_get_widget (window, "lesson-example-button"))));
  ck_assert_double_eq_tol (spin_value ("w-spin"), 1.0, 1e-9);
  ck_assert_double_eq_tol (spin_value ("b-spin"), 4.0, 1e-9);
  ck_assert_double_eq_tol (spin_value ("lr-spin"), 0.05, 1e-9);
  ck_assert_str_eq (ftl_test_get_label_text (window, "loss-label"), "4.00");
  ck_assert_str_eq (ftl_test_get_label_text (window, "forward-formula"), "ŷ = w·x + b = 1.00 × 1.00 + 4.00 = 5.00");
  ck_assert_str_eq (ftl_test_get_label_text (window, "loss-formula"), "L = (ŷ − y)² = (5.00 − 3.00)² = 4.00");
  ck_assert (label_has ("backprop-formula", "Press Step"));

  /* One step: ∂L/∂w = ∂L/∂b = 2 × 2 × 1 = 4; w ← 1 − 0.05 × 4 = 0.80, b ← 4 − 0.05 × 4 = 3.80. */
  activate ("warmup.step");
  ck_assert_double_eq_tol (spin_value ("w-spin"), 0.80, 1e-9);
  ck_assert_double_eq_tol (spin_value ("b-spin"), 3.80, 1e-9);
  ck_assert_str_eq (ftl_test_get_label_text (window, "backprop-formula"),
                    "∂L/∂w = 2(ŷ − y)·x = 2 × 2.00 × 1.00 = 4.00\n∂L/∂b = 2(ŷ − y) = 2 × 2.00 = 4.00");
  ck_assert_str_eq (ftl_test_get_label_text (window, "update-formula"),
                    "w ← w − η·∂L/∂w = 1.00 − 0.05 × 4.00 = 0.80\nb ← b − η·∂L/∂b = 4.00 − 0.05 × 4.00 = 3.80");
  /* The rows tell the step just taken; the loss now is (4.6 − 3)². */
  ck_assert_str_eq (ftl_test_get_label_text (window, "loss-formula"), "L = (ŷ − y)² = (5.00 − 3.00)² = 4.00");
  ck_assert_str_eq (ftl_test_get_label_text (window, "loss-label"), "2.56");
  ck_assert_str_eq (ftl_test_get_label_text (window, "step-label"), "1 step");

  /* The phases light up in turn and stop at Update. */
  ck_assert (gtk_widget_has_css_class (ftl_test_get_widget (window, "forward-phase"), "ftl-phase-active"));
  FTL_TEST_WAIT_FOR (gtk_widget_has_css_class (ftl_test_get_widget (window, "update-phase"), "ftl-phase-active"), 10);
  ck_assert (!gtk_widget_has_css_class (ftl_test_get_widget (window, "forward-phase"), "ftl-phase-active"));
  ftl_test_save_screenshot (GTK_WIDGET (window), "warmup-lesson.png", 300);

  /* The next step starts where the last ended: error 1.6, gradient 3.2. */
  activate ("warmup.step");
  ck_assert_double_eq_tol (spin_value ("w-spin"), 0.64, 1e-9);
  ck_assert_double_eq_tol (spin_value ("b-spin"), 3.64, 1e-9);
  ck_assert_str_eq (ftl_test_get_label_text (window, "update-formula"),
                    "w ← w − η·∂L/∂w = 0.80 − 0.05 × 3.20 = 0.64\nb ← b − η·∂L/∂b = 3.80 − 0.05 × 3.20 = 3.64");

  /* A larger η, a larger step. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (ftl_test_get_widget (window, "lr-spin")), 0.1);
  activate ("warmup.reset");
  ck_assert_double_eq_tol (spin_value ("w-spin"), 1.0, 1e-9);
  ck_assert_double_eq_tol (spin_value ("b-spin"), 4.0, 1e-9);
  ck_assert_str_eq (ftl_test_get_label_text (window, "step-label"), "0 steps");
  ck_assert (gtk_widget_has_css_class (ftl_test_get_widget (window, "init-phase"), "ftl-phase-active"));
  activate ("warmup.step");
  ck_assert_str_eq (ftl_test_get_label_text (window, "update-formula"),
                    "w ← w − η·∂L/∂w = 1.00 − 0.10 × 4.00 = 0.60\nb ← b − η·∂L/∂b = 4.00 − 0.10 × 4.00 = 3.60");

  /* Back to the five points. */
  activate ("warmup.lesson-example");
  ck_assert_str_eq (ftl_test_get_label_text (window, "loss-label"), "4.50");
  ck_assert (label_has ("forward-formula", "for each of the 5 points"));
}
END_TEST

START_TEST (test_run_converges)
{
  FtlNeuronView *view = FTL_NEURON_VIEW (ftl_test_get_widget (window, "neuron-view"));

  activate ("warmup.run");
  ck_assert (running ());
  ck_assert (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (ftl_test_get_widget (window, "run-button"))));
  ck_assert_str_eq (gtk_button_get_label (GTK_BUTTON (ftl_test_get_widget (window, "run-button"))), "_Stop");
  /* Step waits while Run steps. */
  ck_assert (!gtk_widget_is_sensitive (ftl_test_get_widget (window, "step-button")));

  /* It stops by itself, on y = 2x + 1. */
  FTL_TEST_WAIT_FOR (!running (), 60);
  ck_assert_double_eq_tol (ftl_neuron_view_get_w (view), 2, 0.01);
  ck_assert_double_eq_tol (ftl_neuron_view_get_b (view), 1, 0.01);
  ck_assert (gtk_widget_get_visible (ftl_test_get_widget (window, "status-label")));
  ck_assert (label_has ("status-label", "Converged after"));
  ck_assert_str_eq (gtk_button_get_label (GTK_BUTTON (ftl_test_get_widget (window, "run-button"))), "_Run");
  ck_assert (gtk_widget_is_sensitive (ftl_test_get_widget (window, "step-button")));
  ck_assert_double_lt (g_ascii_strtod (ftl_test_get_label_text (window, "loss-label"), NULL), 1e-3);
}
END_TEST

/* η = 1 overshoots more every step: Run stops and says why. */
START_TEST (test_run_diverges)
{
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (ftl_test_get_widget (window, "lr-spin")), 1.0);
  activate ("warmup.run");
  FTL_TEST_WAIT_FOR (!running (), 60);
  ck_assert (label_has ("status-label", "The loss ran away"));

  /* Stop by hand, too. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (ftl_test_get_widget (window, "lr-spin")), 0.001);
  activate ("warmup.reset");
  ck_assert (!gtk_widget_get_visible (ftl_test_get_widget (window, "status-label")));
  activate ("warmup.run");
  ck_assert (running ());
  ftl_test_iterate_ms (100);
  activate ("warmup.run");
  ck_assert (!running ());
}
END_TEST

START_TEST (test_drag_and_spin)
{
  FtlNeuronView *view = FTL_NEURON_VIEW (ftl_test_get_widget (window, "neuron-view"));
  double hx, hy;

  FTL_TEST_WAIT_FOR (gtk_widget_get_height (GTK_WIDGET (view)) > 100, 10);
  activate ("warmup.step");
  ck_assert (!label_has ("backprop-formula", "Press Step"));
  double w = spin_value ("w-spin");
  double b = spin_value ("b-spin");

  /* Dragging the line up, away from the handle: b grows, w stays. */
  ftl_neuron_view_get_handle (view, &hx, &hy);
  ftl_neuron_view_drag (view, hx - 200, hy, 0, -40, FALSE);
  ck_assert_double_gt (spin_value ("b-spin"), b + 0.1);
  ck_assert_double_eq_tol (spin_value ("w-spin"), w, 1e-9);
  /* A change by hand starts over at Initialization. */
  ck_assert (label_has ("backprop-formula", "Press Step"));
  ck_assert (gtk_widget_has_css_class (ftl_test_get_widget (window, "init-phase"), "ftl-phase-active"));

  /* Dragging the handle down tilts the line: w falls, b stays. */
  b = spin_value ("b-spin");
  ftl_neuron_view_get_handle (view, &hx, &hy);
  ftl_neuron_view_drag (view, hx + 3, hy - 3, 0, 40, FALSE);
  ck_assert_double_lt (spin_value ("w-spin"), w - 0.1);
  ck_assert_double_eq_tol (spin_value ("b-spin"), b, 1e-9);

  /* Shift tilts from anywhere. */
  w = spin_value ("w-spin");
  ftl_neuron_view_drag (view, hx - 200, hy, 0, -40, TRUE);
  ck_assert_double_gt (spin_value ("w-spin"), w + 0.1);
  ck_assert_double_eq_tol (spin_value ("b-spin"), b, 1e-9);

  /* The spin buttons move the line, and the loss follows: w = 2, b = 1 fits. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (ftl_test_get_widget (window, "w-spin")), 2);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (ftl_test_get_widget (window, "b-spin")), 1);
  ck_assert_double_eq_tol (ftl_neuron_view_get_w (view), 2, 1e-9);
  ck_assert_double_eq_tol (ftl_neuron_view_get_b (view), 1, 1e-9);
  ck_assert_str_eq (ftl_test_get_label_text (window, "loss-label"), "0.00");

  ftl_test_save_screenshot (GTK_WIDGET (window), "warmup.png", 300);
}
END_TEST

static Suite *
warmup_suite (void)
{
  Suite *suite = suite_create ("warmup-window");
  TCase *tc = tcase_create ("warm-up");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_lesson_example_and_step);
  tcase_add_test (tc, test_run_converges);
  tcase_add_test (tc, test_run_diverges);
  tcase_add_test (tc, test_drag_and_spin);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return ftl_test_run_suite (warmup_suite (), CK_FORK_GETENV);
}
