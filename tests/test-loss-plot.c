/* test-loss-plot.c — FtlLossPlot in a real window: live data in bursts,
 * the PNG export, log scale, non-finite and spiking losses, hover, errors.
 *
 * Run with --screenshot PATH [--dark] [--log] to save a picture of the plot
 * as GTK renders it on screen, with 300 realistic steps and the pointer
 * over it. */
#include <check.h>
#include <gtk/gtk.h>
#include <glib/gstdio.h>
#include <math.h>

#include "ftl-loss-plot.h"
#include "ftl-metric-point.h"
#include "ftl-test-util.h"

#define WIDTH  600
#define HEIGHT 400

/* The smoothed line's fixed colour, #3584e4. */
static const int smoothed_rgb[3] = { 0x35, 0x84, 0xe4 };

static GtkWindow   *window;
static FtlLossPlot *plot;
static GListStore  *store;
static char        *tmp_dir;

static void
append_point (int    step,
              int    total_steps,
              int    epoch,
              double loss,
              double valid_loss,
              double full_valid_loss)
{
  FtlTrainMetrics m = {
    .step = step,
    .total_steps = total_steps,
    .epoch = epoch,
    .train_loss = loss,
    .valid_loss = valid_loss,
    .full_valid_loss = full_valid_loss,
  };
  g_autoptr(FtlMetricPoint) point = ftl_metric_point_new (&m);

  g_list_store_append (store, point);
}

/* A falling loss with noise over 3 epochs: validation every 10 steps, the
 * whole validation file at each epoch's end. Deterministic. */
static void
append_realistic (int first,
                  int last,
                  int total_steps)
{
  GRand *rand = g_rand_new_with_seed (42 + first);
  int per_epoch = total_steps / 3;

  for (int step = first; step <= last; step++)
    {
      double t = step / (double) total_steps;
      double loss = 0.55 + 2.3 * exp (-t * 5) + g_rand_double_range (rand, -0.18, 0.18) * (0.4 + t);
      double valid = step % 10 == 0 ? 0.62 + 2.2 * exp (-t * 4.5) + g_rand_double_range (rand, -0.05, 0.05) : NAN;
      double full = step % per_epoch == 0 ? 0.64 + 2.2 * exp (-t * 4.5) : NAN;

      append_point (step, total_steps, (step - 1) / per_epoch + 1, loss, valid, full);
    }
  g_rand_free (rand);
}

static gboolean
quit_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, quit_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
show_window (int width,
             int height)
{
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, width, height);
  plot = FTL_LOSS_PLOT (ftl_loss_plot_new ());
  store = g_list_store_new (FTL_TYPE_METRIC_POINT);
  ftl_loss_plot_set_model (plot, G_LIST_MODEL (store));
  gtk_window_set_child (window, GTK_WIDGET (plot));
  gtk_window_present (window);

  for (int i = 0; i < 500 && gtk_widget_get_width (GTK_WIDGET (plot)) < width / 2; i++)
    spin (10);
  spin (50);
}

static void
setup (void)
{
  gtk_init ();
  tmp_dir = g_dir_make_tmp ("test-loss-plot-XXXXXX", NULL);
  show_window (WIDTH, HEIGHT);
  ck_assert_int_ge (gtk_widget_get_width (GTK_WIDGET (plot)), WIDTH / 2);
}

static void
teardown (void)
{
  g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
  const char *name;

  gtk_window_destroy (window);
  g_clear_object (&store);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (tmp_dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (tmp_dir);
  g_free (tmp_dir);
}

typedef struct
{
  guint  n_colors;      /* distinct colours, 4 bits per channel */
  guint  n_smoothed;    /* pixels in the smoothed line's colour */
  double smoothed_mean_y;
  int    smoothed_top;  /* in the right half, clear of the legend */
  int    smoothed_bottom;
} Picture;

static gboolean
is_smoothed (guint32 pixel)
{
  int r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

  return (pixel >> 24) == 0xff
         && abs (r - smoothed_rgb[0]) <= 12
         && abs (g - smoothed_rgb[1]) <= 12
         && abs (b - smoothed_rgb[2]) <= 12;
}

/* Reads premultiplied B8G8R8A8 (cairo's ARGB32) pixels. */
static Picture
analyse (const guchar *data,
         int           width,
         int           height,
         int           stride)
{
  Picture p = { .smoothed_top = G_MAXINT, .smoothed_bottom = -1 };
  g_autoptr(GHashTable) colors = g_hash_table_new (NULL, NULL);
  double sum_y = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 pixel = *(const guint32 *) (data + y * stride + 4 * x);

        g_hash_table_add (colors, GUINT_TO_POINTER ((pixel >> 4) & 0x0f0f0f0f));
        if (!is_smoothed (pixel))
          continue;
        p.n_smoothed++;
        sum_y += y;
        if (x > width / 2)
          {
            p.smoothed_top = MIN (p.smoothed_top, y);
            p.smoothed_bottom = MAX (p.smoothed_bottom, y);
          }
      }
  p.n_colors = g_hash_table_size (colors);
  p.smoothed_mean_y = p.n_smoothed > 0 ? sum_y / p.n_smoothed : NAN;
  return p;
}

