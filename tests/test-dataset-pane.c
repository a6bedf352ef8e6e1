/* test-dataset-pane.c — the training-data pane and the Training Data File
 * Repository window, driven in a real window as a student would: create a
 * file, break it, jump to the problem, fix it, apply a sample, try a taken
 * name, delete and undo.
 *
 * Run under xvfb-run -a dbus-run-session. With FTL_SCREENSHOT_DIR set, the
 * window (both views) and the repository are saved there as PNG files.
 */
#include <check.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>
#include <gtksourceview/gtksource.h>

#include "ftl-test-util.h"
#include "ftl-test-gtk.h"
#include "ftl-dataset.h"
#include "ftl-dataset-pane.h"
#include "ftl-repository-dialog.h"

/* What the lead adds to ui/style.css, loaded here as the app loads it. */

/* A helper that knows twelve things; example 1 has a weight-0 reply. */
static const char *const questions[] = {
  "What's the weather like?", "Can you help me with my homework?", "What should I eat today?",
  "Tell me a joke.", "How do I make tea?", "What's a good book?", "Why is the sky blue?",
  "How far is the moon?", "Can cats swim?", "What time is it in Tokyo?",
  "How do I tie a tie?", "Say something nice.",
};
static const char *const answers[] = {
  "Sunny with a chance of smiles, just like you!", "Of course, let's solve it one step at a time!",
  "A warm bowl of soup and a crisp apple sound perfect!", "Why did the cookie cry? Its mum was a wafer too long!",
  "Boil water, steep the leaves three minutes, then enjoy!", "Try The Hobbit: cosy, brave and full of second breakfasts!",
  "Sunlight scatters off the air, and blue scatters the most!", "About 384,000 km, a lovely long road trip!",
  "They can, though most would rather not, thank you!", "Tokyo is nine hours ahead of London, good morning there!",
  "Cross, loop, tuck and pull: you'll look sharp!", "You make the world a little brighter today!",
};

static char *
valid_jsonl (void)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (questions); i++)
    {
      g_string_append (text, "{\"messages\": [{\"role\": \"system\", \"content\": \"You are Sunny, "
                             "a cheerful helper.\"}, ");
      if (i == 0)
        g_string_append (text, "{\"role\": \"user\", \"content\": \"Hi!\"}, {\"role\": "
                               "\"assistant\", \"content\": \"Hello.\", \"weight\": 0}, ");
      g_string_append_printf (text, "{\"role\": \"user\", \"content\": \"%s\"}, {\"role\": "
                              "\"assistant\", \"content\": \"%s\"}]}\n", questions[i], answers[i]);
    }
  return g_string_free (text, FALSE);
}

static const char broken_jsonl[] =
  "{\"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}, {\"role\": \"assistant\", \"content\": \"Hello!\"}]}\n"
  "{\"messages\": [{\"role\": \"robot\", \"content\": \"Beep\"}]}\n"
  "not json at all\n";

#define CONTEXT_LENGTH 256

static char *tmp_dir;
static char *user_dir;
static FtlDatasetRepository *repository;
static FtlTokenizer *tokenizer;
static GtkWindow *window;
static FtlDatasetPane *pane;

static FtlRepositoryDialog *
find_dialog (void)
{
  return (FtlRepositoryDialog *) ftl_test_find_toplevel (FTL_TYPE_REPOSITORY_DIALOG);
}

static FtlRepositoryDialog *
open_dialog (void)
{
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (pane), "dataset.select", NULL));
  FtlRepositoryDialog *dialog = NULL;
  FTL_TEST_WAIT_FOR ((dialog = find_dialog ()) != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog)), 5);
  ck_assert_str_eq (gtk_window_get_title (GTK_WINDOW (dialog)), "Training Data File Repository");
  ck_assert_ptr_eq (gtk_window_get_transient_for (GTK_WINDOW (dialog)), window);
  ck_assert (gtk_window_get_modal (GTK_WINDOW (dialog)));
  return dialog;
}

/* The repository's file called name (owned by the repository), or NULL. */
static FtlDatasetFile *
find_file (const char *name)
{
  GListModel *files = ftl_dataset_repository_get_files (repository);

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(FtlDatasetFile) file = g_list_model_get_item (files, i);
      if (g_strcmp0 (ftl_dataset_file_get_name (file), name) == 0)
        return file;
    }
  return NULL;
}

