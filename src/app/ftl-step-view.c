/* ftl-step-view.c — step mode: one training step, phase by phase.
 *
 * Everything shown comes from the job's last FtlStepRecord, which the
 * trainer filled in while it ran that step (ftl-trainer-control.h): the
 * probabilities are those of the forward pass before the update, the
 * update is what AdamW really did to the parameter.
 */
#include "ftl-step-view.h"
#include "ftl-weights-view.h"
#include "ftl-plot-util.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

/* Examples of a batch shown in full; the rest only counted. */
#define MAX_EXAMPLES 3
#define N_COSTLY     5
#define PAD          6.0

struct _FtlStepView
{
  GtkWidget       parent_instance;

  FtlTrainingJob *job;
  char           *tensor;
  FtlStepRecord  *record;      /* the one shown */

  GtkLabel       *state_label;
  GtkStack       *stack;
  GtkLabel       *record_title;
  GtkLabel       *forward_label;
  GtkLabel       *scale_label;
  GtkLabel       *loss_label;
  GtkLabel       *costly_label;
  GtkDrawingArea *grad_bars;
  GtkLabel       *clip_label;
  GtkLabel       *weight_label;
  GtkLabel       *bias_label;
};

G_DEFINE_FINAL_TYPE (FtlStepView, ftl_step_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_JOB,
  PROP_TENSOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- numbers and colours -------------------------------------------------------------- */

static char *
num (double value)
{
  return ftl_format_figure (value, 4);
}

/* A number inside a formula: bracketed when negative, so "× −0.3" reads right. */
static char *
term (double value)
{
  g_autofree char *text = num (value);

  return value < 0 ? g_strdup_printf ("(%s)", text) : g_steal_pointer (&text);
}

/* Light backgrounds from red (p = 0) through yellow to green (p = 1), with
 * dark text on them in either style. */
static void
probability_color (double p,
                   char   hex[8])
{
  static const double stops[3][3] = {
    { 0.965, 0.722, 0.690 },  /* red */
    { 0.976, 0.910, 0.627 },  /* yellow */
    { 0.690, 0.894, 0.682 },  /* green */
  };
  double t = CLAMP (p, 0.0, 1.0) * 2;
  int i = t >= 1 ? 1 : 0;
  double f = t - i;
  int rgb[3];

  for (int c = 0; c < 3; c++)
    rgb[c] = (int) lround (255 * (stops[i][c] + (stops[i + 1][c] - stops[i][c]) * f));
  g_snprintf (hex, 8, "#%02x%02x%02x", rgb[0], rgb[1], rgb[2]);
}

/* A token as text in the flow: escaped, with its line breaks kept. */
static char *
escape_piece (const char *piece)
{
  return g_markup_escape_text (piece != NULL ? piece : "", -1);
}

/* "‘ matey’", the spaces of a token kept visible by the quotes. */
static char *
quote_piece (const char *piece)
{
  g_autofree char *escaped = escape_piece (piece);

  g_strdelimit (escaped, "\n", ' ');
  /* Translators: a token quoted; keep its spaces. */
  return g_strdup_printf (_("‘%s’"), escaped);
}

/* ---- the phases ------------------------------------------------------------------------- */

/* The positions of the N_COSTLY largest losses, largest first; −1 pads. */
static void
find_costly (const FtlStepRecord *r,
             int                  costly[N_COSTLY])
{
  gsize n = (gsize) r->B * r->T;

  for (int k = 0; k < N_COSTLY; k++)
    {
      costly[k] = -1;
      for (gsize i = 0; i < n; i++)
        {
          gboolean taken = FALSE;

          if (r->mask[i] == 0.f)
            continue;
          for (int j = 0; j < k; j++)
            taken |= costly[j] == (int) i;
          if (!taken && (costly[k] < 0 || r->losses[i] > r->losses[costly[k]]))
            costly[k] = (int) i;
        }
    }
}

static gboolean
is_costly (const int costly[N_COSTLY],
           gsize     i)
{
  for (int k = 0; k < N_COSTLY; k++)
    if (costly[k] == (int) i)
      return TRUE;
  return FALSE;
}

static void
show_forward (FtlStepView         *self,
              const FtlStepRecord *r,
              const int            costly[N_COSTLY])
{
  GString *markup = g_string_new (NULL);
  int shown = MIN (r->B, MAX_EXAMPLES);
  char low[8], mid[8], high[8];

  for (int b = 0; b < shown; b++)
    {
      g_autofree char *first = escape_piece (r->first_text[b]);

      /* Each example ends with its own line break; one more sets it apart. */
      if (b > 0)
        g_string_append (markup, "\n");
      g_string_append_printf (markup, "<span alpha=\"55%%\">%s</span>", first);
      for (int t = 0; t < r->lengths[b]; t++)
        {
          gsize i = (gsize) b * r->T + t;
          g_autofree char *piece = escape_piece (r->target_text[i]);
          char color[8];

          if (r->mask[i] == 0.f)
            {
              g_string_append_printf (markup, "<span alpha=\"55%%\">%s</span>", piece);
              continue;
            }
          probability_color (r->probability[i], color);
          g_string_append_printf (markup, "<span background=\"%s\" foreground=\"#1e1e1e\"%s>%s</span>",
                                  color, is_costly (costly, i) ? " weight=\"bold\" underline=\"error\"" : "",
                                  piece);
        }
    }
  if (r->B > shown)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("… and %d more example in this batch",
                                                         "… and %d more examples in this batch",
                                                         r->B - shown), r->B - shown);

      g_string_append_printf (markup, "\n\n<i>%s</i>", more);
    }
  gtk_label_set_markup (self->forward_label, markup->str);
  g_string_free (markup, TRUE);

  probability_color (0, low);
  probability_color (0.5, mid);
  probability_color (1, high);
  g_autofree char *scale = g_strdup_printf (
    "%s <span background=\"%s\" foreground=\"#1e1e1e\"> 0 </span><span background=\"%s\" foreground=\"#1e1e1e\"> 0.5 </span><span background=\"%s\" foreground=\"#1e1e1e\"> 1 </span>   <b><u>%s</u></b> %s",
    _("Probability of the right token:"), low, mid, high, _("bold"), _("the costliest tokens"));
  gtk_label_set_markup (self->scale_label, scale);
}