/* Exports WIDTH × HEIGHT and reads the file back. */
static cairo_surface_t *
export_png (const char *name)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  ck_assert_msg (ftl_loss_plot_export_png (plot, path, WIDTH, HEIGHT, &error),
                 "export failed: %s", error ? error->message : "");
  ck_assert (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  cairo_surface_t *surface = cairo_image_surface_create_from_png (path);
  ck_assert_int_eq (cairo_surface_status (surface), CAIRO_STATUS_SUCCESS);
  ck_assert_int_eq (cairo_image_surface_get_width (surface), WIDTH);
  ck_assert_int_eq (cairo_image_surface_get_height (surface), HEIGHT);
  cairo_surface_flush (surface);
  return surface;
}

static Picture
analyse_surface (cairo_surface_t *surface)
{
  return analyse (cairo_image_surface_get_data (surface), WIDTH, HEIGHT,
                  cairo_image_surface_get_stride (surface));
}

static Picture
export_and_analyse (const char *name)
{
  cairo_surface_t *surface = export_png (name);
  Picture p = analyse_surface (surface);

  cairo_surface_destroy (surface);
  return p;
}

/* Compares rows first_row… of two exports. */
static guint
count_different_pixels (cairo_surface_t *a,
                        cairo_surface_t *b,
                        int              first_row)
{
  int stride = cairo_image_surface_get_stride (a);
  const guchar *pa = cairo_image_surface_get_data (a), *pb = cairo_image_surface_get_data (b);
  guint n = 0;

  for (int y = first_row; y < HEIGHT; y++)
    for (int x = 0; x < WIDTH; x++)
      n += memcmp (pa + y * stride + 4 * x, pb + y * stride + 4 * x, 4) != 0;
  return n;
}

/* What GTK itself renders for the window, through the widget's snapshot. */
static GdkTexture *
render_window (void)
{
  GtkWidget *widget = GTK_WIDGET (window);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  g_autoptr(GskRenderNode) node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                      &GRAPHENE_RECT_INIT (0, 0, width, height));
}

static Picture
render_and_analyse (void)
{
  g_autoptr(GdkTexture) texture = render_window ();
  int width = gdk_texture_get_width (texture), height = gdk_texture_get_height (texture);
  g_autofree guchar *data = g_malloc ((gsize) width * height * 4);

  gdk_texture_download (texture, data, width * 4);
  return analyse (data, width, height, width * 4);
}

static void
assert_description_starts (const char *prefix)
{
  /* check_property answers the actual value when it differs from "". */
  char *mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (plot),
                                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                       "");
  ck_assert_ptr_nonnull (mismatch);
  ck_assert_msg (strstr (mismatch, prefix) != NULL, "description %s lacks %s", mismatch, prefix);
  g_free (mismatch);
}

static int
hover_step (double x)
{
  ftl_loss_plot_hover_at (plot, x, HEIGHT / 2.0);
  g_autofree char *text = ftl_loss_plot_get_hover_text (plot);
  int step = -1;

  ck_assert_ptr_nonnull (text);
  ck_assert_int_eq (sscanf (text, "Step %d", &step), 1);
  return step;
}