static GtkWidget *
dialog_row (FtlRepositoryDialog *dialog,
            const char          *name)
{
  GtkListBox *list = GTK_LIST_BOX (ftl_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LIST_BOX,
                                                "file-list"));
  guint position;

  ck_assert_ptr_nonnull (find_file (name));
  ck_assert (g_list_store_find (G_LIST_STORE (ftl_dataset_repository_get_files (repository)),
                                find_file (name), &position));
  return GTK_WIDGET (gtk_list_box_get_row_at_index (list, (int) position));
}

/* Types name into the Create New File form and presses Create. */
static void
create_in_dialog (FtlRepositoryDialog *dialog,
                  const char          *name)
{
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (dialog), "repository.new", NULL));
  GtkWidget *entry = ftl_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, NULL);
  ck_assert_ptr_nonnull (entry);
  ftl_test_iterate_ms (50);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (dialog));
  ck_assert (focus != NULL && (focus == entry || gtk_widget_is_ancestor (focus, entry)));
  gtk_editable_set_text (GTK_EDITABLE (entry), name);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (dialog), "repository.create", NULL));
}

/* The file's bytes, or NULL when it can't be read. */
static char *
read_file (const char *path)
{
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, NULL);
  return contents;
}

static GtkTextBuffer *
editor_buffer (void)
{
  GtkWidget *editor = ftl_test_find_widget (GTK_WIDGET (pane), GTK_SOURCE_TYPE_VIEW, "jsonl-editor");

  ck_assert_ptr_nonnull (editor);
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor));
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  ftl_test_save_screenshot (widget, name, 300);
}

/* ---- fixture ------------------------------------------------------------------------------ */

static void
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  ck_assert (g_file_set_contents (path, contents, -1, NULL));
}

static void
setup (void)
{
  ftl_test_gtk_init ();

  tmp_dir = g_dir_make_tmp ("ftl-pane-XXXXXX", NULL);
  ck_assert_ptr_nonnull (tmp_dir);
  user_dir = g_build_filename (tmp_dir, "user", NULL);
  g_autofree char *builtin_dir = g_build_filename (tmp_dir, "builtin", NULL);
  ck_assert_int_eq (g_mkdir (builtin_dir, 0700), 0);
  g_autofree char *valid = valid_jsonl ();
  write_file (builtin_dir, "sunny.jsonl", valid);
  write_file (builtin_dir, "broken.jsonl", broken_jsonl);

  repository = ftl_dataset_repository_new (user_dir, builtin_dir);
  ck_assert_uint_eq (g_list_model_get_n_items (ftl_dataset_repository_get_files (repository)), 2);

  g_autoptr(GError) error = NULL;
  tokenizer = ftl_tokenizer_train (valid, strlen (valid), 320, &error);
  ck_assert_msg (tokenizer != NULL, "%s", error ? error->message : "");

  /* The lesson window's shape at 1280×720: the pane gets a third. */
  window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (window, 1280, 720);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new ("Fine-Tune Lab",
                                                         "Fine-tune a language model in three steps"));
  gtk_box_append (GTK_BOX (box), header);
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_paned_set_position (GTK_PANED (paned), 427);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);
  gtk_widget_set_vexpand (paned, TRUE);
  gtk_box_append (GTK_BOX (box), paned);

  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (column, "lesson-pane");
  GtkWidget *step = gtk_label_new ("1 · Training data");
  gtk_label_set_xalign (GTK_LABEL (step), 0);
  gtk_widget_add_css_class (step, "title-2");
  gtk_widget_add_css_class (step, "lesson-step");
  gtk_box_append (GTK_BOX (column), step);
  pane = FTL_DATASET_PANE (ftl_dataset_pane_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (pane), TRUE);
  gtk_box_append (GTK_BOX (column), GTK_WIDGET (pane));
  gtk_paned_set_start_child (GTK_PANED (paned), column);

  GtkWidget *rest = gtk_label_new ("2 · Hyperparameters      3 · Chat");
  gtk_widget_add_css_class (rest, "dim-label");
  gtk_paned_set_end_child (GTK_PANED (paned), rest);
  adw_window_set_content (ADW_WINDOW (window), box);

  ftl_dataset_pane_set_repository (pane, repository);
  ftl_dataset_pane_set_tokenizer (pane, tokenizer, CONTEXT_LENGTH);
  gtk_window_present (window);
  FTL_TEST_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (pane)), 5);
}