static void
show_loss (FtlStepView         *self,
           const FtlStepRecord *r,
           const int            costly[N_COSTLY])
{
  gsize n = (gsize) r->B * r->T;
  int trained = 0;
  GString *list = g_string_new (NULL);
  g_autofree char *loss = num (r->loss);

  for (gsize i = 0; i < n; i++)
    trained += r->mask[i] != 0.f;
  g_autofree char *text = g_strdup_printf (
    ngettext ("Loss <b>%s</b>: the mean of −log p over the %d trained token.",
              "Loss <b>%s</b>: the mean of −log p over the %d trained tokens.", trained),
    loss, trained);
  gtk_label_set_markup (self->loss_label, text);

  g_string_append (list, _("What cost most:"));
  for (int k = 0; k < N_COSTLY && costly[k] >= 0; k++)
    {
      int i = costly[k];
      g_autofree char *token = quote_piece (r->target_text[i]);
      g_autofree char *expected = quote_piece (r->predicted_text[i]);
      g_autofree char *cost = num (r->losses[i]);
      g_autofree char *p = num (r->probability[i]);

      g_string_append (list, "\n• ");
      /* Translators: a token, its loss, its probability, and the token the model found most likely instead. */
      g_string_append_printf (list, _("%s — loss %s (p = %s); the model expected %s"), token, cost, p, expected);
    }
  gtk_label_set_markup (self->costly_label, list->str);
  g_string_free (list, TRUE);
}

