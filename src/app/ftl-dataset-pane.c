/* ftl-dataset-pane.c — step 1 of the lesson: the applied training file.
 *
 * The JSONL editor's buffer is the truth while a file is applied: 300 ms
 * after the last change its text is parsed (ftl_dataset_parse), which
 * refreshes the conversations, the format check and the statistics, and is
 * saved through the repository (atomically). The conversation cards are a
 * GtkListView over one small object per valid example; the objects share
 * the parsed dataset, so a refresh copies no text.
 */
#include "ftl-dataset-pane.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>

#include "ftl-dataset.h"
#include "ftl-hyperparams.h"
#include "ftl-repository-dialog.h"

/* Long enough that a word typed at speed is one save, short enough that the
 * checks follow the typing. */
#define SAVE_DELAY_MS 300

/* The format check lists this many problems; a count stands for the rest. */
#define MAX_PROBLEM_ROWS 100

/* ---- one valid example, as a list item --------------------------------------------- */

/* A parsed dataset shared by the pane and the example items (GRcBox). */
typedef struct
{
  FtlDataset *dataset;
} SharedDataset;

static void
shared_dataset_clear (gpointer data)
{
  SharedDataset *shared = data;

  g_clear_pointer (&shared->dataset, ftl_dataset_free);
}

static void
shared_dataset_release (SharedDataset *shared)
{
  g_rc_box_release_full (shared, shared_dataset_clear);
}

#define FTL_TYPE_DATASET_EXAMPLE (ftl_dataset_example_get_type ())
G_DECLARE_FINAL_TYPE (FtlDatasetExample, ftl_dataset_example, FTL, DATASET_EXAMPLE, GObject)

struct _FtlDatasetExample
{
  GObject        parent_instance;
  SharedDataset *shared;
  guint          index;
};

G_DEFINE_FINAL_TYPE (FtlDatasetExample, ftl_dataset_example, G_TYPE_OBJECT)

static void
ftl_dataset_example_finalize (GObject *object)
{
  FtlDatasetExample *self = FTL_DATASET_EXAMPLE (object);

  g_clear_pointer (&self->shared, shared_dataset_release);
  G_OBJECT_CLASS (ftl_dataset_example_parent_class)->finalize (object);
}

static void
ftl_dataset_example_class_init (FtlDatasetExampleClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ftl_dataset_example_finalize;
}

static void
ftl_dataset_example_init (FtlDatasetExample *self)
{
}

/* ---- the pane ------------------------------------------------------------------------- */

struct _FtlDatasetPane
{
  GtkWidget             parent_instance;

  FtlDatasetRepository *repository;
  FtlDatasetFile       *applied_file;
  const FtlTokenizer   *tokenizer;
  int                   context_length;
  int                   n_epochs;

  /* The last parse of the applied file (NULL when none could be read). */
  SharedDataset        *shared;
  FtlDatasetStats       stats;
  gboolean              have_stats;
  char                 *load_error;

  /* What the properties last said, to notify only changes. */
  gboolean              valid;
  guint                 n_examples;
  guint64               total_tokens;
  char                 *problem;

  GtkSourceBuffer      *buffer;
  GListStore           *examples;
  guint                 save_source;
  gboolean              dirty;
  gboolean              loading;
  FtlRepositoryDialog  *dialog;
  gboolean              split_placed;

  GtkWidget            *content;
  GtkLabel             *file_label;
  GtkWidget            *sample_tag;
  GtkRevealer          *banner_revealer;
  GtkWidget            *banner;
  GtkLabel             *banner_label;
  GtkWidget            *duplicate_button;
  GtkStack             *main_stack;
  AdwStatusPage        *empty_page;
  GtkPaned             *checks_paned;
  AdwViewStack         *view_stack;
  GtkStack             *conversations_stack;
  GtkListView          *conversation_list;
  GtkSourceView        *editor;
  GtkListBox           *problem_list;
  AdwActionRow         *examples_row;
  GtkLabel             *examples_value;
  AdwActionRow         *tokens_row;
  GtkLabel             *tokens_value;
  AdwActionRow         *over_context_row;
  GtkLabel             *over_context_value;
  AdwActionRow         *billed_row;
  GtkLabel             *billed_value;
};