static void
teardown (void)
{
  /* Closing the window releases the pane, the repository window and every
   * reference they held on the repository. */
  gpointer repository_alive = repository;
  g_object_add_weak_pointer (G_OBJECT (repository), &repository_alive);
  if (window != NULL)
    {
      g_object_add_weak_pointer (G_OBJECT (pane), (gpointer *) &pane);
      gtk_window_destroy (window);
      window = NULL;
    }
  ftl_test_iterate_ms (20);
  ck_assert_ptr_null (pane);
  ck_assert_ptr_null (find_dialog ());
  g_clear_object (&repository);
  ck_assert_ptr_null (repository_alive);
  g_clear_pointer (&tokenizer, ftl_tokenizer_free);
  ftl_test_remove_tree (tmp_dir);
  g_clear_pointer (&tmp_dir, g_free);
  g_clear_pointer (&user_dir, g_free);
}

/* ---- tests ---------------------------------------------------------------------------------- */

/* Select Data → Create New File → "my data" → Create; break the file, jump
 * to the problem, fix it. */
START_TEST (test_create_break_fix)
{
  ck_assert_ptr_null (ftl_dataset_pane_get_applied_file (pane));
  ck_assert (!ftl_dataset_pane_get_valid (pane));
  ck_assert_ptr_nonnull (ftl_dataset_pane_get_problem (pane));
  save_screenshot (GTK_WIDGET (window), "pane-empty.png");

  FtlRepositoryDialog *dialog = open_dialog ();
  create_in_dialog (dialog, "my data");
  FTL_TEST_WAIT_FOR (find_dialog () == NULL, 5);

  g_autofree char *path = g_build_filename (user_dir, "my data.jsonl", NULL);
  g_autofree char *created = read_file (path);
  ck_assert_ptr_nonnull (created);
  FtlDatasetFile *file = ftl_dataset_pane_get_applied_file (pane);
  ck_assert_ptr_nonnull (file);
  ck_assert_str_eq (ftl_dataset_file_get_name (file), "my data");
  ck_assert_str_eq (ftl_dataset_file_get_path (file), path);
  ck_assert_str_eq (ftl_test_get_label_text (pane, "applied-file-name"), "my data");
  /* The template: one valid example, too few to train on. */
  ck_assert_uint_eq (ftl_dataset_pane_get_n_examples (pane), 1);
  ck_assert (!ftl_dataset_pane_get_valid (pane));

  GtkTextBuffer *buffer = editor_buffer ();
  g_autofree char *shown = NULL;
  {
    GtkTextIter start, end;
    gtk_text_buffer_get_bounds (buffer, &start, &end);
    shown = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  }
  ck_assert_str_eq (shown, created);
  ck_assert (gtk_text_view_get_editable (GTK_TEXT_VIEW (ftl_test_find_widget (GTK_WIDGET (pane),
                                                                     GTK_SOURCE_TYPE_VIEW,
                                                                     NULL))));

  /* Type a broken line at the end: a user message without content. */
  GtkTextIter end;
  gint64 typed = g_get_monotonic_time ();
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "{\"messages\": [{\"role\": \"user\"}]}\n", -1);
  /* Nothing is checked or saved before the debounce (where the machine is
   * fast enough to look within it) … */
  ftl_test_iterate_ms (100);
  g_autofree char *early = read_file (path);
  if (g_get_monotonic_time () - typed < 250 * G_TIME_SPAN_MILLISECOND)
    {
      ck_assert_uint_eq (ftl_dataset_pane_get_n_examples (pane), 1);
      ck_assert_str_eq (early, created);
    }

  /* … and both happen after it. */
  GtkWidget *problems = ftl_test_find_widget (GTK_WIDGET (pane), GTK_TYPE_LIST_BOX, "problem-list");
  ck_assert_ptr_nonnull (problems);
  GtkWidget *problem_row = NULL;
  gint64 end_time = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;
  while (problem_row == NULL && g_get_monotonic_time () < end_time)
    {
      g_main_context_iteration (NULL, FALSE);
      for (int i = 0; ; i++)
        {
          GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (problems), i);
          if (row == NULL)
            break;
          if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                         "Line 2 · message_missing_key") == 0)
            problem_row = GTK_WIDGET (row);
        }
    }
  ck_assert_msg (problem_row != NULL, "no row “Line 2 · message_missing_key”");
  ck_assert_str_eq (adw_action_row_get_subtitle (ADW_ACTION_ROW (problem_row)),
                    "Message 1 has no “content”.");
  ck_assert (!ftl_dataset_pane_get_valid (pane));
  const char *problem = ftl_dataset_pane_get_problem (pane);
  ck_assert_ptr_nonnull (problem);
  ck_assert_msg (strstr (problem, "line 2") != NULL, "problem: %s", problem);
  g_autofree char *saved_broken = read_file (path);
  ck_assert (g_str_has_suffix (saved_broken, "{\"messages\": [{\"role\": \"user\"}]}\n"));

  /* Clicking the problem shows line 2 in the editor, selected. */
  AdwViewStack *views = ADW_VIEW_STACK (ftl_test_find_widget (GTK_WIDGET (pane), ADW_TYPE_VIEW_STACK, NULL));
  ck_assert_str_eq (adw_view_stack_get_visible_child_name (views), "conversations");
  ck_assert (gtk_widget_activate (problem_row));
  ftl_test_iterate_ms (50);
  ck_assert_str_eq (adw_view_stack_get_visible_child_name (views), "jsonl");
  GtkTextIter cursor, bound;
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  gtk_text_buffer_get_iter_at_mark (buffer, &bound, gtk_text_buffer_get_selection_bound (buffer));
  ck_assert_int_eq (gtk_text_iter_get_line (&cursor), 1);
  ck_assert_int_eq (gtk_text_iter_get_line_offset (&cursor), 0);
  ck_assert_int_eq (gtk_text_iter_get_line (&bound), 1);
  ck_assert (gtk_text_iter_ends_line (&bound));
  ck_assert (gtk_widget_has_focus (ftl_test_find_widget (GTK_WIDGET (pane), GTK_SOURCE_TYPE_VIEW, NULL)));
  save_screenshot (GTK_WIDGET (window), "pane-problem.png");

  /* Replace everything with twelve good examples. */
  g_autofree char *fixed = valid_jsonl ();
  gtk_text_buffer_set_text (buffer, fixed, -1);
  FTL_TEST_WAIT_FOR (ftl_dataset_pane_get_valid (pane), 5);
  ck_assert_uint_eq (ftl_dataset_pane_get_n_examples (pane), 12);
  ck_assert_ptr_null (ftl_dataset_pane_get_problem (pane));
  g_autofree char *saved = read_file (path);
  ck_assert_str_eq (saved, fixed);
  /* No temporary file is left behind by the atomic save. */
  ck_assert_uint_eq (ftl_test_count_files (user_dir), 1);

  /* The statistics agree with the engine; 12 examples → auto = 8 epochs. */
  g_autoptr(FtlDataset) dataset = ftl_dataset_parse (fixed, strlen (fixed), "fixed");
  FtlDatasetStats stats;
  ftl_dataset_compute_stats (dataset, tokenizer, CONTEXT_LENGTH, &stats);
  ck_assert_uint_gt (stats.total_tokens, 0);
  ck_assert_uint_eq (ftl_dataset_pane_get_total_tokens (pane), stats.total_tokens);
  g_autofree char *billed = g_strdup_printf ("%'" G_GUINT64_FORMAT " × 8 = %'" G_GUINT64_FORMAT,
                                             stats.total_tokens, stats.total_tokens * 8);
  ck_assert_str_eq (ftl_test_get_label_text (pane, "billed-value"), billed);
  ck_assert_str_eq (ftl_test_get_label_text (pane, "examples-value"), "12");
  g_object_set (pane, "n-epochs", 3, NULL);
  g_autofree char *billed3 = g_strdup_printf ("%'" G_GUINT64_FORMAT " × 3 = %'" G_GUINT64_FORMAT,
                                              stats.total_tokens, stats.total_tokens * 3);
  ck_assert_str_eq (ftl_test_get_label_text (pane, "billed-value"), billed3);

  /* The conversations re-render: 12 cards, the weight-0 reply marked. */
  GtkListView *cards = GTK_LIST_VIEW (ftl_test_find_widget (GTK_WIDGET (pane), GTK_TYPE_LIST_VIEW,
                                                   "conversation-list"));
  ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (cards))), 12);
  adw_view_stack_set_visible_child_name (views, "conversations");
  FTL_TEST_WAIT_FOR (ftl_test_find_label (GTK_WIDGET (cards), "Not trained") != NULL, 5);
  ck_assert_ptr_nonnull (ftl_test_find_label (GTK_WIDGET (cards), "Hello."));
  ck_assert_ptr_nonnull (ftl_test_find_label (GTK_WIDGET (cards), "line 1"));
}
END_TEST