static void
draw_grad_bars (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        user_data)
{
  FtlStepView *self = user_data;
  GtkWidget *widget = GTK_WIDGET (area);
  FtlLayerStats *s = self->record != NULL ? self->record->layers : NULL;
  static const GdkRGBA bar = { 0.208f, 0.518f, 0.894f, 1.f };  /* Blue 3 */
  double peak = 0, slot, top, bottom;
  int label_height;
  GdkRGBA fg;

  if (s == NULL)
    return;
  for (int g = 0; g < s->n_groups; g++)
    peak = MAX (peak, s->grad_norm[g]);

  g_autoptr(PangoLayout) probe = gtk_widget_create_pango_layout (widget, "0");
  pango_layout_get_pixel_size (probe, NULL, &label_height);
  ftl_plot_get_foreground (widget, &fg);
  slot = (double) width / s->n_groups;
  top = label_height + 2;
  bottom = height - label_height - 4;

  for (int g = 0; g < s->n_groups; g++)
    {
      double h = peak > 0 ? (bottom - top) * s->grad_norm[g] / peak : 0;
      double x = g * slot + slot * 0.2, w = slot * 0.6;
      g_autofree char *value = num (s->grad_norm[g]);
      g_autofree char *name = ftl_format_group (g, s->n_groups);
      g_autoptr(PangoLayout) value_layout = gtk_widget_create_pango_layout (widget, value);
      g_autoptr(PangoLayout) name_layout = gtk_widget_create_pango_layout (widget, name);
      int tw, th;

      ftl_plot_set_source (cr, &bar, 0.85);
      cairo_rectangle (cr, round (x), round (bottom - h), round (w), round (h));
      cairo_fill (cr);

      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.85);
      pango_layout_get_pixel_size (value_layout, &tw, &th);
      cairo_move_to (cr, round (x + w / 2 - tw / 2.0), round (bottom - h - th - 1));
      pango_cairo_show_layout (cr, value_layout);
      pango_layout_set_width (name_layout, (int) slot * PANGO_SCALE);
      pango_layout_set_ellipsize (name_layout, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (name_layout, &tw, &th);
      cairo_move_to (cr, round (g * slot + slot / 2 - tw / 2.0), round (bottom + 3));
      pango_cairo_show_layout (cr, name_layout);
    }
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.3);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, 0, floor (bottom) + 0.5);
  cairo_line_to (cr, width, floor (bottom) + 0.5);
  cairo_stroke (cr);
}

static void
show_backward (FtlStepView         *self,
               const FtlStepRecord *r)
{
  double total = 0;
  float scale = r->weight.tensor >= 0 ? r->weight.clip_scale : r->bias.clip_scale;
  g_autofree char *norm = NULL;
  g_autofree char *text = NULL;

  for (int g = 0; g < r->layers->n_groups; g++)
    total += (double) r->layers->grad_norm[g] * r->layers->grad_norm[g];
  norm = num (sqrt (total));
  if (scale < 1.f)
    {
      g_autofree char *factor = num (scale);

      text = g_strdup_printf (_("All together the gradient’s norm is %s: above the clipping limit, so every gradient is scaled by %s before the update."),
                              norm, factor);
    }
  else
    text = g_strdup_printf (_("All together the gradient’s norm is %s: within the clipping limit, so it is used as it is."), norm);
  gtk_label_set_text (self->clip_label, text);
  gtk_widget_queue_draw (GTK_WIDGET (self->grad_bars));
}

