/* ftl-loss-plot.h — the live training-loss plot of the training pane. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define FTL_TYPE_LOSS_PLOT (ftl_loss_plot_get_type ())
G_DECLARE_FINAL_TYPE (FtlLossPlot, ftl_loss_plot, FTL, LOSS_PLOT, GtkWidget)

GtkWidget *ftl_loss_plot_new            (void);

/* A GListModel of FtlMetricPoint, observed through items-changed; NULL
 * clears the plot. Also the "model" property. Other properties:
 * "log-scale", "smoothing" (EMA factor 0…0.99) and "show-raw". */
void       ftl_loss_plot_set_model      (FtlLossPlot *self,
                                         GListModel  *metrics);

/* Renders the same drawing as on screen into a PNG of width × height. */
gboolean   ftl_loss_plot_export_png     (FtlLossPlot *self,
                                         const char  *path,
                                         int          width,
                                         int          height,
                                         GError     **error);
GBytes    *ftl_loss_plot_render_png     (FtlLossPlot *self,
                                         int          width,
                                         int          height,
                                         GError     **error);

/* The step where overfitting starts, marked on the plot with a red line:
 * see ftl_report_find_overfitting() for the rule (full validations, the
 * plot's smoothing). 0 when the run shows none. */
int        ftl_loss_plot_get_overfitting_step (FtlLossPlot *self);

/* The hover readout currently shown, or NULL. */
char      *ftl_loss_plot_get_hover_text (FtlLossPlot *self);

/* What the pointer-motion controller does: shows the readout for the step
 * nearest to widget coordinate x; a point outside the widget clears it, as
 * leaving does. Public so that tests can drive it. */
void       ftl_loss_plot_hover_at       (FtlLossPlot *self,
                                         double       x,
                                         double       y);

G_END_DECLS
