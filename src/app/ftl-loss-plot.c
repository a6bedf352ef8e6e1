/* ftl-loss-plot.c — a fine-tuning job's loss, drawn live while it trains:
 * the raw training loss, its exponential moving average, validation points,
 * epoch boundaries, a legend and a hover readout. One cairo function draws
 * both the on-screen snapshot and the PNG export, so they cannot differ. */
#include "ftl-loss-plot.h"

#include <math.h>
#include <glib/gi18n.h>

#include "ftl-metric-point.h"
#include "ftl-plot-util.h"
#include "ftl-report.h"

/* Fixed colours from the GNOME palette that read on light and dark styles;
 * everything else derives from the widget's foreground colour. */
static const GdkRGBA smoothed_color   = { 0.208f, 0.518f, 0.894f, 1.0f };  /* Blue 3 */
static const GdkRGBA valid_color      = { 1.000f, 0.471f, 0.000f, 1.0f };  /* Orange 3 */
static const GdkRGBA full_valid_color = { 0.753f, 0.380f, 0.796f, 1.0f };  /* Purple 2 */
static const GdkRGBA overfit_color    = { 0.878f, 0.106f, 0.141f, 1.0f };  /* Red 3 */

#define RAW_ALPHA       0.45
#define PAD             8.0
#define MARKER_RADIUS   4.5
/* A raw loss more than this many times the median of its five neighbours is
 * a spike: drawn (and clipped), but not allowed to set the y range. */
#define SPIKE_FACTOR    5.0

typedef struct
{
  int    step;
  int    epoch;
  double loss;
  double valid_loss;
  double full_valid_loss;
} Sample;

struct _FtlLossPlot
{
  GtkWidget   parent_instance;

  GListModel *model;
  GArray     *samples;      /* Sample, in model order (ascending steps) */
  int         total_steps;  /* of the last point */

  gboolean    log_scale;
  double      smoothing;
  gboolean    show_raw;

  int         hover_index;  /* into samples, or -1 */
  int         overfitting_step;  /* where overfitting starts (ftl-report.h), or 0 */
};