G_DEFINE_FINAL_TYPE (FtlDatasetPane, ftl_dataset_pane, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_APPLIED_FILE,
  PROP_VALID,
  PROP_N_EXAMPLES,
  PROP_TOTAL_TOKENS,
  PROP_PROBLEM,
  PROP_N_EPOCHS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- the banner over the editor -------------------------------------------------------- */

typedef enum
{
  BANNER_NONE,
  BANNER_BUILTIN,
  BANNER_NOT_UTF8,
  BANNER_SAVE_ERROR,
} BannerKind;

static void
show_banner (FtlDatasetPane *self,
             BannerKind      kind,
             const char     *text)
{
  gtk_revealer_set_reveal_child (self->banner_revealer, kind != BANNER_NONE);
  if (kind == BANNER_NONE)
    return;

  gtk_label_set_text (self->banner_label, text);
  gtk_widget_set_visible (self->duplicate_button, kind == BANNER_BUILTIN);
  if (kind == BANNER_SAVE_ERROR)
    gtk_widget_add_css_class (self->banner, "error");
  else
    gtk_widget_remove_css_class (self->banner, "error");
}

/* ---- the format check ------------------------------------------------------------------ */

/* The line a problem is best shown at: the first with a line number. */
static const FtlDatasetIssue *
first_issue (const FtlDataset *dataset)
{
  guint n = ftl_dataset_get_n_errors (dataset);

  for (guint i = 0; i < n; i++)
    if (ftl_dataset_get_error (dataset, i)->line > 0)
      return ftl_dataset_get_error (dataset, i);
  return n > 0 ? ftl_dataset_get_error (dataset, 0) : NULL;
}

static char *
describe_problem (FtlDatasetPane *self)
{
  if (self->applied_file == NULL)
    return g_strdup (_("No training file is applied."));
  if (self->load_error != NULL)
    return g_strdup (self->load_error);
  if (self->shared == NULL)
    return NULL;

  const FtlDataset *dataset = self->shared->dataset;
  guint n = ftl_dataset_get_n_errors (dataset);
  const FtlDatasetIssue *issue = first_issue (dataset);

  if (issue == NULL)
    return NULL;
  if (n == 1)
    return issue->line > 0
      /* Translators: "Line 7: Message 2 has role “robot”; …" */
      ? g_strdup_printf (_("Line %d: %s"), issue->line, issue->message)
      : g_strdup (issue->message);
  if (issue->line > 0)
    /* Translators: the first %u counts the problems (more than one); "the first"
     * is followed by a line number and its problem. */
    return g_strdup_printf (ngettext ("The file has %u problem, the first on line %d: %s",
                                      "The file has %u problems, the first on line %d: %s", n),
                            n, issue->line, issue->message);
  return g_strdup_printf (ngettext ("The file has %u problem: %s",
                                    "The file has %u problems, among them: %s", n),
                          n, issue->message);
}

static GtkWidget *
make_row_icon (const char *icon_name,
               const char *css_class)
{
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

  gtk_widget_add_css_class (icon, css_class);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  g_str_equal (css_class, "success") ? _("Passed")
                                                                     : _("Problem"), -1);
  return icon;
}

static GtkWidget *
make_problem_row (const FtlDatasetIssue *issue)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  g_autofree char *title = NULL;

  if (issue->line > 0)
    /* Translators: "Line 7 · message_missing_key"; the error name stays English,
     * as OpenAI's tools print it. */
    title = g_strdup_printf (_("Line %d · %s"), issue->line, issue->code);
  else
    /* Translators: a problem of the file as a whole, e.g. "Whole file · too_few_examples". */
    title = g_strdup_printf (_("Whole file · %s"), issue->code);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (row, issue->message);
  adw_action_row_add_prefix (row, make_row_icon ("dialog-error-symbolic", "error"));

  if (issue->line > 0)
    {
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "dataset.go-to-line");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "i", issue->line);
      gtk_widget_set_tooltip_text (GTK_WIDGET (row), _("Show this line in the JSONL editor"));
      GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
      gtk_accessible_update_property (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Show in the editor"), -1);
      adw_action_row_add_suffix (row, arrow);
    }
  else
    gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  return GTK_WIDGET (row);
}

static void
update_problem_list (FtlDatasetPane *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->problem_list))) != NULL)
    gtk_list_box_remove (self->problem_list, child);

  if (self->shared == NULL)
    return;

  const FtlDataset *dataset = self->shared->dataset;
  guint n = ftl_dataset_get_n_errors (dataset);

  if (n == 0)
    {
      AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
      guint n_examples = ftl_dataset_get_n_examples (dataset);
      g_autofree char *subtitle =
        g_strdup_printf (ngettext ("%u example passes OpenAI's format checks.",
                                   "All %u examples pass OpenAI's format checks.", n_examples),
                         n_examples);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Ready to train"));
      adw_action_row_set_subtitle (row, subtitle);
      adw_action_row_add_prefix (row, make_row_icon ("emblem-ok-symbolic", "success"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->problem_list, GTK_WIDGET (row));
      return;
    }

  for (guint i = 0; i < MIN (n, MAX_PROBLEM_ROWS); i++)
    gtk_list_box_append (self->problem_list, make_problem_row (ftl_dataset_get_error (dataset, i)));

  if (n > MAX_PROBLEM_ROWS)
    {
      AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
      g_autofree char *title = g_strdup_printf (ngettext ("… and %u more problem",
                                                          "… and %u more problems",
                                                          n - MAX_PROBLEM_ROWS),
                                                n - MAX_PROBLEM_ROWS);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->problem_list, GTK_WIDGET (row));
    }
}

/* ---- statistics -------------------------------------------------------------------------- */

/* One line per number; what it means is in the row's tooltip. */
static void
set_stat (AdwActionRow *row,
          GtkLabel     *value_label,
          const char   *value,
          const char   *explanation,
          gboolean      warning)
{
  gtk_label_set_text (value_label, value);
  gtk_widget_set_tooltip_text (GTK_WIDGET (row), explanation);
  if (warning)
    gtk_widget_add_css_class (GTK_WIDGET (value_label), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (value_label), "warning");
}

static int
resolved_epochs (FtlDatasetPane *self)
{
  FtlHyperparams hp;

  ftl_hyperparams_init (&hp);
  hp.n_epochs = self->n_epochs;
  ftl_hyperparams_resolve (&hp, self->n_examples);
  int n_epochs = hp.n_epochs;
  ftl_hyperparams_clear (&hp);
  return n_epochs;
}

