/* test-dataset-repository.c — the training-file repository behind the data
 * pane: every operation and error code, sorting, the new-file template, undo,
 * import limits, atomic saves and items-changed. Only GIO, no display.
 */
#include "ftl-test-util.h"
#include "ftl-dataset-repository.h"
#include "ftl-dataset.h"

#include <check.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- fixture ----------------------------------------------------------------- */

static char *root;         /* temp dir holding everything below */
static char *builtin_dir;  /* fake installed samples */
static char *user_dir;     /* root/data/datasets: not there until the first write */

static void
write_file (const char *dir,
            const char *filename,
            const char *text)
{
  g_autofree char *path = g_build_filename (dir, filename, NULL);
  g_autoptr(GError) error = NULL;

  ck_assert_msg (g_file_set_contents (path, text, -1, &error), "%s", error ? error->message : "");
}

static GBytes *
read_path (const char *path)
{
  char *data = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  ck_assert_msg (g_file_get_contents (path, &data, &length, &error), "%s: %s", path,
                 error ? error->message : "");
  return g_bytes_new_take (data, length);
}

static GBytes *
read_in (const char *dir,
         const char *filename)
{
  g_autofree char *path = g_build_filename (dir, filename, NULL);
  return read_path (path);
}

static gboolean
exists_in (const char *dir,
           const char *filename)
{
  g_autofree char *path = g_build_filename (dir, filename, NULL);
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static void
setup (void)
{
  g_autoptr(GError) error = NULL;

  root = g_dir_make_tmp ("ftl-repo-XXXXXX", &error);
  ck_assert_msg (root != NULL, "%s", error ? error->message : "");

  builtin_dir = g_build_filename (root, "builtin", NULL);
  user_dir = g_build_filename (root, "data", "datasets", NULL);
  ck_assert_int_eq (g_mkdir (builtin_dir, 0755), 0);

  write_file (builtin_dir, "b-sample.jsonl", "{\"b\": 1}\n");
  write_file (builtin_dir, "a-sample.jsonl", "{\"a\": 1}\n");
  write_file (builtin_dir, "broken-example.jsonl", "[broken\n");
  write_file (builtin_dir, "a-sample.prompts.txt", "Hello?\n");
  write_file (builtin_dir, "README.md", "# Samples\n");
}

static void
teardown (void)
{
  ftl_test_remove_tree (root);
  g_clear_pointer (&root, g_free);
  g_clear_pointer (&builtin_dir, g_free);
  g_clear_pointer (&user_dir, g_free);
}

/* Some user files made before the repository starts. */
static void
add_user_files (void)
{
  ck_assert_int_eq (g_mkdir_with_parents (user_dir, 0700), 0);
  write_file (user_dir, "zeta.jsonl", "zeta\n");
  write_file (user_dir, "Banana.jsonl", "banana\n");
  write_file (user_dir, "apple.jsonl", "apple\n");
  write_file (user_dir, "Cherry.jsonl", "cherry\n");
  write_file (user_dir, "aardvark.jsonl", "aardvark\n");
}

/* ---- helpers ----------------------------------------------------------------- */

/* "name|name|…" in list order. */
static char *
list_names (FtlDatasetRepository *repository)
{
  GListModel *files = ftl_dataset_repository_get_files (repository);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(FtlDatasetFile) file = g_list_model_get_item (files, i);
      g_string_append_printf (names, "%s%s", i > 0 ? "|" : "", ftl_dataset_file_get_name (file));
    }
  return g_strdup (names->str);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* The sorted entries of dir, "a|b|…". */
static char *
list_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_free);
  const char *child;

  ck_assert_ptr_nonnull (dir);
  while ((child = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (entries, g_strdup (child));
  g_ptr_array_sort_with_data (entries, compare_strings, NULL);
  g_ptr_array_add (entries, NULL);
  return g_strjoinv ("|", (char **) entries->pdata);
}

static FtlDatasetFile *
find (FtlDatasetRepository *repository,
      const char           *name)
{
  GListModel *files = ftl_dataset_repository_get_files (repository);

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(FtlDatasetFile) file = g_list_model_get_item (files, i);
      if (strcmp (ftl_dataset_file_get_name (file), name) == 0)
        return file;  /* the list keeps a reference */
    }
  ck_abort_msg ("no file named “%s”", name);
  return NULL;
}

static guint
position_of (FtlDatasetRepository *repository,
             FtlDatasetFile       *file)
{
  guint position;

  ck_assert (g_list_store_find (G_LIST_STORE (ftl_dataset_repository_get_files (repository)),
                                file, &position));
  return position;
}

static void
assert_bytes_eq (GBytes *expected,
                 GBytes *actual)
{
  ck_assert_msg (g_bytes_equal (expected, actual), "bytes differ: %zu vs %zu bytes",
                 g_bytes_get_size (expected), g_bytes_get_size (actual));
}

static void
assert_file_bytes (FtlDatasetFile *file,
                   GBytes         *expected)
{
  g_autoptr(GBytes) actual = read_path (ftl_dataset_file_get_path (file));
  assert_bytes_eq (expected, actual);
}

#define assert_error(error, code_) \
  G_STMT_START { \
    ck_assert_ptr_nonnull (error); \
    ck_assert_msg (g_error_matches ((error), FTL_DATASET_REPOSITORY_ERROR, (code_)), \
                   "expected code %d, got %s %d: %s", (code_), \
                   g_quark_to_string ((error)->domain), (error)->code, (error)->message); \
    ck_assert_str_ne ((error)->message, ""); \
  } G_STMT_END

/* Every items-changed the list sends, and a check that each is consistent
 * with the number of items before and after. */
typedef struct
{
  guint n_signals;
  guint position, removed, added;
  guint n_items;  /* as known from the signals */
} Changes;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *changes)
{
  ck_assert_uint_le (position + removed, changes->n_items);
  changes->n_items = changes->n_items - removed + added;
  ck_assert_uint_eq (changes->n_items, g_list_model_get_n_items (model));
  changes->n_signals++;
  changes->position = position;
  changes->removed = removed;
  changes->added = added;
}

static void
watch (FtlDatasetRepository *repository,
       Changes              *changes)
{
  GListModel *files = ftl_dataset_repository_get_files (repository);

  memset (changes, 0, sizeof *changes);
  changes->n_items = g_list_model_get_n_items (files);
  g_signal_connect (files, "items-changed", G_CALLBACK (on_items_changed), changes);
}