G_DEFINE_FINAL_TYPE (FtlLossPlot, ftl_loss_plot, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_MODEL,
  PROP_LOG_SCALE,
  PROP_SMOOTHING,
  PROP_SHOW_RAW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Where things go for one width × height: the plot area, the data ranges
 * mapped onto it and the ticks. Computed afresh for every drawing and hover,
 * so the pointer always maps through what is on screen. */
typedef struct
{
  double   left, top, right, bottom;  /* the plot area, in pixels */
  double   x_min, x_max;              /* steps */
  double   y_min, y_max;              /* loss, or log10 (loss) */
  gboolean log_scale;
  GArray  *x_ticks;                   /* double, steps */
  GArray  *y_ticks;                   /* double, loss */
  int      y_decimals;                /* -1: %g, for log ticks */
  int      text_height;
  gboolean has_valid;
  gboolean has_full_valid;
  gboolean valid_as_line;             /* too dense for markers */
} Frame;

static gboolean
is_usable (double   value,
           gboolean log_scale)
{
  return isfinite (value) && (!log_scale || value > 0);
}

static double
frame_x (const Frame *f,
         double       step)
{
  return f->left + (step - f->x_min) / (f->x_max - f->x_min) * (f->right - f->left);
}

/* NAN for values a log scale cannot show. Clamped to one plot height beyond
 * the area so a spike of 1e30 stays a clipped line, not a cairo overflow. */
static double
frame_y (const Frame *f,
         double       value)
{
  if (!is_usable (value, f->log_scale))
    return NAN;

  double t = f->log_scale ? log10 (value) : value;
  double h = f->bottom - f->top;
  double y = f->bottom - (t - f->y_min) / (f->y_max - f->y_min) * h;

  return CLAMP (y, f->top - h, f->bottom + h);
}

static void
frame_clear (Frame *f)
{
  g_clear_pointer (&f->x_ticks, g_array_unref);
  g_clear_pointer (&f->y_ticks, g_array_unref);
}

/* The exponential moving average TensorBoard draws, debiased so the first
 * steps are not pulled towards zero; non-finite losses are skipped. */
static double *
compute_smoothed (FtlLossPlot *self)
{
  double *smoothed = g_new (double, MAX (self->samples->len, 1));
  double w = self->smoothing;
  double ema = 0, weight = 1;
  double last = NAN;

  for (guint i = 0; i < self->samples->len; i++)
    {
      double v = g_array_index (self->samples, Sample, i).loss;

      if (isfinite (v))
        {
          ema = w * ema + (1 - w) * v;
          weight *= w;
          last = ema / (1 - weight);
        }
      smoothed[i] = last;
    }

  return smoothed;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static gboolean
is_spike (FtlLossPlot *self,
          guint        index,
          gboolean     log_scale)
{
  double window[5];
  guint n = 0;
  guint first = index >= 2 ? index - 2 : 0;
  guint last = MIN (index + 2, self->samples->len - 1);

  for (guint i = first; i <= last; i++)
    {
      double v = g_array_index (self->samples, Sample, i).loss;

      if (is_usable (v, log_scale))
        window[n++] = v;
    }

  if (n < 3)
    return FALSE;

  qsort (window, n, sizeof (double), compare_double);
  double median = window[n / 2];

  return median > 0 && g_array_index (self->samples, Sample, index).loss > SPIKE_FACTOR * median;
}

/* The y range covers every usable validation loss and every usable training
 * loss except spikes (see SPIKE_FACTOR): a NaN, an infinity or one huge
 * value must not flatten the curve the class is watching. */
static gboolean
loss_range (FtlLossPlot *self,
            gboolean     log_scale,
            double      *lo,
            double      *hi)
{
  double mn = INFINITY, mx = -INFINITY;

  for (guint i = 0; i < self->samples->len; i++)
    {
      const Sample *s = &g_array_index (self->samples, Sample, i);
      double values[3] = { s->loss, s->valid_loss, s->full_valid_loss };

      for (guint k = 0; k < G_N_ELEMENTS (values); k++)
        {
          if (!is_usable (values[k], log_scale) || (k == 0 && is_spike (self, i, log_scale)))
            continue;
          mn = MIN (mn, values[k]);
          mx = MAX (mx, values[k]);
        }
    }

  *lo = mn;
  *hi = mx;
  return mn <= mx;
}

static int
decimals_for (double step)
{
  return MAX (0, (int) ceil (-log10 (step) - 1e-9));
}

static GArray *
log_ticks_with (double        lo,
                double        hi,
                const double *multiples,
                guint         n_multiples,
                int           decade_stride)
{
  GArray *ticks = g_array_new (FALSE, FALSE, sizeof (double));

  for (int d = (int) floor (lo); d <= (int) ceil (hi); d++)
    {
      if (((d % decade_stride) + decade_stride) % decade_stride != 0)
        continue;
      for (guint m = 0; m < n_multiples; m++)
        {
          double v = multiples[m] * pow (10, d);
          double t = log10 (v);

          if (t >= lo - 1e-9 && t <= hi + 1e-9)
            g_array_append_val (ticks, v);
        }
    }

  return ticks;
}

/* Powers of ten, with their 2 and 5 multiples while they fit; every digit
 * when the range spans less than that; plain linear ticks within a narrow
 * range. Sets f->y_ticks and f->y_decimals. */
static void
log_ticks (Frame *f,
           int    max_ticks)
{
  static const double ones[] = { 1 };
  static const double one_two_five[] = { 1, 2, 5 };
  static const double digits[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9 };
  GArray *ticks = log_ticks_with (f->y_min, f->y_max, one_two_five, 3, 1);

  f->y_decimals = -1;
  if (ticks->len > (guint) max_ticks)
    {
      int decades = (int) ceil (f->y_max) - (int) floor (f->y_min) + 1;

      g_array_unref (ticks);
      ticks = log_ticks_with (f->y_min, f->y_max, ones, 1, MAX (1, (decades + max_ticks - 1) / max_ticks));
    }
  else if (ticks->len < 3)
    {
      g_array_unref (ticks);
      ticks = log_ticks_with (f->y_min, f->y_max, digits, 9, 1);
      if (ticks->len < 2 || ticks->len > (guint) max_ticks)
        {
          double lo = pow (10, f->y_min), hi = pow (10, f->y_max);
          double step = ftl_plot_nice_step (hi - lo, max_ticks);

          g_array_unref (ticks);
          ticks = ftl_plot_linear_ticks (lo, hi, step);
          f->y_decimals = decimals_for (step);
        }
    }
  f->y_ticks = ticks;
}

static char *
format_tick (double value,
             int    decimals)
{
  if (decimals < 0)
    return g_strdup_printf ("%g", value);
  /* Ticks are multiples of a step: the one at zero can come out as -1e-17,
   * which printf rounds to "-0". */
  if (fabs (value) < 0.5 * pow (10, -decimals))
    value = 0;
  return g_strdup_printf ("%.*f", decimals, value);
}

static char *
format_loss (double value)
{
  if (!isfinite (value))
    return g_strdup (_("n/a"));
  if (fabs (value) >= 0.01)
    return g_strdup_printf ("%.3f", value);
  return g_strdup_printf ("%.3g", value);
}

static int
text_width (FtlLossPlot *self,
            const char  *text)
{
  int w, h;

  g_object_unref (ftl_plot_create_layout (GTK_WIDGET (self), text, &w, &h));
  return w;
}

static void
frame_init (FtlLossPlot *self,
            int          width,
            int          height,
            Frame       *f)
{
  int unused;

  g_object_unref (ftl_plot_create_layout (GTK_WIDGET (self), "0", &unused, &f->text_height));
  double th = f->text_height;

  /* Legend above; tick labels and the axis title below. */
  f->top = PAD + th + PAD;
  f->bottom = height - (PAD + th + PAD / 2 + th + PAD / 2);

  /* x: the job's whole length from the start, so points fill in from the
   * left; at least 1…3 so the first step is not a degenerate range. */
  int last_step = 0;
  if (self->samples->len > 0)
    last_step = g_array_index (self->samples, Sample, self->samples->len - 1).step;
  f->x_min = 1;
  f->x_max = MAX (MAX (self->total_steps, last_step), 3);

  /* y: the data with 5% padding each side. */
  double lo, hi;
  f->log_scale = self->log_scale;
  if (!loss_range (self, f->log_scale, &lo, &hi))
    {
      lo = f->log_scale ? 0.1 : 0;
      hi = f->log_scale ? 10 : 1;
    }
  if (f->log_scale)
    {
      lo = log10 (lo);
      hi = log10 (hi);
    }
  if (hi - lo < 1e-9)
    {
      double half = f->log_scale ? 0.1 : MAX (fabs (hi) * 0.1, 0.05);

      lo -= half;
      hi += half;
    }
  double pad = (hi - lo) * 0.05;
  f->y_min = lo - pad;
  f->y_max = hi + pad;
  /* A loss is never negative: don't spend room on labels below zero. */
  if (!f->log_scale && lo >= 0 && f->y_min < 0)
    f->y_min = 0;

  int max_y_ticks = MAX (2, (int) ((f->bottom - f->top) / (2.5 * th)));
  if (f->log_scale)
    log_ticks (f, max_y_ticks);
  else
    {
      double step = ftl_plot_nice_step (f->y_max - f->y_min, max_y_ticks);

      f->y_ticks = ftl_plot_linear_ticks (f->y_min, f->y_max, step);
      f->y_decimals = decimals_for (step);
    }

  int label_width = 0;
  for (guint i = 0; i < f->y_ticks->len; i++)
    {
      g_autofree char *label = format_tick (g_array_index (f->y_ticks, double, i), f->y_decimals);

      label_width = MAX (label_width, text_width (self, label));
    }
  /* The rotated axis title, then the labels. */
  f->left = PAD + th + PAD + label_width + PAD;

  g_autofree char *last_label = g_strdup_printf ("%d", (int) f->x_max);
  int x_label_width = text_width (self, last_label);
  f->right = width - MAX (2 * PAD, x_label_width / 2.0 + PAD);

  int max_x_ticks = MAX (2, (int) ((f->right - f->left) / (x_label_width + 3 * th)));
  f->x_ticks = ftl_plot_linear_ticks (f->x_min, f->x_max,
                                      MAX (1, ftl_plot_nice_step (f->x_max - f->x_min, max_x_ticks)));

  /* Validation every few steps of a long job would pile its markers into a
   * caterpillar: less than a marker and a half apart, they become a line. */
  guint n_valid = 0;
  double first_x = 0, last_x = 0;
  for (guint i = 0; i < self->samples->len; i++)
    {
      const Sample *s = &g_array_index (self->samples, Sample, i);

      if (isfinite (s->valid_loss))
        {
          last_x = frame_x (f, s->step);
          if (n_valid++ == 0)
            first_x = last_x;
        }
      f->has_full_valid |= isfinite (s->full_valid_loss);
    }
  f->has_valid = n_valid > 0;
  f->valid_as_line = n_valid >= 2 && (last_x - first_x) / (n_valid - 1) < 3 * MARKER_RADIUS;
}

static gboolean
frame_is_drawable (const Frame *f)
{
  return f->right - f->left >= 20 && f->bottom - f->top >= 20;
}

/* Reduces a series to at most two vertices per pixel column, its extremes
 * in the order they came: 3,000 steps on 500 pixels keep their envelope
 * without 3,000 segments. Non-finite values break the line. */
typedef struct
{
  cairo_t *cr;
  gboolean pen_down;
  gboolean pending;
  long     column;
  guint    lo_i, hi_i;
  double   lo_x, lo_y, hi_x, hi_y;
} LineReducer;

static void
line_reducer_vertex (LineReducer *r,
                     double       x,
                     double       y)
{
  if (r->pen_down)
    cairo_line_to (r->cr, x, y);
  else
    {
      /* With round caps, a lone point between gaps still shows as a dot. */
      cairo_move_to (r->cr, x, y);
      cairo_line_to (r->cr, x, y);
    }
  r->pen_down = TRUE;
}

static void
line_reducer_flush (LineReducer *r)
{
  if (!r->pending)
    return;
  if (r->lo_i <= r->hi_i)
    {
      line_reducer_vertex (r, r->lo_x, r->lo_y);
      if (r->hi_i != r->lo_i)
        line_reducer_vertex (r, r->hi_x, r->hi_y);
    }
  else
    {
      line_reducer_vertex (r, r->hi_x, r->hi_y);
      line_reducer_vertex (r, r->lo_x, r->lo_y);
    }
  r->pending = FALSE;
}

static void
append_series (FtlLossPlot  *self,
               const Frame  *f,
               cairo_t      *cr,
               const double *values,
               gboolean      bridge_gaps)
{
  LineReducer r = { .cr = cr };

  for (guint i = 0; i < self->samples->len; i++)
    {
      double y = frame_y (f, values[i]);

      if (!isfinite (y))
        {
          if (bridge_gaps)
            continue;
          line_reducer_flush (&r);
          r.pen_down = FALSE;
          continue;
        }

      double x = frame_x (f, g_array_index (self->samples, Sample, i).step);
      long column = (long) floor (x);

      if (!r.pending || column != r.column)
        {
          line_reducer_flush (&r);
          r.pending = TRUE;
          r.column = column;
          r.lo_i = r.hi_i = i;
          r.lo_x = r.hi_x = x;
          r.lo_y = r.hi_y = y;
        }
      else if (y < r.lo_y)
        {
          r.lo_i = i;
          r.lo_x = x;
          r.lo_y = y;
        }
      else if (y > r.hi_y)
        {
          r.hi_i = i;
          r.hi_x = x;
          r.hi_y = y;
        }
    }
  line_reducer_flush (&r);
}

static void
marker_path (cairo_t *cr,
             double   x,
             double   y,
             double   radius,
             gboolean diamond)
{
  if (diamond)
    {
      cairo_move_to (cr, x, y - radius);
      cairo_line_to (cr, x + radius, y);
      cairo_line_to (cr, x, y + radius);
      cairo_line_to (cr, x - radius, y);
      cairo_close_path (cr);
    }
  else
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
    }
}

/* Validation markers are filled with their colour and ringed with a darker
 * edge so they stand out against the blue lines on either style. */
static void
draw_marker (cairo_t       *cr,
             const GdkRGBA *color,
             double         x,
             double         y,
             gboolean       full)
{
  marker_path (cr, x, y, full ? 1.65 * MARKER_RADIUS : MARKER_RADIUS, full);
  ftl_plot_set_source (cr, color, 1);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, color->red * 0.6, color->green * 0.6, color->blue * 0.6, 1);
  cairo_set_line_width (cr, 1.25);
  cairo_stroke (cr);
}

