/* test-accessibility.c — every control the app shows has an accessible name,
 * so a screen reader can say what it is: in the lesson window (each step,
 * each view of step 2, a finished run and a chat), the Training Data File
 * Repository, Preferences and the warm-up.
 *
 * A control is a widget whose role is one a user operates (button, switch,
 * text box, …). Its name is its label property, the widgets that label it,
 * or, for roles named from their content, the text of a label inside it.
 *
 * Run under xvfb-run -a dbus-run-session.
 */
#include <check.h>

#include <adwaita.h>

#include "ftl-test-gtk.h"
#include "ftl-test-util.h"
#include "ftl-preferences-window.h"
#include "ftl-repository-dialog.h"
#include "ftl-warmup-window.h"

#define SCHEMA_ID "io.github.finetunelab.FineTuneLab"

static char *work_dir;

static GtkWindow *window;
static FtlDatasetPane *dataset_pane;
static FtlTrainingPane *training_pane;
static FtlChatPane *chat_pane;

static gboolean
is_control (GtkAccessibleRole role)
{
  switch (role)
    {
    case GTK_ACCESSIBLE_ROLE_BUTTON:
    case GTK_ACCESSIBLE_ROLE_CHECKBOX:
    case GTK_ACCESSIBLE_ROLE_COMBO_BOX:
    case GTK_ACCESSIBLE_ROLE_LINK:
    case GTK_ACCESSIBLE_ROLE_RADIO:
    case GTK_ACCESSIBLE_ROLE_SEARCH_BOX:
    case GTK_ACCESSIBLE_ROLE_SLIDER:
    case GTK_ACCESSIBLE_ROLE_SPIN_BUTTON:
    case GTK_ACCESSIBLE_ROLE_SWITCH:
    case GTK_ACCESSIBLE_ROLE_TAB:
    case GTK_ACCESSIBLE_ROLE_TEXT_BOX:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Roles whose name may come from the text inside them (WAI-ARIA's "name
 * from content"), as GTK computes it. (GTK 4.8 gives toggle buttons the
 * button role.) */
static gboolean
is_named_from_content (GtkAccessibleRole role)
{
  return role == GTK_ACCESSIBLE_ROLE_BUTTON || role == GTK_ACCESSIBLE_ROLE_CHECKBOX ||
         role == GTK_ACCESSIBLE_ROLE_LINK || role == GTK_ACCESSIBLE_ROLE_RADIO ||
         role == GTK_ACCESSIBLE_ROLE_TAB;
}

static gboolean
has_visible_text (GtkWidget *widget)
{
  if (!gtk_widget_get_visible (widget))
    return FALSE;
  if (GTK_IS_LABEL (widget))
    return *gtk_label_get_text (GTK_LABEL (widget)) != '\0';
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_visible_text (child))
      return TRUE;
  return FALSE;
}

/* GTK 4.8 labels a button by its child, whatever it is (an icon too): a
 * button is named by a label property or by the text it shows. */
static gboolean
has_name (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);
  GtkAccessibleRole role = gtk_accessible_get_accessible_role (accessible);

  if (gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL))
    return TRUE;
  if (is_named_from_content (role))
    return has_visible_text (widget);
  return gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/* Controls of libadwaita 1.2's own making that it leaves unnamed: a toast's
 * close button and a preferences window's search entry. Not ours to name;
 * everything else is. */
static gboolean
is_libadwaita_unnamed (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  return (GTK_IS_BUTTON (widget) && parent != NULL &&
          g_str_equal (G_OBJECT_TYPE_NAME (parent), "AdwToastWidget")) ||
         (GTK_IS_SEARCH_ENTRY (widget) &&
          gtk_widget_get_ancestor (widget, ADW_TYPE_HEADER_BAR) != NULL &&
          gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_WINDOW) != NULL);
}

/* Appends to missing a line for each control under widget, shown, without a
 * name: its type, its widget name, its tooltip and its ancestors. What is
 * inside a control (a menu button's toggle, a drop-down's button) is part of
 * it. */