START_TEST (test_accessible)
{
  ck_assert (gtk_test_accessible_has_role (GTK_ACCESSIBLE (plot), GTK_ACCESSIBLE_ROLE_IMG));
  gtk_test_accessible_assert_property (plot, GTK_ACCESSIBLE_PROPERTY_LABEL, "Training loss plot");
  gtk_test_accessible_assert_property (plot, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "The loss appears here when training starts");
  append_point (1, 10, 1, 3.0, NAN, NAN);
  append_point (2, 10, 1, 2.5, NAN, NAN);
  gtk_test_accessible_assert_property (plot, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Step 2 of 10: loss 2.500 (smoothed 2.737)");
}
END_TEST

START_TEST (test_three_then_three_thousand)
{
  append_realistic (1, 3, 3000);
  spin (50);
  Picture p = export_and_analyse ("three.png");
  ck_assert_uint_ge (p.n_colors, 5);
  ck_assert_uint_ge (p.n_smoothed, 10);
  assert_description_starts ("Step 3 of 3000:");

  /* Bursts as the job's idle delivers them, frames in between. */
  for (int first = 4; first <= 3000; first += 150)
    {
      append_realistic (first, MIN (first + 149, 3000), 3000);
      spin (10);
    }
  ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (store)), 3000);
  assert_description_starts ("Step 3000 of 3000:");

  p = export_and_analyse ("many.png");
  ck_assert_uint_ge (p.n_colors, 8);
  /* The bold line crosses most of the width, 3 px thick. */
  ck_assert_uint_ge (p.n_smoothed, WIDTH);

  /* The same through GTK's own rendering of the window. */
  Picture screen = render_and_analyse ();
  ck_assert_uint_ge (screen.n_colors, 8);
  ck_assert_uint_ge (screen.n_smoothed, WIDTH);
}
END_TEST

START_TEST (test_log_scale)
{
  /* 10 → 0.01: on a linear axis the tail hugs the bottom; on a log axis it
   * spreads evenly, so the line's mean height rises. */
  g_object_set (plot, "smoothing", 0.0, NULL);
  for (int step = 1; step <= 300; step++)
    append_point (step, 300, 1, 10 * pow (0.001, (step - 1) / 299.0), NAN, NAN);

  Picture linear = export_and_analyse ("linear.png");
  g_object_set (plot, "log-scale", TRUE, NULL);
  gboolean log_scale = FALSE;
  g_object_get (plot, "log-scale", &log_scale, NULL);
  ck_assert (log_scale);
  spin (20);
  Picture logarithmic = export_and_analyse ("log.png");

  ck_assert_uint_ge (logarithmic.n_smoothed, 200);
  ck_assert_msg (linear.smoothed_mean_y > logarithmic.smoothed_mean_y + 0.1 * HEIGHT,
                 "mean y linear %.1f, log %.1f", linear.smoothed_mean_y, logarithmic.smoothed_mean_y);

  g_object_set (plot, "log-scale", FALSE, NULL);
  Picture again = export_and_analyse ("linear-again.png");
  ck_assert_double_eq_tol (again.smoothed_mean_y, linear.smoothed_mean_y, 0.5);
}
END_TEST

START_TEST (test_non_finite_and_spikes)
{
  /* Non-finite losses are skipped by the smoothing and the range. */
  append_point (1, 4, 1, NAN, NAN, NAN);
  append_point (2, 4, 1, 2.0, NAN, NAN);
  append_point (3, 4, 1, INFINITY, NAN, NAN);
  append_point (4, 4, 1, 1.0, INFINITY, NAN);

  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int previous = 0;
  for (int x = 0; x < WIDTH; x += 3)
    {
      ftl_loss_plot_hover_at (plot, x, HEIGHT / 2.0);
      char *text = ftl_loss_plot_get_hover_text (plot);
      int step = 0;

      ck_assert_ptr_nonnull (text);
      ck_assert_int_eq (sscanf (text, "Step %d", &step), 1);
      ck_assert_int_ge (step, previous);
      previous = step;
      g_hash_table_add (seen, text);
    }
  ck_assert (g_hash_table_contains (seen, "Step 1 · loss n/a (smoothed n/a)"));
  ck_assert (g_hash_table_contains (seen, "Step 2 · loss 2.000 (smoothed 2.000)"));
  ck_assert (g_hash_table_contains (seen, "Step 3 · loss n/a (smoothed 2.000)"));
  ck_assert (g_hash_table_contains (seen, "Step 4 · loss 1.000 (smoothed 1.474)"));
  ck_assert_uint_eq (g_hash_table_size (seen), 4);
  ck_assert_uint_gt (export_and_analyse ("nan.png").n_smoothed, 10);

  /* A huge first value and a spike must not flatten 300 steps of 3 → 1:
   * unsmoothed, the line's right half still spans much of the height. */
  g_list_store_remove_all (store);
  g_object_set (plot, "smoothing", 0.0, NULL);
  for (int step = 1; step <= 300; step++)
    {
      double loss = step == 1 ? 1e6 : step == 20 ? 5e4 : step % 37 == 0 ? NAN : 3 - 2 * step / 300.0;

      append_point (step, 300, 1, loss, NAN, NAN);
    }
  Picture p = export_and_analyse ("spikes.png");
  ck_assert_msg (p.smoothed_bottom - p.smoothed_top > 0.25 * HEIGHT,
                 "line spans rows %d…%d", p.smoothed_top, p.smoothed_bottom);
}
END_TEST