static void
draw_axes (FtlLossPlot   *self,
           cairo_t       *cr,
           const Frame   *f,
           const GdkRGBA *fg)
{
  double th = f->text_height;

  cairo_set_line_width (cr, 1);

  /* Grid lines on pixel centres so they stay crisp. */
  ftl_plot_set_source (cr, fg, 0.10);
  for (guint i = 0; i < f->y_ticks->len; i++)
    {
      double y = floor (frame_y (f, g_array_index (f->y_ticks, double, i))) + 0.5;

      cairo_move_to (cr, f->left, y);
      cairo_line_to (cr, f->right, y);
    }
  for (guint i = 0; i < f->x_ticks->len; i++)
    {
      double x = floor (frame_x (f, g_array_index (f->x_ticks, double, i))) + 0.5;

      cairo_move_to (cr, x, f->top);
      cairo_line_to (cr, x, f->bottom);
    }
  cairo_stroke (cr);

  ftl_plot_set_source (cr, fg, 0.45);
  cairo_move_to (cr, floor (f->left) + 0.5, f->top);
  cairo_line_to (cr, floor (f->left) + 0.5, floor (f->bottom) + 0.5);
  cairo_line_to (cr, f->right, floor (f->bottom) + 0.5);
  cairo_stroke (cr);

  ftl_plot_set_source (cr, fg, 0.75);
  for (guint i = 0; i < f->y_ticks->len; i++)
    {
      double v = g_array_index (f->y_ticks, double, i);
      g_autofree char *label = format_tick (v, f->y_decimals);

      ftl_plot_show_text (GTK_WIDGET (self), cr, label, f->left - PAD, frame_y (f, v), 1, 0.5);
    }
  for (guint i = 0; i < f->x_ticks->len; i++)
    {
      double v = g_array_index (f->x_ticks, double, i);
      g_autofree char *label = format_tick (v, 0);

      ftl_plot_show_text (GTK_WIDGET (self), cr, label, frame_x (f, v), f->bottom + PAD / 2, 0.5, 0);
    }

  ftl_plot_set_source (cr, fg, 0.9);
  ftl_plot_show_text (GTK_WIDGET (self), cr, _("Step"), (f->left + f->right) / 2,
                      f->bottom + PAD / 2 + th + PAD / 2, 0.5, 0);
  cairo_save (cr);
  cairo_translate (cr, PAD, (f->top + f->bottom) / 2);
  cairo_rotate (cr, -G_PI / 2);
  ftl_plot_show_text (GTK_WIDGET (self), cr, _("Loss"), 0, 0, 0.5, 0);
  cairo_restore (cr);
}

