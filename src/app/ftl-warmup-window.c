/* ftl-warmup-window.c — the one-neuron warm-up.
 *
 * The line's w and b live in the FtlNeuronView (the spin buttons are bound
 * to it both ways, so a drag, a spin button and a step all change the same
 * two numbers). The window keeps the points, the last step's figures for
 * the five phase rows, and the Run animation. A change of w or b that no
 * step made is the student's: the phase rows go back to "Initialization". */
#include "ftl-warmup-window.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "ftl-neuron.h"
#include "ftl-neuron-view.h"

/* Run's pace: fast enough to converge in a few seconds, slow enough to see
 * the line swing into place. */
#define RUN_STEPS_PER_SECOND 100.0
#define RUN_MAX_STEPS_PER_FRAME 8
/* Step lights up Forward, Loss, Backpropagation and Update in turn. */
#define PHASE_MS 300

enum {
  PHASE_INIT,
  PHASE_FORWARD,
  PHASE_LOSS,
  PHASE_BACKPROP,
  PHASE_UPDATE,
  N_PHASES
};

struct _FtlWarmupWindow
{
  AdwWindow      parent_instance;

  gboolean       lesson_example;
  gboolean       running;

  double         x[FTL_NEURON_MAX_POINTS];
  double         y[FTL_NEURON_MAX_POINTS];
  int            n;
  FtlNeuron      start;

  FtlNeuronStep  last;
  gboolean       has_last;
  int            steps;
  gboolean       stepping;       /* w and b are being set by a step */
  int            phase;
  guint          phase_source;
  guint          tick_id;
  gint64         run_last_time;
  double         run_due;        /* steps owed to the animation's pace */

  FtlNeuronView *view;
  GtkSpinButton *w_spin;
  GtkSpinButton *b_spin;
  GtkSpinButton *lr_spin;
  GtkLabel      *loss_label;
  GtkLabel      *step_label;
  GtkLabel      *status_label;
  GtkToggleButton *run_button;
  GtkWidget     *phase_boxes[N_PHASES];
  GtkLabel      *formulas[N_PHASES];
};

G_DEFINE_FINAL_TYPE (FtlWarmupWindow, ftl_warmup_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_LESSON_EXAMPLE,
  PROP_RUNNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- numbers as the board shows them ---------------------------------------------- */

/* Two decimals, with a real minus sign. */
static char *
num (double value)
{
  if (fabs (value) < 0.005)
    value = 0;
  if (value < 0)
    return g_strdup_printf ("−%.2f", -value);
  return g_strdup_printf ("%.2f", value);
}

/* A number that follows × or −: negative ones in parentheses. */
static char *
operand (double value)
{
  g_autofree char *text = num (value);

  if (g_ascii_isdigit (text[0]))
    return g_steal_pointer (&text);
  return g_strdup_printf ("(%s)", text);
}

/* η with as many decimals as it has, two at least: 0.05, 0.005, 0.125. */
static char *
format_lr (double lr)
{
  char *text = g_strdup_printf ("%.3f", lr);
  gsize length = strlen (text);

  if (text[length - 1] == '0')
    text[length - 1] = '\0';
  return text;
}

static char *
format_loss (double loss)
{
  if (!isfinite (loss))
    return g_strdup ("∞");
  if (loss >= 0.01 || loss == 0)
    return g_strdup_printf ("%.2f", loss);
  return g_strdup_printf ("%.1e", loss);
}

/* ---- what is shown ------------------------------------------------------------------- */

static FtlNeuron
current_neuron (FtlWarmupWindow *self)
{
  return (FtlNeuron) { ftl_neuron_view_get_w (self->view), ftl_neuron_view_get_b (self->view) };
}

static void
show_phase (FtlWarmupWindow *self,
            int              phase)
{
  self->phase = phase;
  for (int i = 0; i < N_PHASES; i++)
    {
      if (i == phase)
        gtk_widget_add_css_class (self->phase_boxes[i], "ftl-phase-active");
      else
        gtk_widget_remove_css_class (self->phase_boxes[i], "ftl-phase-active");
    }
}

static void
set_status (FtlWarmupWindow *self,
            const char      *text)
{
  gtk_label_set_text (self->status_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), text != NULL);
}