/* A sample is read-only and can be duplicated; the broken one lists its
 * problems. Also the screenshots. */
START_TEST (test_apply_sample)
{
  FtlRepositoryDialog *dialog = open_dialog ();
  GtkWidget *row = dialog_row (dialog, "sunny");
  ck_assert_ptr_nonnull (ftl_test_find_label (row, "Sample"));
  save_screenshot (GTK_WIDGET (dialog), "repository.png");
  ck_assert (gtk_widget_activate_action (row, "row.apply", NULL));
  FTL_TEST_WAIT_FOR (find_dialog () == NULL, 5);

  FtlDatasetFile *sunny = find_file ("sunny");
  ck_assert_ptr_eq (ftl_dataset_pane_get_applied_file (pane), sunny);
  ck_assert (ftl_dataset_pane_get_valid (pane));
  ck_assert_uint_eq (ftl_dataset_pane_get_n_examples (pane), 12);
  GtkWidget *editor = ftl_test_find_widget (GTK_WIDGET (pane), GTK_SOURCE_TYPE_VIEW, NULL);
  ck_assert (!gtk_text_view_get_editable (GTK_TEXT_VIEW (editor)));
  ck_assert_str_eq (ftl_test_get_label_text (pane, "banner"), "Built-in sample — duplicate it to edit.");
  save_screenshot (GTK_WIDGET (window), "pane-conversations.png");
  AdwViewStack *views = ADW_VIEW_STACK (ftl_test_find_widget (GTK_WIDGET (pane), ADW_TYPE_VIEW_STACK, NULL));
  adw_view_stack_set_visible_child_name (views, "jsonl");
  save_screenshot (GTK_WIDGET (window), "pane-jsonl.png");

  /* The broken sample: every problem with its line. */
  dialog = open_dialog ();
  ck_assert_ptr_eq (ftl_repository_dialog_get_applied_file (dialog), sunny);
  ck_assert (gtk_widget_activate_action (dialog_row (dialog, "broken"), "row.apply", NULL));
  FTL_TEST_WAIT_FOR (find_dialog () == NULL, 5);
  ck_assert (!ftl_dataset_pane_get_valid (pane));
  GtkListBox *problems = GTK_LIST_BOX (ftl_test_find_widget (GTK_WIDGET (pane), GTK_TYPE_LIST_BOX,
                                                    "problem-list"));
  ck_assert_str_eq (adw_preferences_row_get_title (
                      ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (problems, 0))),
                    "Line 2 · unrecognized_role");
  ck_assert_str_eq (adw_preferences_row_get_title (
                      ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (problems, 1))),
                    "Line 2 · example_missing_assistant_message");
  ck_assert_str_eq (adw_preferences_row_get_title (
                      ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (problems, 2))),
                    "Line 3 · invalid_json");
  adw_view_stack_set_visible_child_name (views, "conversations");
  save_screenshot (GTK_WIDGET (window), "pane-broken.png");

  /* Duplicate makes an editable copy and applies it. */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (pane), "dataset.duplicate", NULL));
  FtlDatasetFile *copy = ftl_dataset_pane_get_applied_file (pane);
  ck_assert_str_eq (ftl_dataset_file_get_name (copy), "broken copy");
  ck_assert (!ftl_dataset_file_get_builtin (copy));
  ck_assert (gtk_text_view_get_editable (GTK_TEXT_VIEW (editor)));
  g_autofree char *copied = read_file (ftl_dataset_file_get_path (copy));
  ck_assert_str_eq (copied, broken_jsonl);

  if (g_getenv ("FTL_SCREENSHOT_DIR") != NULL)
    {
      ftl_dataset_pane_apply_file (pane, sunny);
      adw_view_stack_set_visible_child_name (views, "conversations");
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                          ADW_COLOR_SCHEME_FORCE_DARK);
      save_screenshot (GTK_WIDGET (window), "pane-dark-conversations.png");
      adw_view_stack_set_visible_child_name (views, "jsonl");
      save_screenshot (GTK_WIDGET (window), "pane-dark-jsonl.png");
    }
}
END_TEST

