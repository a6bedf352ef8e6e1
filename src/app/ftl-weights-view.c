/* ftl-weights-view.c — the weights and biases of the model a job trains.
 *
 * The heatmap draws the job's latest snapshot of the selected tensor: its
 * cells become one pixel each of an image that cairo scales up without
 * smoothing, so a cell stays a crisp block. Colours come from a diverging
 * palette centred on zero and scaled to the tensor's largest magnitude; the
 * legend below says what that is.
 *
 * The three charts draw the job's per-step figures: the gradient norm and
 * the update-to-weight ratio of each layer (log scales: they span decades),
 * and the learning-rate schedule with the current step marked.
 */
#include "ftl-weights-view.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ftl-plot-util.h"

G_DEFINE_ENUM_TYPE (FtlInspectMode, ftl_inspect_mode,
                    G_DEFINE_ENUM_VALUE (FTL_INSPECT_VALUES, "values"),
                    G_DEFINE_ENUM_VALUE (FTL_INSPECT_DELTA, "delta"),
                    G_DEFINE_ENUM_VALUE (FTL_INSPECT_GRADIENT, "gradient"))

#define PAD 6.0
/* More cells than pixels would only be averaged away again by the screen;
 * fewer keep a snapshot cheap for the trainer. */
#define MAX_CELLS 512

/* GNOME palette colours, one per layer in the charts (then repeated). */
static const GdkRGBA series_colors[] = {
  { 0.208f, 0.518f, 0.894f, 1.f },  /* Blue 3 */
  { 0.180f, 0.761f, 0.494f, 1.f },  /* Green 4 */
  { 0.898f, 0.647f, 0.039f, 1.f },  /* Yellow 5 */
  { 1.000f, 0.471f, 0.000f, 1.f },  /* Orange 3 */
  { 0.878f, 0.106f, 0.141f, 1.f },  /* Red 3 */
  { 0.569f, 0.255f, 0.675f, 1.f },  /* Purple 3 */
  { 0.596f, 0.416f, 0.267f, 1.f },  /* Brown 3 */
  { 0.369f, 0.361f, 0.392f, 1.f },  /* Dark 2 */
};

/* The tensors of one block, in the model's order: the llama.cpp name after
 * "blk.N." and what to call it. */
static const struct
{
  const char *suffix;
  const char *label;
} block_tensors[] = {
  { "attn_norm.weight", N_("Attention norm · weight") },
  { "attn_q.weight", N_("Attention q · weight") },
  { "attn_k.weight", N_("Attention k · weight") },
  { "attn_v.weight", N_("Attention v · weight") },
  { "attn_q.bias", N_("Attention q · bias") },
  { "attn_k.bias", N_("Attention k · bias") },
  { "attn_v.bias", N_("Attention v · bias") },
  { "attn_output.weight", N_("Attention output · weight") },
  { "ffn_norm.weight", N_("Feed-forward norm · weight") },
  { "ffn_gate.weight", N_("Feed-forward gate · weight") },
  { "ffn_up.weight", N_("Feed-forward up · weight") },
  { "ffn_down.weight", N_("Feed-forward down · weight") },
};

struct _FtlWeightsView
{
  GtkWidget          parent_instance;

  FtlTrainingJob    *job;
  char              *tensor;         /* the llama.cpp name shown */
  FtlInspectMode     mode;
  FtlInspectRun     *run;            /* the job's, once known */
  FtlTensorSnapshot *snapshot;       /* of tensor and mode, or NULL */
  cairo_surface_t   *image;          /* snapshot's cells as pixels */
  gboolean           awaiting;       /* a request is out */
  guint              tick_id;        /* a request waits for the next frame */
  int                hover_cell;     /* −1: none */
  GPtrArray         *tensor_names;   /* of tensor_dropdown's items */
  gboolean           syncing;

  GtkStack          *stack;
  GtkDropDown       *layer_dropdown;
  GtkDropDown       *tensor_dropdown;
  GtkDrawingArea    *heatmap;
  GtkDrawingArea    *legend;
  GtkLabel          *caption_label;
  GtkLabel          *hover_label;
  GtkDrawingArea    *grad_chart;
  GtkDrawingArea    *ratio_chart;
  GtkDrawingArea    *lr_chart;
  GtkLabel          *series_label;
};