/* The five rows: the last step's figures, or, before a step, the model as
 * it is and what Step will do. */
static void
update_formulas (FtlWarmupWindow *self)
{
  FtlNeuron at = self->has_last ? self->last.before : current_neuron (self);
  double loss = ftl_neuron_loss (&at, self->x, self->y, self->n);
  g_autofree char *w = num (at.w);
  g_autofree char *b = num (at.b);
  g_autofree char *loss_text = format_loss (loss);
  g_autofree char *init = NULL;
  g_autofree char *forward = NULL;
  g_autofree char *loss_formula = NULL;
  g_autofree char *backprop = NULL;
  g_autofree char *update = NULL;

  init = g_strdup_printf (_("w = %s, b = %s: where the previous model left them"), w, b);

  if (self->n == 1)
    {
      double pred = at.w * self->x[0] + at.b;
      g_autofree char *x = operand (self->x[0]);
      g_autofree char *b_term = operand (at.b);
      g_autofree char *pred_text = num (pred);
      g_autofree char *answer = operand (self->y[0]);

      /* Translators: the forward pass of y = wx + b on one point; keep the symbols. */
      forward = g_strdup_printf (_("ŷ = w·x + b = %s × %s + %s = %s"), w, x, b_term, pred_text);
      /* Translators: the squared error of one prediction; keep the symbols. */
      loss_formula = g_strdup_printf (_("L = (ŷ − y)² = (%s − %s)² = %s"), pred_text, answer, loss_text);
    }
  else
    {
      forward = g_strdup_printf (ngettext ("ŷ = w·x + b = %s·x + %s, for the %d point",
                                           "ŷ = w·x + b = %s·x + %s, for each of the %d points", self->n),
                                 w, b, self->n);
      loss_formula = g_strdup_printf (_("L = mean of (ŷ − y)² over the points = %s"), loss_text);
    }

  if (!self->has_last)
    {
      backprop = g_strdup (_("Press Step: the gradients tell which way each parameter makes the loss grow"));
      update = g_strdup (_("Press Step: w and b each move a little against their gradient"));
    }
  else
    {
      const FtlNeuronStep *s = &self->last;
      g_autofree char *gw = num (s->grad.w);
      g_autofree char *gb = num (s->grad.b);
      g_autofree char *gw_operand = operand (s->grad.w);
      g_autofree char *gb_operand = operand (s->grad.b);
      g_autofree char *lr = format_lr (s->lr);
      g_autofree char *w_after = num (s->after.w);
      g_autofree char *b_after = num (s->after.b);

      if (self->n == 1)
        {
          double error = at.w * self->x[0] + at.b - self->y[0];
          g_autofree char *e = operand (error);
          g_autofree char *x = operand (self->x[0]);

          /* Translators: the chain rule on one point; keep the symbols. */
          backprop = g_strdup_printf (_("∂L/∂w = 2(ŷ − y)·x = 2 × %s × %s = %s\n"
                                        "∂L/∂b = 2(ŷ − y) = 2 × %s = %s"), e, x, gw, e, gb);
        }
      else
        backprop = g_strdup_printf (_("∂L/∂w = mean of 2(ŷ − y)·x = %s\n"
                                      "∂L/∂b = mean of 2(ŷ − y) = %s"), gw, gb);
      /* Translators: gradient descent, filled in; keep the symbols. */
      update = g_strdup_printf (_("w ← w − η·∂L/∂w = %s − %s × %s = %s\n"
                                  "b ← b − η·∂L/∂b = %s − %s × %s = %s"),
                                w, lr, gw_operand, w_after, b, lr, gb_operand, b_after);
    }

  gtk_label_set_text (self->formulas[PHASE_INIT], init);
  gtk_label_set_text (self->formulas[PHASE_FORWARD], forward);
  gtk_label_set_text (self->formulas[PHASE_LOSS], loss_formula);
  gtk_label_set_text (self->formulas[PHASE_BACKPROP], backprop);
  gtk_label_set_text (self->formulas[PHASE_UPDATE], update);
}