START_TEST (test_hover)
{
  append_point (1, 3, 1, 3.0, NAN, NAN);
  append_point (2, 3, 1, 2.5, NAN, NAN);
  append_point (3, 3, 1, 2.2, 2.4, NAN);

  ck_assert_int_eq (hover_step (0), 1);
  ck_assert_int_eq (hover_step (WIDTH / 2.0), 2);
  g_autofree char *second = ftl_loss_plot_get_hover_text (plot);
  ck_assert_str_eq (second, "Step 2 · loss 2.500 (smoothed 2.737)");
  g_object_set (plot, "smoothing", 0.0, NULL);
  g_autofree char *unsmoothed = ftl_loss_plot_get_hover_text (plot);
  ck_assert_str_eq (unsmoothed, "Step 2 · loss 2.500 (smoothed 2.500)");
  g_object_set (plot, "smoothing", 0.9, NULL);
  ck_assert_int_eq (hover_step (WIDTH - 1), 3);
  g_autofree char *third = ftl_loss_plot_get_hover_text (plot);
  ck_assert_msg (g_str_has_suffix (third, " · validation 2.400"), "%s", third);

  /* The cursor and the readout box are drawn, and leaving removes them. */
  cairo_surface_t *with = export_png ("hover.png");
  ftl_loss_plot_hover_at (plot, -1, -1);
  ck_assert_ptr_null (ftl_loss_plot_get_hover_text (plot));
  cairo_surface_t *without = export_png ("no-hover.png");
  guint changed = count_different_pixels (with, without, 0);
  ck_assert_msg (changed > 1000, "%u pixels changed", changed);
  cairo_surface_destroy (with);
  cairo_surface_destroy (without);

  /* 300 steps: the middle of the widget is near the middle step. */
  g_list_store_remove_all (store);
  ck_assert_ptr_null (ftl_loss_plot_get_hover_text (plot));
  append_realistic (1, 300, 300);
  int middle = hover_step (WIDTH / 2.0);
  ck_assert_msg (middle > 120 && middle < 180, "middle step %d", middle);
  ck_assert_int_eq (hover_step (WIDTH - 1), 300);
}
END_TEST

START_TEST (test_show_raw)
{
  append_realistic (1, 300, 300);
  cairo_surface_t *with = export_png ("raw.png");
  g_object_set (plot, "show-raw", FALSE, NULL);
  cairo_surface_t *without = export_png ("no-raw.png");

  /* The noisy line goes (below the legend); the smoothed line stays. */
  guint changed = count_different_pixels (with, without, HEIGHT / 4);
  ck_assert_msg (changed > 1000, "%u pixels changed", changed);
  ck_assert_uint_ge (analyse_surface (without).n_smoothed, WIDTH);
  cairo_surface_destroy (with);
  cairo_surface_destroy (without);
}
END_TEST

START_TEST (test_model_cleared)
{
  append_realistic (1, 30, 300);
  ck_assert_uint_gt (export_and_analyse ("some.png").n_smoothed, 10);

  ftl_loss_plot_set_model (plot, NULL);
  GListModel *model = (GListModel *) 0x1;
  g_object_get (plot, "model", &model, NULL);
  ck_assert_ptr_null (model);
  gtk_test_accessible_assert_property (plot, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "The loss appears here when training starts");
  ftl_loss_plot_hover_at (plot, WIDTH / 2.0, HEIGHT / 2.0);
  ck_assert_ptr_null (ftl_loss_plot_get_hover_text (plot));

  /* Only the placeholder: text, no line. */
  Picture p = export_and_analyse ("empty.png");
  ck_assert_uint_eq (p.n_smoothed, 0);
  ck_assert_uint_ge (p.n_colors, 3);

  /* Appending to the old store no longer reaches the plot. */
  append_point (31, 300, 1, 1.0, NAN, NAN);
  ck_assert_uint_eq (export_and_analyse ("still-empty.png").n_smoothed, 0);
}
END_TEST

START_TEST (test_export_errors)
{
  g_autoptr(GError) error = NULL;

  append_realistic (1, 10, 100);
  ck_assert (!ftl_loss_plot_export_png (plot, "/nonexistent-ftl-dir/plot.png", 200, 100, &error));
  ck_assert_ptr_nonnull (error);
  ck_assert (error->domain == G_FILE_ERROR);
  ck_assert (!g_file_test ("/nonexistent-ftl-dir/plot.png", G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_autofree char *path = g_build_filename (tmp_dir, "zero.png", NULL);
  ck_assert (!ftl_loss_plot_export_png (plot, path, 0, 100, &error));
  ck_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT));
  ck_assert (!g_file_test (path, G_FILE_TEST_EXISTS));
}
END_TEST

