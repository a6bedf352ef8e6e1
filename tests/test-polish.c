/* test-polish.c — what users expect of a desktop app, in the real app: every
 * shortcut listed in the shortcuts window and working (Ctrl+N opens Create
 * New File), the About window's licence and credits, training files dropped
 * on the window, and a desktop notification when a long job ends while the
 * window is in the background.
 *
 * Run under xvfb-run -a dbus-run-session.
 */
#include <check.h>

#include <adwaita.h>

#include "ftl-test-gtk.h"
#include "ftl-test-util.h"
#include "ftl-application.h"
#include "ftl-chat-pane.h"
#include "ftl-dataset-pane.h"
#include "ftl-repository-dialog.h"
#include "ftl-training-pane.h"
#include "ftl-window.h"

static char *work_dir;

static GtkWindow *window;
static FtlDatasetPane *dataset_pane;

/* ---- the application ---------------------------------------------------------------- */

/* The user file of the repository named name, or NULL. */
static FtlDatasetFile *
find_user_file (const char *name)
{
  GListModel *files = ftl_dataset_repository_get_files (ftl_dataset_pane_get_repository (dataset_pane));

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(FtlDatasetFile) file = g_list_model_get_item (files, i);

      if (!ftl_dataset_file_get_builtin (file) && g_strcmp0 (ftl_dataset_file_get_name (file), name) == 0)
        return file;   /* the repository keeps it alive */
    }
  return NULL;
}

static guint
n_files (void)
{
  return g_list_model_get_n_items (ftl_dataset_repository_get_files (ftl_dataset_pane_get_repository (dataset_pane)));
}

static char *
file_contents (const char *path)
{
  char *contents = NULL;
  g_autoptr(GError) error = NULL;

  ck_assert_msg (g_file_get_contents (path, &contents, NULL, &error), "%s", error ? error->message : "");
  return contents;
}

/* ---- fixture ------------------------------------------------------------------------ */

/* The app's world is made in the test's own process (see
 * ftl_test_app_env_new()). */
static void
setup (void)
{
  g_autofree char *pirates = ftl_test_pirate_jsonl ();

  work_dir = ftl_test_app_env_new ("ftl-polish-XXXXXX", pirates);
}

static void
teardown (void)
{
  ftl_test_remove_tree (work_dir);
  g_clear_pointer (&work_dir, g_free);
}

/* ---- shortcuts ------------------------------------------------------------------------ */

static const struct { const char *action; const char *accel; } shortcuts[] = {
  { "win.new-file", "<Control>n" },
  { "win.select-data", "<Control>o" },
  { "win.start", "<Control>Return" },
  { "win.cancel", "Escape" },
  { "win.show-help-overlay", "<Control>question" },
  { "app.preferences", "<Control>comma" },
  { "app.quit", "<Control>q" },
};