static void
collect_unnamed (GtkWidget  *widget,
                 GString    *missing)
{
  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
    return;
  if (is_control (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget))))
    {
      if (has_name (widget) || is_libadwaita_unnamed (widget))
        return;

      g_string_append_printf (missing, "\n  %s \"%s\"", G_OBJECT_TYPE_NAME (widget),
                              gtk_widget_get_name (widget));
      if (gtk_widget_get_tooltip_text (widget) != NULL)
        g_string_append_printf (missing, " (tooltip “%s”)", gtk_widget_get_tooltip_text (widget));
      for (GtkWidget *up = gtk_widget_get_parent (widget); up != NULL; up = gtk_widget_get_parent (up))
        g_string_append_printf (missing, " in %s", g_str_equal (gtk_widget_get_name (up), G_OBJECT_TYPE_NAME (up))
                                                     ? G_OBJECT_TYPE_NAME (up) : gtk_widget_get_name (up));
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_unnamed (child, missing);
}

static void
assert_all_named (GtkWidget  *root,
                  const char *where)
{
  g_autoptr(GString) missing = g_string_new (NULL);

  collect_unnamed (root, missing);
  ck_assert_msg (missing->len == 0, "controls without an accessible name in %s:%s", where, missing->str);
}

static void
collect_stacks (GtkWidget *widget,
                GPtrArray *stacks)
{
  if (GTK_IS_STACK (widget) || ADW_IS_VIEW_STACK (widget))
    g_ptr_array_add (stacks, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_stacks (child, stacks);
}

/* assert_all_named on root as it is, then with each page of each of its
 * stacks shown in turn (the JSONL editor, the Weights and Step views, …). */
static void
assert_all_named_on_every_page (GtkWidget  *root,
                                const char *where)
{
  g_autoptr(GPtrArray) stacks = g_ptr_array_new ();

  assert_all_named (root, where);
  collect_stacks (root, stacks);
  for (guint i = 0; i < stacks->len; i++)
    {
      /* GtkStack and AdwViewStack share these properties. */
      GObject *stack = g_ptr_array_index (stacks, i);
      g_autoptr(GtkWidget) shown = NULL;
      g_autoptr(GListModel) pages = NULL;

      g_object_get (stack, "visible-child", &shown, "pages", &pages, NULL);
      for (guint p = 0; p < g_list_model_get_n_items (pages); p++)
        {
          g_autoptr(GObject) page = g_list_model_get_item (pages, p);
          g_autoptr(GtkWidget) child = NULL;
          g_autofree char *page_where = g_strdup_printf ("%s, page %u of %s \"%s\"", where, p,
                                                         G_OBJECT_TYPE_NAME (stack),
                                                         gtk_widget_get_name (GTK_WIDGET (stack)));

          g_object_get (page, "child", &child, NULL);
          g_object_set (stack, "visible-child", child, NULL);
          assert_all_named (root, page_where);
        }
      g_object_set (stack, "visible-child", shown, NULL);
    }
}

/* ---- fixture ------------------------------------------------------------------------ */

/* Before the app starts: a user file, applied; a tiny base model; one
 * thread for training, short replies. */
static void
setup (void)
{
  g_autofree char *lesson_text = ftl_test_lesson_jsonl (12);

  work_dir = ftl_test_app_env_new ("ftl-accessibility-XXXXXX", lesson_text);
  g_autofree char *datasets_dir = g_build_filename (work_dir, "data", "finetune-lab", "datasets", NULL);
  g_autofree char *lesson_path = g_build_filename (datasets_dir, "lesson.jsonl", NULL);

  ck_assert_int_eq (g_mkdir_with_parents (datasets_dir, 0700), 0);
  ck_assert (g_file_set_contents (lesson_path, lesson_text, -1, NULL));

  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  g_settings_set_string (settings, "applied-dataset", lesson_path);
  g_settings_set_int (settings, "threads", 1);
  g_settings_set_int (settings, "max-tokens", 8);
}

static void
teardown (void)
{
  ftl_test_remove_tree (work_dir);
  g_clear_pointer (&work_dir, g_free);
}

/* ---- the check itself --------------------------------------------------------------------- */

/* It finds an icon-only button, and takes a label property, a labelling
 * widget or a label inside a button for a name. */
START_TEST (test_check)
{
  ftl_test_gtk_init ();

  GtkWidget *box = g_object_ref_sink (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
  GtkWidget *icon = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  GtkWidget *text = gtk_button_new_with_label ("Copy");
  GtkWidget *spin = gtk_spin_button_new_with_range (0, 1, 0.1);
  GtkWidget *label = gtk_label_new ("Ratio");
  g_autoptr(GString) missing = g_string_new (NULL);

  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), spin);
  collect_unnamed (box, missing);
  ck_assert_str_eq (missing->str, "\n  GtkButton \"GtkButton\" in GtkBox"
                                  "\n  GtkSpinButton \"GtkSpinButton\" in GtkBox");

  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "Copy", -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  label, NULL, -1);
  g_string_truncate (missing, 0);
  collect_unnamed (box, missing);
  ck_assert_str_eq (missing->str, "");
  g_object_unref (box);
}
END_TEST