static void
update_stats (FtlDatasetPane *self)
{
  const char *none = "—";

  if (self->shared == NULL)
    return;

  const FtlDataset *dataset = self->shared->dataset;
  guint n_examples = ftl_dataset_get_n_examples (dataset);
  g_autofree char *examples = g_strdup_printf ("%u", n_examples);
  g_autoptr(GString) missing = g_string_new (NULL);

  /* The notebook's warnings: not errors, but worth knowing. */
  if (self->have_stats && self->stats.n_missing_system > 0)
    g_string_append_printf (missing, ngettext ("%u without a system message",
                                               "%u without a system message",
                                               self->stats.n_missing_system),
                            self->stats.n_missing_system);
  if (self->have_stats && self->stats.n_missing_user > 0)
    {
      if (missing->len > 0)
        g_string_append (missing, " · ");
      g_string_append_printf (missing, ngettext ("%u without a user message",
                                                 "%u without a user message",
                                                 self->stats.n_missing_user),
                              self->stats.n_missing_user);
    }
  adw_action_row_set_subtitle (self->examples_row, missing->str);
  set_stat (self->examples_row, self->examples_value, examples,
            _("Conversations that pass the checks; training uses only these"), FALSE);

  if (!self->have_stats || n_examples == 0)
    {
      const char *why = self->have_stats ? NULL : _("Counted once the base model is loaded");

      set_stat (self->tokens_row, self->tokens_value, none, why, FALSE);
      set_stat (self->over_context_row, self->over_context_value, none, why, FALSE);
      set_stat (self->billed_row, self->billed_value, none, why, FALSE);
      return;
    }

  /* Translators: mean and maximum of the tokens per example, e.g. "58 · max 71". */
  g_autofree char *tokens = g_strdup_printf (_("%.0f · max %.0f"),
                                             self->stats.tokens_per_example.mean,
                                             self->stats.tokens_per_example.max);
  set_stat (self->tokens_row, self->tokens_value, tokens,
            _("The mean and the longest example, counted in the tokens the model reads, "
              "chat markup included"), FALSE);

  /* Translators: "0 of 12" examples. */
  g_autofree char *over = g_strdup_printf (_("%u of %u"), self->stats.n_over_context, n_examples);
  g_autofree char *context =
    g_strdup_printf (ngettext ("The model reads at most %d token; longer examples are cut at the end",
                               "The model reads at most %d tokens; longer examples are cut at the end",
                               self->context_length),
                     self->context_length);
  set_stat (self->over_context_row, self->over_context_value, over, context,
            self->stats.n_over_context > 0);

  int n_epochs = resolved_epochs (self);
  g_autofree char *total = g_strdup_printf ("%'" G_GUINT64_FORMAT, self->total_tokens);
  g_autofree char *product = g_strdup_printf ("%'" G_GUINT64_FORMAT,
                                              self->total_tokens * (guint64) n_epochs);
  /* Translators: tokens in the file × epochs = billed tokens, e.g. "696 × 8 = 5,568". */
  g_autofree char *billed = g_strdup_printf (_("%s × %d = %s"), total, n_epochs, product);
  g_autofree char *how = self->n_epochs == FTL_HYPERPARAM_AUTO
    ? g_strdup_printf (ngettext ("Tokens in the file × %d epoch, chosen automatically for "
                                 "this many examples",
                                 "Tokens in the file × %d epochs, chosen automatically for "
                                 "this many examples", n_epochs), n_epochs)
    : g_strdup_printf (ngettext ("Tokens in the file × %d epoch", "Tokens in the file × %d epochs",
                                 n_epochs), n_epochs);
  set_stat (self->billed_row, self->billed_value, billed, how, FALSE);
}

/* ---- state and properties ------------------------------------------------------------------ */

/* Recomputes what the properties say and notifies the ones that changed. */
static void
update_state (FtlDatasetPane *self)
{
  const FtlDataset *dataset = self->shared != NULL ? self->shared->dataset : NULL;
  gboolean valid = self->applied_file != NULL && dataset != NULL && ftl_dataset_is_valid (dataset);
  guint n_examples = dataset != NULL ? ftl_dataset_get_n_examples (dataset) : 0;
  guint64 total_tokens = self->have_stats ? self->stats.total_tokens : 0;
  g_autofree char *problem = describe_problem (self);

  g_object_freeze_notify (G_OBJECT (self));
  if (valid != self->valid)
    {
      self->valid = valid;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
    }
  if (n_examples != self->n_examples)
    {
      self->n_examples = n_examples;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_EXAMPLES]);
    }
  if (total_tokens != self->total_tokens)
    {
      self->total_tokens = total_tokens;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL_TOKENS]);
    }
  if (g_strcmp0 (problem, self->problem) != 0)
    {
      g_free (self->problem);
      self->problem = g_steal_pointer (&problem);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEM]);
    }
  g_object_thaw_notify (G_OBJECT (self));

  update_stats (self);
}

static void
compute_stats (FtlDatasetPane *self)
{
  self->have_stats = self->shared != NULL && self->tokenizer != NULL;
  if (self->have_stats)
    ftl_dataset_compute_stats (self->shared->dataset, self->tokenizer, self->context_length,
                               &self->stats);
}