static void
shortcuts_session (void)
{
  GtkApplication *app = gtk_window_get_application (window);

  /* Each action has its key... */
  for (gsize i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (app, shortcuts[i].action);

      ck_assert_msg (g_strv_contains ((const char * const *) accels, shortcuts[i].accel),
                     "%s has no %s", shortcuts[i].action, shortcuts[i].accel);
    }

  /* ...and the shortcuts window lists it. */
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/finetunelab/FineTuneLab/gtk/help-overlay.ui");
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);
  for (gsize i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    {
      gboolean listed = FALSE;

      for (GSList *l = objects; l != NULL; l = l->next)
        if (GTK_IS_SHORTCUTS_SHORTCUT (l->data))
          {
            g_autofree char *action_name = NULL;
            g_autofree char *title = NULL;

            g_object_get (l->data, "action-name", &action_name, "title", &title, NULL);
            ck_assert_msg (title != NULL && title[0] != '\0', "a shortcut without a title");
            listed |= g_strcmp0 (action_name, shortcuts[i].action) == 0;
          }
      ck_assert_msg (listed, "the shortcuts window does not list %s", shortcuts[i].action);
    }
  GtkWidget *overlay = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  ck_assert_ptr_nonnull (overlay);
  gtk_window_destroy (GTK_WINDOW (overlay));

  /* Alt+1/2/3 move into the lesson's steps; Alt+3 lands where one writes to
   * the model. */
  for (int step = 1; step <= 3; step++)
    {
      g_autofree char *detailed = g_strdup_printf ("win.focus-step(%d)", step);
      g_autofree char *accel = g_strdup_printf ("<Alt>%d", step);
      g_auto(GStrv) step_accels = gtk_application_get_accels_for_action (app, detailed);

      ck_assert_msg (g_strv_contains ((const char * const *) step_accels, accel), "%s has no %s", detailed, accel);
    }
  GtkWidget *chat_pane = ftl_test_find_widget (GTK_WIDGET (window), FTL_TYPE_CHAT_PANE, NULL);
  GtkWidget *prompt = GTK_WIDGET (gtk_widget_get_template_child (chat_pane, FTL_TYPE_CHAT_PANE, "prompt_entry"));
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-step", "i", 3));
  GtkWidget *focused = gtk_window_get_focus (GTK_WINDOW (window));
  ck_assert (focused != NULL && (focused == prompt || gtk_widget_is_ancestor (focused, prompt)));
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-step", "i", 1));
  focused = gtk_window_get_focus (GTK_WINDOW (window));
  ck_assert (focused != NULL && gtk_widget_is_ancestor (focused, GTK_WIDGET (dataset_pane)));

  /* Ctrl+N: the repository opens at its Create New File form, the name
   * field ready for typing. */
  g_auto(GStrv) actions = gtk_application_get_actions_for_accel (app, "<Control>n");
  ck_assert (g_strv_contains ((const char * const *) actions, "win.new-file"));
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-file", NULL));
  FtlRepositoryDialog *dialog = NULL;
  FTL_TEST_WAIT_FOR ((dialog = (FtlRepositoryDialog *) ftl_test_find_toplevel (FTL_TYPE_REPOSITORY_DIALOG)) != NULL &&
                     gtk_widget_get_mapped (GTK_WIDGET (dialog)), 5);
  ck_assert_ptr_eq (gtk_window_get_transient_for (GTK_WINDOW (dialog)), window);
  GtkRevealer *form = GTK_REVEALER (gtk_widget_get_template_child (GTK_WIDGET (dialog), FTL_TYPE_REPOSITORY_DIALOG,
                                                                   "create_revealer"));
  ck_assert_ptr_nonnull (form);
  ck_assert (gtk_revealer_get_reveal_child (form));
  GtkWidget *name_row = ftl_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, NULL);
  ck_assert_ptr_nonnull (name_row);
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (dialog));
  ck_assert (focus != NULL && (focus == name_row || gtk_widget_is_ancestor (focus, name_row)));

  /* The flow goes on as from the repository's own button. */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "typed after ctrl n");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (dialog), "repository.create", NULL));
  FTL_TEST_WAIT_FOR (ftl_test_find_toplevel (FTL_TYPE_REPOSITORY_DIALOG) == NULL, 5);
  FtlDatasetFile *applied = ftl_dataset_pane_get_applied_file (dataset_pane);
  ck_assert_ptr_nonnull (applied);
  ck_assert_str_eq (ftl_dataset_file_get_name (applied), "typed after ctrl n");
  ck_assert (g_file_test (ftl_dataset_file_get_path (applied), G_FILE_TEST_IS_REGULAR));
}

START_TEST (test_shortcuts)
{
  ftl_test_run_app (shortcuts_session, &window, &dataset_pane, NULL, NULL);
}
END_TEST

/* ---- About ------------------------------------------------------------------------------ */

static void
about_session (void)
{
  AdwAboutWindow *about = NULL;

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "app.about", NULL));
  FTL_TEST_WAIT_FOR ((about = (AdwAboutWindow *) ftl_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW)) != NULL, 5);
  ck_assert_ptr_eq (gtk_window_get_transient_for (GTK_WINDOW (about)), window);

  /* GPL-3.0-or-later: GTK's GPL_3_0 is "version 3 or later". */
  ck_assert_int_eq (adw_about_window_get_license_type (about), GTK_LICENSE_GPL_3_0);
  ck_assert_str_eq (adw_about_window_get_application_name (about), "Fine-Tune Lab");
  ck_assert_str_eq (adw_about_window_get_version (about), PACKAGE_VERSION);
  ck_assert_str_eq (adw_about_window_get_copyright (about), "© 2026 The Fine-Tune Lab team");
  ck_assert_str_eq (adw_about_window_get_website (about), "https://github.com/finetunelab/FineTuneLab");
  ck_assert_str_eq (adw_about_window_get_issue_url (about), "https://github.com/finetunelab/FineTuneLab/issues");
  const char * const *developers = adw_about_window_get_developers (about);
  ck_assert (developers != NULL && g_strv_contains (developers, "The Fine-Tune Lab team"));

  /* The credits: who made the base model, and whose work the engine follows. */
  ck_assert_ptr_nonnull (ftl_test_find_label (GTK_WIDGET (about), "Built-in base model"));
  ck_assert_ptr_nonnull (ftl_test_find_label (GTK_WIDGET (about),
                                              "Trained from scratch by Fine-Tune Lab itself, with its own engine, "
                                              "on a corpus the project generated (data/corpus/). No third-party "
                                              "weights or text."));
  ck_assert_ptr_nonnull (ftl_test_find_label (GTK_WIDGET (about), "llama.cpp"));
  ck_assert_ptr_nonnull (ftl_test_find_label (GTK_WIDGET (about), "OpenBLAS"));

  gtk_window_destroy (GTK_WINDOW (about));
}