static void
update_display (FtlWarmupWindow *self)
{
  FtlNeuron now = current_neuron (self);
  g_autofree char *loss = format_loss (ftl_neuron_loss (&now, self->x, self->y, self->n));
  g_autofree char *steps = g_strdup_printf (ngettext ("%d step", "%d steps", self->steps), self->steps);

  gtk_label_set_text (self->loss_label, loss);
  gtk_label_set_text (self->step_label, steps);
  update_formulas (self);
}

/* ---- stepping ------------------------------------------------------------------------ */

static void
stop_phase_walk (FtlWarmupWindow *self)
{
  g_clear_handle_id (&self->phase_source, g_source_remove);
}

static gboolean
next_phase (gpointer user_data)
{
  FtlWarmupWindow *self = user_data;

  show_phase (self, self->phase + 1);
  if (self->phase < PHASE_UPDATE)
    return G_SOURCE_CONTINUE;
  self->phase_source = 0;
  return G_SOURCE_REMOVE;
}

/* One gradient step. Returns TRUE when training is over: the loss ran away
 * or the gradients are flat (the status says which). */
static gboolean
take_step (FtlWarmupWindow *self)
{
  FtlNeuron neuron = current_neuron (self);
  FtlNeuron grad;
  double lr = gtk_spin_button_get_value (self->lr_spin);

  ftl_neuron_step (&neuron, self->x, self->y, self->n, lr, &self->last);
  self->has_last = TRUE;
  self->steps++;
  self->stepping = TRUE;
  ftl_neuron_view_set_w (self->view, neuron.w);
  ftl_neuron_view_set_b (self->view, neuron.b);
  self->stepping = FALSE;

  if (ftl_neuron_diverged (ftl_neuron_loss (&neuron, self->x, self->y, self->n)))
    {
      set_status (self, _("The loss ran away: with this learning rate each step overshoots the "
                          "bottom of the loss further. Lower η and press Reset."));
      return TRUE;
    }
  ftl_neuron_gradient (&neuron, self->x, self->y, self->n, &grad);
  if (ftl_neuron_converged (&grad, FTL_NEURON_TOLERANCE))
    {
      g_autofree char *text =
        g_strdup_printf (ngettext ("Converged after %d step: the gradients are almost zero, so "
                                   "further steps hardly move w and b.",
                                   "Converged after %d steps: the gradients are almost zero, so "
                                   "further steps hardly move w and b.", self->steps), self->steps);

      set_status (self, text);
      return TRUE;
    }
  set_status (self, NULL);
  return FALSE;
}

static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FtlWarmupWindow *self = FTL_WARMUP_WINDOW (widget);

  if (self->running)
    return;
  take_step (self);
  update_display (self);

  /* Forward, Loss, Backpropagation, Update light up in turn. */
  stop_phase_walk (self);
  show_phase (self, PHASE_FORWARD);
  self->phase_source = g_timeout_add (PHASE_MS, next_phase, self);
}

static void set_running (FtlWarmupWindow *self,
                         gboolean         running);

static gboolean
run_tick (GtkWidget     *widget,
          GdkFrameClock *clock,
          gpointer       user_data)
{
  FtlWarmupWindow *self = FTL_WARMUP_WINDOW (widget);
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  gboolean over = FALSE;

  /* The first frame steps at once; then as many steps as time has passed. */
  if (self->run_last_time == 0)
    self->run_due = 1;
  else
    self->run_due += (now - self->run_last_time) * RUN_STEPS_PER_SECOND / G_USEC_PER_SEC;
  self->run_last_time = now;

  for (int k = 0; k < RUN_MAX_STEPS_PER_FRAME && self->run_due >= 1 && !over; k++)
    {
      over = take_step (self);
      self->run_due -= 1;
    }
  self->run_due = MIN (self->run_due, RUN_MAX_STEPS_PER_FRAME);
  update_display (self);

  if (!over)
    return G_SOURCE_CONTINUE;
  self->tick_id = 0;
  set_running (self, FALSE);
  return G_SOURCE_REMOVE;
}