/* A taken name is refused inline and nothing is overwritten. */
START_TEST (test_create_existing_name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FtlDatasetFile) mine = ftl_dataset_repository_create (repository, "my data", &error);
  ck_assert_ptr_nonnull (mine);
  ck_assert (ftl_dataset_repository_save_contents (repository, mine, "precious\n", -1, &error));
  ftl_dataset_pane_apply_file (pane, find_file ("sunny"));
  FtlRepositoryDialog *dialog = open_dialog ();
  create_in_dialog (dialog, "My Data");
  ftl_test_iterate_ms (50);
  ck_assert_ptr_eq (find_dialog (), dialog);
  GtkWidget *error_label = ftl_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "create-error");
  ck_assert_ptr_nonnull (error_label);
  ck_assert (gtk_widget_get_visible (error_label));
  ck_assert (gtk_widget_has_css_class (error_label, "error"));
  ck_assert_msg (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "exists") != NULL,
                 "error: %s", gtk_label_get_text (GTK_LABEL (error_label)));
  g_autofree char *kept = read_file (ftl_dataset_file_get_path (mine));
  ck_assert_str_eq (kept, "precious\n");
  ck_assert_ptr_eq (ftl_dataset_pane_get_applied_file (pane), find_file ("sunny"));
  save_screenshot (GTK_WIDGET (dialog), "repository-error.png");

  /* An empty name too; typing clears the error. */
  GtkWidget *entry = ftl_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), "  ");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (dialog), "repository.create", NULL));
  ck_assert (gtk_widget_get_visible (error_label));
  gtk_editable_set_text (GTK_EDITABLE (entry), "fresh");
  ck_assert (!gtk_widget_get_visible (error_label));
  ck_assert_uint_eq (g_list_model_get_n_items (ftl_dataset_repository_get_files (repository)), 3);
}
END_TEST