/* One parameter's update with the formula filled in from the record. */
static char *
update_markup (const FtlUpdateRecord *u)
{
  GString *s = g_string_new (NULL);
  double m, v, m_hat, v_hat;
  double after = ftl_update_record_formula (u, &m, &v, &m_hat, &v_hat);
  double g = (double) u->grad * u->clip_scale;
  gboolean vector = g_str_has_suffix (u->name, ".bias") || strstr (u->name, "norm") != NULL;
  g_autofree char *where = vector ? g_strdup_printf ("%s[%d]", u->name, u->col)
                                  : g_strdup_printf ("%s[%d, %d]", u->name, u->row, u->col);
  g_autofree char *theta = num (u->theta_before);
  g_autofree char *grad = num (u->grad);
  g_autofree char *clip = num (u->clip_scale);
  g_autofree char *g_text = term (g);
  g_autofree char *b1 = num (u->beta1);
  g_autofree char *b1c = num (1.0 - u->beta1);
  g_autofree char *b2 = num (u->beta2);
  g_autofree char *b2c = num (1.0 - u->beta2);
  g_autofree char *m0 = term (u->m_before);
  g_autofree char *v0 = term (u->v_before);
  g_autofree char *m_text = num (m);
  g_autofree char *v_text = num (v);
  g_autofree char *m_term = term (m);
  g_autofree char *c1 = num (u->correction1);
  g_autofree char *c2 = num (u->correction2);
  g_autofree char *mh = num (m_hat);
  g_autofree char *vh = num (v_hat);
  g_autofree char *mh_term = term (m_hat);
  g_autofree char *sqrt_vh = num (sqrt (v_hat));
  g_autofree char *eta = num (u->learning_rate);
  g_autofree char *eps = ftl_format_figure (u->eps, 1);
  g_autofree char *lambda = num (u->weight_decay);
  g_autofree char *theta_term = term (u->theta_before);
  g_autofree char *after_text = num (after);
  g_autofree char *recorded = num (u->theta_after);
  g_autofree char *change = num ((double) u->theta_after - u->theta_before);
  /* β1ᵗ for t = 12 reads β1¹². */
  g_autofree char *t = ftl_format_superscript (u->t);

  g_string_append_printf (s, "<b>%s</b> <span alpha=\"60%%\">%s</span>", where,
                          _("(the largest gradient of its tensor)"));
  g_string_append (s, "<tt>");
  g_string_append_printf (s, "\nθ  = %s", theta);
  if (u->clip_scale < 1.f)
    g_string_append_printf (s, "\ng  = %s × %s = %s", grad, clip, g_text);
  else
    g_string_append_printf (s, "\ng  = %s", grad);
  g_string_append_printf (s, "\nm ← β1·m + (1−β1)·g = %s × %s + %s × %s = %s", b1, m0, b1c, g_text, m_text);
  g_string_append_printf (s, "\nv ← β2·v + (1−β2)·g² = %s × %s + %s × %s² = %s", b2, v0, b2c, g_text, v_text);
  g_string_append_printf (s, "\nm̂ = m ÷ (1−β1%s) = %s ÷ %s = %s", t, m_term, c1, mh);
  g_string_append_printf (s, "\nv̂ = v ÷ (1−β2%s) = %s ÷ %s = %s", t, v_text, c2, vh);
  g_string_append (s, "\nθ ← θ − η·(m̂ ÷ (√v̂ + ε) + λ·θ)");
  g_string_append_printf (s, "\n  = %s − %s × (%s ÷ (%s + %s) + %s × %s)", theta, eta, mh_term, sqrt_vh, eps,
                          lambda, theta_term);
  g_string_append_printf (s, "\n  = <b>%s</b>", after_text);
  g_string_append (s, "</tt>\n");
  /* Translators: the value the parameter really has after the step, and by how much it moved. */
  g_string_append_printf (s, _("After the step the parameter is %s (it moved by %s)."), recorded, change);
  return g_string_free (s, FALSE);
}

static void
show_update (FtlStepView         *self,
             const FtlStepRecord *r)
{
  g_autofree char *weight = r->weight.tensor >= 0 ? update_markup (&r->weight) : NULL;
  g_autofree char *bias = r->bias.tensor >= 0 ? update_markup (&r->bias) : NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->weight_label), weight != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->bias_label), bias != NULL);
  if (weight != NULL)
    gtk_label_set_markup (self->weight_label, weight);
  if (bias != NULL)
    gtk_label_set_markup (self->bias_label, bias);
}