/* Parses text as the applied file's contents and refreshes every view of it. */
static void
analyze (FtlDatasetPane *self,
         const char     *text,
         gsize           length)
{
  g_clear_pointer (&self->shared, shared_dataset_release);
  self->shared = g_rc_box_new0 (SharedDataset);
  self->shared->dataset = ftl_dataset_parse (text, length,
                                             ftl_dataset_file_get_name (self->applied_file));

  guint n = ftl_dataset_get_n_examples (self->shared->dataset);
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      FtlDatasetExample *example = g_object_new (FTL_TYPE_DATASET_EXAMPLE, NULL);

      example->shared = g_rc_box_acquire (self->shared);
      example->index = i;
      g_ptr_array_add (items, example);
    }
  g_list_store_splice (self->examples, 0, g_list_model_get_n_items (G_LIST_MODEL (self->examples)),
                       items->pdata, items->len);
  gtk_stack_set_visible_child_name (self->conversations_stack, n > 0 ? "list" : "none");

  compute_stats (self);
  update_problem_list (self);
  update_state (self);
}

static char *
get_buffer_text (FtlDatasetPane *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (self->buffer), &start, &end);
  return gtk_text_buffer_get_text (GTK_TEXT_BUFFER (self->buffer), &start, &end, TRUE);
}

gboolean
ftl_dataset_pane_flush (FtlDatasetPane *self)
{
  g_return_val_if_fail (FTL_IS_DATASET_PANE (self), FALSE);

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (!self->dirty || self->applied_file == NULL)
    return TRUE;

  g_autofree char *text = get_buffer_text (self);
  g_autoptr(GError) error = NULL;
  gsize length = strlen (text);

  analyze (self, text, length);
  if (!ftl_dataset_repository_save_contents (self->repository, self->applied_file, text,
                                             (gssize) length, &error))
    {
      /* Still dirty: the next edit or focus change tries again. */
      show_banner (self, BANNER_SAVE_ERROR, error->message);
      return FALSE;
    }

  self->dirty = FALSE;
  show_banner (self, BANNER_NONE, NULL);
  return TRUE;
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  FtlDatasetPane *self = user_data;

  self->save_source = 0;
  ftl_dataset_pane_flush (self);
  return G_SOURCE_REMOVE;
}

static void
buffer_changed_cb (FtlDatasetPane *self)
{
  if (self->loading)
    return;

  self->dirty = TRUE;
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

static void
editor_focus_leave_cb (FtlDatasetPane *self)
{
  ftl_dataset_pane_flush (self);
}

static void
set_buffer_text (FtlDatasetPane *self,
                 const char     *text,
                 gboolean        editable)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextIter start;

  self->loading = TRUE;
  /* Undo must not step back into the previous file. */
  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, text, -1);
  gtk_text_buffer_end_irreversible_action (buffer);
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  gtk_text_buffer_set_modified (buffer, FALSE);
  self->loading = FALSE;

  gtk_text_view_set_editable (GTK_TEXT_VIEW (self->editor), editable);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (self->editor), editable);
}

static void
update_file_label (FtlDatasetPane *self)
{
  if (self->applied_file == NULL)
    {
      gtk_label_set_text (self->file_label, _("None"));
      gtk_widget_add_css_class (GTK_WIDGET (self->file_label), "dim-label");
      gtk_widget_set_visible (self->sample_tag, FALSE);
      return;
    }

  gtk_label_set_text (self->file_label, ftl_dataset_file_get_name (self->applied_file));
  gtk_widget_remove_css_class (GTK_WIDGET (self->file_label), "dim-label");
  gtk_widget_set_visible (self->sample_tag, ftl_dataset_file_get_builtin (self->applied_file));
}

static void
applied_file_moved (FtlDatasetPane *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPLIED_FILE]);
}

/* Reads the applied file into the editor and analyzes it. */
static void
load_applied_file (FtlDatasetPane *self)
{
  g_clear_pointer (&self->shared, shared_dataset_release);
  g_clear_pointer (&self->load_error, g_free);
  g_list_store_remove_all (self->examples);
  self->have_stats = FALSE;
  show_banner (self, BANNER_NONE, NULL);
  update_file_label (self);

  if (self->applied_file == NULL)
    {
      set_buffer_text (self, "", FALSE);
      adw_status_page_set_icon_name (self->empty_page, "document-new-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Training Data"));
      adw_status_page_set_description (self->empty_page,
                                       _("Use Select Data to create a training file or to "
                                         "apply one of the samples."));
      gtk_stack_set_visible_child_name (self->main_stack, "empty");
      update_problem_list (self);
      update_state (self);
      return;
    }

  g_autoptr(GError) error = NULL;
  g_autofree char *text = ftl_dataset_repository_load_contents (self->repository,
                                                                self->applied_file, &error);
  if (text == NULL)
    {
      /* Translators: %s is a file name. */
      g_autofree char *title = g_strdup_printf (_("Can't Open “%s”"),
                                                ftl_dataset_file_get_name (self->applied_file));
      self->load_error = g_strdup (error->message);
      set_buffer_text (self, "", FALSE);
      adw_status_page_set_icon_name (self->empty_page, "dialog-error-symbolic");
      adw_status_page_set_title (self->empty_page, title);
      adw_status_page_set_description (self->empty_page, error->message);
      gtk_stack_set_visible_child_name (self->main_stack, "empty");
      update_problem_list (self);
      update_state (self);
      return;
    }

  gsize length = strlen (text);
  gboolean builtin = ftl_dataset_file_get_builtin (self->applied_file);

  if (g_utf8_validate (text, (gssize) length, NULL))
    {
      set_buffer_text (self, text, !builtin);
      if (builtin)
        show_banner (self, BANNER_BUILTIN, _("Built-in sample — duplicate it to edit."));
    }
  else
    {
      /* The editor can only hold UTF-8; the checks see the real bytes. */
      g_autofree char *shown = g_utf8_make_valid (text, (gssize) length);

      set_buffer_text (self, shown, FALSE);
      show_banner (self, BANNER_NOT_UTF8,
                   _("This file is not UTF-8 text, so it can't be edited here; the bytes "
                     "that aren't are shown as �."));
    }

  gtk_stack_set_visible_child_name (self->main_stack, "file");
  analyze (self, text, length);
}

