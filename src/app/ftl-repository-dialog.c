/* ftl-repository-dialog.c — the Training Data File Repository window.
 *
 * The list is bound to the repository's GListModel: every change (create,
 * rename, delete, undo, import) arrives as items-changed and rebuilds only
 * the rows concerned. Each row carries its own "row" action group, so its
 * buttons, its menu and its shortcuts all name the same actions.
 */
#include "ftl-repository-dialog.h"

#include <glib/gi18n.h>

/* ---- one file of the list ------------------------------------------------------ */

#define FTL_TYPE_REPOSITORY_ROW (ftl_repository_row_get_type ())
G_DECLARE_FINAL_TYPE (FtlRepositoryRow, ftl_repository_row, FTL, REPOSITORY_ROW, GtkListBoxRow)

struct _FtlRepositoryRow
{
  GtkListBoxRow   parent_instance;

  FtlDatasetFile *file;
  GtkStack       *stack;
  GtkWidget      *in_use_tag;
  GtkMenuButton  *menu_button;
  GtkEntry       *rename_entry;
  GtkLabel       *rename_error;
};

G_DEFINE_FINAL_TYPE (FtlRepositoryRow, ftl_repository_row, GTK_TYPE_LIST_BOX_ROW)

struct _FtlRepositoryDialog
{
  AdwWindow                 parent_instance;

  FtlDatasetRepository     *repository;
  FtlDatasetFile           *applied_file;

  /* The last deletion, while its toast offers Undo. */
  FtlDatasetRepositoryUndo *undo;
  gboolean                  undo_was_applied;
  AdwToast                 *undo_toast;

  GtkFileChooserNative     *chooser;
  FtlDatasetFile           *export_file;

  AdwToastOverlay          *toast_overlay;
  GtkRevealer              *create_revealer;
  AdwEntryRow              *name_row;
  GtkLabel                 *create_error;
  GtkListBox               *file_list;
};

