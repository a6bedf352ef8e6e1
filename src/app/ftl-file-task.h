/* ftl-file-task.h — saving something where the student says: a file
 * dialog (GtkFileChooserNative) asks where, the writing runs on a worker
 * thread, then a toast says where it went, or why it did not. What the
 * menu's exports and "Export Report…" share. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Writes to path, on a worker thread; data is the task's. */
typedef gboolean (*FtlFileTaskWriteFunc) (const char    *path,
                                          gpointer       data,
                                          GCancellable  *cancellable,
                                          GError       **error);

/* What the student reads, in their language; none of it is markup. The
 * texts with a name or a message in them are made by functions, so that
 * each format stays a literal that the compiler checks. */
typedef struct
{
  const char  *title;           /* the file dialog's */
  const char  *suggested_name;  /* the name it offers */
  const char  *started;         /* a toast once a name is chosen, or NULL */
  /* The toast after; name: the file's, for display. */
  char      *(*succeeded)       (const char *name);
  /* Why it failed: a dialog with this heading over the error's message,
   * which may list a file's problems line by line, more than a toast
   * holds; NULL: the toast failed_toast makes of the message. */
  const char  *failed_heading;
  char      *(*failed_toast)    (const char *message);
} FtlFileTaskText;

/* parent: the widget asking (its window owns the dialogs; the toasts go to
 * its AdwToastOverlay ancestor). Save, even for a folder: the student names
 * a new one, so what is written never mixes with files already there.
 * write runs only if a name was chosen; data_free frees data either way. */
void ftl_file_task_run (GtkWidget              *parent,
                        const FtlFileTaskText  *text,
                        FtlFileTaskWriteFunc    write,
                        gpointer                data,
                        GDestroyNotify          data_free);

G_END_DECLS