void
ftl_dataset_pane_apply_file (FtlDatasetPane *self,
                             FtlDatasetFile *file)
{
  g_return_if_fail (FTL_IS_DATASET_PANE (self));
  g_return_if_fail (file == NULL || FTL_IS_DATASET_FILE (file));
  g_return_if_fail (file == NULL || self->repository != NULL);

  /* Edits that can't be saved (the pane said why) can't be kept either:
   * another file takes the editor. */
  ftl_dataset_pane_flush (self);
  self->dirty = FALSE;

  if (file == self->applied_file)
    return;

  if (self->applied_file != NULL)
    g_signal_handlers_disconnect_by_data (self->applied_file, self);
  g_set_object (&self->applied_file, file);
  if (file != NULL)
    {
      g_signal_connect_object (file, "notify::name", G_CALLBACK (update_file_label), self,
                               G_CONNECT_SWAPPED);
      /* A rename moves the applied file: whatever follows it by path (the
       * training pane, the remembered setting) must hear of it. */
      g_signal_connect_object (file, "notify::path", G_CALLBACK (applied_file_moved), self,
                               G_CONNECT_SWAPPED);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dataset.duplicate", file != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dataset.go-to-line", file != NULL);
  load_applied_file (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPLIED_FILE]);
}

gboolean
ftl_dataset_pane_apply_path (FtlDatasetPane *self,
                             const char     *path)
{
  g_return_val_if_fail (FTL_IS_DATASET_PANE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->repository == NULL)
    return FALSE;

  GListModel *files = ftl_dataset_repository_get_files (self->repository);
  guint n = g_list_model_get_n_items (files);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FtlDatasetFile) file = g_list_model_get_item (files, i);

      if (g_strcmp0 (ftl_dataset_file_get_path (file), path) == 0)
        {
          ftl_dataset_pane_apply_file (self, file);
          return TRUE;
        }
    }
  return FALSE;
}

static void
repository_items_changed_cb (FtlDatasetPane *self)
{
  if (self->applied_file == NULL ||
      g_list_store_find (G_LIST_STORE (ftl_dataset_repository_get_files (self->repository)),
                         self->applied_file, NULL))
    return;

  /* The applied file was deleted: its edits went with it. */
  self->dirty = FALSE;
  ftl_dataset_pane_apply_file (self, NULL);
}

void
ftl_dataset_pane_set_repository (FtlDatasetPane       *self,
                                 FtlDatasetRepository *repository)
{
  g_return_if_fail (FTL_IS_DATASET_PANE (self));
  g_return_if_fail (repository == NULL || FTL_IS_DATASET_REPOSITORY (repository));

  if (repository == self->repository)
    return;

  ftl_dataset_pane_apply_file (self, NULL);
  if (self->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->dialog));
  if (self->repository != NULL)
    g_signal_handlers_disconnect_by_data (ftl_dataset_repository_get_files (self->repository),
                                          self);
  g_set_object (&self->repository, repository);
  if (repository != NULL)
    g_signal_connect_object (ftl_dataset_repository_get_files (repository), "items-changed",
                             G_CALLBACK (repository_items_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dataset.select", repository != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dataset.new-file", repository != NULL);
}

FtlDatasetRepository *
ftl_dataset_pane_get_repository (FtlDatasetPane *self)
{
  g_return_val_if_fail (FTL_IS_DATASET_PANE (self), NULL);
  return self->repository;
}

void
ftl_dataset_pane_set_tokenizer (FtlDatasetPane     *self,
                                const FtlTokenizer *tokenizer,
                                int                 context_length)
{
  g_return_if_fail (FTL_IS_DATASET_PANE (self));
  g_return_if_fail (tokenizer == NULL || context_length > 0);

  self->tokenizer = tokenizer;
  self->context_length = tokenizer != NULL ? context_length : 0;
  compute_stats (self);
  update_state (self);
}

FtlDatasetFile *
ftl_dataset_pane_get_applied_file (FtlDatasetPane *self)
{
  g_return_val_if_fail (FTL_IS_DATASET_PANE (self), NULL);
  return self->applied_file;
}

gboolean
ftl_dataset_pane_get_valid (FtlDatasetPane *self)
{
  g_return_val_if_fail (FTL_IS_DATASET_PANE (self), FALSE);
  return self->valid;
}

guint
ftl_dataset_pane_get_n_examples (FtlDatasetPane *self)
{
  g_return_val_if_fail (FTL_IS_DATASET_PANE (self), 0);
  return self->n_examples;
}

guint64
ftl_dataset_pane_get_total_tokens (FtlDatasetPane *self)
{
  g_return_val_if_fail (FTL_IS_DATASET_PANE (self), 0);
  return self->total_tokens;
}

const char *
ftl_dataset_pane_get_problem (FtlDatasetPane *self)
{
  g_return_val_if_fail (FTL_IS_DATASET_PANE (self), NULL);
  return self->problem;
}

int
ftl_dataset_pane_get_n_epochs (FtlDatasetPane *self)
{
  g_return_val_if_fail (FTL_IS_DATASET_PANE (self), 0);
  return self->n_epochs;
}

