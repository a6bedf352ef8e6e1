/* ftl-neuron-view.c — the points, the line and its errors; dragging the line
 * changes b, dragging its handle (or with Shift) changes w. */
#include "ftl-neuron-view.h"

#include <math.h>
#include <glib/gi18n.h>

#include "ftl-neuron.h"
#include "ftl-plot-util.h"

/* The loss plot's palette, so the two pictures read alike. */
static const GdkRGBA line_color  = { 0.208f, 0.518f, 0.894f, 1.0f };  /* Blue 3 */
static const GdkRGBA point_color = { 1.000f, 0.471f, 0.000f, 1.0f };  /* Orange 3 */
static const GdkRGBA error_color = { 0.878f, 0.106f, 0.141f, 1.0f };  /* Red 3 */

#define MARGIN_LEFT    44.0
#define MARGIN_RIGHT   16.0
#define MARGIN_TOP     16.0
#define MARGIN_BOTTOM  28.0
#define POINT_RADIUS    5.0
#define HANDLE_RADIUS   8.0
/* A press this close to the handle's centre grabs it. */
#define HANDLE_REACH   16.0
/* Drags and keys move in hundredths: the spin buttons show two decimals. */
#define KEY_STEP        0.1

struct _FtlNeuronView
{
  GtkWidget parent_instance;

  double    w;
  double    b;
  double    x[FTL_NEURON_MAX_POINTS];
  double    y[FTL_NEURON_MAX_POINTS];
  int       n;

  /* The axes, in data units, fixed by set_points. */
  double    x_min, x_max, y_min, y_max;

  /* The drag in progress: what it changes and where it started. */
  gboolean  drag_tilts;
  double    drag_w, drag_b;
};

