/* ftl-test-gtk.h — what the GUI suites share: driving the main loop, finding
 * widgets, screenshots. */
#pragma once

#include <check.h>
#include <gtk/gtk.h>

G_BEGIN_DECLS

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

/* With FTL_SCREENSHOT_DIR set, saves widget as DIR/name (PNG) after
 * settle_ms of main loop for animations to end; otherwise does nothing. */
void ftl_test_save_screenshot (GtkWidget  *widget,
                               const char *name,
                               guint       settle_ms);

G_END_DECLS
