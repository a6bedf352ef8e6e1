/* ftl-warmup-window.h — the one-neuron warm-up: the lesson's five steps of
 * fine-tuning (initialization, forward, loss, backpropagation, update) on
 * y = w·x + b and a handful of points, one gradient step at a time or
 * animated until it converges.
 *
 * Actions: "warmup.step" (one gradient step), "warmup.run" (stateful, the
 * "running" property: steps on every frame until converged, diverged or
 * switched off), "warmup.reset" (w and b back to where they started) and
 * "warmup.lesson-example" (stateful, the "lesson-example" property: the
 * lesson's single point x = 1 with the answer 3 and a model that predicts 5,
 * instead of five points on y = 2x + 1). */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define FTL_TYPE_WARMUP_WINDOW (ftl_warmup_window_get_type ())
G_DECLARE_FINAL_TYPE (FtlWarmupWindow, ftl_warmup_window, FTL, WARMUP_WINDOW, AdwWindow)

/* A new warm-up window, transient for parent (may be NULL). */
GtkWidget *ftl_warmup_window_new (GtkWindow *parent);

G_END_DECLS