G_DEFINE_FINAL_TYPE (FtlWeightsView, ftl_weights_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_JOB,
  PROP_TENSOR,
  PROP_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- names ----------------------------------------------------------------------------- */

/* Layer index of the dropdown (the engine's group: 0 the embedding, 1 … L
 * the blocks, L + 1 the output norm) and the name after "blk.N.". */
static int
parse_name (const char  *name,
            int          n_layers,
            const char **suffix)
{
  if (g_str_has_prefix (name, "blk."))
    {
      char *end;
      gint64 layer = g_ascii_strtoll (name + 4, &end, 10);

      if (*end == '.' && layer >= 0 && layer < n_layers)
        {
          *suffix = end + 1;
          return (int) layer + 1;
        }
    }
  *suffix = name;
  return g_str_equal (name, "output_norm.weight") ? n_layers + 1 : FTL_GROUP_EMBEDDING;
}

char *
ftl_format_group (int group,
                  int n_groups)
{
  if (group == FTL_GROUP_EMBEDDING)
    return g_strdup (_("Embedding"));
  if (group == n_groups - 1)
    return g_strdup (_("Output norm"));
  /* Numbered as in the tensors' names (blk.0, blk.1, …). */
  return g_strdup_printf (_("Block %d"), group - 1);
}

/* "Block 3 · attention q · weight" for blk.3.attn_q.weight. */
static char *
tensor_label (const char *name,
              int         n_layers)
{
  const char *suffix;
  int group = parse_name (name, n_layers, &suffix);

  if (g_str_equal (name, "token_embd.weight"))
    return g_strdup (_("Token embedding · weight"));
  if (g_str_equal (name, "output_norm.weight"))
    return g_strdup (_("Output norm · weight"));
  for (gsize i = 0; i < G_N_ELEMENTS (block_tensors); i++)
    if (g_str_equal (suffix, block_tensors[i].suffix))
      {
        g_autofree char *block = ftl_format_group (group, ftl_inspect_n_groups (n_layers));

        /* Translators: a block of the model, then a tensor in it. */
        return g_strdup_printf (C_("tensor label", "%s · %s"), block, _(block_tensors[i].label));
      }
  return g_strdup (name);
}

char *
ftl_format_superscript (int n)
{
  static const char *const digits[] = { "⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹" };
  g_autofree char *plain = g_strdup_printf ("%d", ABS (n));
  GString *text = g_string_new (n < 0 ? "⁻" : NULL);

  for (const char *p = plain; *p != '\0'; p++)
    g_string_append (text, digits[*p - '0']);
  return g_string_free (text, FALSE);
}

char *
ftl_format_figure (double value,
                   int    digits)
{
  double magnitude = fabs (value);
  GString *text = g_string_new (value < 0 ? "−" : NULL);

  if (!isfinite (value))
    g_string_append_printf (text, "%g", magnitude);
  else if (value == 0.0 || (magnitude >= 1e-4 && magnitude < 1e5))
    g_string_append_printf (text, "%.*g", digits, magnitude);
  else
    {
      int exponent = (int) floor (log10 (magnitude));
      double mantissa = magnitude / pow (10, exponent);

      /* 9.9996 rounds up to 10 at four digits. */
      if (mantissa >= 10 - 5 * pow (10, -digits))
        {
          mantissa /= 10;
          exponent++;
        }
      g_autofree char *power = ftl_format_superscript (exponent);

      g_string_append_printf (text, "%.*g×10%s", digits, mantissa, power);
    }
  return g_string_free (text, FALSE);
}

static char *
format_number (double value)
{
  return ftl_format_figure (value, 3);
}

static const FtlTensorInfo *
find_info (FtlWeightsView *self,
           const char     *name)
{
  int i;

  if (self->run == NULL)
    return NULL;
  i = ftl_tensor_table_find (self->run->tensors, self->run->n_tensors, -1, name);
  return i >= 0 ? &self->run->tensors[i] : NULL;
}

/* ---- colours ---------------------------------------------------------------------------- */

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

/* Red above zero, blue below (ColorBrewer's RdBu), through a neutral centre
 * that matches the style so zero reads as "nothing". t in [−1, 1]. */
static void
diverging_color (double   t,
                 gboolean dark,
                 double   rgb[3])
{
  static const double positive[2][3] = { { 0.937, 0.541, 0.384 }, { 0.698, 0.094, 0.169 } };
  static const double negative[2][3] = { { 0.404, 0.663, 0.812 }, { 0.129, 0.400, 0.675 } };
  const double light_centre[3] = { 0.969, 0.969, 0.969 };
  const double dark_centre[3] = { 0.176, 0.176, 0.176 };
  const double *centre = dark ? dark_centre : light_centre;
  const double (*stops)[3] = t >= 0 ? positive : negative;
  double a = CLAMP (fabs (t), 0.0, 1.0);

  for (int c = 0; c < 3; c++)
    rgb[c] = a <= 0.5 ? centre[c] + (stops[0][c] - centre[c]) * a / 0.5
                      : stops[0][c] + (stops[1][c] - stops[0][c]) * (a - 0.5) / 0.5;
}

static void
ensure_image (FtlWeightsView *self)
{
  FtlTensorSnapshot *s = self->snapshot;
  gboolean dark = is_dark ();
  guchar *data;
  int stride;

  if (self->image != NULL || s == NULL)
    return;

  self->image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, s->cell_cols, s->cell_rows);
  cairo_surface_flush (self->image);
  data = cairo_image_surface_get_data (self->image);
  stride = cairo_image_surface_get_stride (self->image);
  for (int r = 0; r < s->cell_rows; r++)
    {
      guint32 *row = (guint32 *) (data + (gsize) r * stride);

      for (int c = 0; c < s->cell_cols; c++)
        {
          float value = s->cells[(gsize) r * s->cell_cols + c];
          double rgb[3];

          diverging_color (s->max_abs > 0.f ? value / s->max_abs : 0.0, dark, rgb);
          row[c] = ((guint32) lround (rgb[0] * 255) << 16) | ((guint32) lround (rgb[1] * 255) << 8) |
                   (guint32) lround (rgb[2] * 255);
        }
    }
  cairo_surface_mark_dirty (self->image);
}

/* ---- the heatmap ------------------------------------------------------------------------ */

/* Where the cells go: the whole area, or for a vector a strip across it. */
static void
heatmap_rect (FtlWeightsView  *self,
              int              width,
              int              height,
              graphene_rect_t *rect)
{
  double strip = MIN (height, 40);

  if (self->snapshot != NULL && self->snapshot->rows == 1)
    graphene_rect_init (rect, 0, floor ((height - strip) / 2), width, strip);
  else
    graphene_rect_init (rect, 0, 0, width, height);
}

static const char *
waiting_text (FtlWeightsView *self)
{
  if (self->job != NULL && !ftl_training_job_get_running (self->job))
    return _("This run trained no model to look inside.");
  return _("Waiting for the trainer to finish its step…");
}

