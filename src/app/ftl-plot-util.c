/* ftl-plot-util.c — what the app's cairo drawings share. */
#include "ftl-plot-util.h"

#include <math.h>

double
ftl_plot_nice_step (double range,
                    int    target)
{
  double raw = range / MAX (target, 1);
  double magnitude = pow (10, floor (log10 (raw)));
  double f = raw / magnitude;

  return magnitude * (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10);
}

GArray *
ftl_plot_linear_ticks (double lo,
                       double hi,
                       double step)
{
  GArray *ticks = g_array_new (FALSE, FALSE, sizeof (double));

  /* i · step, not a running sum: the error does not add up along the axis. */
  for (double i = ceil (lo / step - 1e-9); i * step <= hi + step * 1e-9; i++)
    {
      double v = i * step;

      g_array_append_val (ticks, v);
    }

  return ticks;
}

void
ftl_plot_get_foreground (GtkWidget *widget,
                         GdkRGBA   *fg)
{
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), fg);
}

void
ftl_plot_set_source (cairo_t       *cr,
                     const GdkRGBA *color,
                     double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

PangoLayout *
ftl_plot_create_layout (GtkWidget  *widget,
                        const char *text,
                        int        *width,
                        int        *height)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);

  pango_layout_get_pixel_size (layout, width, height);
  return layout;
}

void
ftl_plot_show_text (GtkWidget  *widget,
                    cairo_t    *cr,
                    const char *text,
                    double      x,
                    double      y,
                    double      x_align,
                    double      y_align)
{
  int w, h;
  g_autoptr(PangoLayout) layout = ftl_plot_create_layout (widget, text, &w, &h);

  /* Whole pixels: text between two is blurred. */
  cairo_move_to (cr, round (x - w * x_align), round (y - h * y_align));
  pango_cairo_show_layout (cr, layout);
}

void
ftl_plot_draw_placeholder (GtkWidget  *widget,
                           cairo_t    *cr,
                           int         width,
                           int         height,
                           double      pad,
                           const char *text)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  GdkRGBA fg;
  int w, h;

  pango_layout_set_width (layout, MAX (1, width - 2 * (int) pad) * PANGO_SCALE);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_get_pixel_size (layout, &w, &h);
  ftl_plot_get_foreground (widget, &fg);
  ftl_plot_set_source (cr, &fg, 0.55);
  /* Pango centres each line within the wrap width. */
  cairo_move_to (cr, pad, round ((height - h) / 2.0));
  pango_cairo_show_layout (cr, layout);
}