static void
draw_epochs (FtlLossPlot   *self,
             cairo_t       *cr,
             const Frame   *f,
             const GdkRGBA *fg)
{
  static const double dashes[] = { 5, 4 };
  double label_end = -G_MAXDOUBLE;

  for (guint i = 1; i < self->samples->len; i++)
    {
      const Sample *prev = &g_array_index (self->samples, Sample, i - 1);
      const Sample *s = &g_array_index (self->samples, Sample, i);

      if (s->epoch == prev->epoch)
        continue;

      double x = floor (frame_x (f, (prev->step + s->step) / 2.0)) + 0.5;

      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      cairo_set_line_width (cr, 1.5);
      ftl_plot_set_source (cr, fg, 0.45);
      cairo_move_to (cr, x, f->top);
      cairo_line_to (cr, x, f->bottom);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);

      /* Many short epochs: label only those with room. */
      g_autofree char *label = g_strdup_printf (_("Epoch %d"), s->epoch);
      int w = text_width (self, label);
      if (x + 4 > label_end && x + 4 + w <= f->right)
        {
          ftl_plot_set_source (cr, fg, 0.7);
          ftl_plot_show_text (GTK_WIDGET (self), cr, label, x + 4, f->top + 2, 0, 0);
          label_end = x + 4 + w + PAD;
        }
    }
}

