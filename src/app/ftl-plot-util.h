/* ftl-plot-util.h — what the app's cairo drawings share (the loss plot, the
 * warm-up's neuron, the weights view and its charts): "nice" tick steps and
 * the ticks they give, colours from the widget's style, text placed by its
 * alignment, and the line that stands in for a plot with nothing to show. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* 1, 2 or 5 times a power of ten, giving about target ticks over range. */
double       ftl_plot_nice_step        (double         range,
                                        int            target);

/* The multiples of step in [lo, hi] (double), a rounding error's worth of
 * room at both ends so an end that is a multiple keeps its tick. */
GArray      *ftl_plot_linear_ticks     (double         lo,
                                        double         hi,
                                        double         step);

/* The widget's text colour (GTK 4.8 has no gtk_widget_get_color, 4.10). */
void         ftl_plot_get_foreground   (GtkWidget     *widget,
                                        GdkRGBA       *fg);

/* color at alpha times its own. */
void         ftl_plot_set_source       (cairo_t       *cr,
                                        const GdkRGBA *color,
                                        double         alpha);

/* A layout of text in the widget's font and its size in pixels. */
PangoLayout *ftl_plot_create_layout    (GtkWidget     *widget,
                                        const char    *text,
                                        int           *width,
                                        int           *height);

/* Text at (x, y) in the current source, aligned by x_align and y_align
 * (0 left or top … 1 right or bottom) within its own extent. */
void         ftl_plot_show_text        (GtkWidget     *widget,
                                        cairo_t       *cr,
                                        const char    *text,
                                        double         x,
                                        double         y,
                                        double         x_align,
                                        double         y_align);

/* text centred in width × height in the dimmed text colour, wrapped pad
 * inside either side. */
void         ftl_plot_draw_placeholder (GtkWidget     *widget,
                                        cairo_t       *cr,
                                        int            width,
                                        int            height,
                                        double         pad,
                                        const char    *text);

G_END_DECLS
