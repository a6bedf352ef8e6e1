/* ftl-test-gtk.h — what the GUI suites share: the real app in a world of
 * its own, driving the main loop, finding widgets and reading the panes,
 * screenshots. */
#pragma once

#include <check.h>
#include <gtk/gtk.h>

#include "ftl-chat-pane.h"
#include "ftl-chat-session.h"
#include "ftl-dataset-pane.h"
#include "ftl-training-pane.h"

G_BEGIN_DECLS

/* ---- the app's world --------------------------------------------------------------------- */

/* GTK and libadwaita with the app's style sheet, as the app starts them. */
void  ftl_test_gtk_init       (void);

/* glib-compile-schemas --strict of the source tree's settings schema into
 * dir (made if missing). */
void  ftl_test_compile_schema (const char *dir);

/* A new temporary folder (named from tmpl, as g_dir_make_tmp) that the real
 * app takes for the user's: their data in DIR/data; the source tree's
 * settings schema compiled into DIR/schemas, the settings in memory (one
 * store for the process: an app started again reads what the last one
 * wrote); a tiny base model DIR/base.gguf (context 128) learned from
 * model_text; the source tree's shipped data; a 1280×720 window, the
 * lesson's projector. Set in the test's own process before GLib reads the
 * environment: it caches the data folder and the settings backend.
 * Returns the folder. */
char *ftl_test_app_env_new    (const char *tmpl,
                               const char *model_text);

/* Runs the app as its main() does. Once its window is shown (after the
 * app's own "activate"), sets *window and each pane asked for (any pointer
 * may be NULL), lets the window settle and runs session; then closes the
 * window, unless session ended the app itself, which ends the app's main
 * loop, and sets them back to NULL. Asserts the app was the one instance,
 * opened its window at the size its settings say, exited with 0 and let go
 * of everything once its window was gone. */
void  ftl_test_run_app        (void             (*session) (void),
                               GtkWindow        **window,
                               FtlDatasetPane   **dataset_pane,
                               FtlTrainingPane  **training_pane,
                               FtlChatPane      **chat_pane);

/* ---- the main loop ------------------------------------------------------------------------ */

/* Runs the main loop for ms milliseconds. */
void ftl_test_iterate_ms (guint ms);

/* Runs the main loop until cond holds, failing the test after seconds. */
#define FTL_TEST_WAIT_FOR(cond, seconds)                                         \
  G_STMT_START {                                                                 \
    gint64 wait_end_ = g_get_monotonic_time () + (seconds) * G_TIME_SPAN_SECOND; \
    while (!(cond) && g_get_monotonic_time () < wait_end_)                       \
      if (!g_main_context_iteration (NULL, FALSE))                               \
        g_usleep (2000);                                                         \
    ck_assert_msg ((cond), "timed out waiting for: %s", #cond);                  \
  } G_STMT_END

/* ---- finding widgets --------------------------------------------------------------------- */

/* The first widget under root (itself included) of type and, unless name is
 * NULL, with that widget name; NULL if none. */
GtkWidget *ftl_test_find_widget (GtkWidget  *root,
                                 GType       type,
                                 const char *name);

/* The first GtkLabel under root showing exactly text. */
GtkWidget *ftl_test_find_label  (GtkWidget  *root,
                                 const char *text);

/* The first visible toplevel window of type, or NULL. */
GtkWindow *ftl_test_find_toplevel (GType type);

/* The widget under root named name; the test fails when there is none. */
GtkWidget  *ftl_test_get_widget     (gpointer       root,
                                     const char    *name);
/* The text of the GtkLabel under root named name. */
const char *ftl_test_get_label_text (gpointer       root,
                                     const char    *name);
/* All of buffer's text. */
char       *ftl_test_buffer_text    (GtkTextBuffer *buffer);

/* ---- reading the panes -------------------------------------------------------------------- */

/* The points the training pane's loss plot shows: the steps of its run. */
guint       ftl_test_plot_points    (FtlTrainingPane *pane);
/* The runs in the pane's picker, and the label of the one at position. */
guint       ftl_test_n_runs         (FtlTrainingPane *pane);
char       *ftl_test_run_label      (FtlTrainingPane *pane,
                                     guint            position);
/* Turns off Auto of hyperparameter what ("epochs", …) and sets value. */
void        ftl_test_set_manual     (FtlTrainingPane *pane,
                                     const char      *what,
                                     double           value);

/* The chat pane's template child named name. */
GtkWidget  *ftl_test_chat_child      (FtlChatPane     *pane,
                                      const char      *name);
/* The file of the model at position of the chat pane's picker. */
const char *ftl_test_chat_model_path (FtlChatPane     *pane,
                                      guint            position);

/* A chat reply as it streams: its pieces, and its end. */
typedef struct
{
  guint     n_tokens;
  GString  *text;
  gboolean  finished;
  char     *error;     /* why it failed, or NULL */
} FtlTestReply;

/* Collects what session streams into reply (zeroed). */
void        ftl_test_reply_watch     (FtlTestReply    *reply,
                                      FtlChatSession  *session);
/* Stops collecting and frees what reply holds. */
void        ftl_test_reply_unwatch   (FtlTestReply    *reply,
                                      FtlChatSession  *session);

/* ---- screenshots -------------------------------------------------------------------------- */

/* With FTL_SCREENSHOT_DIR set, saves widget as DIR/name (PNG) after
 * settle_ms of main loop for animations to end; otherwise does nothing. */
void ftl_test_save_screenshot (GtkWidget  *widget,
                               const char *name,
                               guint       settle_ms);

G_END_DECLS