/* One field of every sample, e.g. G_STRUCT_OFFSET (Sample, loss). */
static double *
sample_column (FtlLossPlot *self,
               glong        offset)
{
  double *column = g_new (double, MAX (self->samples->len, 1));

  for (guint i = 0; i < self->samples->len; i++)
    column[i] = G_STRUCT_MEMBER (double, &g_array_index (self->samples, Sample, i), offset);
  return column;
}

static void
stroke_series (FtlLossPlot   *self,
               cairo_t       *cr,
               const Frame   *f,
               const double  *values,
               gboolean       bridge_gaps,
               const GdkRGBA *color,
               double         alpha,
               double         line_width)
{
  append_series (self, f, cr, values, bridge_gaps);
  ftl_plot_set_source (cr, color, alpha);
  cairo_set_line_width (cr, line_width);
  cairo_stroke (cr);
}

static void
draw_data (FtlLossPlot   *self,
           cairo_t       *cr,
           const Frame   *f,
           const double  *smoothed)
{
  cairo_save (cr);
  cairo_rectangle (cr, f->left, f->top, f->right - f->left, f->bottom - f->top);
  cairo_clip (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  if (self->show_raw)
    {
      g_autofree double *raw = sample_column (self, G_STRUCT_OFFSET (Sample, loss));

      stroke_series (self, cr, f, raw, FALSE, &smoothed_color, RAW_ALPHA, 1.25);
    }
  if (f->valid_as_line)
    {
      g_autofree double *valid = sample_column (self, G_STRUCT_OFFSET (Sample, valid_loss));

      stroke_series (self, cr, f, valid, TRUE, &valid_color, 1, 2);
    }
  stroke_series (self, cr, f, smoothed, FALSE, &smoothed_color, 1, 3);
  cairo_restore (cr);

  /* Markers on top, whole even at the edges; those off the y range are
   * not drawn at the border as if they were there. */
  for (int full = f->valid_as_line; full <= 1; full++)
    for (guint i = 0; i < self->samples->len; i++)
      {
        const Sample *s = &g_array_index (self->samples, Sample, i);
        double y = frame_y (f, full ? s->full_valid_loss : s->valid_loss);

        if (isfinite (y) && y >= f->top && y <= f->bottom)
          draw_marker (cr, full ? &full_valid_color : &valid_color, frame_x (f, s->step), y, full);
      }

  /* The newest point, so that even 3 steps of 3,000 show where training is. */
  for (guint i = self->samples->len; i-- > 0;)
    {
      double y = frame_y (f, smoothed[i]);

      if (!isfinite (y))
        continue;
      if (y >= f->top && y <= f->bottom)
        {
          marker_path (cr, frame_x (f, g_array_index (self->samples, Sample, i).step), y, MARKER_RADIUS, FALSE);
          ftl_plot_set_source (cr, &smoothed_color, 1);
          cairo_fill (cr);
        }
      break;
    }
}

static void
draw_legend (FtlLossPlot   *self,
             cairo_t       *cr,
             const Frame   *f,
             const GdkRGBA *fg)
{
  enum { RAW, SMOOTHED, VALID, FULL_VALID };
  struct { const char *label; int kind; gboolean shown; } entries[] = {
    { _("Training loss"), RAW, self->show_raw },
    { _("Smoothed"), SMOOTHED, TRUE },
    { _("Validation"), VALID, f->has_valid },
    { _("Full validation"), FULL_VALID, f->has_full_valid },
  };
  double swatch = 2 * f->text_height;
  double x = f->left;
  double y = PAD + f->text_height / 2.0;

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      if (!entries[i].shown)
        continue;

      int w = text_width (self, entries[i].label);
      if (x + swatch + PAD / 2 + w > f->right)
        break;

      int kind = entries[i].kind;
      if (kind == FULL_VALID || (kind == VALID && !f->valid_as_line))
        draw_marker (cr, kind == VALID ? &valid_color : &full_valid_color, x + swatch / 2, y, kind == FULL_VALID);
      else
        {
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
          cairo_set_line_width (cr, kind == RAW ? 1.25 : kind == VALID ? 2 : 3);
          ftl_plot_set_source (cr, kind == VALID ? &valid_color : &smoothed_color,
                               kind == RAW ? RAW_ALPHA : 1);
          cairo_move_to (cr, x + 2, y);
          cairo_line_to (cr, x + swatch - 2, y);
          cairo_stroke (cr);
        }

      ftl_plot_set_source (cr, fg, 0.85);
      ftl_plot_show_text (GTK_WIDGET (self), cr, entries[i].label, x + swatch + PAD / 2, y, 0, 0.5);
      x += swatch + PAD / 2 + w + 2.5 * PAD;
    }
}

static char *
hover_text (FtlLossPlot  *self,
            const double *smoothed)
{
  const Sample *s = &g_array_index (self->samples, Sample, self->hover_index);
  g_autofree char *loss = format_loss (s->loss);
  g_autofree char *smooth = format_loss (smoothed[self->hover_index]);
  GString *text = g_string_new (NULL);

  g_string_printf (text, _("Step %d · loss %s (smoothed %s)"), s->step, loss, smooth);
  if (isfinite (s->valid_loss))
    {
      g_autofree char *valid = format_loss (s->valid_loss);

      g_string_append (text, " · ");
      g_string_append_printf (text, _("validation %s"), valid);
    }
  if (isfinite (s->full_valid_loss))
    {
      g_autofree char *full = format_loss (s->full_valid_loss);

      g_string_append (text, " · ");
      g_string_append_printf (text, _("full validation %s"), full);
    }
  return g_string_free (text, FALSE);
}