static void
assert_change (const Changes *changes,
               guint          n_signals,
               guint          position,
               guint          removed,
               guint          added)
{
  ck_assert_uint_eq (changes->n_signals, n_signals);
  ck_assert_uint_eq (changes->position, position);
  ck_assert_uint_eq (changes->removed, removed);
  ck_assert_uint_eq (changes->added, added);
}

static void
set_modified (const char *path,
              GDateTime  *modified)
{
  g_autoptr(GFile) gfile = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = g_file_info_new ();

  /* GLib 2.74 sets the time from the nanoseconds. */
  g_file_info_set_modification_date_time (info, modified);
  g_file_info_set_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_NSEC,
                                    (guint32) g_date_time_get_microsecond (modified) * 1000);
  ck_assert (g_file_set_attributes_from_info (gfile, info, G_FILE_QUERY_INFO_NONE, NULL, NULL));
}

static void
count_warnings (const char     *log_domain,
                GLogLevelFlags  log_level,
                const char     *message,
                gpointer        user_data)
{
  if (log_level & G_LOG_LEVEL_WARNING)
    (*(guint *) user_data)++;
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* ---- listing ----------------------------------------------------------------- */

START_TEST (test_sorting)
{
  add_user_files ();
  write_file (user_dir, ".hidden.jsonl", "hidden\n");
  write_file (user_dir, "notes.txt", "notes\n");
  g_autofree char *folder = g_build_filename (user_dir, "folder.jsonl", NULL);
  ck_assert_int_eq (g_mkdir (folder, 0700), 0);

  g_autoptr(FtlDatasetRepository) repository = ftl_dataset_repository_new (user_dir, builtin_dir);
  GListModel *files = ftl_dataset_repository_get_files (repository);
  g_autofree char *names = list_names (repository);

  ck_assert (g_list_model_get_item_type (files) == FTL_TYPE_DATASET_FILE);
  /* Samples first even where a user name sorts before them ("aardvark"), and
   * user files ignoring case (bytewise "Banana" < "apple"). */
  ck_assert_str_eq (names, "a-sample|b-sample|broken-example|aardvark|apple|Banana|Cherry|zeta");

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(FtlDatasetFile) file = g_list_model_get_item (files, i);
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;
      g_autoptr(GDateTime) modified = NULL;
      gboolean builtin;

      g_object_get (file, "name", &name, "path", &path, "builtin", &builtin,
                    "modified", &modified, NULL);
      ck_assert_uint_eq (builtin, i < 3);
      ck_assert_str_eq (name, ftl_dataset_file_get_name (file));
      g_autofree char *filename = g_strconcat (name, ".jsonl", NULL);
      g_autofree char *expected_path = g_build_filename (i < 3 ? builtin_dir : user_dir,
                                                         filename, NULL);
      ck_assert_str_eq (path, expected_path);
      ck_assert_ptr_nonnull (modified);
      ck_assert (modified == ftl_dataset_file_get_modified (file));
    }
}
END_TEST

START_TEST (test_no_user_dir_yet)
{
  g_autoptr(FtlDatasetRepository) repository = ftl_dataset_repository_new (user_dir, builtin_dir);
  g_autofree char *names = list_names (repository);

  ck_assert_str_eq (names, "a-sample|b-sample|broken-example");
  ck_assert (!g_file_test (user_dir, G_FILE_TEST_EXISTS));

  g_autoptr(GError) error = NULL;
  ck_assert (ftl_dataset_repository_reload (repository, &error));
  ck_assert_ptr_null (error);
}
END_TEST

START_TEST (test_reload)
{
  add_user_files ();
  g_autoptr(FtlDatasetRepository) repository = ftl_dataset_repository_new (user_dir, builtin_dir);
  FtlDatasetFile *apple = find (repository, "apple");
  FtlDatasetFile *sample = find (repository, "a-sample");
  Changes changes;
  g_autoptr(GError) error = NULL;

  watch (repository, &changes);

  /* Nothing changed: no signal, so views keep their rows. */
  ck_assert (ftl_dataset_repository_reload (repository, &error));
  ck_assert_uint_eq (changes.n_signals, 0);

  write_file (user_dir, "later.jsonl", "later\n");
  g_autofree char *zeta = g_build_filename (user_dir, "zeta.jsonl", NULL);
  ck_assert_int_eq (g_unlink (zeta), 0);

  ck_assert (ftl_dataset_repository_reload (repository, &error));
  ck_assert_uint_eq (changes.n_signals, 1);
  g_autofree char *names = list_names (repository);
  ck_assert_str_eq (names, "a-sample|b-sample|broken-example|aardvark|apple|Banana|Cherry|later");

  /* Files still there keep their objects (an open editor holds them). */
  ck_assert (find (repository, "apple") == apple);
  ck_assert (find (repository, "a-sample") == sample);
}
END_TEST

START_TEST (test_unreadable_builtin_dir)
{
  add_user_files ();
  g_autofree char *missing = g_build_filename (root, "no-such-dir", NULL);
  g_autoptr(GError) error = NULL;
  guint n_warnings = 0;

  /* The constructor only warns (not fatal even under G_DEBUG=fatal-warnings
   * here); reload reports the error and still lists the user's files. */
  GLogLevelFlags old_fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK);
  GLogFunc old_handler = g_log_set_default_handler (count_warnings, &n_warnings);
  g_autoptr(FtlDatasetRepository) broken = ftl_dataset_repository_new (user_dir, missing);
  g_log_set_default_handler (old_handler, NULL);
  g_log_set_always_fatal (old_fatal);
  ck_assert_uint_eq (n_warnings, 1);
  ck_assert (!ftl_dataset_repository_reload (broken, &error));
  assert_error (error, FTL_DATASET_REPOSITORY_ERROR_NOT_FOUND);
  g_autofree char *names = list_names (broken);
  ck_assert_str_eq (names, "aardvark|apple|Banana|Cherry|zeta");
}
END_TEST

/* ---- create ------------------------------------------------------------------ */