static void
draw_heatmap (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  FtlWeightsView *self = user_data;
  graphene_rect_t rect;
  GdkRGBA fg;

  if (self->snapshot == NULL)
    {
      ftl_plot_draw_placeholder (GTK_WIDGET (area), cr, width, height, PAD, waiting_text (self));
      return;
    }

  ensure_image (self);
  heatmap_rect (self, width, height, &rect);
  cairo_save (cr);
  cairo_rectangle (cr, rect.origin.x, rect.origin.y, rect.size.width, rect.size.height);
  cairo_clip (cr);
  cairo_translate (cr, rect.origin.x, rect.origin.y);
  cairo_scale (cr, rect.size.width / self->snapshot->cell_cols, rect.size.height / self->snapshot->cell_rows);
  cairo_set_source_surface (cr, self->image, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_NEAREST);
  cairo_paint (cr);
  cairo_restore (cr);

  ftl_plot_get_foreground (GTK_WIDGET (area), &fg);
  if (self->hover_cell >= 0)
    {
      double cw = rect.size.width / self->snapshot->cell_cols;
      double ch = rect.size.height / self->snapshot->cell_rows;
      int r = self->hover_cell / self->snapshot->cell_cols, c = self->hover_cell % self->snapshot->cell_cols;

      ftl_plot_set_source (cr, &fg, 0.9);
      cairo_set_line_width (cr, 1.5);
      cairo_rectangle (cr, rect.origin.x + c * cw, rect.origin.y + r * ch, MAX (cw, 2), MAX (ch, 2));
      cairo_stroke (cr);
    }
  ftl_plot_set_source (cr, &fg, 0.25);
  cairo_set_line_width (cr, 1);
  cairo_rectangle (cr, rect.origin.x + 0.5, rect.origin.y + 0.5, rect.size.width - 1, rect.size.height - 1);
  cairo_stroke (cr);
}

/* What the cell under (x, y) shows, or NULL. */
static char *
describe_point (FtlWeightsView *self,
                double          x,
                double          y,
                int            *cell_out)
{
  FtlTensorSnapshot *s = self->snapshot;
  GtkWidget *area = GTK_WIDGET (self->heatmap);
  graphene_rect_t rect;
  g_autofree char *value = NULL;
  g_autofree char *where = NULL;
  int r, c, cell;

  *cell_out = -1;
  if (s == NULL)
    return NULL;
  heatmap_rect (self, gtk_widget_get_width (area), gtk_widget_get_height (area), &rect);
  if (!graphene_rect_contains_point (&rect, &GRAPHENE_POINT_INIT (x, y)))
    return NULL;

  r = CLAMP ((int) ((y - rect.origin.y) / rect.size.height * s->cell_rows), 0, s->cell_rows - 1);
  c = CLAMP ((int) ((x - rect.origin.x) / rect.size.width * s->cell_cols), 0, s->cell_cols - 1);
  cell = r * s->cell_cols + c;
  *cell_out = cell;
  value = format_number (s->cells[cell]);
  if (s->rows == 1)
    where = g_strdup_printf ("%s[%u]", s->name, s->cell_index[cell]);
  else
    where = g_strdup_printf ("%s[%u, %u]", s->name, s->cell_index[cell] / s->cols, s->cell_index[cell] % s->cols);

  if (s->cell_rows == s->rows && s->cell_cols == s->cols)
    return g_strdup_printf ("%s = %s", where, value);

  /* The block of elements the cell stands for, as ftl_tensor_snapshot_take() cut it. */
  int r0 = (int) ceil ((double) r * s->rows / s->cell_rows), r1 = (int) ceil ((double) (r + 1) * s->rows / s->cell_rows) - 1;
  int c0 = (int) ceil ((double) c * s->cols / s->cell_cols), c1 = (int) ceil ((double) (c + 1) * s->cols / s->cell_cols) - 1;
  if (s->rows == 1)
    /* Translators: an element of a vector, its value, and the range of elements its cell covers. */
    return g_strdup_printf (_("%s = %s · the largest of [%d … %d]"), where, value, c0, c1);
  /* Translators: an element of a matrix, its value, and the rows and columns its cell covers. */
  return g_strdup_printf (_("%s = %s · the largest of rows %d … %d × columns %d … %d"),
                          where, value, r0, r1, c0, c1);
}

static void
update_hover (FtlWeightsView *self,
              double          x,
              double          y)
{
  int cell;
  g_autofree char *text = describe_point (self, x, y, &cell);

  gtk_label_set_text (self->hover_label, text != NULL ? text : _("Point at a cell to see its element and value."));
  if (cell != self->hover_cell)
    {
      self->hover_cell = cell;
      gtk_widget_queue_draw (GTK_WIDGET (self->heatmap));
    }
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           FtlWeightsView           *self)
{
  update_hover (self, x, y);
}

static void
leave_cb (GtkEventControllerMotion *controller,
          FtlWeightsView           *self)
{
  update_hover (self, -1, -1);
}