static void
draw_hover (FtlLossPlot   *self,
            cairo_t       *cr,
            const Frame   *f,
            const GdkRGBA *fg,
            const double  *smoothed)
{
  const Sample *s = &g_array_index (self->samples, Sample, self->hover_index);
  double x = floor (frame_x (f, s->step)) + 0.5;

  cairo_set_line_width (cr, 1);
  ftl_plot_set_source (cr, fg, 0.6);
  cairo_move_to (cr, x, f->top);
  cairo_line_to (cr, x, f->bottom);
  cairo_stroke (cr);

  double y = frame_y (f, s->loss);
  if (isfinite (y) && y >= f->top && y <= f->bottom)
    {
      marker_path (cr, x, y, 3, FALSE);
      ftl_plot_set_source (cr, fg, 0.8);
      cairo_fill (cr);
    }
  y = frame_y (f, smoothed[self->hover_index]);
  if (isfinite (y) && y >= f->top && y <= f->bottom)
    {
      marker_path (cr, x, y, 5.5, FALSE);
      ftl_plot_set_source (cr, &smoothed_color, 1);
      cairo_fill_preserve (cr);
      ftl_plot_set_source (cr, fg, 1);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
    }

  /* A tooltip-like box in the foreground colour with text in the opposite
   * lightness, beside the cursor and flipped to stay inside the plot. */
  g_autofree char *text = hover_text (self, smoothed);
  int w, h;
  g_autoptr(PangoLayout) layout = ftl_plot_create_layout (GTK_WIDGET (self), text, &w, &h);
  double box_w = w + 2 * PAD, box_h = h + PAD;
  double box_x = x + PAD;
  if (box_x + box_w > f->right)
    box_x = MAX (0, x - PAD - box_w);
  double box_y = f->top + f->text_height + PAD;
  double r = 6;

  cairo_new_sub_path (cr);
  cairo_arc (cr, box_x + box_w - r, box_y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, box_x + box_w - r, box_y + box_h - r, r, 0, G_PI / 2);
  cairo_arc (cr, box_x + r, box_y + box_h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, box_x + r, box_y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  ftl_plot_set_source (cr, fg, 0.92);
  cairo_fill (cr);

  double luminance = 0.2126 * fg->red + 0.7152 * fg->green + 0.0722 * fg->blue;
  double ink = luminance > 0.5 ? 0 : 1;
  cairo_set_source_rgb (cr, ink, ink, ink);
  cairo_move_to (cr, round (box_x + PAD), round (box_y + PAD / 2));
  pango_cairo_show_layout (cr, layout);
}

/* Where overfitting starts: a red line across the plot, labelled just
 * below the epoch labels along the top (a falling loss leaves the top
 * clear late in a run, where the marker is). */
static void
draw_overfitting (FtlLossPlot   *self,
                  cairo_t       *cr,
                  const Frame   *f)
{
  const char *label = _("Overfitting starts");
  double x, label_x;
  int w;

  if (self->overfitting_step <= 0)
    return;
  x = floor (frame_x (f, self->overfitting_step)) + 0.5;
  cairo_set_line_width (cr, 2);
  ftl_plot_set_source (cr, &overfit_color, 0.9);
  cairo_move_to (cr, x, f->top);
  cairo_line_to (cr, x, f->bottom);
  cairo_stroke (cr);

  w = text_width (self, label);
  label_x = x + 4 + w <= f->right ? x + 4 : x - 4 - w;
  ftl_plot_show_text (GTK_WIDGET (self), cr, label, label_x, f->top + 2 + f->text_height + 4, 0, 0);
}

static void
ftl_loss_plot_draw (FtlLossPlot *self,
                    cairo_t     *cr,
                    int          width,
                    int          height)
{
  GdkRGBA fg;

  ftl_plot_get_foreground (GTK_WIDGET (self), &fg);
  if (self->samples->len == 0)
    {
      ftl_plot_draw_placeholder (GTK_WIDGET (self), cr, width, height, PAD,
                                 _("The loss appears here when training starts"));
      return;
    }

  Frame f = { 0 };
  frame_init (self, width, height, &f);
  if (frame_is_drawable (&f))
    {
      g_autofree double *smoothed = compute_smoothed (self);

      draw_axes (self, cr, &f, &fg);
      draw_epochs (self, cr, &f, &fg);
      draw_overfitting (self, cr, &f);
      draw_data (self, cr, &f, smoothed);
      draw_legend (self, cr, &f, &fg);
      if (self->hover_index >= 0)
        draw_hover (self, cr, &f, &fg, smoothed);
    }
  frame_clear (&f);
}

static void
ftl_loss_plot_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (width <= 0 || height <= 0)
    return;

  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  ftl_loss_plot_draw (FTL_LOSS_PLOT (widget), cr, width, height);
  cairo_destroy (cr);
}

static void
ftl_loss_plot_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 200 : 150;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 480 : 300;
}

