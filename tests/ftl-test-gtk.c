/* ftl-test-gtk.c — what the GUI suites share. */
#include "ftl-test-gtk.h"

#include <adwaita.h>

#include "ftl-application.h"
#include "ftl-test-util.h"
#include "ftl-window.h"

#define SCHEMA_ID "io.github.finetunelab.FineTuneLab"

/* ---- the app's world --------------------------------------------------------------------- */

void
ftl_test_gtk_init (void)
{
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  gtk_init ();
  adw_init ();
  gtk_css_provider_load_from_resource (css, "/io/github/finetunelab/FineTuneLab/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/* The source tree's data/ (meson test sets FTL_TEST_DATA_DIR to tests/). */
static char *
source_data_dir (void)
{
  const char *test_data = g_getenv ("FTL_TEST_DATA_DIR");

  return g_build_filename (test_data != NULL ? test_data : "tests", "..", "data", NULL);
}

void
ftl_test_compile_schema (const char *dir)
{
  g_autofree char *data = source_data_dir ();
  g_autofree char *source = g_build_filename (data, SCHEMA_ID ".gschema.xml", NULL);
  g_autofree char *copy = g_build_filename (dir, SCHEMA_ID ".gschema.xml", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "glib-compile-schemas", "--strict", dir, NULL };
  int status = 0;

  ck_assert_int_eq (g_mkdir_with_parents (dir, 0700), 0);
  ck_assert_msg (g_file_get_contents (source, &contents, NULL, &error), "%s", error ? error->message : "");
  ck_assert (g_file_set_contents (copy, contents, -1, NULL));
  ck_assert (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                           &status, &error));
  ck_assert (g_spawn_check_wait_status (status, NULL));
}

char *
ftl_test_app_env_new (const char *tmpl,
                      const char *model_text)
{
  char *work_dir = g_dir_make_tmp (tmpl, NULL);
  g_autoptr(GError) error = NULL;

  ck_assert_ptr_nonnull (work_dir);
  g_autofree char *data_home = g_build_filename (work_dir, "data", NULL);
  g_autofree char *schema_dir = g_build_filename (work_dir, "schemas", NULL);
  g_autofree char *base_model = g_build_filename (work_dir, "base.gguf", NULL);
  g_autofree char *shipped = source_data_dir ();

  ftl_test_compile_schema (schema_dir);
  ck_assert_msg (ftl_test_write_tiny_base_model (base_model, model_text, 128, &error),
                 "%s", error ? error->message : "");
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("GSETTINGS_SCHEMA_DIR", schema_dir, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("FTL_BASE_MODEL", base_model, TRUE);
  g_setenv ("FTL_DATA_DIR", shipped, TRUE);

  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  g_settings_set_int (settings, "window-width", 1280);
  g_settings_set_int (settings, "window-height", 720);
  return work_dir;
}

typedef struct
{
  void             (*session) (void);
  GtkWindow        **window;
  FtlDatasetPane   **dataset_pane;
  FtlTrainingPane  **training_pane;
  FtlChatPane      **chat_pane;
  gboolean           done;
} AppRun;

/* Sets *out (when asked for) to root's first widget of type. */
static void
find_part (GtkWindow *root,
           GType      type,
           gpointer  *out)
{
  if (out == NULL)
    return;
  *out = ftl_test_find_widget (GTK_WIDGET (root), type, NULL);
  ck_assert_msg (*out != NULL, "the window has no %s", g_type_name (type));
}

static void
on_activate (GApplication *application,
             AppRun       *run)
{
  GtkWindow *window;
  gpointer alive;
  int width, height;

  /* The one instance: an earlier one still on the bus would have got the
   * activation instead. */
  ck_assert (!g_application_get_is_remote (application));
  window = gtk_application_get_active_window (GTK_APPLICATION (application));
  ck_assert (FTL_IS_WINDOW (window));
  FTL_TEST_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (window)), 10);
  /* The size the settings asked for (a small virtual screen may clip the
   * window: for exact screenshots use xvfb-run -s "-screen 0 1920x1080x24"). */
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  gtk_window_get_default_size (window, &width, &height);
  ck_assert_int_eq (width, g_settings_get_int (settings, "window-width"));
  ck_assert_int_eq (height, g_settings_get_int (settings, "window-height"));

  if (run->window != NULL)
    *run->window = window;
  find_part (window, FTL_TYPE_DATASET_PANE, (gpointer *) run->dataset_pane);
  find_part (window, FTL_TYPE_TRAINING_PANE, (gpointer *) run->training_pane);
  find_part (window, FTL_TYPE_CHAT_PANE, (gpointer *) run->chat_pane);
  ftl_test_iterate_ms (100);

  alive = window;
  g_object_add_weak_pointer (G_OBJECT (window), &alive);
  run->session ();
  /* A session may have quit the app itself. */
  if (alive != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (window), &alive);
      gtk_window_destroy (window);
    }
  if (run->window != NULL)
    *run->window = NULL;
  if (run->dataset_pane != NULL)
    *run->dataset_pane = NULL;
  if (run->training_pane != NULL)
    *run->training_pane = NULL;
  if (run->chat_pane != NULL)
    *run->chat_pane = NULL;
  run->done = TRUE;
}

void
ftl_test_run_app (void             (*session) (void),
                  GtkWindow        **window,
                  FtlDatasetPane   **dataset_pane,
                  FtlTrainingPane  **training_pane,
                  FtlChatPane      **chat_pane)
{
  AppRun run = { session, window, dataset_pane, training_pane, chat_pane, FALSE };
  g_autoptr(FtlApplication) app = ftl_application_new ();
  gpointer alive = app;

  g_signal_connect_after (app, "activate", G_CALLBACK (on_activate), &run);
  ck_assert_int_eq (g_application_run (G_APPLICATION (app), 0, NULL), 0);
  ck_assert (run.done);
  g_object_add_weak_pointer (G_OBJECT (app), &alive);
  g_clear_object (&app);
  ck_assert_msg (alive == NULL, "the application outlived its window");
}