G_DEFINE_FINAL_TYPE (FtlRepositoryDialog, ftl_repository_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_REPOSITORY,
  PROP_APPLIED_FILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_APPLY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
ftl_repository_row_dispose (GObject *object)
{
  FtlRepositoryRow *self = FTL_REPOSITORY_ROW (object);

  g_clear_object (&self->file);
  G_OBJECT_CLASS (ftl_repository_row_parent_class)->dispose (object);
}

static void
ftl_repository_row_class_init (FtlRepositoryRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ftl_repository_row_dispose;
}

static void
ftl_repository_row_init (FtlRepositoryRow *self)
{
}

static FtlRepositoryDialog *
row_get_dialog (FtlRepositoryRow *row)
{
  return FTL_REPOSITORY_DIALOG (gtk_widget_get_ancestor (GTK_WIDGET (row),
                                                         FTL_TYPE_REPOSITORY_DIALOG));
}

static void
row_set_in_use (FtlRepositoryRow *row,
                gboolean          in_use)
{
  gtk_widget_set_visible (row->in_use_tag, in_use);
}

static void
row_clear_rename_error (FtlRepositoryRow *row)
{
  gtk_widget_set_visible (GTK_WIDGET (row->rename_error), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (row->rename_entry), "error");
}

static void
row_show_rename (FtlRepositoryRow *row,
                 gboolean          renaming)
{
  row_clear_rename_error (row);
  gtk_stack_set_visible_child_name (row->stack, renaming ? "rename" : "show");
  /* While the entry is up, Enter belongs to it, not to the row's Apply. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), !renaming);

  if (renaming)
    {
      gtk_editable_set_text (GTK_EDITABLE (row->rename_entry),
                             ftl_dataset_file_get_name (row->file));
      gtk_widget_grab_focus (GTK_WIDGET (row->rename_entry));
      gtk_editable_select_region (GTK_EDITABLE (row->rename_entry), 0, -1);
    }
  else
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

static GtkWidget *
make_tag (const char *text,
          const char *css_class)
{
  GtkWidget *tag = gtk_label_new (text);

  gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (tag, "ftl-tag");
  if (css_class != NULL)
    gtk_widget_add_css_class (tag, css_class);
  return tag;
}

static char *
describe_file (FtlDatasetFile *file)
{
  if (ftl_dataset_file_get_builtin (file))
    return g_strdup (_("Sample that comes with Fine-Tune Lab · read-only"));

  g_autoptr(GDateTime) local = g_date_time_to_local (ftl_dataset_file_get_modified (file));
  /* Translators: a g_date_time_format() format for when a file was last changed. */
  g_autofree char *when = g_date_time_format (local, _("%e %b %Y, %H:%M"));
  g_strstrip (when);
  /* Translators: %s is a date and time, e.g. "3 Mar 2025, 14:02". */
  return g_strdup_printf (_("Changed %s"), when);
}

static void row_rename_submit (FtlRepositoryRow *row);

static gboolean
row_rename_key_pressed_cb (GtkEventControllerKey *controller,
                           guint                  keyval,
                           guint                  keycode,
                           GdkModifierType        state,
                           FtlRepositoryRow      *row)
{
  if (keyval != GDK_KEY_Escape)
    return FALSE;

  row_show_rename (row, FALSE);
  return TRUE;
}

static void
row_rename_cancel_cb (FtlRepositoryRow *row)
{
  row_show_rename (row, FALSE);
}

static GtkWidget *
row_build_show_page (FtlRepositoryRow *row)
{
  const char *name = ftl_dataset_file_get_name (row->file);
  gboolean builtin = ftl_dataset_file_get_builtin (row->file);

  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (box, "ftl-file-row");

  GtkWidget *icon = gtk_image_new_from_icon_name (builtin ? "emblem-documents-symbolic"
                                                          : "text-x-generic-symbolic");
  gtk_widget_add_css_class (icon, "dim-label");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  builtin ? _("Sample file") : _("Your file"), -1);
  gtk_box_append (GTK_BOX (box), icon);

  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), text);

  GtkWidget *title_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (text), title_box);

  GtkWidget *title = gtk_label_new (name);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "ftl-file-name");
  gtk_box_append (GTK_BOX (title_box), title);

  if (builtin)
    gtk_box_append (GTK_BOX (title_box), make_tag (_("Sample"), NULL));
  row->in_use_tag = make_tag (_("In use"), "ftl-tag-accent");
  gtk_widget_set_tooltip_text (row->in_use_tag, _("Training uses this file"));
  gtk_box_append (GTK_BOX (title_box), row->in_use_tag);

  g_autofree char *description = describe_file (row->file);
  GtkWidget *subtitle = gtk_label_new (description);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (text), subtitle);

  GtkWidget *apply = gtk_button_new_with_mnemonic (_("_Apply"));
  gtk_widget_set_valign (apply, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (apply), "row.apply");
  /* Translators: %s is a file name. */
  g_autofree char *apply_label = g_strdup_printf (_("Apply “%s”"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (apply), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  apply_label, -1);
  gtk_widget_set_tooltip_text (apply, _("Train on this file"));
  gtk_box_append (GTK_BOX (box), apply);

  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) file_section = g_menu_new ();
  g_autoptr(GMenu) delete_section = g_menu_new ();
  g_menu_append (file_section, _("_Duplicate"), "row.duplicate");
  g_menu_append (file_section, _("_Rename…"), "row.rename");
  g_menu_append (file_section, _("_Export…"), "row.export");
  g_menu_append (delete_section, _("_Delete"), "row.delete");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (file_section));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (delete_section));

  row->menu_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_icon_name (row->menu_button, "view-more-symbolic");
  gtk_menu_button_set_menu_model (row->menu_button, G_MENU_MODEL (menu));
  gtk_widget_set_valign (GTK_WIDGET (row->menu_button), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (row->menu_button), "flat");
  gtk_widget_set_tooltip_text (GTK_WIDGET (row->menu_button), _("More Actions"));
  /* Translators: %s is a file name. */
  g_autofree char *menu_label = g_strdup_printf (_("More actions for “%s”"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, menu_label, -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->menu_button));

  return box;
}