G_DEFINE_FINAL_TYPE (FtlNeuronView, ftl_neuron_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_W,
  PROP_B,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- geometry ----------------------------------------------------------------- */

static double
area_width (FtlNeuronView *self)
{
  return MAX (1.0, gtk_widget_get_width (GTK_WIDGET (self)) - MARGIN_LEFT - MARGIN_RIGHT);
}

static double
area_height (FtlNeuronView *self)
{
  return MAX (1.0, gtk_widget_get_height (GTK_WIDGET (self)) - MARGIN_TOP - MARGIN_BOTTOM);
}

static double
to_px_x (FtlNeuronView *self,
         double         x)
{
  return MARGIN_LEFT + (x - self->x_min) / (self->x_max - self->x_min) * area_width (self);
}

static double
to_px_y (FtlNeuronView *self,
         double         y)
{
  return MARGIN_TOP + (self->y_max - y) / (self->y_max - self->y_min) * area_height (self);
}

/* The handle sits near the right edge, inside the axes, on the line. */
static double
handle_data_x (FtlNeuronView *self)
{
  return self->x_max - 0.1 * (self->x_max - self->x_min);
}

void
ftl_neuron_view_get_handle (FtlNeuronView *self,
                            double        *x,
                            double        *y)
{
  double hx = handle_data_x (self);

  g_return_if_fail (FTL_IS_NEURON_VIEW (self));

  *x = to_px_x (self, hx);
  *y = to_px_y (self, self->w * hx + self->b);
}

/* ---- drawing ------------------------------------------------------------------ */

static void
draw_axes (FtlNeuronView *self,
           cairo_t       *cr,
           const GdkRGBA *fg)
{
  double left = MARGIN_LEFT, top = MARGIN_TOP;
  double right = left + area_width (self), bottom = top + area_height (self);
  g_autoptr(GArray) x_ticks = ftl_plot_linear_ticks (self->x_min, self->x_max,
                                                     ftl_plot_nice_step (self->x_max - self->x_min, 6));
  g_autoptr(GArray) y_ticks = ftl_plot_linear_ticks (self->y_min, self->y_max,
                                                     ftl_plot_nice_step (self->y_max - self->y_min, 6));

  cairo_set_line_width (cr, 1);
  ftl_plot_set_source (cr, fg, 0.10);
  for (guint i = 0; i < x_ticks->len; i++)
    {
      double x = floor (to_px_x (self, g_array_index (x_ticks, double, i))) + 0.5;

      cairo_move_to (cr, x, top);
      cairo_line_to (cr, x, bottom);
    }
  for (guint i = 0; i < y_ticks->len; i++)
    {
      double y = floor (to_px_y (self, g_array_index (y_ticks, double, i))) + 0.5;

      cairo_move_to (cr, left, y);
      cairo_line_to (cr, right, y);
    }
  cairo_stroke (cr);

  /* The axes through the origin, where the lesson's y = wx + b lives. */
  ftl_plot_set_source (cr, fg, 0.45);
  if (self->x_min <= 0 && self->x_max >= 0)
    {
      cairo_move_to (cr, floor (to_px_x (self, 0)) + 0.5, top);
      cairo_line_to (cr, floor (to_px_x (self, 0)) + 0.5, bottom);
    }
  if (self->y_min <= 0 && self->y_max >= 0)
    {
      cairo_move_to (cr, left, floor (to_px_y (self, 0)) + 0.5);
      cairo_line_to (cr, right, floor (to_px_y (self, 0)) + 0.5);
    }
  cairo_stroke (cr);

  /* fabs: no "-0" where the origin's tick came out as −0. */
  ftl_plot_set_source (cr, fg, 0.7);
  for (guint i = 0; i < x_ticks->len; i++)
    {
      double v = g_array_index (x_ticks, double, i);
      g_autofree char *label = g_strdup_printf ("%g", fabs (v) < 1e-9 ? 0 : v);

      ftl_plot_show_text (GTK_WIDGET (self), cr, label, to_px_x (self, v), bottom + 4, 0.5, 0);
    }
  for (guint i = 0; i < y_ticks->len; i++)
    {
      double v = g_array_index (y_ticks, double, i);
      g_autofree char *label = g_strdup_printf ("%g", fabs (v) < 1e-9 ? 0 : v);

      ftl_plot_show_text (GTK_WIDGET (self), cr, label, left - 6, to_px_y (self, v), 1, 0.5);
    }
}

static void
draw_data (FtlNeuronView *self,
           cairo_t       *cr,
           const GdkRGBA *fg)
{
  static const double dashes[] = { 4, 3 };
  double left = MARGIN_LEFT, top = MARGIN_TOP;
  double x0 = self->x_min, x1 = self->x_max;

  cairo_save (cr);
  cairo_rectangle (cr, left, top, area_width (self), area_height (self));
  cairo_clip (cr);

  /* Each point's error: from its answer to the line's prediction. The loss
   * is the mean of their squares. */
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_set_line_width (cr, 2);
  ftl_plot_set_source (cr, &error_color, 0.8);
  for (int i = 0; i < self->n; i++)
    {
      double px = to_px_x (self, self->x[i]);

      cairo_move_to (cr, px, to_px_y (self, self->y[i]));
      cairo_line_to (cr, px, to_px_y (self, self->w * self->x[i] + self->b));
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  /* The line. Far-off values are clamped so cairo never sees a huge
   * coordinate when w runs away. */
  double h = area_height (self);
  cairo_set_line_width (cr, 3);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  ftl_plot_set_source (cr, &line_color, 1);
  cairo_move_to (cr, to_px_x (self, x0), CLAMP (to_px_y (self, self->w * x0 + self->b), -10 * h, 10 * h));
  cairo_line_to (cr, to_px_x (self, x1), CLAMP (to_px_y (self, self->w * x1 + self->b), -10 * h, 10 * h));
  cairo_stroke (cr);

  for (int i = 0; i < self->n; i++)
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, to_px_x (self, self->x[i]), to_px_y (self, self->y[i]), POINT_RADIUS, 0, 2 * G_PI);
    }
  ftl_plot_set_source (cr, &point_color, 1);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, point_color.red * 0.6, point_color.green * 0.6, point_color.blue * 0.6, 1);
  cairo_set_line_width (cr, 1.25);
  cairo_stroke (cr);

  /* The tilt handle: a ring on the line, hollow so it reads as a grip. */
  double hx, hy;
  ftl_neuron_view_get_handle (self, &hx, &hy);
  if (hy >= top - HANDLE_RADIUS && hy <= top + h + HANDLE_RADIUS)
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, hx, hy, HANDLE_RADIUS, 0, 2 * G_PI);
      ftl_plot_set_source (cr, &line_color, 0.25);
      cairo_fill_preserve (cr);
      ftl_plot_set_source (cr, &line_color, 1);
      cairo_set_line_width (cr, 3);
      cairo_stroke (cr);
    }
  cairo_restore (cr);

  /* The model, written out. */
  g_autofree char *formula = g_strdup_printf ("y = %.2f·x %s %.2f", self->w,
                                              self->b < 0 ? "−" : "+", fabs (self->b));
  ftl_plot_set_source (cr, &line_color, 1);
  ftl_plot_show_text (GTK_WIDGET (self), cr, formula, left + 8, top + 6, 0, 0);
}