static void
update_description (FtlLossPlot *self)
{
  g_autofree char *description = NULL;

  if (self->samples->len == 0)
    description = g_strdup (_("The loss appears here when training starts"));
  else
    {
      guint last = self->samples->len - 1;
      const Sample *s = &g_array_index (self->samples, Sample, last);
      g_autofree double *smoothed = compute_smoothed (self);
      g_autofree char *loss = format_loss (s->loss);
      g_autofree char *smooth = format_loss (smoothed[last]);

      description = g_strdup_printf (_("Step %d of %d: loss %s (smoothed %s)"),
                                     s->step, MAX (self->total_steps, s->step), loss, smooth);
      if (self->overfitting_step > 0)
        {
          g_autofree char *start = g_strdup_printf (_("Overfitting starts at step %d"),
                                                    self->overfitting_step);
          char *both = g_strconcat (description, ". ", start, NULL);

          g_free (description);
          description = both;
        }
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
append_samples (FtlLossPlot *self,
                guint        position,
                guint        n_items)
{
  for (guint i = position; i < position + n_items; i++)
    {
      g_autoptr(FtlMetricPoint) point = g_list_model_get_item (self->model, i);
      const FtlTrainMetrics *m = ftl_metric_point_get_metrics (point);
      Sample s = {
        .step = m->step,
        .epoch = m->epoch,
        .loss = m->train_loss,
        .valid_loss = m->valid_loss,
        .full_valid_loss = m->full_valid_loss,
      };

      g_array_append_val (self->samples, s);
      self->total_steps = m->total_steps;
    }
}

static void
reload_samples (FtlLossPlot *self)
{
  g_array_set_size (self->samples, 0);
  self->total_steps = 0;
  if (self->model != NULL)
    append_samples (self, 0, g_list_model_get_n_items (self->model));
}

/* The samples as the metrics they came from, for ftl_report_find_overfitting. */
static void
update_overfitting (FtlLossPlot *self)
{
  g_autofree FtlTrainMetrics *metrics = g_new0 (FtlTrainMetrics, MAX (self->samples->len, 1));

  for (guint i = 0; i < self->samples->len; i++)
    {
      const Sample *s = &g_array_index (self->samples, Sample, i);

      metrics[i].step = s->step;
      metrics[i].train_loss = s->loss;
      metrics[i].full_valid_loss = s->full_valid_loss;
    }
  self->overfitting_step = ftl_report_find_overfitting (metrics, self->samples->len, self->smoothing);
}

static void
samples_changed (FtlLossPlot *self)
{
  if (self->hover_index >= (int) self->samples->len)
    self->hover_index = -1;
  update_overfitting (self);
  update_description (self);
  /* Coalesced by GTK into the next frame. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_items_changed (GListModel  *model,
                  guint        position,
                  guint        removed,
                  guint        added,
                  FtlLossPlot *self)
{
  /* A running job only appends; anything else rereads the model. */
  if (removed == 0 && position == self->samples->len)
    append_samples (self, position, added);
  else
    reload_samples (self);
  samples_changed (self);
}

void
ftl_loss_plot_set_model (FtlLossPlot *self,
                         GListModel  *metrics)
{
  g_return_if_fail (FTL_IS_LOSS_PLOT (self));
  g_return_if_fail (metrics == NULL || G_IS_LIST_MODEL (metrics));

  if (self->model == metrics)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed, self);
  g_set_object (&self->model, metrics);
  if (self->model != NULL)
    g_signal_connect_object (self->model, "items-changed", G_CALLBACK (on_items_changed), self, 0);

  self->hover_index = -1;
  reload_samples (self);
  samples_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

static int
nearest_index (FtlLossPlot *self,
               double       step)
{
  guint lo = 0, hi = self->samples->len;

  /* The first sample at or after step, then whichever neighbour is closer. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (self->samples, Sample, mid).step < step)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo == self->samples->len)
    return (int) lo - 1;
  if (lo > 0 && step - g_array_index (self->samples, Sample, lo - 1).step
                < g_array_index (self->samples, Sample, lo).step - step)
    return (int) lo - 1;
  return (int) lo;
}

void
ftl_loss_plot_hover_at (FtlLossPlot *self,
                        double       x,
                        double       y)
{
  g_return_if_fail (FTL_IS_LOSS_PLOT (self));

  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  int index = -1;

  if (self->samples->len > 0 && x >= 0 && y >= 0 && x < width && y < height)
    {
      Frame f = { 0 };

      frame_init (self, width, height, &f);
      if (frame_is_drawable (&f))
        index = nearest_index (self, f.x_min + (x - f.left) / (f.right - f.left) * (f.x_max - f.x_min));
      frame_clear (&f);
    }

  if (index != self->hover_index)
    {
      self->hover_index = index;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

char *
ftl_loss_plot_get_hover_text (FtlLossPlot *self)
{
  g_return_val_if_fail (FTL_IS_LOSS_PLOT (self), NULL);

  if (self->hover_index < 0)
    return NULL;

  g_autofree double *smoothed = compute_smoothed (self);
  return hover_text (self, smoothed);
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           FtlLossPlot              *self)
{
  ftl_loss_plot_hover_at (self, x, y);
}

static void
on_leave (GtkEventControllerMotion *controller,
          FtlLossPlot              *self)
{
  ftl_loss_plot_hover_at (self, -1, -1);
}

static void
get_background (FtlLossPlot   *self,
                const GdkRGBA *fg,
                GdkRGBA       *bg)
{
  /* The style's window background by its libadwaita or GTK name;
   * otherwise white or near-black, whichever the text reads on. */
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  if (gtk_style_context_lookup_color (context, "window_bg_color", bg)
      || gtk_style_context_lookup_color (context, "theme_bg_color", bg))
    return;

  double luminance = 0.2126 * fg->red + 0.7152 * fg->green + 0.0722 * fg->blue;
  if (luminance > 0.5)
    *bg = (GdkRGBA) { 0.14f, 0.14f, 0.14f, 1.0f };
  else
    *bg = (GdkRGBA) { 1.0f, 1.0f, 1.0f, 1.0f };
}

static cairo_status_t
append_png (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
ftl_loss_plot_render_png (FtlLossPlot *self,
                          int          width,
                          int          height,
                          GError     **error)
{
  g_return_val_if_fail (FTL_IS_LOSS_PLOT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (width <= 0 || height <= 0 || width > 16384 || height > 16384)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Cannot export a plot of %d × %d pixels"), width, height);
      return NULL;
    }

  GdkRGBA fg, bg;
  ftl_plot_get_foreground (GTK_WIDGET (self), &fg);
  get_background (self, &fg, &bg);

  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  gdk_cairo_set_source_rgba (cr, &bg);
  cairo_paint (cr);
  ftl_loss_plot_draw (self, cr, width, height);
  cairo_destroy (cr);

  g_autoptr(GByteArray) png = g_byte_array_new ();
  cairo_status_t status = cairo_surface_write_to_png_stream (surface, append_png, png);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not encode the plot as PNG: %s"), cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&png));
}

gboolean
ftl_loss_plot_export_png (FtlLossPlot *self,
                          const char  *path,
                          int          width,
                          int          height,
                          GError     **error)
{
  g_autoptr(GBytes) png = NULL;

  g_return_val_if_fail (FTL_IS_LOSS_PLOT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((png = ftl_loss_plot_render_png (self, width, height, error)) == NULL)
    return FALSE;
  /* Atomic, and the error names the file and the reason. */
  return g_file_set_contents (path, g_bytes_get_data (png, NULL), g_bytes_get_size (png), error);
}

int
ftl_loss_plot_get_overfitting_step (FtlLossPlot *self)
{
  g_return_val_if_fail (FTL_IS_LOSS_PLOT (self), 0);
  return self->overfitting_step;
}

GtkWidget *
ftl_loss_plot_new (void)
{
  return g_object_new (FTL_TYPE_LOSS_PLOT, NULL);
}

static void
ftl_loss_plot_dispose (GObject *object)
{
  FtlLossPlot *self = FTL_LOSS_PLOT (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed, self);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (ftl_loss_plot_parent_class)->dispose (object);
}

static void
ftl_loss_plot_finalize (GObject *object)
{
  FtlLossPlot *self = FTL_LOSS_PLOT (object);

  g_array_unref (self->samples);

  G_OBJECT_CLASS (ftl_loss_plot_parent_class)->finalize (object);
}

static void
ftl_loss_plot_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  FtlLossPlot *self = FTL_LOSS_PLOT (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    case PROP_LOG_SCALE:
      g_value_set_boolean (value, self->log_scale);
      break;

    case PROP_SMOOTHING:
      g_value_set_double (value, self->smoothing);
      break;

    case PROP_SHOW_RAW:
      g_value_set_boolean (value, self->show_raw);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ftl_loss_plot_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  FtlLossPlot *self = FTL_LOSS_PLOT (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      ftl_loss_plot_set_model (self, g_value_get_object (value));
      return;

    case PROP_LOG_SCALE:
      if (self->log_scale == g_value_get_boolean (value))
        return;
      self->log_scale = g_value_get_boolean (value);
      break;

    case PROP_SMOOTHING:
      if (self->smoothing == g_value_get_double (value))
        return;
      self->smoothing = g_value_get_double (value);
      update_overfitting (self);
      update_description (self);
      break;

    case PROP_SHOW_RAW:
      if (self->show_raw == g_value_get_boolean (value))
        return;
      self->show_raw = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  g_object_notify_by_pspec (object, pspec);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
ftl_loss_plot_class_init (FtlLossPlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ftl_loss_plot_dispose;
  object_class->finalize = ftl_loss_plot_finalize;
  object_class->get_property = ftl_loss_plot_get_property;
  object_class->set_property = ftl_loss_plot_set_property;

  widget_class->snapshot = ftl_loss_plot_snapshot;
  widget_class->measure = ftl_loss_plot_measure;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOG_SCALE] =
    g_param_spec_boolean ("log-scale", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SMOOTHING] =
    g_param_spec_double ("smoothing", NULL, NULL,
                         0.0, 0.99, 0.9,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_RAW] =
    g_param_spec_boolean ("show-raw", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "lossplot");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ftl_loss_plot_init (FtlLossPlot *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->samples = g_array_new (FALSE, FALSE, sizeof (Sample));
  self->smoothing = 0.9;
  self->show_raw = TRUE;
  self->hover_index = -1;

  g_signal_connect (motion, "enter", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Training loss plot"),
                                  -1);
  update_description (self);
}