static gboolean
query_tooltip_cb (GtkWidget      *widget,
                  int             x,
                  int             y,
                  gboolean        keyboard,
                  GtkTooltip     *tooltip,
                  FtlWeightsView *self)
{
  int cell;
  g_autofree char *text = describe_point (self, x, y, &cell);

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static const char *
mode_noun (FtlInspectMode mode)
{
  switch (mode)
    {
    case FTL_INSPECT_VALUES:
      return _("value");
    case FTL_INSPECT_DELTA:
      return _("change since fine-tuning began");
    case FTL_INSPECT_GRADIENT:
      return _("gradient");
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
draw_legend (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  FtlWeightsView *self = user_data;
  GtkWidget *widget = GTK_WIDGET (area);
  gboolean dark = is_dark ();
  double scale = self->snapshot != NULL ? self->snapshot->max_abs : 0.0;
  double left, right, bar = 10;
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;
  GdkRGBA fg;

  if (self->snapshot == NULL)
    return;

  /* Room for the end labels beside the bar. */
  low = format_number (-scale);
  high = format_number (scale);
  left = PAD;
  right = width - PAD;
  for (int i = 0; i < 64; i++)
    {
      double rgb[3];
      double t = scale > 0 ? -1.0 + 2.0 * (i + 0.5) / 64 : 0.0;
      double x0 = left + (right - left) * i / 64.0;

      diverging_color (t, dark, rgb);
      cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
      cairo_rectangle (cr, floor (x0), 0, ceil ((right - left) / 64.0) + 1, bar);
      cairo_fill (cr);
    }
  ftl_plot_get_foreground (widget, &fg);
  ftl_plot_set_source (cr, &fg, 0.25);
  cairo_set_line_width (cr, 1);
  cairo_rectangle (cr, left + 0.5, 0.5, right - left - 1, bar - 1);
  cairo_stroke (cr);

  ftl_plot_set_source (cr, &fg, 0.8);
  if (scale > 0)
    {
      ftl_plot_show_text (widget, cr, low, left, bar + 2, 0, 0);
      ftl_plot_show_text (widget, cr, high, right, bar + 2, 1, 0);
    }
  ftl_plot_show_text (widget, cr, "0", (left + right) / 2, bar + 2, 0.5, 0);
}

static void
update_caption (FtlWeightsView *self)
{
  FtlTensorSnapshot *s = self->snapshot;
  const FtlTensorInfo *info = find_info (self, self->tensor);
  g_autofree char *label = NULL;
  GString *text;

  if (info == NULL)
    {
      gtk_label_set_text (self->caption_label, "");
      return;
    }

  label = tensor_label (self->tensor, self->run->n_layers);
  text = g_string_new (NULL);
  if (info->n_dims == 2)
    g_string_append_printf (text, _("%s (%s), %d × %d"), label, self->tensor, info->rows, info->cols);
  else
    g_string_append_printf (text, _("%s (%s), %d values"), label, self->tensor, info->rows);

  if (s != NULL)
    {
      g_autofree char *norm = format_number (s->norm);
      g_autofree char *ratio = format_number (s->value_norm > 0 ? s->norm / s->value_norm : 0.0);

      g_string_append (text, " · ");
      g_string_append_printf (text, _("step %d"), s->step);
      g_string_append (text, " · ");
      switch (s->mode)
        {
        case FTL_INSPECT_VALUES:
          g_string_append_printf (text, _("‖W‖ = %s"), norm);
          break;
        case FTL_INSPECT_DELTA:
          if (s->max_abs == 0.f)
            g_string_append (text, _("ΔW is exactly zero: this tensor is still the base model’s."));
          else
            g_string_append_printf (text, _("‖ΔW‖ = %s, ‖ΔW‖ ÷ ‖W‖ = %s"), norm, ratio);
          break;
        case FTL_INSPECT_GRADIENT:
          if (s->step == 0)
            g_string_append (text, _("No gradient yet: the first step computes one."));
          else
            g_string_append_printf (text, _("‖gradient‖ = %s"), norm);
          break;
        default:
          g_assert_not_reached ();
        }
      if (s->cell_rows < s->rows || s->cell_cols < s->cols)
        {
          g_string_append (text, " · ");
          /* Translators: the heatmap has fewer cells than the tensor has elements. */
          g_string_append_printf (text, _("each cell shows the %s of largest magnitude among about %d × %d elements"),
                                  mode_noun (s->mode), (s->rows + s->cell_rows - 1) / s->cell_rows,
                                  (s->cols + s->cell_cols - 1) / s->cell_cols);
        }
    }
  gtk_label_set_text (self->caption_label, text->str);
  g_string_free (text, TRUE);
}

/* ---- asking the job for snapshots ------------------------------------------------------- */

static void
send_request (FtlWeightsView *self)
{
  const FtlTensorInfo *info = find_info (self, self->tensor);
  int width = gtk_widget_get_width (GTK_WIDGET (self->heatmap));
  int height = gtk_widget_get_height (GTK_WIDGET (self->heatmap));
  int rows, cols;

  if (self->job == NULL || self->tensor == NULL)
    return;
  /* Not laid out yet: a grid of sensible size; a later resize asks again. */
  cols = width > 0 ? CLAMP (width, 1, MAX_CELLS) : 256;
  rows = height > 0 ? CLAMP (height, 1, MAX_CELLS) : 128;
  if (info != NULL && info->n_dims == 1)
    rows = 1;
  ftl_training_job_request_snapshot (self->job, self->tensor, self->mode, rows, cols);
  self->awaiting = TRUE;
}

static gboolean
request_tick_cb (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  FtlWeightsView *self = FTL_WEIGHTS_VIEW (widget);

  self->tick_id = 0;
  send_request (self);
  return G_SOURCE_REMOVE;
}

/* At the next frame, so a view asks at most once per frame. */
static void
schedule_request (FtlWeightsView *self)
{
  if (self->tick_id == 0 && self->job != NULL)
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), request_tick_cb, NULL, NULL);
}

static void
set_snapshot (FtlWeightsView    *self,
              FtlTensorSnapshot *snapshot)
{
  if (self->snapshot == snapshot)
    return;
  g_clear_pointer (&self->snapshot, ftl_tensor_snapshot_unref);
  if (snapshot != NULL)
    self->snapshot = ftl_tensor_snapshot_ref (snapshot);
  g_clear_pointer (&self->image, cairo_surface_destroy);
  self->hover_cell = -1;
  gtk_label_set_text (self->hover_label, _("Point at a cell to see its element and value."));
  gtk_widget_queue_draw (GTK_WIDGET (self->heatmap));
  gtk_widget_queue_draw (GTK_WIDGET (self->legend));
  update_caption (self);
}

/* The selection changed: what is shown no longer applies. */
static void
selection_changed (FtlWeightsView *self)
{
  set_snapshot (self, NULL);
  send_request (self);
}

static void
job_snapshot_cb (FtlWeightsView *self)
{
  FtlTensorSnapshot *s = ftl_training_job_get_snapshot (self->job);

  /* An answer to an earlier selection: the current one is on its way. */
  if (s == NULL || g_strcmp0 (s->name, self->tensor) != 0 || s->mode != self->mode)
    return;
  self->awaiting = FALSE;
  set_snapshot (self, s);
  if (ftl_training_job_get_step (self->job) > s->step)
    schedule_request (self);
}

static void
job_step_cb (FtlWeightsView *self)
{
  if (!self->awaiting)
    schedule_request (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->lr_chart));
}