static void
show_record (FtlStepView *self)
{
  FtlStepRecord *r = self->record;
  int costly[N_COSTLY];
  g_autofree char *title = NULL;

  if (r == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  title = g_strdup_printf (ngettext ("Step %d on the real model, with a batch of %d example",
                                     "Step %d on the real model, with a batch of %d examples", r->B),
                           r->step, r->B);
  gtk_label_set_text (self->record_title, title);

  find_costly (r, costly);
  show_forward (self, r, costly);
  show_loss (self, r, costly);
  show_backward (self, r);
  show_update (self, r);
  gtk_stack_set_visible_child_name (self->stack, "phases");
}

/* ---- the controls ----------------------------------------------------------------------- */

static void
update_state (FtlStepView *self)
{
  FtlTrainingJob *job = self->job;
  gboolean running = job != NULL && ftl_training_job_get_running (job);
  gboolean paused = running && ftl_training_job_get_paused (job);
  gboolean requested = running && ftl_training_job_get_pause_requested (job);
  g_autofree char *text = NULL;

  if (!running)
    text = g_strdup (_("Start fine-tuning, then pause it here to go through it one step at a time."));
  else if (paused)
    {
      /* Paused before the first step, the run's length comes only from the trainer. */
      FtlInspectRun *run = ftl_training_job_get_inspect_run (job);

      text = g_strdup_printf (_("Paused before step %d of %d."), ftl_training_job_get_step (job) + 1,
                              run != NULL ? run->total_steps : ftl_training_job_get_total_steps (job));
    }
  else if (requested)
    text = g_strdup (_("Pausing after this step…"));
  else
    text = g_strdup (_("Training. Pause it to go through one batch at a time."));
  gtk_label_set_text (self->state_label, text);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "step.pause", running && !requested);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "step.step", paused);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "step.resume", running && requested);
}

static void
pause_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  FtlStepView *self = FTL_STEP_VIEW (widget);

  ftl_training_job_pause (self->job);
  update_state (self);
}

static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FtlStepView *self = FTL_STEP_VIEW (widget);

  ftl_training_job_step (self->job);
  /* Until the trainer waits again: one step at a time. */
  gtk_widget_action_set_enabled (widget, "step.step", FALSE);
}

static void
resume_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FtlStepView *self = FTL_STEP_VIEW (widget);

  ftl_training_job_resume (self->job);
  update_state (self);
}

/* The weight the update shows, and its bias (see the header). */
static void
select_elements (FtlStepView *self)
{
  g_autofree char *weight = NULL;
  g_autofree char *bias = NULL;
  g_auto(GStrv) parts = NULL;

  if (self->job == NULL || self->tensor == NULL)
    return;
  parts = g_strsplit (self->tensor, ".", 4);
  if (g_strv_length (parts) == 4 && g_str_equal (parts[0], "blk"))
    {
      gboolean qkv = g_str_equal (parts[2], "attn_q") || g_str_equal (parts[2], "attn_k") ||
                     g_str_equal (parts[2], "attn_v");

      weight = g_strdup_printf ("blk.%s.%s.weight", parts[1], parts[2]);
      bias = g_strdup_printf ("blk.%s.%s.bias", parts[1], qkv ? parts[2] : "attn_q");
    }
  else
    {
      weight = g_strdup (self->tensor);
      bias = g_strdup ("blk.0.attn_q.bias");
    }
  ftl_training_job_select_elements (self->job, weight, -1, bias, -1);
}

static void
job_record_cb (FtlStepView *self)
{
  FtlStepRecord *record = ftl_training_job_get_step_record (self->job);

  if (record == self->record)
    return;
  g_clear_pointer (&self->record, ftl_step_record_unref);
  if (record != NULL)
    self->record = ftl_step_record_ref (record);
  show_record (self);
}

/* ---- the widget ------------------------------------------------------------------------- */

static void
ftl_step_view_dispose (GObject *object)
{
  FtlStepView *self = FTL_STEP_VIEW (object);

  GtkWidget *child;

  ftl_step_view_set_job (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), FTL_TYPE_STEP_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (ftl_step_view_parent_class)->dispose (object);
}

static void
ftl_step_view_finalize (GObject *object)
{
  FtlStepView *self = FTL_STEP_VIEW (object);

  g_free (self->tensor);
  g_clear_pointer (&self->record, ftl_step_record_unref);
  G_OBJECT_CLASS (ftl_step_view_parent_class)->finalize (object);
}