void
ftl_dataset_pane_set_n_epochs (FtlDatasetPane *self,
                               int             n_epochs)
{
  g_return_if_fail (FTL_IS_DATASET_PANE (self));
  g_return_if_fail (n_epochs >= 0 && n_epochs <= 50);

  if (n_epochs == self->n_epochs)
    return;

  self->n_epochs = n_epochs;
  update_stats (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_EPOCHS]);
}

/* ---- conversation cards ---------------------------------------------------------------------- */

static const char *
role_title (FtlRole role)
{
  switch (role)
    {
    case FTL_ROLE_SYSTEM:
      return _("System");
    case FTL_ROLE_USER:
      return _("User");
    case FTL_ROLE_ASSISTANT:
    default:
      return _("Assistant");
    }
}

static GtkWidget *
make_bubble (const FtlChatMessage *message)
{
  static const char *classes[] = {
    [FTL_ROLE_SYSTEM] = "ftl-bubble-system",
    [FTL_ROLE_USER] = "ftl-bubble-user",
    [FTL_ROLE_ASSISTANT] = "ftl-bubble-assistant",
  };
  GtkWidget *bubble = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  gtk_widget_add_css_class (bubble, "ftl-bubble");
  gtk_widget_add_css_class (bubble, classes[message->role]);

  GtkWidget *heading = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *role = gtk_label_new (role_title (message->role));
  gtk_label_set_xalign (GTK_LABEL (role), 0);
  gtk_widget_add_css_class (role, "ftl-role");
  gtk_box_append (GTK_BOX (heading), role);
  gtk_box_append (GTK_BOX (bubble), heading);

  GtkWidget *content = gtk_label_new (message->content);
  gtk_label_set_xalign (GTK_LABEL (content), 0);
  gtk_label_set_wrap (GTK_LABEL (content), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (content), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (content, "ftl-content");
  gtk_box_append (GTK_BOX (bubble), content);

  switch (message->role)
    {
    case FTL_ROLE_USER:
      gtk_widget_set_halign (bubble, GTK_ALIGN_END);
      gtk_widget_set_margin_start (bubble, 32);
      gtk_label_set_xalign (GTK_LABEL (role), 1);
      gtk_widget_set_halign (heading, GTK_ALIGN_END);
      break;
    case FTL_ROLE_ASSISTANT:
      gtk_widget_set_halign (bubble, GTK_ALIGN_START);
      gtk_widget_set_margin_end (bubble, 32);
      if (message->weight == 0.0f)
        {
          GtkWidget *tag = gtk_label_new (_("Not trained"));
          gtk_widget_add_css_class (tag, "ftl-tag");
          gtk_widget_set_tooltip_text (tag, _("This message has weight 0: it gives the model "
                                              "context, but the model does not learn to say it"));
          gtk_box_append (GTK_BOX (heading), tag);
          gtk_widget_add_css_class (bubble, "ftl-not-trained");
        }
      break;
    case FTL_ROLE_SYSTEM:
    default:
      break;
    }

  return bubble;
}

static void
card_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "ftl-example");
  gtk_list_item_set_child (item, card);
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_selectable (item, FALSE);
}

static void
card_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  FtlDatasetExample *example = gtk_list_item_get_item (item);
  GtkWidget *card = gtk_list_item_get_child (item);
  GtkWidget *child;
  int n_messages, line;
  const FtlChatMessage *messages = ftl_dataset_get_example (example->shared->dataset,
                                                            example->index, &n_messages, &line);

  while ((child = gtk_widget_get_first_child (card)) != NULL)
    gtk_box_remove (GTK_BOX (card), child);

  GtkWidget *heading = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  /* Translators: the number of a conversation in the file, counted from 1. */
  g_autofree char *title_text = g_strdup_printf (_("Example %u"), example->index + 1);
  GtkWidget *title = gtk_label_new (title_text);
  gtk_widget_add_css_class (title, "caption-heading");
  gtk_widget_set_hexpand (title, TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_box_append (GTK_BOX (heading), title);

  /* Translators: where the example is in the JSONL file. */
  g_autofree char *line_text = g_strdup_printf (_("line %d"), line);
  GtkWidget *line_label = gtk_label_new (line_text);
  gtk_widget_add_css_class (line_label, "caption");
  gtk_widget_add_css_class (line_label, "dim-label");
  gtk_widget_add_css_class (line_label, "numeric");
  gtk_box_append (GTK_BOX (heading), line_label);
  gtk_box_append (GTK_BOX (card), heading);

  for (int i = 0; i < n_messages; i++)
    gtk_box_append (GTK_BOX (card), make_bubble (&messages[i]));
}

/* ---- actions ------------------------------------------------------------------------------------ */

static void
select_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FtlDatasetPane *self = FTL_DATASET_PANE (widget);

  if (self->dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->dialog));
      return;
    }

  /* Duplicating, exporting or deleting there works on the saved bytes. */
  ftl_dataset_pane_flush (self);

  self->dialog = ftl_repository_dialog_new (self->repository, self->applied_file);
  g_object_add_weak_pointer (G_OBJECT (self->dialog), (gpointer *) &self->dialog);
  GtkRoot *root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (self->dialog), GTK_WINDOW (root));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self->dialog), TRUE);
  g_signal_connect_object (self->dialog, "apply", G_CALLBACK (ftl_dataset_pane_apply_file), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (self->dialog));
}