static void
heatmap_resize_cb (FtlWeightsView *self,
                   int             width,
                   int             height)
{
  FtlTensorSnapshot *s = self->snapshot;

  /* A grid cut for another size would be blurred or coarse: ask anew. */
  if (s != NULL && (s->cell_cols != MIN (width, MIN (s->cols, MAX_CELLS)) ||
                    (s->rows > 1 && s->cell_rows != MIN (height, MIN (s->rows, MAX_CELLS)))))
    schedule_request (self);
}

/* ---- the picker ------------------------------------------------------------------------- */

static void
fill_tensor_dropdown (FtlWeightsView *self,
                      int             group)
{
  int n_layers = self->run->n_layers;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  g_ptr_array_set_size (self->tensor_names, 0);
  if (group == FTL_GROUP_EMBEDDING)
    g_ptr_array_add (self->tensor_names, g_strdup ("token_embd.weight"));
  else if (group == n_layers + 1)
    g_ptr_array_add (self->tensor_names, g_strdup ("output_norm.weight"));
  else
    for (gsize i = 0; i < G_N_ELEMENTS (block_tensors); i++)
      g_ptr_array_add (self->tensor_names, g_strdup_printf ("blk.%d.%s", group - 1, block_tensors[i].suffix));

  for (guint i = 0; i < self->tensor_names->len; i++)
    {
      g_autofree char *label = tensor_label (g_ptr_array_index (self->tensor_names, i), n_layers);
      const char *dot = strstr (label, " · ");

      /* The block is in the other dropdown already. */
      gtk_string_list_append (labels, group >= 1 && group <= n_layers && dot != NULL ? dot + strlen (" · ") : label);
    }
  gtk_drop_down_set_model (self->tensor_dropdown, G_LIST_MODEL (labels));
}

/* The dropdowns show self->tensor. */
static void
sync_picker (FtlWeightsView *self)
{
  const char *suffix;
  int group;

  if (self->run == NULL || self->tensor == NULL)
    return;
  group = parse_name (self->tensor, self->run->n_layers, &suffix);
  self->syncing = TRUE;
  if ((int) gtk_drop_down_get_selected (self->layer_dropdown) != group ||
      self->tensor_names->len == 0)
    {
      gtk_drop_down_set_selected (self->layer_dropdown, group);
      fill_tensor_dropdown (self, group);
    }
  for (guint i = 0; i < self->tensor_names->len; i++)
    if (g_str_equal (g_ptr_array_index (self->tensor_names, i), self->tensor))
      gtk_drop_down_set_selected (self->tensor_dropdown, i);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->tensor_dropdown), self->tensor);
  self->syncing = FALSE;
}

static void
layer_selected_cb (FtlWeightsView *self)
{
  guint group = gtk_drop_down_get_selected (self->layer_dropdown);
  const char *suffix;
  g_autofree char *same_role = NULL;

  if (self->syncing || self->run == NULL || group == GTK_INVALID_LIST_POSITION)
    return;
  /* Another block: the same tensor in it, as a student compares blocks. */
  parse_name (self->tensor, self->run->n_layers, &suffix);
  same_role = g_strdup_printf ("blk.%u.%s", group - 1, suffix);
  self->syncing = TRUE;
  fill_tensor_dropdown (self, group);
  self->syncing = FALSE;
  if (group >= 1 && group <= (guint) self->run->n_layers && find_info (self, same_role) != NULL)
    ftl_weights_view_set_tensor (self, same_role);
  else
    ftl_weights_view_set_tensor (self, g_ptr_array_index (self->tensor_names, 0));
}

static void
tensor_selected_cb (FtlWeightsView *self)
{
  guint i = gtk_drop_down_get_selected (self->tensor_dropdown);

  if (self->syncing || i >= self->tensor_names->len)
    return;
  ftl_weights_view_set_tensor (self, g_ptr_array_index (self->tensor_names, i));
}

static void
update_series_legend (FtlWeightsView *self)
{
  GString *markup = g_string_new (NULL);
  int n_groups = ftl_inspect_n_groups (self->run->n_layers);

  for (int g = 0; g < n_groups; g++)
    {
      const GdkRGBA *color = &series_colors[g % G_N_ELEMENTS (series_colors)];
      g_autofree char *name = ftl_format_group (g, n_groups);
      g_autofree char *escaped = g_markup_escape_text (name, -1);

      g_string_append_printf (markup, "%s<span foreground=\"#%02x%02x%02x\">■</span> %s",
                              g > 0 ? "   " : "", (int) (color->red * 255), (int) (color->green * 255),
                              (int) (color->blue * 255), escaped);
    }
  gtk_label_set_markup (self->series_label, markup->str);
  g_string_free (markup, TRUE);
}