START_TEST (test_about)
{
  ftl_test_run_app (about_session, &window, &dataset_pane, NULL, NULL);
}
END_TEST

/* ---- drag and drop ---------------------------------------------------------------------- */

static GtkDropTarget *
find_file_drop_target (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller) &&
          gdk_content_formats_contain_gtype (gtk_drop_target_get_formats (GTK_DROP_TARGET (controller)),
                                             GDK_TYPE_FILE_LIST))
        return GTK_DROP_TARGET (controller);   /* the widget keeps it */
    }
  return NULL;
}

/* Drops paths (NULL-terminated) on target as a file manager's drag does;
 * returns whether the drop was accepted. */
static gboolean
drop_files (GtkDropTarget      *target,
            const char * const *paths)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  for (gsize i = 0; paths[i] != NULL; i++)
    g_ptr_array_add (files, g_file_new_for_path (paths[i]));
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_array ((GFile **) files->pdata, files->len));
  g_signal_emit_by_name (target, "drop", &value, 20.0, 20.0, &accepted);
  g_value_unset (&value);
  return accepted;
}

static char *
write_drop (const char *relative_path,
            const char *contents)
{
  char *path = g_build_filename (work_dir, "drops", relative_path, NULL);
  g_autofree char *dir = g_path_get_dirname (path);

  ck_assert_int_eq (g_mkdir_with_parents (dir, 0700), 0);
  ck_assert (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static void
drop_session (void)
{
  g_autofree char *pirates = ftl_test_pirate_jsonl ();
  g_autofree char *first = write_drop ("pirates.jsonl", pirates);
  g_autofree char *second = write_drop ("elsewhere/pirates.jsonl", "{\"messages\": []}\n");
  g_autofree char *photo = write_drop ("notes & photo.png", "\x89PNG\r\n");
  g_autofree char *upper = write_drop ("SHOUTING.JSONL", pirates);
  g_autofree char *more = write_drop ("more.jsonl", pirates);
  g_autofree char *missing = g_build_filename (work_dir, "drops", "gone.jsonl", NULL);
  GtkDropTarget *target = find_file_drop_target (GTK_WIDGET (window));
  guint n_before = n_files ();
  FtlDatasetFile *file;

  ck_assert_msg (target != NULL, "the window takes no dropped files");

  /* Not a training file: refused with a toast that names it, nothing added. */
  ck_assert (!drop_files (target, (const char *[]) { photo, NULL }));
  FTL_TEST_WAIT_FOR (ftl_test_find_label (GTK_WIDGET (window),
                                          "“notes & photo.png” is not a JSONL training file: "
                                          "only .jsonl files can be imported") != NULL, 5);
  ck_assert_uint_eq (n_files (), n_before);

  /* A file that is gone by the time it lands: refused, nothing added. */
  ck_assert (!drop_files (target, (const char *[]) { missing, NULL }));
  ck_assert_uint_eq (n_files (), n_before);

  /* One training file: imported with its bytes, and applied. */
  ck_assert (drop_files (target, (const char *[]) { first, NULL }));
  ck_assert_uint_eq (n_files (), n_before + 1);
  file = find_user_file ("pirates");
  ck_assert_ptr_nonnull (file);
  g_autofree char *imported = file_contents (ftl_dataset_file_get_path (file));
  ck_assert_str_eq (imported, pirates);
  ck_assert_ptr_eq (ftl_dataset_pane_get_applied_file (dataset_pane), file);
  g_autofree char *first_path = g_strdup (ftl_dataset_file_get_path (file));

  /* Another with the same name: a new name, the first file untouched. */
  ck_assert (drop_files (target, (const char *[]) { second, NULL }));
  file = find_user_file ("pirates 2");
  ck_assert_ptr_nonnull (file);
  g_autofree char *second_imported = file_contents (ftl_dataset_file_get_path (file));
  ck_assert_str_eq (second_imported, "{\"messages\": []}\n");
  g_autofree char *first_again = file_contents (first_path);
  ck_assert_str_eq (first_again, pirates);
  ck_assert_ptr_eq (ftl_dataset_pane_get_applied_file (dataset_pane), file);

  /* Several at once, the extension in any case, one refused among them:
   * the good ones are imported, the applied file stays as it was. */
  ck_assert (drop_files (target, (const char *[]) { upper, photo, more, NULL }));
  ck_assert_uint_eq (n_files (), n_before + 4);
  ck_assert_ptr_nonnull (find_user_file ("SHOUTING"));
  ck_assert_ptr_nonnull (find_user_file ("more"));
  ck_assert_ptr_eq (ftl_dataset_pane_get_applied_file (dataset_pane), file);

  /* The dropped originals are where they were. */
  ck_assert (g_file_test (first, G_FILE_TEST_IS_REGULAR));
  ck_assert (g_file_test (photo, G_FILE_TEST_IS_REGULAR));
}

START_TEST (test_drop)
{
  ftl_test_run_app (drop_session, &window, &dataset_pane, NULL, NULL);
}
END_TEST

/* ---- notifications ------------------------------------------------------------------------ */

static FtlJob *
finished_job (FtlJobStatus status,
              gint64       seconds)
{
  FtlJob *job = ftl_job_new ();

  job->status = status;
  job->finished_at = g_get_real_time () / G_USEC_PER_SEC;
  job->created_at = job->finished_at - seconds;
  return job;
}

START_TEST (test_notification_rule)
{
  g_autoptr(FtlJob) long_success = finished_job (FTL_JOB_SUCCEEDED, FTL_WINDOW_NOTIFY_AFTER_SECONDS);
  g_autoptr(FtlJob) long_failure = finished_job (FTL_JOB_FAILED, 600);
  g_autoptr(FtlJob) long_cancel = finished_job (FTL_JOB_CANCELLED, 60);
  g_autoptr(FtlJob) short_success = finished_job (FTL_JOB_SUCCEEDED, FTL_WINDOW_NOTIFY_AFTER_SECONDS - 1);
  g_autoptr(FtlJob) still_running = finished_job (FTL_JOB_RUNNING, 600);

  /* A long job ending behind the student's back. */
  ck_assert (ftl_window_job_needs_notification (long_success, FALSE));
  ck_assert (ftl_window_job_needs_notification (long_failure, FALSE));
  ck_assert (ftl_window_job_needs_notification (long_cancel, FALSE));
  /* In front, the toast is enough. */
  ck_assert (!ftl_window_job_needs_notification (long_success, TRUE));
  ck_assert (!ftl_window_job_needs_notification (long_failure, TRUE));
  /* A short job ends while the student still watches. */
  ck_assert (!ftl_window_job_needs_notification (short_success, FALSE));
  /* Only an end is announced. */
  ck_assert (!ftl_window_job_needs_notification (still_running, FALSE));
}
END_TEST

/* What the notification server was asked, one string per call. */
static GPtrArray *calls;

static void
notifications_method_call (GDBusConnection       *connection,
                           const char            *sender,
                           const char            *object_path,
                           const char            *interface_name,
                           const char            *method_name,
                           GVariant              *parameters,
                           GDBusMethodInvocation *invocation,
                           gpointer               user_data)
{
  if (g_str_equal (method_name, "AddNotification"))
    {
      const char *app_id, *id;
      g_autoptr(GVariant) notification = NULL;
      const char *title = NULL, *body = NULL;

      g_variant_get (parameters, "(&s&s@a{sv})", &app_id, &id, &notification);
      g_variant_lookup (notification, "title", "&s", &title);
      g_variant_lookup (notification, "body", "&s", &body);
      g_ptr_array_add (calls, g_strdup_printf ("add %s %s: %s / %s", app_id, id, title, body ? body : "-"));
    }
  else
    {
      const char *app_id, *id;

      g_variant_get (parameters, "(&s&s)", &app_id, &id);
      g_ptr_array_add (calls, g_strdup_printf ("remove %s %s", app_id, id));
    }
  g_dbus_method_invocation_return_value (invocation, NULL);
}

/* GLib's own desktop notification service interface (GNOME Shell's): it is
 * chosen when its name is on the session bus. */
static const char notifications_xml[] =
  "<node><interface name='org.gtk.Notifications'>"
  "<method name='AddNotification'>"
  "<arg type='s' direction='in'/><arg type='s' direction='in'/><arg type='a{sv}' direction='in'/>"
  "</method>"
  "<method name='RemoveNotification'><arg type='s' direction='in'/><arg type='s' direction='in'/></method>"
  "</interface></node>";

/* A notification server on its own connection to the test's session bus. */
static GDBusConnection *
start_notification_server (void)
{
  static const GDBusInterfaceVTable vtable = { notifications_method_call, NULL, NULL, { 0 } };
  g_autoptr(GError) error = NULL;
  g_autofree char *address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, &error);
  ck_assert_msg (address != NULL, "%s", error ? error->message : "");
  GDBusConnection *server = g_dbus_connection_new_for_address_sync (address,
                                                                     G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                                     G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                                     NULL, NULL, &error);
  ck_assert_msg (server != NULL, "%s", error ? error->message : "");
  g_autoptr(GDBusNodeInfo) node = g_dbus_node_info_new_for_xml (notifications_xml, &error);
  ck_assert_ptr_nonnull (node);
  ck_assert (g_dbus_connection_register_object (server, "/org/gtk/Notifications", node->interfaces[0],
                                                &vtable, NULL, NULL, &error) != 0);
  g_autoptr(GVariant) reply = g_dbus_connection_call_sync (server, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                                           "org.freedesktop.DBus", "RequestName",
                                                           g_variant_new ("(su)", "org.gtk.Notifications", 4),
                                                           G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1,
                                                           NULL, &error);
  ck_assert_msg (reply != NULL, "%s", error ? error->message : "");
  guint32 result;
  g_variant_get (reply, "(u)", &result);
  ck_assert_uint_eq (result, 1);   /* the primary owner */
  return server;
}

START_TEST (test_notification_sent)
{
  g_autoptr(GDBusConnection) server = start_notification_server ();
  g_autoptr(FtlApplication) application = ftl_application_new ();
  g_autoptr(GError) error = NULL;

  calls = g_ptr_array_new_with_free_func (g_free);
  ck_assert_msg (g_application_register (G_APPLICATION (application), NULL, &error), "%s",
                 error ? error->message : "");
  /* Never shown, so never the active window: the student is elsewhere. */
  FtlWindow *win = ftl_window_new (application);
  ck_assert (!gtk_window_is_active (GTK_WINDOW (win)));
  GtkWidget *training_pane = ftl_test_find_widget (GTK_WIDGET (win), FTL_TYPE_TRAINING_PANE, NULL);
  ck_assert_ptr_nonnull (training_pane);

  /* A short run, then a long one that failed, end in that order: only the
   * long one is announced (the server gets calls in the order they were made). */
  g_autoptr(FtlJob) quick = finished_job (FTL_JOB_CANCELLED, 2);
  g_autoptr(FtlJob) slow = finished_job (FTL_JOB_FAILED, 90);
  slow->error_message = g_strdup ("The loss became NaN at step 7");
  g_signal_emit_by_name (training_pane, "job-finished", quick);
  g_signal_emit_by_name (training_pane, "job-finished", slow);

  FTL_TEST_WAIT_FOR (calls->len >= 1, 10);
  ck_assert_str_eq (g_ptr_array_index (calls, 0),
                    "add " APPLICATION_ID " job-finished: Fine-tuning failed / The loss became NaN at step 7");
  ck_assert_uint_eq (calls->len, 1);

  gtk_window_destroy (GTK_WINDOW (win));
  g_clear_pointer (&calls, g_ptr_array_unref);
}
END_TEST

static Suite *
polish_suite (void)
{
  Suite *suite = suite_create ("polish");
  TCase *tc = tcase_create ("app");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_shortcuts);
  tcase_add_test (tc, test_about);
  tcase_add_test (tc, test_drop);
  tcase_add_test (tc, test_notification_rule);
  tcase_add_test (tc, test_notification_sent);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return ftl_test_run_suite (polish_suite (), CK_FORK_GETENV);
}