/* ---- the main loop ------------------------------------------------------------------------ */

void
ftl_test_iterate_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (2000);
}

/* ---- finding widgets --------------------------------------------------------------------- */

GtkWidget *
ftl_test_find_widget (GtkWidget  *root,
                      GType       type,
                      const char *name)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (name == NULL || g_strcmp0 (gtk_widget_get_name (root), name) == 0))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ftl_test_find_widget (child, type, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
ftl_test_find_label (GtkWidget  *root,
                     const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ftl_test_find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWindow *
ftl_test_find_toplevel (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

GtkWidget *
ftl_test_get_widget (gpointer    root,
                     const char *name)
{
  GtkWidget *widget = ftl_test_find_widget (GTK_WIDGET (root), GTK_TYPE_WIDGET, name);

  ck_assert_msg (widget != NULL, "no widget named %s", name);
  return widget;
}

const char *
ftl_test_get_label_text (gpointer    root,
                         const char *name)
{
  return gtk_label_get_text (GTK_LABEL (ftl_test_get_widget (root, name)));
}

char *
ftl_test_buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

/* ---- reading the panes -------------------------------------------------------------------- */

guint
ftl_test_plot_points (FtlTrainingPane *pane)
{
  g_autoptr(GListModel) model = NULL;

  g_object_get (ftl_test_get_widget (pane, "loss-plot"), "model", &model, NULL);
  return model != NULL ? g_list_model_get_n_items (model) : 0;
}

static GListModel *
runs_of (FtlTrainingPane *pane)
{
  return gtk_drop_down_get_model (GTK_DROP_DOWN (ftl_test_get_widget (pane, "runs-dropdown")));
}

guint
ftl_test_n_runs (FtlTrainingPane *pane)
{
  return g_list_model_get_n_items (runs_of (pane));
}

char *
ftl_test_run_label (FtlTrainingPane *pane,
                    guint            position)
{
  g_autoptr(GObject) run = g_list_model_get_item (runs_of (pane), position);
  char *label = NULL;

  ck_assert_ptr_nonnull (run);
  g_object_get (run, "label", &label, NULL);
  return label;
}

void
ftl_test_set_manual (FtlTrainingPane *pane,
                     const char      *what,
                     double           value)
{
  g_autofree char *auto_name = g_strconcat (what, "-auto", NULL);
  g_autofree char *spin_name = g_strconcat (what, "-spin", NULL);

  gtk_switch_set_active (GTK_SWITCH (ftl_test_get_widget (pane, auto_name)), FALSE);
  ck_assert (gtk_widget_get_sensitive (ftl_test_get_widget (pane, spin_name)));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (ftl_test_get_widget (pane, spin_name)), value);
}

GtkWidget *
ftl_test_chat_child (FtlChatPane *pane,
                     const char  *name)
{
  GtkWidget *child = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (pane), FTL_TYPE_CHAT_PANE, name));

  ck_assert_msg (child != NULL, "the chat pane has no %s", name);
  return child;
}

const char *
ftl_test_chat_model_path (FtlChatPane *pane,
                          guint        position)
{
  g_autoptr(FtlChatModelItem) item = g_list_model_get_item (ftl_chat_pane_get_models (pane), position);

  ck_assert_ptr_nonnull (item);
  /* The pane's list keeps the item and its path. */
  return ftl_chat_model_item_get_path (item);
}

static void
reply_token_cb (FtlChatSession *session,
                const char     *text,
                FtlTestReply   *reply)
{
  reply->n_tokens++;
  g_string_append (reply->text, text);
}

static void
reply_finished_cb (FtlChatSession *session,
                   gboolean        stopped_by_user,
                   const char     *error,
                   FtlTestReply   *reply)
{
  reply->finished = TRUE;
  reply->error = g_strdup (error);
}

void
ftl_test_reply_watch (FtlTestReply   *reply,
                      FtlChatSession *session)
{
  ck_assert_ptr_nonnull (session);
  reply->text = g_string_new (NULL);
  g_signal_connect (session, "token", G_CALLBACK (reply_token_cb), reply);
  g_signal_connect (session, "finished", G_CALLBACK (reply_finished_cb), reply);
}

void
ftl_test_reply_unwatch (FtlTestReply   *reply,
                        FtlChatSession *session)
{
  g_signal_handlers_disconnect_by_data (session, reply);
  g_string_free (reply->text, TRUE);
  g_clear_pointer (&reply->error, g_free);
}

/* ---- screenshots -------------------------------------------------------------------------- */

void
ftl_test_save_screenshot (GtkWidget  *widget,
                          const char *name,
                          guint       settle_ms)
{
  const char *dir = g_getenv ("FTL_SCREENSHOT_DIR");
  g_autoptr(GskRenderNode) node = NULL;

  if (dir == NULL)
    return;

  ftl_test_iterate_ms (settle_ms);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  /* Nothing comes while the widget waits for its next layout. */
  for (int tries = 0; node == NULL && tries < 50; tries++)
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();

      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (snapshot);
      if (node == NULL)
        ftl_test_iterate_ms (10);
    }
  ck_assert_ptr_nonnull (node);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  g_autoptr(GdkTexture) texture =
    gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_autofree char *path = g_build_filename (dir, name, NULL);
  ck_assert (gdk_texture_save_to_png (texture, path));
}