static void
job_inspect_run_cb (FtlWeightsView *self)
{
  FtlInspectRun *run = ftl_training_job_get_inspect_run (self->job);
  g_autoptr(GtkStringList) layers = gtk_string_list_new (NULL);

  if (run == NULL || run == self->run)
    return;
  g_clear_pointer (&self->run, ftl_inspect_run_unref);
  self->run = ftl_inspect_run_ref (run);

  for (int g = 0, n_groups = ftl_inspect_n_groups (run->n_layers); g < n_groups; g++)
    {
      g_autofree char *label = ftl_format_group (g, n_groups);

      gtk_string_list_append (layers, label);
    }
  self->syncing = TRUE;
  gtk_drop_down_set_model (self->layer_dropdown, G_LIST_MODEL (layers));
  g_ptr_array_set_size (self->tensor_names, 0);
  self->syncing = FALSE;
  if (find_info (self, self->tensor) == NULL)
    ftl_weights_view_set_tensor (self, run->tensors[0].name);
  sync_picker (self);
  update_series_legend (self);
  update_caption (self);
  gtk_stack_set_visible_child_name (self->stack, "weights");
  gtk_widget_queue_draw (GTK_WIDGET (self->lr_chart));
}

/* ---- the charts over the run ------------------------------------------------------------ */

typedef struct
{
  double left, top, right, bottom;
  double x_max;             /* steps 1 … x_max */
  double y_min, y_max;      /* log10 or linear */
  gboolean log_scale;
} Chart;

static double
chart_x (const Chart *c,
         double       step)
{
  return c->left + (step - 1) / MAX (1.0, c->x_max - 1) * (c->right - c->left);
}

static double
chart_y (const Chart *c,
         double       value)
{
  double t = c->log_scale ? log10 (value) : value;

  return c->bottom - (t - c->y_min) / (c->y_max - c->y_min) * (c->bottom - c->top);
}

/* Axes with the y range's ends labelled and the x range's ends below. */
static void
draw_chart_frame (GtkWidget   *widget,
                  cairo_t     *cr,
                  Chart       *c,
                  int          width,
                  int          height,
                  const char  *y_low,
                  const char  *y_high)
{
  int w1, w2, h;
  g_autoptr(PangoLayout) low = ftl_plot_create_layout (widget, y_low, &w1, &h);
  g_autoptr(PangoLayout) high = ftl_plot_create_layout (widget, y_high, &w2, &h);
  g_autofree char *last = g_strdup_printf ("%d", (int) c->x_max);
  GdkRGBA fg;

  c->left = MAX (w1, w2) + PAD;
  c->top = h / 2.0 + 1;
  c->right = width - PAD;
  c->bottom = height - h - 2;

  ftl_plot_get_foreground (widget, &fg);
  ftl_plot_set_source (cr, &fg, 0.6);
  ftl_plot_show_text (widget, cr, y_high, c->left - 3, c->top, 1, 0.5);
  ftl_plot_show_text (widget, cr, y_low, c->left - 3, c->bottom, 1, 0.5);
  ftl_plot_show_text (widget, cr, "1", c->left, c->bottom + 2, 0, 0);
  ftl_plot_show_text (widget, cr, last, c->right, c->bottom + 2, 1, 0);

  ftl_plot_set_source (cr, &fg, 0.3);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, floor (c->left) + 0.5, c->top);
  cairo_line_to (cr, floor (c->left) + 0.5, floor (c->bottom) + 0.5);
  cairo_line_to (cr, c->right, floor (c->bottom) + 0.5);
  cairo_stroke (cr);
}

/* 10⁻³ */
static char *
format_decade (int exponent)
{
  g_autofree char *power = ftl_format_superscript (exponent);

  return g_strconcat ("10", power, NULL);
}

static double
layer_value (FtlLayerStats *stats,
             int            group,
             gboolean       ratio)
{
  return ratio ? stats->update_ratio[group] : stats->grad_norm[group];
}