static void
update_run_button (FtlWarmupWindow *self)
{
  gtk_button_set_label (GTK_BUTTON (self->run_button), self->running ? _("_Stop") : _("_Run"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->run_button),
                               self->running ? _("Stop training")
                                             : _("Take gradient steps one after another until the loss stops falling"));
}

static void
set_running (FtlWarmupWindow *self,
             gboolean         running)
{
  running = !!running;
  if (self->running == running)
    return;
  self->running = running;

  if (running)
    {
      stop_phase_walk (self);
      show_phase (self, PHASE_UPDATE);
      self->run_last_time = 0;
      self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), run_tick, NULL, NULL);
    }
  else if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "warmup.step", !running);
  update_run_button (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

/* ---- the data, reset, the student's edits ---------------------------------------------- */

static void
reset (FtlWarmupWindow *self)
{
  set_running (self, FALSE);
  stop_phase_walk (self);
  self->has_last = FALSE;
  self->steps = 0;
  self->stepping = TRUE;
  ftl_neuron_view_set_w (self->view, self->start.w);
  ftl_neuron_view_set_b (self->view, self->start.b);
  self->stepping = FALSE;
  set_status (self, NULL);
  show_phase (self, PHASE_INIT);
  update_display (self);
}

static void
reset_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  reset (FTL_WARMUP_WINDOW (widget));
}

static void
load_data (FtlWarmupWindow *self)
{
  self->n = ftl_neuron_data (self->lesson_example ? FTL_NEURON_DATA_LESSON : FTL_NEURON_DATA_POINTS,
                             self->x, self->y, &self->start);
  /* The line first, so the axes fit where it starts. */
  self->stepping = TRUE;
  ftl_neuron_view_set_w (self->view, self->start.w);
  ftl_neuron_view_set_b (self->view, self->start.b);
  self->stepping = FALSE;
  ftl_neuron_view_set_points (self->view, self->x, self->y, self->n);
  reset (self);
}

static void
set_lesson_example (FtlWarmupWindow *self,
                    gboolean         lesson_example)
{
  lesson_example = !!lesson_example;
  if (self->lesson_example == lesson_example)
    return;
  self->lesson_example = lesson_example;
  load_data (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LESSON_EXAMPLE]);
}

/* w or b changed: by a step (already shown), or by the student, which
 * starts over from "Initialization" with these values. */
static void
parameter_changed_cb (FtlWarmupWindow *self)
{
  if (self->stepping)
    return;
  set_running (self, FALSE);
  stop_phase_walk (self);
  self->has_last = FALSE;
  set_status (self, NULL);
  show_phase (self, PHASE_INIT);
  update_display (self);
}

/* ---- GObject ----------------------------------------------------------------------------- */

GtkWidget *
ftl_warmup_window_new (GtkWindow *parent)
{
  return g_object_new (FTL_TYPE_WARMUP_WINDOW,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       NULL);
}

static void
ftl_warmup_window_dispose (GObject *object)
{
  FtlWarmupWindow *self = FTL_WARMUP_WINDOW (object);

  stop_phase_walk (self);
  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), FTL_TYPE_WARMUP_WINDOW);
  G_OBJECT_CLASS (ftl_warmup_window_parent_class)->dispose (object);
}