/* Red pixels (the overfitting marker, #e01b24 at 90 % over the background). */
static guint
count_red (cairo_surface_t *surface)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint n = 0;

  for (int y = 0; y < HEIGHT; y++)
    for (int x = 0; x < WIDTH; x++)
      {
        guint32 pixel = *(const guint32 *) (data + y * stride + 4 * x);
        int r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

        n += r > 180 && g < 80 && b < 80;
      }
  return n;
}

/* A constructed run of 5 epochs × 20 steps: the training loss falls all the
 * way; the full validation at the epoch ends falls to its lowest after
 * epoch 3 (step 60), then rises at the next two. The marker goes there
 * once the second rise is in, and not before. */
START_TEST (test_overfitting_marker)
{
  static const double full[] = { 2.8, 2.3, 2.2, 2.4, 2.7 };

  for (int step = 1; step <= 100; step++)
    {
      int epoch = (step - 1) / 20 + 1;

      append_point (step, 100, epoch, 3.0 - 0.025 * step, 2.5,
                    step % 20 == 0 ? full[epoch - 1] : NAN);
      if (step == 80)
        {
          /* One rise is not yet a trend. */
          ck_assert_int_eq (ftl_loss_plot_get_overfitting_step (plot), 0);
          cairo_surface_t *before = export_png ("before.png");
          ck_assert_uint_eq (count_red (before), 0);
          cairo_surface_destroy (before);
        }
    }
  ck_assert_int_eq (ftl_loss_plot_get_overfitting_step (plot), 60);
  assert_description_starts ("Step 100 of 100");
  assert_description_starts ("Overfitting starts at step 60");

  /* A red line from top to bottom of the plot area. */
  cairo_surface_t *after = export_png ("overfitting.png");
  ck_assert_uint_gt (count_red (after), HEIGHT / 2);
  cairo_surface_destroy (after);

  /* Without smoothing the rule sees the same. */
  g_object_set (plot, "smoothing", 0.0, NULL);
  ck_assert_int_eq (ftl_loss_plot_get_overfitting_step (plot), 60);

  /* A run that learns has no marker. */
  g_list_store_remove_all (store);
  append_realistic (1, 300, 300);
  ck_assert_int_eq (ftl_loss_plot_get_overfitting_step (plot), 0);
}
END_TEST

/* The picture for people to look at, as GTK draws it on screen; the PNG
 * export of the same state lies beside it. */
static int
save_screenshot (const char *path,
                 gboolean    dark,
                 gboolean    log_scale)
{
  gtk_init ();
  if (dark)
    g_object_set (gtk_settings_get_default (), "gtk-application-prefer-dark-theme", TRUE, NULL);
  show_window (800, 480);
  g_object_set (plot, "log-scale", log_scale, NULL);
  append_realistic (1, 300, 300);
  spin (50);
  ftl_loss_plot_hover_at (plot, 0.62 * gtk_widget_get_width (GTK_WIDGET (plot)), 200);
  spin (50);

  g_autoptr(GdkTexture) texture = render_window ();
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_printerr ("Could not write %s\n", path);
      return 1;
    }
  g_autofree char *export_path = g_strconcat (path, ".export.png", NULL);
  g_autoptr(GError) error = NULL;
  if (!ftl_loss_plot_export_png (plot, export_path, 800, 480, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  /* The readouts are asserted in English, with a decimal point. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);

  if (argc >= 3 && g_str_equal (argv[1], "--screenshot"))
    return save_screenshot (argv[2],
                            g_strv_contains ((const char * const *) argv + 3, "--dark"),
                            g_strv_contains ((const char * const *) argv + 3, "--log"));

  Suite *suite = suite_create ("loss-plot");
  TCase *tc = tcase_create ("window");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 30);
  tcase_add_test (tc, test_accessible);
  tcase_add_test (tc, test_three_then_three_thousand);
  tcase_add_test (tc, test_log_scale);
  tcase_add_test (tc, test_non_finite_and_spikes);
  tcase_add_test (tc, test_hover);
  tcase_add_test (tc, test_show_raw);
  tcase_add_test (tc, test_model_cleared);
  tcase_add_test (tc, test_export_errors);
  tcase_add_test (tc, test_overfitting_marker);
  suite_add_tcase (suite, tc);

  return ftl_test_run_suite (suite, CK_FORK_GETENV);
}