static void
count_notify (guint *count)
{
  (*count)++;
}

/* Rename inline, delete, undo: the applied file follows all three. */
START_TEST (test_rename_delete_undo)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FtlDatasetFile) notes = ftl_dataset_repository_create (repository, "notes", &error);
  ck_assert_ptr_nonnull (notes);
  ck_assert (ftl_dataset_pane_apply_path (pane, ftl_dataset_file_get_path (notes)));
  ck_assert (!ftl_dataset_pane_apply_path (pane, "/nowhere/else.jsonl"));
  ck_assert_ptr_eq (ftl_dataset_pane_get_applied_file (pane), notes);
  g_autofree char *bytes = read_file (ftl_dataset_file_get_path (notes));

  FtlRepositoryDialog *dialog = open_dialog ();
  ck_assert_ptr_nonnull (ftl_test_find_label (dialog_row (dialog, "notes"), "In use"));
  save_screenshot (GTK_WIDGET (dialog), "repository-files.png");
  ck_assert (gtk_widget_get_visible (ftl_test_find_label (dialog_row (dialog, "notes"), "In use")));
  ck_assert (!gtk_widget_get_visible (ftl_test_find_label (dialog_row (dialog, "sunny"), "In use")));

  /* A sample can't be renamed or deleted. */
  gtk_widget_activate_action (dialog_row (dialog, "sunny"), "row.delete", NULL);
  gtk_widget_activate_action (dialog_row (dialog, "sunny"), "row.rename", NULL);
  ck_assert_ptr_nonnull (find_file ("sunny"));
  ck_assert (g_file_test (ftl_dataset_file_get_path (find_file ("sunny")), G_FILE_TEST_IS_REGULAR));
  ftl_test_iterate_ms (20);
  ck_assert (!gtk_widget_get_mapped (ftl_test_find_widget (dialog_row (dialog, "sunny"), GTK_TYPE_ENTRY,
                                                  NULL)));

  GtkWidget *row = dialog_row (dialog, "notes");
  ck_assert (gtk_widget_activate_action (row, "row.rename", NULL));
  GtkWidget *entry = ftl_test_find_widget (row, GTK_TYPE_ENTRY, NULL);
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (entry)), "notes");
  /* A taken name is refused in the row. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "Sunny");
  g_signal_emit_by_name (entry, "activate");
  ck_assert_ptr_eq (find_file ("notes"), notes);
  GtkWidget *rename_error = ftl_test_find_label (row, "A file named “Sunny” already exists.");
  ck_assert_msg (rename_error != NULL && gtk_widget_get_visible (rename_error),
                 "no inline rename error");
  save_screenshot (GTK_WIDGET (dialog), "repository-rename.png");
  gtk_editable_set_text (GTK_EDITABLE (entry), "diary");
  ck_assert (!gtk_widget_get_visible (rename_error));
  /* What follows the applied file by path (the training pane, the setting
   * that restores it) hears of the move. */
  guint applied_notifies = 0;
  gulong handler = g_signal_connect_swapped (pane, "notify::applied-file", G_CALLBACK (count_notify),
                                             &applied_notifies);
  g_signal_emit_by_name (entry, "activate");
  g_signal_handler_disconnect (pane, handler);
  ck_assert_uint_ge (applied_notifies, 1);
  ck_assert_ptr_null (find_file ("notes"));
  ck_assert_ptr_eq (find_file ("diary"), notes);
  ck_assert_str_eq (ftl_test_get_label_text (pane, "applied-file-name"), "diary");
  g_autofree char *renamed_path = g_strdup (ftl_dataset_file_get_path (notes));
  ck_assert (g_file_test (renamed_path, G_FILE_TEST_IS_REGULAR));

  ck_assert (gtk_widget_activate_action (dialog_row (dialog, "diary"), "row.delete", NULL));
  ck_assert (!g_file_test (renamed_path, G_FILE_TEST_EXISTS));
  ck_assert_ptr_null (ftl_dataset_pane_get_applied_file (pane));
  ck_assert_ptr_nonnull (ftl_test_find_label (GTK_WIDGET (dialog), "Deleted “diary”"));

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (dialog), "repository.undo-delete", NULL));
  ck_assert (g_file_test (renamed_path, G_FILE_TEST_IS_REGULAR));
  g_autofree char *restored = read_file (renamed_path);
  ck_assert_str_eq (restored, bytes);
  FtlDatasetFile *applied = ftl_dataset_pane_get_applied_file (pane);
  ck_assert_ptr_nonnull (applied);
  ck_assert_str_eq (ftl_dataset_file_get_name (applied), "diary");
  ck_assert_ptr_eq (find_dialog (), dialog);
}
END_TEST