/* The repository with its Create New File form open, as if chosen there. */
static void
new_file_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  FtlDatasetPane *self = FTL_DATASET_PANE (widget);

  gtk_widget_activate_action (widget, "dataset.select", NULL);
  if (self->dialog != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self->dialog), "repository.new", NULL);
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  FtlDatasetPane *self = FTL_DATASET_PANE (widget);
  g_autoptr(GError) error = NULL;

  ftl_dataset_pane_flush (self);
  g_autoptr(FtlDatasetFile) copy = ftl_dataset_repository_duplicate (self->repository,
                                                                     self->applied_file, &error);
  if (copy == NULL)
    {
      show_banner (self, BANNER_SAVE_ERROR, error->message);
      return;
    }

  ftl_dataset_pane_apply_file (self, copy);
  adw_view_stack_set_visible_child_name (self->view_stack, "jsonl");
  gtk_widget_grab_focus (GTK_WIDGET (self->editor));
}

static void
go_to_line_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  FtlDatasetPane *self = FTL_DATASET_PANE (widget);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  int line = g_variant_get_int32 (parameter);
  GtkTextIter start, end;

  if (line < 1 || line > gtk_text_buffer_get_line_count (buffer))
    return;

  gtk_text_buffer_get_iter_at_line (buffer, &start, line - 1);
  end = start;
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);
  /* The cursor at the start of the line, the whole line selected. */
  gtk_text_buffer_select_range (buffer, &start, &end);

  adw_view_stack_set_visible_child_name (self->view_stack, "jsonl");
  gtk_widget_grab_focus (GTK_WIDGET (self->editor));
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->editor), gtk_text_buffer_get_insert (buffer),
                                0.1, TRUE, 0.0, 0.3);
}

static void
update_style_scheme (FtlDatasetPane *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkSourceStyleSchemeManager *schemes = gtk_source_style_scheme_manager_get_default ();
  const char *id = adw_style_manager_get_dark (manager) ? "Adwaita-dark" : "Adwaita";

  gtk_source_buffer_set_style_scheme (self->buffer,
                                      gtk_source_style_scheme_manager_get_scheme (schemes, id));
}

/* The first time the views and the checks share the height, the checks get
 * what they need up to half of it; later the student's split stays
 * (and, the views being the ones that resize, so does the checks' height). */
static void
checks_paned_max_position_cb (FtlDatasetPane *self)
{
  int max_position;

  g_object_get (self->checks_paned, "max-position", &max_position, NULL);

  if (self->split_placed || max_position <= 0)
    return;

  int natural;
  gtk_widget_measure (gtk_paned_get_end_child (self->checks_paned), GTK_ORIENTATION_VERTICAL,
                      gtk_widget_get_width (GTK_WIDGET (self->checks_paned)), NULL, &natural,
                      NULL, NULL);
  self->split_placed = TRUE;
  gtk_paned_set_position (self->checks_paned, max_position - MIN (natural, max_position / 2));
}

/* ---- GObject -------------------------------------------------------------------------------------- */

GtkWidget *
ftl_dataset_pane_new (void)
{
  return g_object_new (FTL_TYPE_DATASET_PANE, NULL);
}

static void
ftl_dataset_pane_dispose (GObject *object)
{
  FtlDatasetPane *self = FTL_DATASET_PANE (object);

  /* Nothing typed is lost when the window closes. */
  if (self->buffer != NULL)
    ftl_dataset_pane_flush (self);
  g_clear_handle_id (&self->save_source, g_source_remove);

  if (self->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->dialog));
  g_clear_weak_pointer (&self->dialog);

  if (self->applied_file != NULL)
    g_signal_handlers_disconnect_by_data (self->applied_file, self);
  g_clear_object (&self->applied_file);
  if (self->repository != NULL)
    g_signal_handlers_disconnect_by_data (ftl_dataset_repository_get_files (self->repository),
                                          self);
  g_clear_object (&self->repository);

  gtk_widget_dispose_template (GTK_WIDGET (self), FTL_TYPE_DATASET_PANE);

  g_clear_object (&self->buffer);
  g_clear_object (&self->examples);
  g_clear_pointer (&self->shared, shared_dataset_release);

  G_OBJECT_CLASS (ftl_dataset_pane_parent_class)->dispose (object);
}

static void
ftl_dataset_pane_finalize (GObject *object)
{
  FtlDatasetPane *self = FTL_DATASET_PANE (object);

  g_free (self->problem);
  g_free (self->load_error);
  G_OBJECT_CLASS (ftl_dataset_pane_parent_class)->finalize (object);
}