static GtkWidget *
row_build_rename_page (FtlRepositoryRow *row)
{
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (page, "ftl-file-row");

  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (page), line);

  row->rename_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (row->rename_entry), TRUE);
  /* Translators: %s is a file name. */
  g_autofree char *entry_label = g_strdup_printf (_("New name for “%s”"),
                                                  ftl_dataset_file_get_name (row->file));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->rename_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, entry_label, -1);
  g_signal_connect_swapped (row->rename_entry, "activate", G_CALLBACK (row_rename_submit), row);
  g_signal_connect_swapped (row->rename_entry, "changed", G_CALLBACK (row_clear_rename_error), row);
  GtkEventController *keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (row_rename_key_pressed_cb), row);
  gtk_widget_add_controller (GTK_WIDGET (row->rename_entry), keys);
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (row->rename_entry));

  GtkWidget *rename = gtk_button_new_with_mnemonic (_("_Rename"));
  gtk_widget_add_css_class (rename, "suggested-action");
  g_signal_connect_swapped (rename, "clicked", G_CALLBACK (row_rename_submit), row);
  gtk_box_append (GTK_BOX (line), rename);

  GtkWidget *cancel = gtk_button_new_from_icon_name ("window-close-symbolic");
  gtk_widget_add_css_class (cancel, "flat");
  gtk_widget_set_tooltip_text (cancel, _("Cancel Renaming"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (cancel), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Cancel renaming"), -1);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (row_rename_cancel_cb), row);
  gtk_box_append (GTK_BOX (line), cancel);

  row->rename_error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (row->rename_error, 0);
  gtk_label_set_wrap (row->rename_error, TRUE);
  gtk_label_set_wrap_mode (row->rename_error, PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (GTK_WIDGET (row->rename_error), "error");
  gtk_widget_add_css_class (GTK_WIDGET (row->rename_error), "caption");
  gtk_widget_set_visible (GTK_WIDGET (row->rename_error), FALSE);
  gtk_box_append (GTK_BOX (page), GTK_WIDGET (row->rename_error));

  return page;
}

/* ---- the dialog's operations ----------------------------------------------------- */

static void
show_toast (FtlRepositoryDialog *self,
            const char          *text)
{
  /* Toast titles are Pango markup; file names may hold '&' or '<'. */
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 4);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
focus_file (FtlRepositoryDialog *self,
            FtlDatasetFile      *file)
{
  guint position;

  if (!g_list_store_find (G_LIST_STORE (ftl_dataset_repository_get_files (self->repository)),
                          file, &position))
    return;

  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->file_list, (int) position);
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
apply_file (FtlRepositoryDialog *self,
            FtlDatasetFile      *file)
{
  ftl_repository_dialog_set_applied_file (self, file);
  g_signal_emit (self, signals[SIGNAL_APPLY], 0, file);
}

static void
row_apply_cb (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  FtlRepositoryRow *row = user_data;
  FtlRepositoryDialog *self = row_get_dialog (row);

  apply_file (self, row->file);
  gtk_window_close (GTK_WINDOW (self));
}

static void
row_duplicate_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  FtlRepositoryRow *row = user_data;
  FtlRepositoryDialog *self = row_get_dialog (row);
  g_autoptr(GError) error = NULL;
  g_autoptr(FtlDatasetFile) copy = ftl_dataset_repository_duplicate (self->repository,
                                                                     row->file, &error);

  if (copy == NULL)
    {
      show_toast (self, error->message);
      return;
    }

  /* Translators: %s is the new file's name, e.g. "pirate copy". */
  g_autofree char *text = g_strdup_printf (_("Made “%s”"), ftl_dataset_file_get_name (copy));
  show_toast (self, text);
  focus_file (self, copy);
}

static void
row_rename_cb (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  row_show_rename (user_data, TRUE);
}

static void
row_rename_submit (FtlRepositoryRow *row)
{
  FtlRepositoryDialog *self = row_get_dialog (row);
  g_autoptr(GError) error = NULL;
  g_autoptr(FtlDatasetFile) file = g_object_ref (row->file);

  if (!ftl_dataset_repository_rename (self->repository, file,
                                      gtk_editable_get_text (GTK_EDITABLE (row->rename_entry)),
                                      &error))
    {
      gtk_label_set_text (row->rename_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (row->rename_error), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (row->rename_entry), "error");
      gtk_widget_grab_focus (GTK_WIDGET (row->rename_entry));
      return;
    }

  /* The repository moved the file in the list, which rebuilt its row (this
   * one is gone unless the name did not change). */
  if (gtk_widget_get_parent (GTK_WIDGET (row)) != NULL)
    row_show_rename (row, FALSE);
  focus_file (self, file);
}

static void
undo_toast_dismissed_cb (FtlRepositoryDialog *self,
                         AdwToast            *toast)
{
  /* Without its toast the undo can't be asked for any more. */
  if (toast != self->undo_toast)
    return;

  g_clear_pointer (&self->undo, ftl_dataset_repository_undo_free);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "repository.undo-delete", FALSE);
}