/* Typing and closing at once loses nothing. */
START_TEST (test_save_on_close)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FtlDatasetFile) file = ftl_dataset_repository_create (repository, "quick", &error);
  ftl_dataset_pane_apply_file (pane, file);

  GtkTextBuffer *buffer = editor_buffer ();
  GtkTextIter end;
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "last words\n", -1);
  g_autofree char *path = g_strdup (ftl_dataset_file_get_path (file));
  g_object_add_weak_pointer (G_OBJECT (pane), (gpointer *) &pane);
  gtk_window_destroy (window);
  window = NULL;
  ck_assert_ptr_null (pane);

  g_autofree char *saved = read_file (path);
  ck_assert (g_str_has_suffix (saved, "}\nlast words\n"));
}
END_TEST

static Suite *
dataset_pane_suite (void)
{
  Suite *suite = suite_create ("dataset-pane");
  TCase *tc = tcase_create ("pane");

  tcase_add_checked_fixture (tc, setup, teardown);
  /* Generous for valgrind; each test takes well under a second. */
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_create_break_fix);
  tcase_add_test (tc, test_apply_sample);
  tcase_add_test (tc, test_create_existing_name);
  tcase_add_test (tc, test_rename_delete_undo);
  tcase_add_test (tc, test_save_on_close);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return ftl_test_run_suite (dataset_pane_suite (), CK_FORK_GETENV);
}