static void
draw_layer_chart (GtkDrawingArea *area,
                  cairo_t        *cr,
                  int             width,
                  int             height,
                  gpointer        user_data)
{
  FtlWeightsView *self = user_data;
  gboolean ratio = area == self->ratio_chart;
  GPtrArray *stats = self->job != NULL ? ftl_training_job_get_layer_stats (self->job) : NULL;
  double lo = INFINITY, hi = -INFINITY;
  Chart c = { .log_scale = TRUE };

  if (self->run == NULL || stats == NULL || stats->len == 0)
    {
      ftl_plot_draw_placeholder (GTK_WIDGET (area), cr, width, height, PAD, _("After the first step"));
      return;
    }
  for (guint i = 0; i < stats->len; i++)
    for (int g = 0; g < ((FtlLayerStats *) stats->pdata[i])->n_groups; g++)
      {
        double v = layer_value (stats->pdata[i], g, ratio);

        if (isfinite (v) && v > 0)
          {
            lo = MIN (lo, v);
            hi = MAX (hi, v);
          }
      }
  if (!isfinite (lo))
    {
      ftl_plot_draw_placeholder (GTK_WIDGET (area), cr, width, height, PAD, "0");
      return;
    }

  /* Whole decades: the charts compare orders of magnitude. */
  c.y_min = floor (log10 (lo));
  c.y_max = MAX (ceil (log10 (hi)), c.y_min + 1);
  c.x_max = MAX (self->run->total_steps, 2);
  g_autofree char *low = format_decade ((int) c.y_min);
  g_autofree char *high = format_decade ((int) c.y_max);
  draw_chart_frame (GTK_WIDGET (area), cr, &c, width, height, low, high);

  cairo_set_line_width (cr, 1.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (int g = 0; g < ((FtlLayerStats *) stats->pdata[0])->n_groups; g++)
    {
      gboolean drawing = FALSE;

      for (guint i = 0; i < stats->len; i++)
        {
          FtlLayerStats *s = stats->pdata[i];
          double v = layer_value (s, g, ratio);

          if (!(isfinite (v) && v > 0))
            {
              drawing = FALSE;
              continue;
            }
          if (drawing)
            cairo_line_to (cr, chart_x (&c, s->step), chart_y (&c, v));
          else
            cairo_move_to (cr, chart_x (&c, s->step), chart_y (&c, v));
          drawing = TRUE;
        }
      ftl_plot_set_source (cr, &series_colors[g % G_N_ELEMENTS (series_colors)], 0.9);
      cairo_stroke (cr);
      /* Few steps: each one a dot, so a first step shows at all. */
      if (stats->len <= 24)
        for (guint i = 0; i < stats->len; i++)
          {
            FtlLayerStats *s = stats->pdata[i];
            double v = layer_value (s, g, ratio);

            if (isfinite (v) && v > 0)
              {
                cairo_new_sub_path (cr);
                cairo_arc (cr, chart_x (&c, s->step), chart_y (&c, v), 2.5, 0, 2 * G_PI);
              }
            cairo_fill (cr);
          }
    }
}

static void
draw_lr_chart (GtkDrawingArea *area,
               cairo_t        *cr,
               int             width,
               int             height,
               gpointer        user_data)
{
  FtlWeightsView *self = user_data;
  FtlInspectRun *run = self->run;
  double peak = 0;
  Chart c = { .log_scale = FALSE };
  GdkRGBA fg;

  if (run == NULL || run->total_steps < 1)
    {
      ftl_plot_draw_placeholder (GTK_WIDGET (area), cr, width, height, PAD, _("When the run starts"));
      return;
    }
  for (int s = 0; s < run->total_steps; s++)
    peak = MAX (peak, run->schedule[s]);
  c.x_max = MAX (run->total_steps, 2);
  c.y_min = 0;
  c.y_max = peak > 0 ? peak : 1;
  g_autofree char *high = format_number (peak);
  draw_chart_frame (GTK_WIDGET (area), cr, &c, width, height, "0", high);

  cairo_set_line_width (cr, 1.5);
  for (int s = 0; s < run->total_steps; s++)
    {
      double x = chart_x (&c, s + 1), y = chart_y (&c, run->schedule[s]);

      if (s == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  ftl_plot_set_source (cr, &series_colors[0], 1);
  cairo_stroke (cr);

  /* Where the run is now. */
  int step = self->job != NULL ? ftl_training_job_get_step (self->job) : 0;
  if (step >= 1 && step <= run->total_steps)
    {
      double x = chart_x (&c, step);

      ftl_plot_get_foreground (GTK_WIDGET (area), &fg);
      ftl_plot_set_source (cr, &fg, 0.35);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, floor (x) + 0.5, c.top);
      cairo_line_to (cr, floor (x) + 0.5, c.bottom);
      cairo_stroke (cr);
      ftl_plot_set_source (cr, &series_colors[0], 1);
      cairo_arc (cr, x, chart_y (&c, run->schedule[step - 1]), 3.5, 0, 2 * G_PI);
      cairo_fill (cr);
    }
}

/* The run ended: the placeholder says why no snapshot will come. */
static void
job_running_cb (FtlWeightsView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self->heatmap));
}

static void
layer_stats_added_cb (FtlWeightsView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self->grad_chart));
  gtk_widget_queue_draw (GTK_WIDGET (self->ratio_chart));
}

/* ---- the widget ------------------------------------------------------------------------- */

static void
dark_changed_cb (FtlWeightsView *self)
{
  g_clear_pointer (&self->image, cairo_surface_destroy);
  gtk_widget_queue_draw (GTK_WIDGET (self->heatmap));
  gtk_widget_queue_draw (GTK_WIDGET (self->legend));
}

static void
ftl_weights_view_dispose (GObject *object)
{
  FtlWeightsView *self = FTL_WEIGHTS_VIEW (object);

  ftl_weights_view_set_job (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), FTL_TYPE_WEIGHTS_VIEW);
  G_OBJECT_CLASS (ftl_weights_view_parent_class)->dispose (object);
}

static void
ftl_weights_view_finalize (GObject *object)
{
  FtlWeightsView *self = FTL_WEIGHTS_VIEW (object);

  g_free (self->tensor);
  g_clear_pointer (&self->run, ftl_inspect_run_unref);
  g_clear_pointer (&self->snapshot, ftl_tensor_snapshot_unref);
  g_clear_pointer (&self->image, cairo_surface_destroy);
  g_ptr_array_unref (self->tensor_names);
  G_OBJECT_CLASS (ftl_weights_view_parent_class)->finalize (object);
}