static void
row_delete_cb (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  FtlRepositoryRow *row = user_data;
  FtlRepositoryDialog *self = row_get_dialog (row);
  g_autoptr(FtlDatasetFile) file = g_object_ref (row->file);
  g_autoptr(GError) error = NULL;
  guint position = 0;

  g_list_store_find (G_LIST_STORE (ftl_dataset_repository_get_files (self->repository)),
                     file, &position);

  FtlDatasetRepositoryUndo *undo = ftl_dataset_repository_delete (self->repository, file,
                                                                  &error);
  if (undo == NULL)
    {
      show_toast (self, error->message);
      return;
    }

  /* One undo at a time: an older toast goes, and its undo with it. */
  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);

  self->undo = undo;
  self->undo_was_applied = file == self->applied_file;
  if (self->undo_was_applied)
    ftl_repository_dialog_set_applied_file (self, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "repository.undo-delete", TRUE);

  /* The toast's title is Pango markup. */
  g_autofree char *name = g_markup_escape_text (ftl_dataset_repository_undo_get_name (undo), -1);
  /* Translators: %s is a file name. */
  g_autofree char *text = g_strdup_printf (_("Deleted “%s”"), name);
  AdwToast *toast = adw_toast_new (text);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "repository.undo-delete");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (undo_toast_dismissed_cb), self,
                           G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->undo_toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);

  /* Keep the keyboard in the list: the row that took the deleted one's place. */
  guint n = g_list_model_get_n_items (ftl_dataset_repository_get_files (self->repository));
  if (n > 0)
    {
      GtkListBoxRow *next = gtk_list_box_get_row_at_index (self->file_list,
                                                           (int) MIN (position, n - 1));
      gtk_widget_grab_focus (GTK_WIDGET (next));
    }
}

static void
export_response_cb (FtlRepositoryDialog *self,
                    int                  response,
                    GtkNativeDialog     *chooser)
{
  g_autoptr(FtlDatasetFile) file = g_steal_pointer (&self->export_file);
  g_autoptr(GFile) destination = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  g_clear_object (&self->chooser);
  if (response != GTK_RESPONSE_ACCEPT || destination == NULL)
    return;

  g_autoptr(GError) error = NULL;
  if (!ftl_dataset_repository_export (self->repository, file, destination, &error))
    {
      show_toast (self, error->message);
      return;
    }
  /* Translators: %s is a file name. */
  g_autofree char *text = g_strdup_printf (_("Exported “%s”"), ftl_dataset_file_get_name (file));
  show_toast (self, text);
}

static GtkFileFilter *
jsonl_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("JSON Lines (*.jsonl)"));
  gtk_file_filter_add_pattern (filter, "*.jsonl");
  gtk_file_filter_add_pattern (filter, "*.JSONL");
  return filter;
}

static void
row_export_cb (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  FtlRepositoryRow *row = user_data;
  FtlRepositoryDialog *self = row_get_dialog (row);

  if (self->chooser != NULL)
    return;

  /* Translators: %s is a file name. */
  g_autofree char *title = g_strdup_printf (_("Export “%s”"),
                                            ftl_dataset_file_get_name (row->file));
  self->chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = jsonl_filter ();
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_autofree char *suggested = g_strconcat (ftl_dataset_file_get_name (row->file), ".jsonl", NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), suggested);

  g_set_object (&self->export_file, row->file);
  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
import_response_cb (FtlRepositoryDialog *self,
                    int                  response,
                    GtkNativeDialog     *chooser)
{
  g_autoptr(GFile) source = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  g_clear_object (&self->chooser);
  if (response != GTK_RESPONSE_ACCEPT || source == NULL)
    return;

  g_autoptr(GError) error = NULL;
  g_autoptr(FtlDatasetFile) file = ftl_dataset_repository_import (self->repository, source,
                                                                  &error);
  if (file == NULL)
    {
      show_toast (self, error->message);
      return;
    }
  /* Translators: %s is the name the imported file got. */
  g_autofree char *text = g_strdup_printf (_("Imported as “%s”"), ftl_dataset_file_get_name (file));
  show_toast (self, text);
  focus_file (self, file);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FtlRepositoryDialog *self = FTL_REPOSITORY_DIALOG (widget);

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Import a Training File"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Import"), _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = jsonl_filter ();
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  /* JSONL often comes as .json or .txt; the pane's checks say what is wrong. */
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (import_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  FtlRepositoryDialog *self = FTL_REPOSITORY_DIALOG (widget);

  if (self->undo == NULL)
    return;

  g_autoptr(FtlDatasetRepositoryUndo) undo = g_steal_pointer (&self->undo);
  gboolean was_applied = self->undo_was_applied;
  g_autoptr(GError) error = NULL;

  gtk_widget_action_set_enabled (widget, "repository.undo-delete", FALSE);
  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);

  g_autoptr(FtlDatasetFile) file = ftl_dataset_repository_undo_delete (self->repository, undo,
                                                                       &error);
  if (file == NULL)
    {
      show_toast (self, error->message);
      return;
    }
  if (was_applied)
    apply_file (self, file);
  focus_file (self, file);
}