/* ---- the windows ------------------------------------------------------------------------ */

static void
finished_cb (FtlTrainingPane *pane,
             const FtlJob    *record,
             gboolean        *finished)
{
  *finished = TRUE;
}

/* First start, after a run, and after a compared chat. */
static void
lesson_session (void)
{
  gboolean finished = FALSE;

  assert_all_named_on_every_page (GTK_WIDGET (window), "the lesson window at first start");

  FTL_TEST_WAIT_FOR (ftl_dataset_pane_get_valid (dataset_pane), 10);
  ftl_test_set_manual (training_pane, "batch-size", 1);
  ftl_test_set_manual (training_pane, "epochs", 1);
  g_signal_connect (training_pane, "job-finished", G_CALLBACK (finished_cb), &finished);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.start", NULL));
  FTL_TEST_WAIT_FOR (finished, 120);
  g_signal_handlers_disconnect_by_func (training_pane, finished_cb, &finished);
  assert_all_named_on_every_page (GTK_WIDGET (window), "the lesson window after a run");

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (chat_pane), "chat.compare", NULL));
  GtkWidget *entry = ftl_test_chat_child (chat_pane, "prompt_entry");
  gtk_editable_set_text (GTK_EDITABLE (entry), "Hi!");
  ck_assert (gtk_widget_activate_action (entry, "chat.send", NULL));
  FTL_TEST_WAIT_FOR (!ftl_chat_pane_get_busy (chat_pane), 30);
  assert_all_named_on_every_page (GTK_WIDGET (window), "the lesson window after a compared chat");
}

START_TEST (test_lesson_window)
{
  ftl_test_run_app (lesson_session, &window, &dataset_pane, &training_pane, &chat_pane);
}
END_TEST

static GtkWindow *
open_window (const char *action,
             GType       type)
{
  GtkWindow *opened;

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  FTL_TEST_WAIT_FOR ((opened = ftl_test_find_toplevel (type)) != NULL &&
                     gtk_widget_get_mapped (GTK_WIDGET (opened)), 10);
  return opened;
}

static void
dialogs_session (void)
{
  GtkWindow *opened;

  opened = open_window ("win.select-data", FTL_TYPE_REPOSITORY_DIALOG);
  assert_all_named_on_every_page (GTK_WIDGET (opened), "the Training Data File Repository");
  gtk_window_destroy (opened);

  opened = open_window ("win.new-file", FTL_TYPE_REPOSITORY_DIALOG);
  GtkRevealer *form = GTK_REVEALER (gtk_widget_get_template_child (GTK_WIDGET (opened), FTL_TYPE_REPOSITORY_DIALOG,
                                                                   "create_revealer"));
  FTL_TEST_WAIT_FOR (gtk_revealer_get_child_revealed (form), 5);
  assert_all_named_on_every_page (GTK_WIDGET (opened), "the repository's Create New File form");
  gtk_window_destroy (opened);

  opened = open_window ("app.preferences", FTL_TYPE_PREFERENCES_WINDOW);
  assert_all_named_on_every_page (GTK_WIDGET (opened), "Preferences");
  gtk_window_destroy (opened);

  opened = open_window ("app.warmup", FTL_TYPE_WARMUP_WINDOW);
  assert_all_named_on_every_page (GTK_WIDGET (opened), "the warm-up");
  gtk_window_destroy (opened);
}

START_TEST (test_dialogs)
{
  ftl_test_run_app (dialogs_session, &window, NULL, NULL, NULL);
}
END_TEST

static Suite *
accessibility_suite (void)
{
  Suite *suite = suite_create ("accessibility");
  TCase *tc = tcase_create ("app");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 240);
  tcase_add_test (tc, test_check);
  tcase_add_test (tc, test_lesson_window);
  tcase_add_test (tc, test_dialogs);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return ftl_test_run_suite (accessibility_suite (), CK_FORK_GETENV);
}