static void
ftl_weights_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  FtlWeightsView *self = FTL_WEIGHTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_JOB:
      g_value_set_object (value, self->job);
      break;
    case PROP_TENSOR:
      g_value_set_string (value, self->tensor);
      break;
    case PROP_MODE:
      g_value_set_enum (value, self->mode);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ftl_weights_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  FtlWeightsView *self = FTL_WEIGHTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_JOB:
      ftl_weights_view_set_job (self, g_value_get_object (value));
      break;
    case PROP_TENSOR:
      ftl_weights_view_set_tensor (self, g_value_get_string (value));
      break;
    case PROP_MODE:
      ftl_weights_view_set_mode (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ftl_weights_view_class_init (FtlWeightsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ftl_weights_view_dispose;
  object_class->finalize = ftl_weights_view_finalize;
  object_class->get_property = ftl_weights_view_get_property;
  object_class->set_property = ftl_weights_view_set_property;

  properties[PROP_JOB] =
    g_param_spec_object ("job", NULL, NULL, FTL_TYPE_TRAINING_JOB,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TENSOR] =
    g_param_spec_string ("tensor", NULL, NULL, "blk.0.attn_q.weight",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODE] =
    g_param_spec_enum ("mode", NULL, NULL, FTL_TYPE_INSPECT_MODE, FTL_INSPECT_VALUES,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_property_action (widget_class, "weights.mode", "mode");

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/finetunelab/FineTuneLab/ui/ftl-weights-view.ui");
  gtk_widget_class_bind_template_child (widget_class, FtlWeightsView, stack);
  gtk_widget_class_bind_template_child (widget_class, FtlWeightsView, layer_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FtlWeightsView, tensor_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FtlWeightsView, heatmap);
  gtk_widget_class_bind_template_child (widget_class, FtlWeightsView, legend);
  gtk_widget_class_bind_template_child (widget_class, FtlWeightsView, caption_label);
  gtk_widget_class_bind_template_child (widget_class, FtlWeightsView, hover_label);
  gtk_widget_class_bind_template_child (widget_class, FtlWeightsView, grad_chart);
  gtk_widget_class_bind_template_child (widget_class, FtlWeightsView, ratio_chart);
  gtk_widget_class_bind_template_child (widget_class, FtlWeightsView, lr_chart);
  gtk_widget_class_bind_template_child (widget_class, FtlWeightsView, series_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "weightsview");
}

static void
ftl_weights_view_init (FtlWeightsView *self)
{
  GtkEventController *motion;

  self->tensor = g_strdup ("blk.0.attn_q.weight");
  self->mode = FTL_INSPECT_VALUES;
  self->hover_cell = -1;
  self->tensor_names = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_drawing_area_set_draw_func (self->heatmap, draw_heatmap, self, NULL);
  gtk_drawing_area_set_draw_func (self->legend, draw_legend, self, NULL);
  gtk_drawing_area_set_draw_func (self->grad_chart, draw_layer_chart, self, NULL);
  gtk_drawing_area_set_draw_func (self->ratio_chart, draw_layer_chart, self, NULL);
  gtk_drawing_area_set_draw_func (self->lr_chart, draw_lr_chart, self, NULL);
  g_signal_connect_swapped (self->heatmap, "resize", G_CALLBACK (heatmap_resize_cb), self);
  g_signal_connect (self->heatmap, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);
  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->heatmap), motion);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_swapped (self->layer_dropdown, "notify::selected", G_CALLBACK (layer_selected_cb), self);
  g_signal_connect_swapped (self->tensor_dropdown, "notify::selected", G_CALLBACK (tensor_selected_cb), self);
}

GtkWidget *
ftl_weights_view_new (void)
{
  return g_object_new (FTL_TYPE_WEIGHTS_VIEW, NULL);
}

void
ftl_weights_view_set_job (FtlWeightsView *self,
                          FtlTrainingJob *job)
{
  g_return_if_fail (FTL_IS_WEIGHTS_VIEW (self));
  g_return_if_fail (job == NULL || FTL_IS_TRAINING_JOB (job));

  if (self->job == job)
    return;
  if (self->job != NULL)
    g_signal_handlers_disconnect_by_data (self->job, self);
  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
  g_set_object (&self->job, job);
  g_clear_pointer (&self->run, ftl_inspect_run_unref);
  self->awaiting = FALSE;
  set_snapshot (self, NULL);
  gtk_stack_set_visible_child_name (self->stack, "empty");

  if (job != NULL)
    {
      g_signal_connect_swapped (job, "notify::snapshot", G_CALLBACK (job_snapshot_cb), self);
      g_signal_connect_swapped (job, "notify::step", G_CALLBACK (job_step_cb), self);
      g_signal_connect_swapped (job, "notify::inspect-run", G_CALLBACK (job_inspect_run_cb), self);
      g_signal_connect_swapped (job, "notify::running", G_CALLBACK (job_running_cb), self);
      g_signal_connect_swapped (job, "layer-stats-added", G_CALLBACK (layer_stats_added_cb), self);
      job_inspect_run_cb (self);
      job_snapshot_cb (self);
      if (self->snapshot == NULL)
        send_request (self);
    }
  layer_stats_added_cb (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->lr_chart));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JOB]);
}

FtlTrainingJob *
ftl_weights_view_get_job (FtlWeightsView *self)
{
  g_return_val_if_fail (FTL_IS_WEIGHTS_VIEW (self), NULL);
  return self->job;
}

void
ftl_weights_view_set_tensor (FtlWeightsView *self,
                             const char     *tensor)
{
  g_return_if_fail (FTL_IS_WEIGHTS_VIEW (self));
  g_return_if_fail (tensor != NULL);

  if (g_strcmp0 (self->tensor, tensor) == 0)
    return;
  g_free (self->tensor);
  self->tensor = g_strdup (tensor);
  sync_picker (self);
  selection_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TENSOR]);
}

const char *
ftl_weights_view_get_tensor (FtlWeightsView *self)
{
  g_return_val_if_fail (FTL_IS_WEIGHTS_VIEW (self), NULL);
  return self->tensor;
}

void
ftl_weights_view_set_mode (FtlWeightsView *self,
                           FtlInspectMode  mode)
{
  g_return_if_fail (FTL_IS_WEIGHTS_VIEW (self));

  if (self->mode == mode)
    return;
  self->mode = mode;
  selection_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
}

FtlInspectMode
ftl_weights_view_get_mode (FtlWeightsView *self)
{
  g_return_val_if_fail (FTL_IS_WEIGHTS_VIEW (self), FTL_INSPECT_VALUES);
  return self->mode;
}