static void
show_create_error (FtlRepositoryDialog *self,
                   const char          *message)
{
  gtk_label_set_text (self->create_error, message);
  gtk_widget_set_visible (GTK_WIDGET (self->create_error), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  FtlRepositoryDialog *self = FTL_REPOSITORY_DIALOG (widget);

  gtk_revealer_set_reveal_child (self->create_revealer, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FtlRepositoryDialog *self = FTL_REPOSITORY_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  g_autoptr(FtlDatasetFile) file = ftl_dataset_repository_create (self->repository, name, &error);

  if (file == NULL)
    {
      show_create_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      return;
    }

  /* A student who names a new file means to fill it in: it becomes the
   * file training uses, and the pane shows it for editing. */
  apply_file (self, file);
  gtk_window_close (GTK_WINDOW (self));
}

static void
name_row_changed_cb (FtlRepositoryDialog *self)
{
  show_create_error (self, NULL);
}

static void
name_row_activated_cb (FtlRepositoryDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "repository.create", NULL);
}

static gboolean
name_row_key_pressed_cb (GtkEventControllerKey *controller,
                         guint                  keyval,
                         guint                  keycode,
                         GdkModifierType        state,
                         FtlRepositoryDialog   *self)
{
  if (keyval != GDK_KEY_Escape || !gtk_revealer_get_reveal_child (self->create_revealer))
    return FALSE;

  gtk_revealer_set_reveal_child (self->create_revealer, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  show_create_error (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->file_list));
  return TRUE;
}

static void
file_list_row_activated_cb (FtlRepositoryDialog *self,
                            GtkListBoxRow       *row)
{
  gtk_widget_activate_action (GTK_WIDGET (row), "row.apply", NULL);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  FtlRepositoryDialog *self = user_data;
  FtlRepositoryRow *row = g_object_new (FTL_TYPE_REPOSITORY_ROW, NULL);
  FtlDatasetFile *file = item;
  gboolean builtin = ftl_dataset_file_get_builtin (file);

  row->file = g_object_ref (file);
  /* Translators: %s is a file name; read out for the row. */
  g_autofree char *label = g_strdup_printf (builtin ? _("Sample file “%s”") : _("File “%s”"),
                                            ftl_dataset_file_get_name (file));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  row->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_vhomogeneous (row->stack, FALSE);
  gtk_stack_set_hhomogeneous (row->stack, FALSE);
  gtk_stack_add_named (row->stack, row_build_show_page (row), "show");
  gtk_stack_add_named (row->stack, row_build_rename_page (row), "rename");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), GTK_WIDGET (row->stack));
  row_set_in_use (row, file == self->applied_file);

  const GActionEntry entries[] = {
    { .name = "apply", .activate = row_apply_cb },
    { .name = "duplicate", .activate = row_duplicate_cb },
    { .name = "rename", .activate = row_rename_cb },
    { .name = "delete", .activate = row_delete_cb },
    { .name = "export", .activate = row_export_cb },
  };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), row);
  /* Samples are read-only: they can be copied, not changed. */
  for (guint i = 0; builtin && i < 2; i++)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (
      g_action_map_lookup_action (G_ACTION_MAP (group), i == 0 ? "rename" : "delete")), FALSE);
  gtk_widget_insert_action_group (GTK_WIDGET (row), "row", G_ACTION_GROUP (group));

  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  const struct { guint key; GdkModifierType mods; const char *action; } keys[] = {
    { GDK_KEY_F2, 0, "row.rename" },
    { GDK_KEY_Delete, 0, "row.delete" },
    { GDK_KEY_d, GDK_CONTROL_MASK, "row.duplicate" },
    { GDK_KEY_e, GDK_CONTROL_MASK, "row.export" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
      gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].key, keys[i].mods),
                        gtk_named_action_new (keys[i].action)));
  /* Only while the row itself has the focus, so F2 or Delete typed in the
   * rename entry stay text editing. */
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_TARGET);
  gtk_widget_add_controller (GTK_WIDGET (row), shortcuts);

  return GTK_WIDGET (row);
}

/* ---- GObject ------------------------------------------------------------------------ */