static void
ftl_step_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  FtlStepView *self = FTL_STEP_VIEW (object);

  switch (prop_id)
    {
    case PROP_JOB:
      g_value_set_object (value, self->job);
      break;
    case PROP_TENSOR:
      g_value_set_string (value, self->tensor);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ftl_step_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  FtlStepView *self = FTL_STEP_VIEW (object);

  switch (prop_id)
    {
    case PROP_JOB:
      ftl_step_view_set_job (self, g_value_get_object (value));
      break;
    case PROP_TENSOR:
      ftl_step_view_set_tensor (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ftl_step_view_class_init (FtlStepViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ftl_step_view_dispose;
  object_class->finalize = ftl_step_view_finalize;
  object_class->get_property = ftl_step_view_get_property;
  object_class->set_property = ftl_step_view_set_property;

  properties[PROP_JOB] =
    g_param_spec_object ("job", NULL, NULL, FTL_TYPE_TRAINING_JOB,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TENSOR] =
    g_param_spec_string ("tensor", NULL, NULL, "blk.0.attn_q.weight",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "step.pause", NULL, pause_action);
  gtk_widget_class_install_action (widget_class, "step.step", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "step.resume", NULL, resume_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/finetunelab/FineTuneLab/ui/ftl-step-view.ui");
  gtk_widget_class_bind_template_child (widget_class, FtlStepView, state_label);
  gtk_widget_class_bind_template_child (widget_class, FtlStepView, stack);
  gtk_widget_class_bind_template_child (widget_class, FtlStepView, record_title);
  gtk_widget_class_bind_template_child (widget_class, FtlStepView, forward_label);
  gtk_widget_class_bind_template_child (widget_class, FtlStepView, scale_label);
  gtk_widget_class_bind_template_child (widget_class, FtlStepView, loss_label);
  gtk_widget_class_bind_template_child (widget_class, FtlStepView, costly_label);
  gtk_widget_class_bind_template_child (widget_class, FtlStepView, grad_bars);
  gtk_widget_class_bind_template_child (widget_class, FtlStepView, clip_label);
  gtk_widget_class_bind_template_child (widget_class, FtlStepView, weight_label);
  gtk_widget_class_bind_template_child (widget_class, FtlStepView, bias_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "stepview");
}

static void
ftl_step_view_init (FtlStepView *self)
{
  self->tensor = g_strdup ("blk.0.attn_q.weight");
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (self->grad_bars, draw_grad_bars, self, NULL);
  update_state (self);
}

GtkWidget *
ftl_step_view_new (void)
{
  return g_object_new (FTL_TYPE_STEP_VIEW, NULL);
}

void
ftl_step_view_set_job (FtlStepView    *self,
                       FtlTrainingJob *job)
{
  g_return_if_fail (FTL_IS_STEP_VIEW (self));
  g_return_if_fail (job == NULL || FTL_IS_TRAINING_JOB (job));

  if (self->job == job)
    return;
  if (self->job != NULL)
    g_signal_handlers_disconnect_by_data (self->job, self);
  g_set_object (&self->job, job);
  if (job != NULL)
    {
      g_signal_connect_swapped (job, "notify::step-record", G_CALLBACK (job_record_cb), self);
      g_signal_connect_swapped (job, "notify::paused", G_CALLBACK (update_state), self);
      g_signal_connect_swapped (job, "notify::running", G_CALLBACK (update_state), self);
      g_signal_connect_swapped (job, "notify::step", G_CALLBACK (update_state), self);
      g_signal_connect_swapped (job, "notify::inspect-run", G_CALLBACK (update_state), self);
      select_elements (self);
    }
  g_clear_pointer (&self->record, ftl_step_record_unref);
  if (job != NULL && ftl_training_job_get_step_record (job) != NULL)
    self->record = ftl_step_record_ref (ftl_training_job_get_step_record (job));
  show_record (self);
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JOB]);
}

FtlTrainingJob *
ftl_step_view_get_job (FtlStepView *self)
{
  g_return_val_if_fail (FTL_IS_STEP_VIEW (self), NULL);
  return self->job;
}

void
ftl_step_view_set_tensor (FtlStepView *self,
                          const char  *tensor)
{
  g_return_if_fail (FTL_IS_STEP_VIEW (self));
  g_return_if_fail (tensor != NULL);

  if (g_strcmp0 (self->tensor, tensor) == 0)
    return;
  g_free (self->tensor);
  self->tensor = g_strdup (tensor);
  select_elements (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TENSOR]);
}

const char *
ftl_step_view_get_tensor (FtlStepView *self)
{
  g_return_val_if_fail (FTL_IS_STEP_VIEW (self), NULL);
  return self->tensor;
}