START_TEST (test_create)
{
  add_user_files ();
  g_autoptr(FtlDatasetRepository) repository = ftl_dataset_repository_new (user_dir, builtin_dir);
  Changes changes;
  g_autoptr(GError) error = NULL;

  watch (repository, &changes);
  g_autoptr(FtlDatasetFile) file = ftl_dataset_repository_create (repository, "apricot", &error);
  ck_assert_ptr_null (error);
  ck_assert_ptr_nonnull (file);
  ck_assert_str_eq (ftl_dataset_file_get_name (file), "apricot");
  ck_assert (!ftl_dataset_file_get_builtin (file));
  g_autofree char *expected_path = g_build_filename (user_dir, "apricot.jsonl", NULL);
  ck_assert_str_eq (ftl_dataset_file_get_path (file), expected_path);
  ck_assert_ptr_nonnull (ftl_dataset_file_get_modified (file));

  /* Between "apple" and "Banana" (bytewise it would follow "Cherry"), in one signal. */
  ck_assert_uint_eq (position_of (repository, file), 5);
  assert_change (&changes, 1, 5, 0, 1);

  /* Typed with the extension, or with spaces around it: the same name rules. */
  g_autoptr(FtlDatasetFile) typed_ext = ftl_dataset_repository_create (repository, "Lemon.jsonl",
                                                                       &error);
  ck_assert_ptr_null (error);
  ck_assert_str_eq (ftl_dataset_file_get_name (typed_ext), "Lemon");
  ck_assert (exists_in (user_dir, "Lemon.jsonl"));
  ck_assert (!exists_in (user_dir, "Lemon.jsonl.jsonl"));

  g_autoptr(FtlDatasetFile) spaced = ftl_dataset_repository_create (repository, "  Mango  \t",
                                                                    &error);
  ck_assert_ptr_null (error);
  ck_assert_str_eq (ftl_dataset_file_get_name (spaced), "Mango");
  ck_assert_uint_eq (changes.n_signals, 3);

  g_autofree char *names = list_names (repository);
  ck_assert_str_eq (names, "a-sample|b-sample|broken-example|aardvark|apple|apricot|Banana|"
                           "Cherry|Lemon|Mango|zeta");
}
END_TEST