FtlRepositoryDialog *
ftl_repository_dialog_new (FtlDatasetRepository *repository,
                           FtlDatasetFile       *applied_file)
{
  g_return_val_if_fail (FTL_IS_DATASET_REPOSITORY (repository), NULL);
  g_return_val_if_fail (applied_file == NULL || FTL_IS_DATASET_FILE (applied_file), NULL);

  return g_object_new (FTL_TYPE_REPOSITORY_DIALOG,
                       "repository", repository,
                       "applied-file", applied_file,
                       NULL);
}

FtlDatasetFile *
ftl_repository_dialog_get_applied_file (FtlRepositoryDialog *self)
{
  g_return_val_if_fail (FTL_IS_REPOSITORY_DIALOG (self), NULL);
  return self->applied_file;
}

void
ftl_repository_dialog_set_applied_file (FtlRepositoryDialog *self,
                                        FtlDatasetFile      *file)
{
  g_return_if_fail (FTL_IS_REPOSITORY_DIALOG (self));
  g_return_if_fail (file == NULL || FTL_IS_DATASET_FILE (file));

  if (!g_set_object (&self->applied_file, file))
    return;

  for (int i = 0; ; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->file_list, i);
      if (row == NULL)
        break;
      row_set_in_use (FTL_REPOSITORY_ROW (row), FTL_REPOSITORY_ROW (row)->file == file);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPLIED_FILE]);
}

static void
ftl_repository_dialog_constructed (GObject *object)
{
  FtlRepositoryDialog *self = FTL_REPOSITORY_DIALOG (object);

  G_OBJECT_CLASS (ftl_repository_dialog_parent_class)->constructed (object);

  gtk_list_box_bind_model (self->file_list, ftl_dataset_repository_get_files (self->repository),
                           create_row, self, NULL);
}

static void
ftl_repository_dialog_dispose (GObject *object)
{
  FtlRepositoryDialog *self = FTL_REPOSITORY_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->export_file);
  g_clear_weak_pointer (&self->undo_toast);
  g_clear_pointer (&self->undo, ftl_dataset_repository_undo_free);
  if (self->file_list != NULL)
    gtk_list_box_bind_model (self->file_list, NULL, NULL, NULL, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), FTL_TYPE_REPOSITORY_DIALOG);

  g_clear_object (&self->applied_file);
  g_clear_object (&self->repository);

  G_OBJECT_CLASS (ftl_repository_dialog_parent_class)->dispose (object);
}

static void
ftl_repository_dialog_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  FtlRepositoryDialog *self = FTL_REPOSITORY_DIALOG (object);

  switch (prop_id)
    {
    case PROP_REPOSITORY:
      g_value_set_object (value, self->repository);
      break;
    case PROP_APPLIED_FILE:
      g_value_set_object (value, self->applied_file);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ftl_repository_dialog_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  FtlRepositoryDialog *self = FTL_REPOSITORY_DIALOG (object);

  switch (prop_id)
    {
    case PROP_REPOSITORY:
      self->repository = g_value_dup_object (value);
      break;
    case PROP_APPLIED_FILE:
      ftl_repository_dialog_set_applied_file (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ftl_repository_dialog_class_init (FtlRepositoryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ftl_repository_dialog_constructed;
  object_class->dispose = ftl_repository_dialog_dispose;
  object_class->get_property = ftl_repository_dialog_get_property;
  object_class->set_property = ftl_repository_dialog_set_property;

  properties[PROP_REPOSITORY] =
    g_param_spec_object ("repository", NULL, NULL, FTL_TYPE_DATASET_REPOSITORY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_APPLIED_FILE] =
    g_param_spec_object ("applied-file", NULL, NULL, FTL_TYPE_DATASET_FILE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_APPLY] =
    g_signal_new ("apply", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, FTL_TYPE_DATASET_FILE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/finetunelab/FineTuneLab/ui/ftl-repository-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FtlRepositoryDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, FtlRepositoryDialog, create_revealer);
  gtk_widget_class_bind_template_child (widget_class, FtlRepositoryDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, FtlRepositoryDialog, create_error);
  gtk_widget_class_bind_template_child (widget_class, FtlRepositoryDialog, file_list);
  gtk_widget_class_bind_template_callback (widget_class, name_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, file_list_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "repository.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "repository.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "repository.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "repository.undo-delete", NULL,
                                   undo_delete_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "repository.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "repository.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "repository.undo-delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ftl_repository_dialog_init (FtlRepositoryDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "repository.undo-delete", FALSE);

  /* Escape in the name field closes the form, not the window. */
  GtkEventController *keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (name_row_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->name_row), keys);
}