static void
ftl_warmup_window_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  FtlWarmupWindow *self = FTL_WARMUP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LESSON_EXAMPLE:
      g_value_set_boolean (value, self->lesson_example);
      break;
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ftl_warmup_window_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  FtlWarmupWindow *self = FTL_WARMUP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LESSON_EXAMPLE:
      set_lesson_example (self, g_value_get_boolean (value));
      break;
    case PROP_RUNNING:
      set_running (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ftl_warmup_window_class_init (FtlWarmupWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ftl_warmup_window_dispose;
  object_class->get_property = ftl_warmup_window_get_property;
  object_class->set_property = ftl_warmup_window_set_property;

  properties[PROP_LESSON_EXAMPLE] =
    g_param_spec_boolean ("lesson-example", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (FTL_TYPE_NEURON_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/finetunelab/FineTuneLab/ui/ftl-warmup-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FtlWarmupWindow, view);
  gtk_widget_class_bind_template_child (widget_class, FtlWarmupWindow, w_spin);
  gtk_widget_class_bind_template_child (widget_class, FtlWarmupWindow, b_spin);
  gtk_widget_class_bind_template_child (widget_class, FtlWarmupWindow, lr_spin);
  gtk_widget_class_bind_template_child (widget_class, FtlWarmupWindow, loss_label);
  gtk_widget_class_bind_template_child (widget_class, FtlWarmupWindow, step_label);
  gtk_widget_class_bind_template_child (widget_class, FtlWarmupWindow, status_label);
  gtk_widget_class_bind_template_child (widget_class, FtlWarmupWindow, run_button);
  gtk_widget_class_bind_template_child_full (widget_class, "init_phase", FALSE,
                                             G_STRUCT_OFFSET (FtlWarmupWindow, phase_boxes[PHASE_INIT]));
  gtk_widget_class_bind_template_child_full (widget_class, "forward_phase", FALSE,
                                             G_STRUCT_OFFSET (FtlWarmupWindow, phase_boxes[PHASE_FORWARD]));
  gtk_widget_class_bind_template_child_full (widget_class, "loss_phase", FALSE,
                                             G_STRUCT_OFFSET (FtlWarmupWindow, phase_boxes[PHASE_LOSS]));
  gtk_widget_class_bind_template_child_full (widget_class, "backprop_phase", FALSE,
                                             G_STRUCT_OFFSET (FtlWarmupWindow, phase_boxes[PHASE_BACKPROP]));
  gtk_widget_class_bind_template_child_full (widget_class, "update_phase", FALSE,
                                             G_STRUCT_OFFSET (FtlWarmupWindow, phase_boxes[PHASE_UPDATE]));
  gtk_widget_class_bind_template_child_full (widget_class, "init_formula", FALSE,
                                             G_STRUCT_OFFSET (FtlWarmupWindow, formulas[PHASE_INIT]));
  gtk_widget_class_bind_template_child_full (widget_class, "forward_formula", FALSE,
                                             G_STRUCT_OFFSET (FtlWarmupWindow, formulas[PHASE_FORWARD]));
  gtk_widget_class_bind_template_child_full (widget_class, "loss_formula", FALSE,
                                             G_STRUCT_OFFSET (FtlWarmupWindow, formulas[PHASE_LOSS]));
  gtk_widget_class_bind_template_child_full (widget_class, "backprop_formula", FALSE,
                                             G_STRUCT_OFFSET (FtlWarmupWindow, formulas[PHASE_BACKPROP]));
  gtk_widget_class_bind_template_child_full (widget_class, "update_formula", FALSE,
                                             G_STRUCT_OFFSET (FtlWarmupWindow, formulas[PHASE_UPDATE]));

  gtk_widget_class_install_action (widget_class, "warmup.step", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "warmup.reset", NULL, reset_action);
  gtk_widget_class_install_property_action (widget_class, "warmup.run", "running");
  gtk_widget_class_install_property_action (widget_class, "warmup.lesson-example", "lesson-example");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ftl_warmup_window_init (FtlWarmupWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_object_bind_property (self->view, "w", gtk_spin_button_get_adjustment (self->w_spin), "value",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->view, "b", gtk_spin_button_get_adjustment (self->b_spin), "value",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_swapped (self->view, "notify::w", G_CALLBACK (parameter_changed_cb), self);
  g_signal_connect_swapped (self->view, "notify::b", G_CALLBACK (parameter_changed_cb), self);
  gtk_spin_button_set_value (self->lr_spin, FTL_NEURON_DEFAULT_LR);

  update_run_button (self);
  load_data (self);
}
