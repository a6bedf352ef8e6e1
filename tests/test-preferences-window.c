/* test-preferences-window.c — the preferences window and its GSettings keys
 * follow each other both ways: the training threads (with 0 shown as
 * "Automatic") and the chat's default sampling.
 *
 * Run under xvfb-run -a dbus-run-session.
 */
#include <check.h>
#include <math.h>

#include <adwaita.h>

#include "ftl-test-gtk.h"
#include "ftl-test-util.h"
#include "ftl-preferences-window.h"

#define SCHEMA_ID "io.github.finetunelab.FineTuneLab"

static char *schema_dir;
static GtkWindow *window;
static GSettings *settings;

static GtkSpinButton *
spin (const char *name)
{
  GtkWidget *widget = ftl_test_find_widget (GTK_WIDGET (window), GTK_TYPE_WIDGET, name);

  ck_assert_msg (GTK_IS_SPIN_BUTTON (widget), "no spin button named %s", name);
  return GTK_SPIN_BUTTON (widget);
}

static const char *
spin_text (GtkSpinButton *button)
{
  return gtk_editable_get_text (GTK_EDITABLE (button));
}

static const char *
row_subtitle (GtkSpinButton *button)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW);

  ck_assert_ptr_nonnull (row);
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

/* What a student does: type into the field and press Enter. */
static void
type_into (GtkSpinButton *button,
           const char    *text)
{
  gtk_editable_set_text (GTK_EDITABLE (button), text);
  gtk_spin_button_update (button);
}

/* The source tree's schema, compiled into a new folder. */
static void
setup (void)
{
  schema_dir = g_dir_make_tmp ("ftl-preferences-XXXXXX", NULL);
  ck_assert_ptr_nonnull (schema_dir);
  ftl_test_compile_schema (schema_dir);
  g_setenv ("GSETTINGS_SCHEMA_DIR", schema_dir, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  gtk_init ();
  adw_init ();
  settings = g_settings_new (SCHEMA_ID);
  window = GTK_WINDOW (ftl_preferences_window_new (NULL));
  gtk_window_present (window);
}

static void
teardown (void)
{
  g_clear_pointer (&window, gtk_window_destroy);
  g_clear_object (&settings);
  ftl_test_remove_tree (schema_dir);
  g_clear_pointer (&schema_dir, g_free);
}

START_TEST (test_threads)
{
  GtkSpinButton *threads = spin ("threads_spin");
  g_autofree char *per_core = g_strdup_printf ("One per core: %u", g_get_num_processors ());

  /* The default, 0, reads as a word and says what it means. */
  ck_assert_int_eq (g_settings_get_int (settings, "threads"), 0);
  ck_assert_str_eq (spin_text (threads), "Automatic");
  ck_assert_str_eq (row_subtitle (threads), per_core);

  /* The spin sets the key. */
  gtk_spin_button_set_value (threads, 3);
  FTL_TEST_WAIT_FOR (g_settings_get_int (settings, "threads") == 3, 5);
  ck_assert_str_eq (spin_text (threads), "3");
  ck_assert_str_eq (row_subtitle (threads), "");

  /* Typed text too, clamped to the key's range. */
  type_into (threads, "5");
  FTL_TEST_WAIT_FOR (g_settings_get_int (settings, "threads") == 5, 5);
  type_into (threads, "100");
  FTL_TEST_WAIT_FOR (g_settings_get_int (settings, "threads") == 64, 5);
  type_into (threads, "Automatic");
  FTL_TEST_WAIT_FOR (g_settings_get_int (settings, "threads") == 0, 5);

  /* The key sets the spin. */
  g_settings_set_int (settings, "threads", 7);
  FTL_TEST_WAIT_FOR (gtk_spin_button_get_value_as_int (threads) == 7, 5);
  ck_assert_str_eq (spin_text (threads), "7");
  g_settings_set_int (settings, "threads", 0);
  FTL_TEST_WAIT_FOR (gtk_spin_button_get_value_as_int (threads) == 0, 5);
  ck_assert_str_eq (spin_text (threads), "Automatic");
  ck_assert_str_eq (row_subtitle (threads), per_core);
}
END_TEST

START_TEST (test_chat_defaults)
{
  GtkSpinButton *temperature = spin ("temperature_spin");
  GtkSpinButton *top_p = spin ("top_p_spin");
  GtkSpinButton *max_tokens = spin ("max_tokens_spin");

  /* The schema's defaults, shown as a student reads them. */
  ck_assert_double_eq_tol (gtk_spin_button_get_value (temperature), 0.7, 1e-9);
  ck_assert_str_eq (spin_text (temperature), "0.70");
  ck_assert_double_eq_tol (gtk_spin_button_get_value (top_p), 0.9, 1e-9);
  ck_assert_int_eq (gtk_spin_button_get_value_as_int (max_tokens), 128);

  /* Keys to rows. */
  g_settings_set_double (settings, "temperature", 1.25);
  g_settings_set_double (settings, "top-p", 0.5);
  g_settings_set_int (settings, "max-tokens", 300);
  FTL_TEST_WAIT_FOR (fabs (gtk_spin_button_get_value (temperature) - 1.25) < 1e-9, 5);
  FTL_TEST_WAIT_FOR (fabs (gtk_spin_button_get_value (top_p) - 0.5) < 1e-9, 5);
  FTL_TEST_WAIT_FOR (gtk_spin_button_get_value_as_int (max_tokens) == 300, 5);
  ck_assert_str_eq (spin_text (temperature), "1.25");

  /* Rows to keys. */
  type_into (temperature, "0.3");
  type_into (top_p, "0.75");
  type_into (max_tokens, "64");
  FTL_TEST_WAIT_FOR (fabs (g_settings_get_double (settings, "temperature") - 0.3) < 1e-9, 5);
  FTL_TEST_WAIT_FOR (fabs (g_settings_get_double (settings, "top-p") - 0.75) < 1e-9, 5);
  FTL_TEST_WAIT_FOR (g_settings_get_int (settings, "max-tokens") == 64, 5);
}
END_TEST

static Suite *
preferences_suite (void)
{
  Suite *suite = suite_create ("preferences-window");
  TCase *tc = tcase_create ("bindings");

  /* Each test forks, so each gets its own fresh in-memory settings. */
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_threads);
  tcase_add_test (tc, test_chat_defaults);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return ftl_test_run_suite (preferences_suite (), CK_FORK_GETENV);
}