static void
ftl_dataset_pane_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  FtlDatasetPane *self = FTL_DATASET_PANE (object);

  switch (prop_id)
    {
    case PROP_APPLIED_FILE:
      g_value_set_object (value, self->applied_file);
      break;
    case PROP_VALID:
      g_value_set_boolean (value, self->valid);
      break;
    case PROP_N_EXAMPLES:
      g_value_set_uint (value, self->n_examples);
      break;
    case PROP_TOTAL_TOKENS:
      g_value_set_uint64 (value, self->total_tokens);
      break;
    case PROP_PROBLEM:
      g_value_set_string (value, self->problem);
      break;
    case PROP_N_EPOCHS:
      g_value_set_int (value, self->n_epochs);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ftl_dataset_pane_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  FtlDatasetPane *self = FTL_DATASET_PANE (object);

  switch (prop_id)
    {
    case PROP_N_EPOCHS:
      ftl_dataset_pane_set_n_epochs (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The pane fills a column: its height does not depend on its width. Saying
 * so (measuring the content as if unconstrained) keeps GtkPaned, which
 * measures columns at widths they don't get, from seeing the wrapped
 * labels inside (the banner) disagree with themselves. */
static GtkSizeRequestMode
ftl_dataset_pane_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
ftl_dataset_pane_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  FtlDatasetPane *self = FTL_DATASET_PANE (widget);

  gtk_widget_measure (self->content, orientation, -1, minimum, natural, NULL, NULL);
}

static void
ftl_dataset_pane_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  FtlDatasetPane *self = FTL_DATASET_PANE (widget);

  gtk_widget_allocate (self->content, width, height, baseline, NULL);
}

static void
ftl_dataset_pane_class_init (FtlDatasetPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ftl_dataset_pane_dispose;
  object_class->finalize = ftl_dataset_pane_finalize;
  object_class->get_property = ftl_dataset_pane_get_property;
  object_class->set_property = ftl_dataset_pane_set_property;
  widget_class->get_request_mode = ftl_dataset_pane_get_request_mode;
  widget_class->measure = ftl_dataset_pane_measure;
  widget_class->size_allocate = ftl_dataset_pane_size_allocate;

  properties[PROP_APPLIED_FILE] =
    g_param_spec_object ("applied-file", NULL, NULL, FTL_TYPE_DATASET_FILE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_EXAMPLES] =
    g_param_spec_uint ("n-examples", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOTAL_TOKENS] =
    g_param_spec_uint64 ("total-tokens", NULL, NULL, 0, G_MAXUINT64, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROBLEM] =
    g_param_spec_string ("problem", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_EPOCHS] =
    g_param_spec_int ("n-epochs", NULL, NULL, 0, 50, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* GtkSourceView's types and data must be ready before the template is. */
  gtk_source_init ();
  g_type_ensure (GTK_SOURCE_TYPE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/finetunelab/FineTuneLab/ui/ftl-dataset-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, FtlDatasetPane, content);
  gtk_widget_class_bind_template_child (widget_class, FtlDatasetPane, file_label);
  gtk_widget_class_bind_template_child (widget_class, FtlDatasetPane, sample_tag);
  gtk_widget_class_bind_template_child (widget_class, FtlDatasetPane, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, FtlDatasetPane, banner);
  gtk_widget_class_bind_template_child (widget_class, FtlDatasetPane, banner_label);
  gtk_widget_class_bind_template_child (widget_class, FtlDatasetPane, duplicate_button);
  gtk_widget_class_bind_template_child (widget_class, FtlDatasetPane, main_stack);
  gtk_widget_class_bind_template_child (widget_class, FtlDatasetPane, empty_page);
  gtk_widget_class_bind_template_child (widget_class, FtlDatasetPane, checks_paned);
  gtk_widget_class_bind_template_child (widget_class, FtlDatasetPane, view_stack);
  gtk_widget_class_bind_template_child (widget_class, FtlDatasetPane, conversations_stack);
  gtk_widget_class_bind_template_child (widget_class, FtlDatasetPane, conversation_list);
  gtk_widget_class_bind_template_child (widget_class, FtlDatasetPane, editor);
  gtk_widget_class_bind_template_child (widget_class, FtlDatasetPane, problem_list);
  gtk_widget_class_bind_template_child (widget_class, FtlDatasetPane, examples_row);
  gtk_widget_class_bind_template_child (widget_class, FtlDatasetPane, examples_value);
  gtk_widget_class_bind_template_child (widget_class, FtlDatasetPane, tokens_row);
  gtk_widget_class_bind_template_child (widget_class, FtlDatasetPane, tokens_value);
  gtk_widget_class_bind_template_child (widget_class, FtlDatasetPane, over_context_row);
  gtk_widget_class_bind_template_child (widget_class, FtlDatasetPane, over_context_value);
  gtk_widget_class_bind_template_child (widget_class, FtlDatasetPane, billed_row);
  gtk_widget_class_bind_template_child (widget_class, FtlDatasetPane, billed_value);

  gtk_widget_class_install_action (widget_class, "dataset.select", NULL, select_action);
  gtk_widget_class_install_action (widget_class, "dataset.new-file", NULL, new_file_action);
  gtk_widget_class_install_action (widget_class, "dataset.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "dataset.go-to-line", "i", go_to_line_action);
}

static void
ftl_dataset_pane_init (FtlDatasetPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();
  self->buffer = gtk_source_buffer_new_with_language (
    gtk_source_language_manager_get_language (languages, "json"));
  gtk_text_view_set_buffer (GTK_TEXT_VIEW (self->editor), GTK_TEXT_BUFFER (self->buffer));
  g_signal_connect_swapped (self->buffer, "changed", G_CALLBACK (buffer_changed_cb), self);
  update_style_scheme (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_style_scheme), self, G_CONNECT_SWAPPED);

  g_signal_connect_swapped (self->checks_paned, "notify::max-position",
                            G_CALLBACK (checks_paned_max_position_cb), self);

  GtkEventController *focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (editor_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->editor), focus);

  self->examples = g_list_store_new (FTL_TYPE_DATASET_EXAMPLE);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (card_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (card_bind_cb), NULL);
  gtk_list_view_set_factory (self->conversation_list, factory);
  g_object_unref (factory);
  GtkNoSelection *selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->examples)));
  gtk_list_view_set_model (self->conversation_list, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dataset.select", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dataset.new-file", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dataset.duplicate", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dataset.go-to-line", FALSE);
  load_applied_file (self);
}