static void
ftl_neuron_view_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  FtlNeuronView *self = FTL_NEURON_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkRGBA fg;

  if (width <= MARGIN_LEFT + MARGIN_RIGHT || height <= MARGIN_TOP + MARGIN_BOTTOM)
    return;

  ftl_plot_get_foreground (widget, &fg);
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw_axes (self, cr, &fg);
  draw_data (self, cr, &fg);
  cairo_destroy (cr);
}

static void
ftl_neuron_view_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 240 : 200;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 520 : 400;
}

/* ---- the model ------------------------------------------------------------------ */

static void
update_description (FtlNeuronView *self)
{
  double loss = self->n > 0 ? ftl_neuron_loss (&(FtlNeuron) { self->w, self->b }, self->x, self->y, self->n)
                            : NAN;
  g_autofree char *description =
    g_strdup_printf (ngettext ("The line y = %.2f·x + %.2f and %d point; loss %.2f",
                               "The line y = %.2f·x + %.2f and %d points; loss %.2f", self->n),
                     self->w, self->b, self->n, loss);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
set_parameter (FtlNeuronView *self,
               double        *field,
               double         value,
               GParamSpec    *pspec)
{
  if (*field == value || !isfinite (value))
    return;
  *field = value;
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

double
ftl_neuron_view_get_w (FtlNeuronView *self)
{
  g_return_val_if_fail (FTL_IS_NEURON_VIEW (self), 0);
  return self->w;
}

void
ftl_neuron_view_set_w (FtlNeuronView *self,
                       double         w)
{
  g_return_if_fail (FTL_IS_NEURON_VIEW (self));
  set_parameter (self, &self->w, w, properties[PROP_W]);
}

double
ftl_neuron_view_get_b (FtlNeuronView *self)
{
  g_return_val_if_fail (FTL_IS_NEURON_VIEW (self), 0);
  return self->b;
}

void
ftl_neuron_view_set_b (FtlNeuronView *self,
                       double         b)
{
  g_return_if_fail (FTL_IS_NEURON_VIEW (self));
  set_parameter (self, &self->b, b, properties[PROP_B]);
}

void
ftl_neuron_view_set_points (FtlNeuronView *self,
                            const double  *x,
                            const double  *y,
                            int            n)
{
  g_return_if_fail (FTL_IS_NEURON_VIEW (self));
  g_return_if_fail (n >= 1 && n <= FTL_NEURON_MAX_POINTS);

  double x_lo = 0, x_hi = 0, y_lo = 0, y_hi = 0;

  for (int i = 0; i < n; i++)
    {
      self->x[i] = x[i];
      self->y[i] = y[i];
      x_lo = MIN (x_lo, x[i]);
      x_hi = MAX (x_hi, x[i]);
    }
  self->n = n;
  /* Half a unit beyond the points, the origin always in view. */
  self->x_min = x_lo - 0.5;
  self->x_max = x_hi + 0.5;
  /* The answers and the line as it starts, with room above and below. */
  for (int i = 0; i < n; i++)
    {
      y_lo = MIN (y_lo, y[i]);
      y_hi = MAX (y_hi, y[i]);
    }
  for (int k = 0; k < 2; k++)
    {
      double line_y = self->w * (k == 0 ? self->x_min : self->x_max) + self->b;

      if (isfinite (line_y) && fabs (line_y) < 100)
        {
          y_lo = MIN (y_lo, line_y);
          y_hi = MAX (y_hi, line_y);
        }
    }
  self->y_min = floor (y_lo) - 1;
  self->y_max = ceil (y_hi) + 1;

  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---- dragging ------------------------------------------------------------------- */

static double
round_cents (double value)
{
  return round (value * 100) / 100;
}

static void
drag_begin (FtlNeuronView *self,
            double         x,
            double         y,
            gboolean       shift)
{
  double hx, hy;

  ftl_neuron_view_get_handle (self, &hx, &hy);
  self->drag_tilts = shift || hypot (x - hx, y - hy) <= HANDLE_REACH;
  self->drag_w = self->w;
  self->drag_b = self->b;
}

/* The pointer moved dy pixels since the press: the handle (or, for b, the
 * whole line) follows it. Tilting keeps b, so the line turns about x = 0. */
static void
drag_update (FtlNeuronView *self,
             double         dy)
{
  double dy_data = -dy / area_height (self) * (self->y_max - self->y_min);

  if (self->drag_tilts)
    ftl_neuron_view_set_w (self, round_cents (self->drag_w + dy_data / handle_data_x (self)));
  else
    ftl_neuron_view_set_b (self, round_cents (self->drag_b + dy_data));
}

void
ftl_neuron_view_drag (FtlNeuronView *self,
                      double         start_x,
                      double         start_y,
                      double         dx,
                      double         dy,
                      gboolean       shift)
{
  g_return_if_fail (FTL_IS_NEURON_VIEW (self));

  drag_begin (self, start_x, start_y, shift);
  drag_update (self, dy);
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               FtlNeuronView  *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  drag_begin (self, x, y, (state & GDK_SHIFT_MASK) != 0);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                FtlNeuronView  *self)
{
  drag_update (self, dy);
}

/* The pointer says what a press will do: near the handle it tilts. */
static void
on_motion (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           FtlNeuronView            *self)
{
  double hx, hy;

  ftl_neuron_view_get_handle (self, &hx, &hy);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                   hypot (x - hx, y - hy) <= HANDLE_REACH ? "grab" : "ns-resize");
}

static gboolean
on_key_pressed (GtkEventControllerKey *key,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                FtlNeuronView         *self)
{
  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      ftl_neuron_view_set_b (self, round_cents (self->b + KEY_STEP));
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      ftl_neuron_view_set_b (self, round_cents (self->b - KEY_STEP));
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      ftl_neuron_view_set_w (self, round_cents (self->w + KEY_STEP));
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      ftl_neuron_view_set_w (self, round_cents (self->w - KEY_STEP));
      return TRUE;
    default:
      return FALSE;
    }
}

/* ---- GObject -------------------------------------------------------------------- */

GtkWidget *
ftl_neuron_view_new (void)
{
  return g_object_new (FTL_TYPE_NEURON_VIEW, NULL);
}

static void
ftl_neuron_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  FtlNeuronView *self = FTL_NEURON_VIEW (object);

  switch (prop_id)
    {
    case PROP_W:
      g_value_set_double (value, self->w);
      break;
    case PROP_B:
      g_value_set_double (value, self->b);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ftl_neuron_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  FtlNeuronView *self = FTL_NEURON_VIEW (object);

  switch (prop_id)
    {
    case PROP_W:
      ftl_neuron_view_set_w (self, g_value_get_double (value));
      break;
    case PROP_B:
      ftl_neuron_view_set_b (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ftl_neuron_view_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), FTL_TYPE_NEURON_VIEW);
  G_OBJECT_CLASS (ftl_neuron_view_parent_class)->dispose (object);
}

static void
ftl_neuron_view_class_init (FtlNeuronViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ftl_neuron_view_dispose;
  object_class->get_property = ftl_neuron_view_get_property;
  object_class->set_property = ftl_neuron_view_set_property;
  widget_class->snapshot = ftl_neuron_view_snapshot;
  widget_class->measure = ftl_neuron_view_measure;

  properties[PROP_W] =
    g_param_spec_double ("w", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 1,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_B] =
    g_param_spec_double ("b", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/finetunelab/FineTuneLab/ui/ftl-neuron-view.ui");
  gtk_widget_class_set_css_name (widget_class, "neuronview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ftl_neuron_view_init (FtlNeuronView *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *key = gtk_event_controller_key_new ();
  static const double x[] = { 0 }, y[] = { 0 };

  self->w = 1;
  self->b = 0;
  gtk_widget_init_template (GTK_WIDGET (self));
  ftl_neuron_view_set_points (self, x, y, 1);

  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
}