START_TEST (test_create_makes_private_dir)
{
  g_autoptr(FtlDatasetRepository) repository = ftl_dataset_repository_new (user_dir, builtin_dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(FtlDatasetFile) file = ftl_dataset_repository_create (repository, "first", &error);
  GStatBuf st;

  ck_assert_ptr_null (error);
  ck_assert_int_eq (g_stat (user_dir, &st), 0);
  ck_assert (S_ISDIR (st.st_mode));
  ck_assert_int_eq (st.st_mode & 0777, 0700);
  ck_assert (exists_in (user_dir, "first.jsonl"));
}
END_TEST

START_TEST (test_create_template)
{
  g_autoptr(FtlDatasetRepository) repository = ftl_dataset_repository_new (user_dir, builtin_dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(FtlDatasetFile) file = ftl_dataset_repository_create (repository, "new", &error);
  ck_assert_ptr_null (error);

  g_autofree char *text = ftl_dataset_repository_load_contents (repository, file, &error);
  ck_assert_ptr_null (error);
  gsize length = strlen (text);

  /* One JSON object on one line, ending with a newline. */
  ck_assert_uint_gt (length, 2);
  ck_assert_int_eq (text[0], '{');
  ck_assert_int_eq (text[length - 1], '\n');
  ck_assert_ptr_eq (strchr (text, '\n'), text + length - 1);

  /* A valid example: the only complaint is that one example is too few. */
  g_autoptr(FtlDataset) dataset = ftl_dataset_parse (text, length, "new.jsonl");
  ck_assert_uint_eq (ftl_dataset_get_n_examples (dataset), 1);
  ck_assert_uint_eq (ftl_dataset_get_n_errors (dataset), 1);
  const FtlDatasetIssue *issue = ftl_dataset_get_error (dataset, 0);
  ck_assert_str_eq (issue->code, "too_few_examples");
  ck_assert_int_eq (issue->line, 0);

  int n_messages = 0, line = 0;
  const FtlChatMessage *messages = ftl_dataset_get_example (dataset, 0, &n_messages, &line);
  ck_assert_int_eq (n_messages, 3);
  ck_assert_int_eq (line, 1);
  ck_assert_int_eq (messages[0].role, FTL_ROLE_SYSTEM);
  ck_assert_int_eq (messages[1].role, FTL_ROLE_USER);
  ck_assert_int_eq (messages[2].role, FTL_ROLE_ASSISTANT);
  for (int i = 0; i < 3; i++)
    ck_assert_uint_gt (strlen (messages[i].content), 10);
}
END_TEST

START_TEST (test_create_bad_names)
{
  static const struct { const char *name; FtlDatasetRepositoryError code; } cases[] = {
    { "", FTL_DATASET_REPOSITORY_ERROR_EMPTY_NAME },
    { "   ", FTL_DATASET_REPOSITORY_ERROR_EMPTY_NAME },
    { "\t\n", FTL_DATASET_REPOSITORY_ERROR_EMPTY_NAME },
    { "\xe3\x80\x80", FTL_DATASET_REPOSITORY_ERROR_EMPTY_NAME },  /* U+3000 ideographic space */
    { ".jsonl", FTL_DATASET_REPOSITORY_ERROR_EMPTY_NAME },
    { " .jsonl ", FTL_DATASET_REPOSITORY_ERROR_EMPTY_NAME },
    { "a/b", FTL_DATASET_REPOSITORY_ERROR_BAD_NAME },
    { "../escape", FTL_DATASET_REPOSITORY_ERROR_BAD_NAME },
    { "a\\b", FTL_DATASET_REPOSITORY_ERROR_BAD_NAME },
    { "tab\there", FTL_DATASET_REPOSITORY_ERROR_BAD_NAME },
    { "line\nbreak", FTL_DATASET_REPOSITORY_ERROR_BAD_NAME },
    { "bell\x07", FTL_DATASET_REPOSITORY_ERROR_BAD_NAME },
    { "del\x7f", FTL_DATASET_REPOSITORY_ERROR_BAD_NAME },
    { ".hidden", FTL_DATASET_REPOSITORY_ERROR_BAD_NAME },
    { "..", FTL_DATASET_REPOSITORY_ERROR_BAD_NAME },
    { "bad\xff utf8", FTL_DATASET_REPOSITORY_ERROR_BAD_NAME },
  };
  g_autoptr(FtlDatasetRepository) repository = ftl_dataset_repository_new (user_dir, builtin_dir);
  Changes changes;

  watch (repository, &changes);
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(FtlDatasetFile) file = ftl_dataset_repository_create (repository, cases[i].name,
                                                                      &error);
      ck_assert_msg (file == NULL, "case %zu was accepted", i);
      assert_error (error, cases[i].code);
    }
  ck_assert_uint_eq (changes.n_signals, 0);
  ck_assert (!g_file_test (user_dir, G_FILE_TEST_EXISTS));
}
END_TEST

START_TEST (test_create_name_length)
{
  g_autoptr(FtlDatasetRepository) repository = ftl_dataset_repository_new (user_dir, builtin_dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *name_100 = g_strnfill (100, 'x');
  g_autofree char *name_101 = g_strnfill (101, 'y');

  g_autoptr(FtlDatasetFile) longest = ftl_dataset_repository_create (repository, name_100, &error);
  ck_assert_ptr_null (error);
  ck_assert_str_eq (ftl_dataset_file_get_name (longest), name_100);

  g_autoptr(FtlDatasetFile) too_long = ftl_dataset_repository_create (repository, name_101, &error);
  ck_assert_ptr_null (too_long);
  assert_error (error, FTL_DATASET_REPOSITORY_ERROR_BAD_NAME);
  ck_assert (strstr (error->message, "100") != NULL);
  g_clear_error (&error);

  /* 80 Korean syllables (240 bytes) fit a file name; 100 (300 bytes) do not. */
  g_autoptr(GString) korean = g_string_new (NULL);
  for (int i = 0; i < 80; i++)
    g_string_append (korean, "가");
  g_autoptr(FtlDatasetFile) korean_80 = ftl_dataset_repository_create (repository, korean->str,
                                                                       &error);
  ck_assert_ptr_null (error);
  ck_assert_ptr_nonnull (korean_80);
  for (int i = 80; i < 100; i++)
    g_string_append (korean, "나");
  g_autoptr(FtlDatasetFile) korean_100 = ftl_dataset_repository_create (repository, korean->str,
                                                                        &error);
  ck_assert_ptr_null (korean_100);
  assert_error (error, FTL_DATASET_REPOSITORY_ERROR_BAD_NAME);
}
END_TEST

START_TEST (test_create_never_overwrites)
{
  add_user_files ();
  g_autoptr(FtlDatasetRepository) repository = ftl_dataset_repository_new (user_dir, builtin_dir);
  g_autoptr(GBytes) apple = read_in (user_dir, "apple.jsonl");
  g_autoptr(GBytes) sample = read_in (builtin_dir, "a-sample.jsonl");
  Changes changes;

  /* Made behind the repository's back: not in the list, but on the disk. */
  write_file (user_dir, "secret.jsonl", "secret\n");
  g_autoptr(GBytes) secret = read_in (user_dir, "secret.jsonl");

  watch (repository, &changes);
  static const char *const taken[] = {
    "apple", "APPLE", "Apple.jsonl", "apple.JSONL", " apple ", "A-Sample", "broken-example",
    "secret",
  };
  for (gsize i = 0; i < G_N_ELEMENTS (taken); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(FtlDatasetFile) file = ftl_dataset_repository_create (repository, taken[i], &error);

      ck_assert_msg (file == NULL, "“%s” was accepted", taken[i]);
      assert_error (error, FTL_DATASET_REPOSITORY_ERROR_EXISTS);
      ck_assert_msg (strstr (error->message, "already exists") != NULL, "%s", error->message);
    }

  ck_assert_uint_eq (changes.n_signals, 0);
  g_autoptr(GBytes) apple_after = read_in (user_dir, "apple.jsonl");
  g_autoptr(GBytes) sample_after = read_in (builtin_dir, "a-sample.jsonl");
  g_autoptr(GBytes) secret_after = read_in (user_dir, "secret.jsonl");
  assert_bytes_eq (apple, apple_after);
  assert_bytes_eq (sample, sample_after);
  assert_bytes_eq (secret, secret_after);
  ck_assert (!exists_in (user_dir, "APPLE.jsonl"));
  ck_assert (!exists_in (user_dir, "A-Sample.jsonl"));
}
END_TEST

/* ---- duplicate --------------------------------------------------------------- */

START_TEST (test_duplicate)
{
  add_user_files ();
  g_autoptr(FtlDatasetRepository) repository = ftl_dataset_repository_new (user_dir, builtin_dir);
  FtlDatasetFile *sample = find (repository, "a-sample");
  g_autoptr(GBytes) sample_bytes = read_in (builtin_dir, "a-sample.jsonl");
  g_autoptr(GError) error = NULL;
  Changes changes;

  watch (repository, &changes);
  static const char *const expected[] = { "a-sample copy", "a-sample copy 2", "a-sample copy 3" };
  for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(FtlDatasetFile) copy = ftl_dataset_repository_duplicate (repository, sample,
                                                                          &error);
      ck_assert_ptr_null (error);
      ck_assert_str_eq (ftl_dataset_file_get_name (copy), expected[i]);
      ck_assert (!ftl_dataset_file_get_builtin (copy));
      ck_assert (g_str_has_prefix (ftl_dataset_file_get_path (copy), user_dir));
      assert_file_bytes (copy, sample_bytes);
      assert_change (&changes, i + 1, position_of (repository, copy), 0, 1);
    }

  /* A gap is filled again. */
  g_autoptr(FtlDatasetRepositoryUndo) undo =
    ftl_dataset_repository_delete (repository, find (repository, "a-sample copy 2"), &error);
  ck_assert_ptr_null (error);
  g_autoptr(FtlDatasetFile) refill = ftl_dataset_repository_duplicate (repository, sample, &error);
  ck_assert_str_eq (ftl_dataset_file_get_name (refill), "a-sample copy 2");

  /* A user file whose first copy name is taken on the disk only, and a copy
   * of a copy. */
  write_file (user_dir, "apple copy.jsonl", "made elsewhere\n");
  g_autoptr(GBytes) apple_bytes = read_in (user_dir, "apple.jsonl");
  g_autoptr(FtlDatasetFile) apple_copy =
    ftl_dataset_repository_duplicate (repository, find (repository, "apple"), &error);
  ck_assert_ptr_null (error);
  ck_assert_str_eq (ftl_dataset_file_get_name (apple_copy), "apple copy 2");
  assert_file_bytes (apple_copy, apple_bytes);
  g_autoptr(FtlDatasetFile) copy_copy = ftl_dataset_repository_duplicate (repository, apple_copy,
                                                                          &error);
  ck_assert_str_eq (ftl_dataset_file_get_name (copy_copy), "apple copy 2 copy");
  g_autoptr(GBytes) elsewhere = read_in (user_dir, "apple copy.jsonl");
  g_autoptr(GBytes) elsewhere_expected = g_bytes_new_static ("made elsewhere\n", 15);
  assert_bytes_eq (elsewhere_expected, elsewhere);

  g_autofree char *names = list_names (repository);
  ck_assert_str_eq (names, "a-sample|b-sample|broken-example|a-sample copy|a-sample copy 2|"
                           "a-sample copy 3|aardvark|apple|apple copy 2|apple copy 2 copy|Banana|"
                           "Cherry|zeta");
}
END_TEST

START_TEST (test_duplicate_long_name)
{
  g_autoptr(FtlDatasetRepository) repository = ftl_dataset_repository_new (user_dir, builtin_dir);
  g_autofree char *name_100 = g_strnfill (100, 'x');
  g_autoptr(GError) error = NULL;
  g_autoptr(FtlDatasetFile) original = ftl_dataset_repository_create (repository, name_100, &error);

  /* " copy" would make it too long: the base is shortened, the copy made. */
  for (int i = 0; i < 2; i++)
    {
      g_autoptr(FtlDatasetFile) copy = ftl_dataset_repository_duplicate (repository, original,
                                                                          &error);
      ck_assert_ptr_null (error);
      const char *name = ftl_dataset_file_get_name (copy);
      ck_assert_uint_eq (strlen (name), 100);
      ck_assert (g_str_has_suffix (name, i == 0 ? "x copy" : "x copy 2"));
    }
}
END_TEST

/* ---- rename ------------------------------------------------------------------ */

START_TEST (test_rename)
{
  add_user_files ();
  g_autoptr(FtlDatasetRepository) repository = ftl_dataset_repository_new (user_dir, builtin_dir);
  FtlDatasetFile *zeta = find (repository, "zeta");
  g_autofree char *old_path = g_strdup (ftl_dataset_file_get_path (zeta));
  g_autoptr(GBytes) bytes = read_path (old_path);
  g_autoptr(GError) error = NULL;
  guint n_name_notifies = 0;
  Changes changes;

  watch (repository, &changes);
  g_signal_connect (zeta, "notify::name", G_CALLBACK (count_notify), &n_name_notifies);

  /* zeta (last, 7) → "Berry" (between Banana and Cherry, 5): the same object
   * moves, in one items-changed over the rows it crosses. */
  ck_assert (ftl_dataset_repository_rename (repository, zeta, "Berry", &error));
  ck_assert_ptr_null (error);
  ck_assert_str_eq (ftl_dataset_file_get_name (zeta), "Berry");
  ck_assert_uint_eq (n_name_notifies, 1);
  ck_assert (!g_file_test (old_path, G_FILE_TEST_EXISTS));
  ck_assert (exists_in (user_dir, "Berry.jsonl"));
  assert_file_bytes (zeta, bytes);
  assert_change (&changes, 1, 6, 2, 2);
  ck_assert_uint_eq (position_of (repository, zeta), 6);
  g_autofree char *names = list_names (repository);
  ck_assert_str_eq (names, "a-sample|b-sample|broken-example|aardvark|apple|Banana|Berry|Cherry");

  /* The same name, and only a change of case. */
  ck_assert (ftl_dataset_repository_rename (repository, zeta, "Berry.jsonl", &error));
  ck_assert_uint_eq (changes.n_signals, 1);
  ck_assert (ftl_dataset_repository_rename (repository, zeta, "BERRY", &error));
  ck_assert_ptr_null (error);
  ck_assert_str_eq (ftl_dataset_file_get_name (zeta), "BERRY");
  ck_assert (exists_in (user_dir, "BERRY.jsonl"));
  ck_assert (!exists_in (user_dir, "Berry.jsonl"));
  assert_file_bytes (zeta, bytes);
  /* The position stays; the row is still told to show the new name. */
  assert_change (&changes, 2, 6, 1, 1);
}
END_TEST

START_TEST (test_rename_refused)
{
  add_user_files ();
  g_autoptr(FtlDatasetRepository) repository = ftl_dataset_repository_new (user_dir, builtin_dir);
  FtlDatasetFile *apple = find (repository, "apple");
  g_autoptr(GBytes) apple_bytes = read_in (user_dir, "apple.jsonl");
  g_autoptr(GBytes) banana_bytes = read_in (user_dir, "Banana.jsonl");
  Changes changes;

  write_file (user_dir, "ghost.jsonl", "ghost\n");
  watch (repository, &changes);

  static const struct { const char *name; FtlDatasetRepositoryError code; } cases[] = {
    { "banana", FTL_DATASET_REPOSITORY_ERROR_EXISTS },
    { "Banana.jsonl", FTL_DATASET_REPOSITORY_ERROR_EXISTS },
    { "b-sample", FTL_DATASET_REPOSITORY_ERROR_EXISTS },
    { "ghost", FTL_DATASET_REPOSITORY_ERROR_EXISTS },  /* on the disk only */
    { "", FTL_DATASET_REPOSITORY_ERROR_EMPTY_NAME },
    { "x/y", FTL_DATASET_REPOSITORY_ERROR_BAD_NAME },
    { ".apple", FTL_DATASET_REPOSITORY_ERROR_BAD_NAME },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      ck_assert_msg (!ftl_dataset_repository_rename (repository, apple, cases[i].name, &error),
                     "“%s” was accepted", cases[i].name);
      assert_error (error, cases[i].code);
      ck_assert_str_eq (ftl_dataset_file_get_name (apple), "apple");
    }

  g_autoptr(GError) error = NULL;
  ck_assert (!ftl_dataset_repository_rename (repository, find (repository, "a-sample"), "mine",
                                             &error));
  assert_error (error, FTL_DATASET_REPOSITORY_ERROR_BUILTIN);
  ck_assert (exists_in (builtin_dir, "a-sample.jsonl"));

  ck_assert_uint_eq (changes.n_signals, 0);
  g_autoptr(GBytes) apple_after = read_in (user_dir, "apple.jsonl");
  g_autoptr(GBytes) banana_after = read_in (user_dir, "Banana.jsonl");
  g_autoptr(GBytes) ghost_after = read_in (user_dir, "ghost.jsonl");
  g_autoptr(GBytes) ghost = g_bytes_new_static ("ghost\n", 6);
  assert_bytes_eq (apple_bytes, apple_after);
  assert_bytes_eq (banana_bytes, banana_after);
  assert_bytes_eq (ghost, ghost_after);
}
END_TEST

/* ---- delete and undo --------------------------------------------------------- */

START_TEST (test_delete_undo)
{
  add_user_files ();
  /* Bytes that are not text at all must come back exactly too. */
  static const char odd[] = "{\"messages\": []}\r\n\0\xff\xfe binary\n";
  g_autofree char *odd_path = g_build_filename (user_dir, "odd.jsonl", NULL);
  ck_assert (g_file_set_contents (odd_path, odd, sizeof odd - 1, NULL));
  g_autoptr(GBytes) odd_bytes = g_bytes_new_static (odd, sizeof odd - 1);

  /* An old time, so the restored one can't be "now" by luck. */
  g_autoptr(GDateTime) old_time = g_date_time_new_utc (2020, 5, 17, 12, 30, 15.25);
  set_modified (odd_path, old_time);

  g_autoptr(FtlDatasetRepository) repository = ftl_dataset_repository_new (user_dir, builtin_dir);
  FtlDatasetFile *file = find (repository, "odd");
  g_autoptr(FtlDatasetFile) deleted = g_object_ref (file);
  guint position = position_of (repository, file);
  g_autoptr(GError) error = NULL;
  Changes changes;

  ck_assert (g_date_time_equal (ftl_dataset_file_get_modified (file), old_time));

  watch (repository, &changes);
  g_autoptr(FtlDatasetRepositoryUndo) undo = ftl_dataset_repository_delete (repository, file,
                                                                            &error);
  ck_assert_ptr_null (error);
  ck_assert_ptr_nonnull (undo);
  ck_assert_str_eq (ftl_dataset_repository_undo_get_name (undo), "odd");
  ck_assert (!g_file_test (odd_path, G_FILE_TEST_EXISTS));
  assert_change (&changes, 1, position, 1, 0);
  ck_assert (!g_list_store_find (G_LIST_STORE (ftl_dataset_repository_get_files (repository)),
                                 deleted, NULL));

  /* The deleted object is no longer the repository's. */
  ck_assert_ptr_null (ftl_dataset_repository_delete (repository, deleted, &error));
  assert_error (error, FTL_DATASET_REPOSITORY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_autoptr(FtlDatasetFile) restored = ftl_dataset_repository_undo_delete (repository, undo,
                                                                           &error);
  ck_assert_ptr_null (error);
  ck_assert_str_eq (ftl_dataset_file_get_name (restored), "odd");
  ck_assert_str_eq (ftl_dataset_file_get_path (restored), odd_path);
  assert_file_bytes (restored, odd_bytes);
  ck_assert_uint_eq (position_of (repository, restored), position);
  assert_change (&changes, 2, position, 0, 1);
  ck_assert (g_date_time_equal (ftl_dataset_file_get_modified (restored), old_time));

  /* Undoing twice finds the name taken. */
  ck_assert_ptr_null (ftl_dataset_repository_undo_delete (repository, undo, &error));
  assert_error (error, FTL_DATASET_REPOSITORY_ERROR_EXISTS);
  ck_assert_uint_eq (changes.n_signals, 2);
}
END_TEST

START_TEST (test_undo_refused_when_name_taken)
{
  add_user_files ();
  g_autoptr(FtlDatasetRepository) repository = ftl_dataset_repository_new (user_dir, builtin_dir);
  g_autoptr(GError) error = NULL;

  g_autoptr(FtlDatasetRepositoryUndo) undo =
    ftl_dataset_repository_delete (repository, find (repository, "Banana"), &error);
  ck_assert_ptr_null (error);

  /* Someone makes "banana" (another case) meanwhile. */
  g_autoptr(FtlDatasetFile) newer = ftl_dataset_repository_create (repository, "banana", &error);
  ck_assert_ptr_null (error);
  g_autoptr(GBytes) newer_bytes = read_path (ftl_dataset_file_get_path (newer));

  ck_assert_ptr_null (ftl_dataset_repository_undo_delete (repository, undo, &error));
  assert_error (error, FTL_DATASET_REPOSITORY_ERROR_EXISTS);
  ck_assert (strstr (error->message, "Banana") != NULL);
  assert_file_bytes (newer, newer_bytes);
  ck_assert (!exists_in (user_dir, "Banana.jsonl"));
}
END_TEST

START_TEST (test_delete_builtin)
{
  g_autoptr(FtlDatasetRepository) repository = ftl_dataset_repository_new (user_dir, builtin_dir);
  g_autoptr(GError) error = NULL;

  ck_assert_ptr_null (ftl_dataset_repository_delete (repository, find (repository, "b-sample"),
                                                     &error));
  assert_error (error, FTL_DATASET_REPOSITORY_ERROR_BUILTIN);
  ck_assert (exists_in (builtin_dir, "b-sample.jsonl"));
  g_autofree char *names = list_names (repository);
  ck_assert_str_eq (names, "a-sample|b-sample|broken-example");
}
END_TEST

/* ---- import and export ------------------------------------------------------- */

START_TEST (test_import)
{
  add_user_files ();
  g_autoptr(FtlDatasetRepository) repository = ftl_dataset_repository_new (user_dir, builtin_dir);
  g_autoptr(GError) error = NULL;
  Changes changes;

  /* Not valid training data at all: imported anyway, the editor shows why. */
  write_file (root, "notes.txt", "not json, just notes\n");
  g_autoptr(GBytes) notes = read_in (root, "notes.txt");
  g_autofree char *notes_path = g_build_filename (root, "notes.txt", NULL);
  g_autoptr(GFile) source = g_file_new_for_path (notes_path);

  watch (repository, &changes);
  static const char *const expected[] = { "notes", "notes 2", "notes 3" };
  for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(FtlDatasetFile) file = ftl_dataset_repository_import (repository, source, &error);
      ck_assert_ptr_null (error);
      ck_assert_str_eq (ftl_dataset_file_get_name (file), expected[i]);
      g_autofree char *filename = g_strconcat (expected[i], ".jsonl", NULL);
      ck_assert (exists_in (user_dir, filename));
      assert_file_bytes (file, notes);
      assert_change (&changes, i + 1, position_of (repository, file), 0, 1);
    }

  /* A name taken by another case, and one that would be hidden. */
  write_file (root, "APPLE.csv", "a,b\n");
  g_autofree char *apple_path = g_build_filename (root, "APPLE.csv", NULL);
  g_autoptr(GFile) apple_source = g_file_new_for_path (apple_path);
  g_autoptr(FtlDatasetFile) apple = ftl_dataset_repository_import (repository, apple_source, &error);
  ck_assert_ptr_null (error);
  ck_assert_str_eq (ftl_dataset_file_get_name (apple), "APPLE 2");

  write_file (root, ".profile.jsonl", "{}\n");
  g_autofree char *hidden_path = g_build_filename (root, ".profile.jsonl", NULL);
  g_autoptr(GFile) hidden_source = g_file_new_for_path (hidden_path);
  g_autoptr(FtlDatasetFile) hidden = ftl_dataset_repository_import (repository, hidden_source,
                                                                    &error);
  ck_assert_ptr_null (error);
  ck_assert_str_eq (ftl_dataset_file_get_name (hidden), "profile");

  g_autofree char *missing_path = g_build_filename (root, "missing.jsonl", NULL);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  ck_assert_ptr_null (ftl_dataset_repository_import (repository, missing, &error));
  assert_error (error, FTL_DATASET_REPOSITORY_ERROR_NOT_FOUND);
  ck_assert_uint_eq (changes.n_signals, 5);
}
END_TEST

START_TEST (test_import_too_large)
{
  g_autoptr(FtlDatasetRepository) repository = ftl_dataset_repository_new (user_dir, builtin_dir);
  g_autofree char *big_path = g_build_filename (root, "big.jsonl", NULL);
  g_autoptr(GFile) big = g_file_new_for_path (big_path);
  g_autoptr(GError) error = NULL;
  Changes changes;

  /* Sparse: over the limit without writing 64 MB. */
  ck_assert (g_file_set_contents (big_path, "{}\n", -1, NULL));
  ck_assert_int_eq (truncate (big_path, FTL_DATASET_MAX_FILE_SIZE + 1), 0);

  watch (repository, &changes);
  ck_assert_ptr_null (ftl_dataset_repository_import (repository, big, &error));
  assert_error (error, FTL_DATASET_REPOSITORY_ERROR_TOO_LARGE);
  ck_assert_msg (strstr (error->message, "big.jsonl") != NULL, "%s", error->message);
  ck_assert_uint_eq (changes.n_signals, 0);
  ck_assert (!g_file_test (user_dir, G_FILE_TEST_EXISTS));
}
END_TEST

START_TEST (test_export)
{
  g_autoptr(FtlDatasetRepository) repository = ftl_dataset_repository_new (user_dir, builtin_dir);
  g_autoptr(GBytes) sample = read_in (builtin_dir, "broken-example.jsonl");
  g_autofree char *out_dir = g_build_filename (root, "out", NULL);
  g_autofree char *out_path = g_build_filename (out_dir, "exported.jsonl", NULL);
  g_autoptr(GFile) destination = g_file_new_for_path (out_path);
  g_autoptr(GError) error = NULL;

  ck_assert_int_eq (g_mkdir (out_dir, 0700), 0);
  ck_assert (ftl_dataset_repository_export (repository, find (repository, "broken-example"),
                                            destination, &error));
  ck_assert_ptr_null (error);
  g_autoptr(GBytes) exported = read_path (out_path);
  assert_bytes_eq (sample, exported);

  /* An existing destination is replaced (the file chooser asked). */
  g_autoptr(FtlDatasetFile) mine = ftl_dataset_repository_create (repository, "mine", &error);
  g_autoptr(GBytes) mine_bytes = read_path (ftl_dataset_file_get_path (mine));
  ck_assert (ftl_dataset_repository_export (repository, mine, destination, &error));
  ck_assert_ptr_null (error);
  g_autoptr(GBytes) replaced = read_path (out_path);
  assert_bytes_eq (mine_bytes, replaced);
  g_autofree char *listing = list_dir (out_dir);
  ck_assert_str_eq (listing, "exported.jsonl");
}
END_TEST

/* ---- the editor's load and save ---------------------------------------------- */

START_TEST (test_save_and_load)
{
  g_autoptr(FtlDatasetRepository) repository = ftl_dataset_repository_new (user_dir, builtin_dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(FtlDatasetFile) file = ftl_dataset_repository_create (repository, "edited", &error);
  g_autoptr(FtlDatasetFile) other = ftl_dataset_repository_create (repository, "other", &error);
  Changes changes;

  watch (repository, &changes);
  for (int i = 0; i < 20; i++)
    {
      g_autofree char *text = g_strdup_printf ("version %d\n", i);
      ck_assert (ftl_dataset_repository_save_contents (repository, file, text, -1, &error));
      ck_assert_ptr_null (error);
      g_autofree char *loaded = ftl_dataset_repository_load_contents (repository, file, &error);
      ck_assert_str_eq (loaded, text);
    }

  /* An explicit length. */
  ck_assert (ftl_dataset_repository_save_contents (repository, file, "abcdef", 3, &error));
  g_autofree char *short_text = ftl_dataset_repository_load_contents (repository, file, &error);
  ck_assert_str_eq (short_text, "abc");

  /* Atomic writes leave no temporary files behind; the list did not move. */
  g_autofree char *listing = list_dir (user_dir);
  ck_assert_str_eq (listing, "edited.jsonl|other.jsonl");
  ck_assert_uint_eq (changes.n_signals, 0);

  /* Samples are read-only, but can be read. */
  FtlDatasetFile *sample = find (repository, "a-sample");
  g_autoptr(GBytes) sample_bytes = read_in (builtin_dir, "a-sample.jsonl");
  ck_assert (!ftl_dataset_repository_save_contents (repository, sample, "x", -1, &error));
  assert_error (error, FTL_DATASET_REPOSITORY_ERROR_BUILTIN);
  g_clear_error (&error);
  assert_file_bytes (sample, sample_bytes);
  g_autofree char *sample_text = ftl_dataset_repository_load_contents (repository, sample, &error);
  ck_assert_str_eq (sample_text, "{\"a\": 1}\n");

  /* A deleted file is gone for the editor too. */
  g_autoptr(FtlDatasetRepositoryUndo) undo = ftl_dataset_repository_delete (repository, other,
                                                                            &error);
  ck_assert (!ftl_dataset_repository_save_contents (repository, other, "x", -1, &error));
  assert_error (error, FTL_DATASET_REPOSITORY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  ck_assert_ptr_null (ftl_dataset_repository_load_contents (repository, other, &error));
  assert_error (error, FTL_DATASET_REPOSITORY_ERROR_NOT_FOUND);
  ck_assert (!exists_in (user_dir, "other.jsonl"));
}
END_TEST

START_TEST (test_save_updates_modified)
{
  g_autoptr(FtlDatasetRepository) repository = ftl_dataset_repository_new (user_dir, builtin_dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(FtlDatasetFile) file = ftl_dataset_repository_create (repository, "dated", &error);
  g_autoptr(GDateTime) old_time = g_date_time_new_utc (2001, 1, 1, 0, 0, 0);
  guint n_notifies = 0;

  set_modified (ftl_dataset_file_get_path (file), old_time);
  ck_assert (ftl_dataset_repository_reload (repository, &error));
  ck_assert_int_eq (g_date_time_to_unix (ftl_dataset_file_get_modified (file)),
                    g_date_time_to_unix (old_time));

  g_signal_connect (file, "notify::modified", G_CALLBACK (count_notify), &n_notifies);
  ck_assert (ftl_dataset_repository_save_contents (repository, file, "new\n", -1, &error));
  ck_assert_uint_eq (n_notifies, 1);
  ck_assert_int_gt (g_date_time_to_unix (ftl_dataset_file_get_modified (file)),
                    g_date_time_to_unix (old_time));
}
END_TEST

START_TEST (test_too_large_save)
{
  g_autoptr(FtlDatasetRepository) repository = ftl_dataset_repository_new (user_dir, builtin_dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(FtlDatasetFile) file = ftl_dataset_repository_create (repository, "big", &error);
  g_autoptr(GBytes) before = read_path (ftl_dataset_file_get_path (file));

  /* The length is checked before anything is read from text. */
  ck_assert (!ftl_dataset_repository_save_contents (repository, file, "x",
                                                    FTL_DATASET_MAX_FILE_SIZE + 1, &error));
  assert_error (error, FTL_DATASET_REPOSITORY_ERROR_TOO_LARGE);
  assert_file_bytes (file, before);
}
END_TEST

/* ---- other names ------------------------------------------------------------- */

START_TEST (test_korean_names)
{
  add_user_files ();
  g_autoptr(FtlDatasetRepository) repository = ftl_dataset_repository_new (user_dir, builtin_dir);
  g_autoptr(GError) error = NULL;

  g_autoptr(FtlDatasetFile) file = ftl_dataset_repository_create (repository, "로지 예제", &error);
  ck_assert_ptr_null (error);
  ck_assert_str_eq (ftl_dataset_file_get_name (file), "로지 예제");
  ck_assert (exists_in (user_dir, "로지 예제.jsonl"));
  g_autofree char *names = list_names (repository);
  ck_assert_str_eq (names, "a-sample|b-sample|broken-example|aardvark|apple|Banana|Cherry|zeta|"
                           "로지 예제");

  ck_assert_ptr_null (ftl_dataset_repository_create (repository, "로지 예제.jsonl", &error));
  assert_error (error, FTL_DATASET_REPOSITORY_ERROR_EXISTS);
  ck_assert (strstr (error->message, "로지 예제") != NULL);
  g_clear_error (&error);

  ck_assert (ftl_dataset_repository_save_contents (repository, file, "안녕하세요\n", -1, &error));
  g_autofree char *text = ftl_dataset_repository_load_contents (repository, file, &error);
  ck_assert_str_eq (text, "안녕하세요\n");

  g_autoptr(FtlDatasetFile) copy = ftl_dataset_repository_duplicate (repository, file, &error);
  ck_assert_ptr_null (error);
  ck_assert_str_eq (ftl_dataset_file_get_name (copy), "로지 예제 copy");

  ck_assert (ftl_dataset_repository_rename (repository, file, "로지 예제 2", &error));
  ck_assert_ptr_null (error);
  ck_assert (exists_in (user_dir, "로지 예제 2.jsonl"));
  ck_assert (!exists_in (user_dir, "로지 예제.jsonl"));

  g_autoptr(FtlDatasetRepositoryUndo) undo = ftl_dataset_repository_delete (repository, file,
                                                                            &error);
  ck_assert_str_eq (ftl_dataset_repository_undo_get_name (undo), "로지 예제 2");
  g_autoptr(FtlDatasetFile) restored = ftl_dataset_repository_undo_delete (repository, undo,
                                                                           &error);
  ck_assert_ptr_null (error);
  ck_assert_str_eq (ftl_dataset_file_get_name (restored), "로지 예제 2");

  write_file (root, "로지.txt", "{}\n");
  g_autofree char *source_path = g_build_filename (root, "로지.txt", NULL);
  g_autoptr(GFile) source = g_file_new_for_path (source_path);
  g_autoptr(FtlDatasetFile) imported = ftl_dataset_repository_import (repository, source, &error);
  ck_assert_ptr_null (error);
  ck_assert_str_eq (ftl_dataset_file_get_name (imported), "로지");
}
END_TEST

START_TEST (test_not_found)
{
  add_user_files ();
  g_autoptr(FtlDatasetRepository) repository = ftl_dataset_repository_new (user_dir, builtin_dir);
  g_autoptr(GError) error = NULL;

  /* An object the repository does not hold. */
  g_autofree char *path = g_build_filename (user_dir, "apple.jsonl", NULL);
  g_autoptr(FtlDatasetFile) stranger = ftl_dataset_file_new (path, FALSE, NULL);
  ck_assert_ptr_null (ftl_dataset_repository_duplicate (repository, stranger, &error));
  assert_error (error, FTL_DATASET_REPOSITORY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  ck_assert (!ftl_dataset_repository_rename (repository, stranger, "pear", &error));
  assert_error (error, FTL_DATASET_REPOSITORY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A listed file removed behind the repository's back. */
  FtlDatasetFile *cherry = find (repository, "Cherry");
  ck_assert_int_eq (g_unlink (ftl_dataset_file_get_path (cherry)), 0);
  ck_assert_ptr_null (ftl_dataset_repository_load_contents (repository, cherry, &error));
  assert_error (error, FTL_DATASET_REPOSITORY_ERROR_NOT_FOUND);
  ck_assert (strstr (error->message, "Cherry") != NULL);
}
END_TEST

/* ---- main -------------------------------------------------------------------- */

static Suite *
repository_suite (void)
{
  Suite *suite = suite_create ("dataset-repository");
  TCase *tc;

  tc = tcase_create ("listing");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_sorting);
  tcase_add_test (tc, test_no_user_dir_yet);
  tcase_add_test (tc, test_reload);
  tcase_add_test (tc, test_unreadable_builtin_dir);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("create");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_create);
  tcase_add_test (tc, test_create_makes_private_dir);
  tcase_add_test (tc, test_create_template);
  tcase_add_test (tc, test_create_bad_names);
  tcase_add_test (tc, test_create_name_length);
  tcase_add_test (tc, test_create_never_overwrites);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("operations");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_duplicate);
  tcase_add_test (tc, test_duplicate_long_name);
  tcase_add_test (tc, test_rename);
  tcase_add_test (tc, test_rename_refused);
  tcase_add_test (tc, test_delete_undo);
  tcase_add_test (tc, test_undo_refused_when_name_taken);
  tcase_add_test (tc, test_delete_builtin);
  tcase_add_test (tc, test_import);
  tcase_add_test (tc, test_import_too_large);
  tcase_add_test (tc, test_export);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("editor");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_save_and_load);
  tcase_add_test (tc, test_save_updates_modified);
  tcase_add_test (tc, test_too_large_save);
  tcase_add_test (tc, test_korean_names);
  tcase_add_test (tc, test_not_found);
  suite_add_tcase (suite, tc);

  return suite;
}

int
main (void)
{
  return ftl_test_run_suite (repository_suite (), CK_FORK_GETENV);
}
