/* ftl-neuron-view.h — the warm-up's picture: the points, the line
 * y = w·x + b through them and each point's error, drawn with cairo. The
 * line can be dragged: anywhere moves it up and down (b); the round handle
 * at its right end, or a drag with Shift held, tilts it about x = 0 (w).
 * With the keyboard, Up/Down change b and Left/Right change w.
 *
 * Properties "w" and "b" (read-write, notified on every change, whether a
 * drag or a setter made it). */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define FTL_TYPE_NEURON_VIEW (ftl_neuron_view_get_type ())
G_DECLARE_FINAL_TYPE (FtlNeuronView, ftl_neuron_view, FTL, NEURON_VIEW, GtkWidget)

GtkWidget *ftl_neuron_view_new        (void);

/* Copies n points; the axes are fitted to them and to the line as it is now,
 * and then stay put while the line moves. */
void       ftl_neuron_view_set_points (FtlNeuronView *self,
                                       const double  *x,
                                       const double  *y,
                                       int            n);

double     ftl_neuron_view_get_w      (FtlNeuronView *self);
void       ftl_neuron_view_set_w      (FtlNeuronView *self,
                                       double         w);
double     ftl_neuron_view_get_b      (FtlNeuronView *self);
void       ftl_neuron_view_set_b      (FtlNeuronView *self,
                                       double         b);

/* What a drag does, in widget coordinates: from (start_x, start_y) by
 * (dx, dy), with Shift held or not. Public so tests drive it as the gesture
 * does. */
void       ftl_neuron_view_drag       (FtlNeuronView *self,
                                       double         start_x,
                                       double         start_y,
                                       double         dx,
                                       double         dy,
                                       gboolean       shift);

/* Where the tilt handle is drawn, in widget coordinates. */
void       ftl_neuron_view_get_handle (FtlNeuronView *self,
                                       double        *x,
                                       double        *y);

G_END_DECLS
