/* test-crash-safety.c — nothing is lost when the app dies in the middle of
 * a save, when the disk is full, or when its folder can't be written.
 *
 * The suite runs copies of itself as the processes it kills:
 *   save-loop KIND DIR  saves two versions of one file in turn, forever,
 *                       through the app's own code: the data repository's
 *                       save (KIND "dataset"), the job record ("record") or
 *                       a model file ("model");
 *   train DIR           runs a real fine-tune and stops dead after its second
 *                       checkpoint, as an app that hangs or is killed there.
 * A SIGKILL at a random moment ends each; the file is then one version or
 * the other, byte for byte, and the job reads as interrupted, its
 * checkpoints whole.
 */
#include <check.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "ftl-dataset-repository.h"
#include "ftl-model-file.h"
#include "ftl-test-fs.h"
#include "ftl-test-util.h"
#include "ftl-trainer.h"

#define ROUNDS 15

static char *work_dir;

/* ---- the versions a save loop writes ------------------------------------------------ */

/* JSONL as the editor saves it; the two differ in length too. */
static GBytes *
dataset_version (int v)
{
  GString *text = g_string_new (NULL);
  guint n = v == 0 ? 12000 : 20000;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text,
                            "{\"messages\": [{\"role\": \"user\", \"content\": \"Version %d, line %u\"}, "
                            "{\"role\": \"assistant\", \"content\": \"Arr, matey.\"}]}\n", v, i);
  return g_string_free_to_bytes (text);
}

/* A long run's record: thousands of steps, each an event with metrics. Ids
 * and times are fixed, so that every process makes the same bytes. */
static FtlJob *
job_version (int v)
{
  FtlJob *job = ftl_job_new ();
  guint n = v == 0 ? 2000 : 3000;

  g_free (job->id);
  job->id = g_strdup ("ftjob-crash-safety");
  job->created_at = 1764000000;
  job->status = FTL_JOB_RUNNING;
  job->model = g_strdup ("tiny-base");
  job->training_file = g_strdup ("lesson.jsonl");
  for (guint i = 1; i <= n; i++)
    {
      FtlTrainMetrics m = { .step = (int) i, .total_steps = (int) n, .epoch = 1,
                            .train_loss = 1.f / (float) i, .train_accuracy = 0.5f,
                            .valid_loss = NAN, .valid_accuracy = NAN,
                            .full_valid_loss = NAN, .full_valid_accuracy = NAN,
                            .learning_rate = 1e-3f, .grad_norm = 1.f, .update_ratio = 1e-3f };

      FtlJobEvent *event = (FtlJobEvent *) ftl_job_add_event (job, FTL_EVENT_INFO, &m,
                                                              "Step %u/%u: training loss=%.2f",
                                                              i, n, m.train_loss);

      g_array_append_val (job->metrics, m);
      g_free (event->id);
      event->id = g_strdup_printf ("ftevent-%u", i);
      event->created_at = job->created_at + i;
    }
  return job;
}

/* ---- the processes that get killed ---------------------------------------------------- */

static void
say (const char *line)
{
  printf ("%s\n", line);
  fflush (stdout);
}

static char *
expected_path (const char *dir,
               int         v)
{
  g_autofree char *name = g_strdup_printf ("expected-%d", v);

  return g_build_filename (dir, name, NULL);
}

static int
save_loop_dataset (const char *dir)
{
  g_autofree char *user_dir = g_build_filename (dir, "datasets", NULL);
  g_autoptr(FtlDatasetRepository) repository = ftl_dataset_repository_new (user_dir, NULL);
  GListModel *files = ftl_dataset_repository_get_files (repository);
  g_autoptr(FtlDatasetFile) file = NULL;
  GBytes *versions[2] = { dataset_version (0), dataset_version (1) };
  g_autoptr(GError) error = NULL;

  for (int v = 0; v < 2; v++)
    {
      g_autofree char *path = expected_path (dir, v);

      g_assert (g_file_set_contents (path, g_bytes_get_data (versions[v], NULL),
                                     (gssize) g_bytes_get_size (versions[v]), NULL));
    }
  if (g_list_model_get_n_items (files) == 0)
    {
      file = ftl_dataset_repository_create (repository, "lesson", &error);
      if (file == NULL ||
          !ftl_dataset_repository_save_contents (repository, file, g_bytes_get_data (versions[0], NULL),
                                                 (gssize) g_bytes_get_size (versions[0]), &error))
        return 3;
    }
  else
    file = g_list_model_get_item (files, 0);

  say ("ready");
  for (guint i = 1; ; i++)
    if (!ftl_dataset_repository_save_contents (repository, file, g_bytes_get_data (versions[i % 2], NULL),
                                               (gssize) g_bytes_get_size (versions[i % 2]), &error))
      {
        g_printerr ("%s\n", error->message);
        return 3;
      }
}

static int
save_loop_record (const char *dir)
{
  g_autofree char *target = g_build_filename (dir, "model.job.json", NULL);
  FtlJob *versions[2] = { job_version (0), job_version (1) };
  g_autoptr(GError) error = NULL;

  for (int v = 0; v < 2; v++)
    {
      g_autofree char *path = expected_path (dir, v);

      g_assert (ftl_job_save (versions[v], path, NULL));
    }
  if (!g_file_test (target, G_FILE_TEST_EXISTS) && !ftl_job_save (versions[0], target, NULL))
    return 3;

  say ("ready");
  for (guint i = 1; ; i++)
    if (!ftl_job_save (versions[i % 2], target, &error))
      {
        g_printerr ("%s\n", error->message);
        return 3;
      }
}

static int
save_loop_model (const char *dir)
{
  g_autofree char *target = g_build_filename (dir, "model.gguf", NULL);
  g_autofree char *jsonl = ftl_test_pirate_jsonl ();
  g_autoptr(FtlTokenizer) tokenizer = ftl_test_tokenizer (jsonl);
  FtlModel *models[2] = { ftl_test_tiny_model (tokenizer, 96, 1), ftl_test_tiny_model (tokenizer, 96, 2) };
  /* F32, then F16: two sizes. */
  const FtlGgmlType types[2] = { FTL_GGML_TYPE_F32, FTL_GGML_TYPE_F16 };
  FtlModelFileInfo info = { .name = (char *) "tiny-base", .learning_rate = 3e-3f };
  g_autoptr(GError) error = NULL;

  for (int v = 0; v < 2; v++)
    {
      g_autofree char *path = expected_path (dir, v);

      g_assert (ftl_model_file_save (path, models[v], tokenizer, &info, types[v], NULL));
    }
  if (!g_file_test (target, G_FILE_TEST_EXISTS) &&
      !ftl_model_file_save (target, models[0], tokenizer, &info, types[0], NULL))
    return 3;

  say ("ready");
  for (guint i = 1; ; i++)
    if (!ftl_model_file_save (target, models[i % 2], tokenizer, &info, types[i % 2], &error))
      {
        g_printerr ("%s\n", error->message);
        return 3;
      }
}

static void
hang_after_two_checkpoints (const FtlJob      *job,
                            const FtlJobEvent *event,
                            gpointer           user_data)
{
  if (job->checkpoints->len < 2)
    return;
  say ("checkpoints 2");
  /* The app stops here, its job half done; only SIGKILL ends this. */
  for (;;)
    g_usleep (G_USEC_PER_SEC);
}

/* A fine-tune of the pirate file into dir/model.gguf, as the app starts one:
 * n_epochs of batches of four; callback (NULL: none) gets every event. */
static FtlJob *
fine_tune_into (const char      *dir,
                int              n_epochs,
                FtlJobEventFunc  callback)
{
  FtlTestFineTune f;
  FtlHyperparams hp;
  FtlJob *job;

  ftl_test_fine_tune_init (&f, NULL, "pirate.jsonl", dir, "model");
  FtlFineTuneSetup setup = ftl_test_fine_tune_setup (&f, 1e-3f);
  ftl_hyperparams_init (&hp);
  hp.n_epochs = n_epochs;
  hp.batch_size = 4;
  hp.seed = 1;
  job = ftl_fine_tune_run (&setup, &hp, NULL, callback, NULL);
  ftl_test_fine_tune_clear (&f);
  return job;
}

static int
train_until_killed (const char *dir)
{
  g_autoptr(FtlJob) job = fine_tune_into (dir, 10, hang_after_two_checkpoints);

  /* Ending is a failure: the test waits for the kill. */
  g_printerr ("the job ended: %s\n", ftl_job_status_to_string (job->status));
  return 3;
}

/* ---- the killer ------------------------------------------------------------------------ */

typedef struct
{
  GPid pid;
  int  out;
} Child;

static Child
spawn_self (const char *const *args)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  Child child = { 0 };

  ck_assert_ptr_nonnull (self);
  g_ptr_array_add (argv, self);
  for (gsize i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  ck_assert_msg (g_spawn_async_with_pipes (NULL, (char **) argv->pdata, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &child.pid, NULL, &child.out, NULL, &error),
                 "%s", error != NULL ? error->message : "");
  return child;
}

/* The child's next line; "" when it ended without one. */
static char *
read_line (const Child *child)
{
  GString *line = g_string_new (NULL);
  char c;

  while (read (child->out, &c, 1) == 1 && c != '\n')
    g_string_append_c (line, c);
  return g_string_free (line, FALSE);
}

/* SIGKILL, and proof that nothing else ended it first. */
static void
kill_child (Child *child)
{
  int status = 0;

  ck_assert_int_eq (kill (child->pid, SIGKILL), 0);
  ck_assert_int_eq (waitpid (child->pid, &status, 0), child->pid);
  ck_assert_msg (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL,
                 "the child ended by itself (status %d)", status);
  g_spawn_close_pid (child->pid);
  close (child->out);
}

/* Files in dir named target.* other than those listed: temporary files a
 * kill left behind. */
static guint
count_leftovers (const char *dir,
                 const char *target)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autofree char *prefix = g_strconcat (target, ".", NULL);
  const char *name;
  guint n = 0;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    n += g_str_has_prefix (name, prefix);
  return n;
}

static gboolean
file_equals (const char *path,
             const char *contents,
             gsize       length)
{
  g_autofree char *other = NULL;
  gsize other_length;

  return g_file_get_contents (path, &other, &other_length, NULL) &&
         other_length == length && memcmp (contents, other, length) == 0;
}

/* Kills a save loop of kind ROUNDS times: every other time at a random
 * moment, else as soon as a save's temporary file shows (in the middle of a
 * write, where it would hurt); each time the file is one of the two
 * versions, whole. */
static void
kill_while_saving (const char *kind,
                   const char *subdir,
                   const char *target)
{
  g_autofree char *dir = g_build_filename (work_dir, kind, NULL);
  g_autofree char *target_dir = g_build_filename (dir, subdir, NULL);
  g_autofree char *target_path = g_build_filename (target_dir, target, NULL);
  char *expected[2] = { expected_path (dir, 0), expected_path (dir, 1) };
  const char *const args[] = { "save-loop", kind, dir, NULL };
  /* Fixed, so a failure can be replayed. */
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  guint seen[2] = { 0, 0 };
  guint leftovers = 0, mid_write = 0;

  ck_assert_int_eq (g_mkdir_with_parents (dir, 0700), 0);
  for (int round = 0; round < ROUNDS; round++)
    {
      Child child = spawn_self (args);
      g_autofree char *line = read_line (&child);
      g_autofree char *contents = NULL;
      gsize length = 0;
      gboolean matched = FALSE;

      ck_assert_msg (g_str_equal (line, "ready"), "%s round %d: the save loop said \"%s\"", kind, round, line);
      if (round % 2 == 0)
        g_usleep (g_rand_int_range (rand, 0, 150000));
      else
        {
          gint64 end = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;

          while (count_leftovers (target_dir, target) == leftovers && g_get_monotonic_time () < end)
            g_usleep (100);
        }
      kill_child (&child);

      ck_assert_msg (g_file_get_contents (target_path, &contents, &length, NULL),
                     "%s round %d: %s is gone", kind, round, target);
      for (int v = 0; v < 2; v++)
        if (file_equals (expected[v], contents, length))
          {
            seen[v]++;
            matched = TRUE;
          }
      ck_assert_msg (matched, "%s round %d: %s is neither version (%" G_GSIZE_FORMAT " bytes)",
                     kind, round, target, length);

      guint now = count_leftovers (target_dir, target);
      mid_write += now > leftovers;
      leftovers = now;
    }
  ck_assert_msg (mid_write > 0, "%s: no kill landed in the middle of a save", kind);
  g_print ("%s: %u kills, version 1 left %u times, version 2 %u times, %u in the middle of a save\n",
           kind, ROUNDS, seen[0], seen[1], mid_write);
  g_free (expected[0]);
  g_free (expected[1]);
}

START_TEST (test_kill_while_saving_dataset)
{
  kill_while_saving ("dataset", "datasets", "lesson.jsonl");

  /* The app's list shows the file, not what the kills left behind. */
  g_autofree char *user_dir = g_build_filename (work_dir, "dataset", "datasets", NULL);
  g_autoptr(FtlDatasetRepository) repository = ftl_dataset_repository_new (user_dir, NULL);
  GListModel *files = ftl_dataset_repository_get_files (repository);
  ck_assert_uint_eq (g_list_model_get_n_items (files), 1);
  g_autoptr(FtlDatasetFile) file = g_list_model_get_item (files, 0);
  ck_assert_str_eq (ftl_dataset_file_get_name (file), "lesson");
}
END_TEST

START_TEST (test_kill_while_saving_record)
{
  kill_while_saving ("record", ".", "model.job.json");

  g_autofree char *path = g_build_filename (work_dir, "record", "model.job.json", NULL);
  g_autoptr(FtlJob) job = ftl_job_load (path, NULL);
  ck_assert_ptr_nonnull (job);
  ck_assert (job->metrics->len == 2000 || job->metrics->len == 3000);
}
END_TEST

START_TEST (test_kill_while_saving_model)
{
  kill_while_saving ("model", ".", "model.gguf");

  g_autofree char *path = g_build_filename (work_dir, "model", "model.gguf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(FtlModel) model = ftl_model_file_load (path, NULL, NULL, &error);
  ck_assert_msg (model != NULL, "%s", error != NULL ? error->message : "");
}
END_TEST

/* Names GLib's saves of a job's files leave when the process dies half-way
 * (STEM.WHAT.XXXXXX), and names that only look alike. */
static const char *const leftovers[] = {
  "model.gguf.Ab12Cd", "model.job.json.QwErTy", "model.ckpt-step-3.gguf.x9Y8z7",
};
static const char *const lookalikes[] = {
  "model.gguf.backup1", "model.gguf.ab-12c", "other.gguf.Ab12Cd",
  "model.ckpt-step-x.gguf.Ab12Cd", "model.txt.Ab12Cd", "model.gguf",
};

static void
plant_files (const char         *dir,
             const char * const *names,
             gsize               n_names)
{
  for (gsize i = 0; i < n_names; i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);

      ck_assert (g_file_set_contents (path, "half a file", -1, NULL));
    }
}

static guint
count_existing (const char         *dir,
                const char * const *names,
                gsize               n_names)
{
  guint n = 0;

  for (gsize i = 0; i < n_names; i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);

      n += g_file_test (path, G_FILE_TEST_EXISTS);
    }
  return n;
}

/* A job whose process dies: the record it left says "running", but no one
 * claims it any more, so it reads as interrupted, with the checkpoints it
 * finished, each a whole model. */
START_TEST (test_killed_job_reads_as_interrupted)
{
  g_autofree char *dir = g_build_filename (work_dir, "train", NULL);
  g_autofree char *record_path = g_build_filename (dir, "model.job.json", NULL);
  g_autofree char *lock_path = g_strconcat (record_path, ".lock", NULL);
  const char *const args[] = { "train", dir, NULL };
  g_autoptr(GError) error = NULL;

  ck_assert_int_eq (g_mkdir_with_parents (dir, 0700), 0);
  Child child = spawn_self (args);
  g_autofree char *line = read_line (&child);
  ck_assert_str_eq (line, "checkpoints 2");

  /* Alive, it is running, and no one else may take its record, nor the
   * files beside it. */
  ck_assert (ftl_job_is_claimed (record_path));
  plant_files (dir, leftovers, G_N_ELEMENTS (leftovers));
  plant_files (dir, lookalikes, G_N_ELEMENTS (lookalikes));
  ck_assert_uint_eq (ftl_job_remove_leftovers (record_path), 0);
  ck_assert_uint_eq (count_existing (dir, leftovers, G_N_ELEMENTS (leftovers)),
                     G_N_ELEMENTS (leftovers));
  g_autoptr(FtlJob) alive = ftl_job_load_settled (record_path, &error);
  ck_assert_msg (alive != NULL, "%s", error != NULL ? error->message : "");
  ck_assert_int_eq (alive->status, FTL_JOB_RUNNING);
  ck_assert_uint_eq (alive->checkpoints->len, 2);
  FtlJobClaim *taken = ftl_job_claim (record_path, &error);
  ck_assert_ptr_null (taken);
  ck_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BUSY));
  g_clear_error (&error);

  kill_child (&child);

  ck_assert (!ftl_job_is_claimed (record_path));
  /* The file is as the process left it… */
  g_autoptr(FtlJob) raw = ftl_job_load (record_path, NULL);
  ck_assert_int_eq (raw->status, FTL_JOB_RUNNING);
  /* …and read as what happened. */
  g_autoptr(FtlJob) job = ftl_job_load_settled (record_path, NULL);
  ck_assert_ptr_nonnull (job);
  ck_assert_int_eq (job->status, FTL_JOB_FAILED);
  ck_assert_str_eq (job->error_code, FTL_JOB_ERROR_INTERRUPTED);
  ck_assert_ptr_nonnull (strstr (job->error_message, "Interrupted"));
  GStatBuf st;
  ck_assert_int_eq (g_stat (record_path, &st), 0);
  ck_assert_int_eq (job->finished_at, st.st_mtime);
  const FtlJobEvent *last = g_ptr_array_index (job->events, job->events->len - 1);
  ck_assert_int_eq (last->level, FTL_EVENT_ERROR);
  ck_assert_str_eq (last->message, job->error_message);
  ck_assert_uint_eq (job->checkpoints->len, 2);
  for (guint i = 0; i < job->checkpoints->len; i++)
    {
      const FtlJobCheckpoint *c = g_ptr_array_index (job->checkpoints, i);
      g_autoptr(FtlModel) model = ftl_model_file_load (c->path, NULL, NULL, &error);

      ck_assert_msg (model != NULL, "checkpoint %s: %s", c->path, error != NULL ? error->message : "");
    }
  /* What its saves left half-way goes, and only that. */
  ck_assert_uint_eq (ftl_job_remove_leftovers (record_path), G_N_ELEMENTS (leftovers));
  ck_assert_uint_eq (count_existing (dir, leftovers, G_N_ELEMENTS (leftovers)), 0);
  ck_assert_uint_eq (count_existing (dir, lookalikes, G_N_ELEMENTS (lookalikes)),
                     G_N_ELEMENTS (lookalikes));
  ck_assert (g_file_test (record_path, G_FILE_TEST_IS_REGULAR));
  for (guint i = 0; i < job->checkpoints->len; i++)
    {
      const FtlJobCheckpoint *c = g_ptr_array_index (job->checkpoints, i);

      ck_assert (g_file_test (c->path, G_FILE_TEST_IS_REGULAR));
    }

  /* Saved with the second checkpoint: every step up to it. */
  const FtlJobCheckpoint *second = g_ptr_array_index (job->checkpoints, 1);
  ck_assert_uint_eq (job->metrics->len, (guint) second->step);

  /* The dead process's lock binds no one. */
  FtlJobClaim *claim = ftl_job_claim (record_path, &error);
  ck_assert_msg (claim != NULL, "%s", error != NULL ? error->message : "");
  ftl_job_claim_release (claim);
  ck_assert (!g_file_test (lock_path, G_FILE_TEST_EXISTS));
}
END_TEST

/* ---- full disks and read-only folders ------------------------------------------------- */

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* The names in dir, sorted, joined with spaces. */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static char *
read_text (const char *path)
{
  char *text = NULL;

  ck_assert_msg (g_file_get_contents (path, &text, NULL, NULL), "%s can't be read", path);
  return text;
}

/* Files of at most 64 KiB: every save of something bigger fails half-way,
 * as on a full disk, and leaves what was there. */
START_TEST (test_full_disk_keeps_old_files)
{
  g_autofree char *user_dir = g_build_filename (work_dir, "datasets", NULL);
  g_autofree char *big_source = g_build_filename (work_dir, "big.jsonl", NULL);
  g_autofree char *record_path = g_build_filename (work_dir, "old.job.json", NULL);
  g_autofree char *model_path = g_build_filename (work_dir, "old.gguf", NULL);
  g_autofree char *run_dir = g_build_filename (work_dir, "run", NULL);
  g_autoptr(FtlDatasetRepository) repository = ftl_dataset_repository_new (user_dir, NULL);
  g_autoptr(GBytes) big = dataset_version (0);
  g_autoptr(GError) error = NULL;

  /* Before the disk fills: a file with the student's text, a small job
   * record, a model file and a large file to import. */
  g_autoptr(FtlDatasetFile) notes = ftl_dataset_repository_create (repository, "notes", &error);
  ck_assert_ptr_nonnull (notes);
  ck_assert (ftl_dataset_repository_save_contents (repository, notes, "old text\n", -1, NULL));
  g_autoptr(FtlJob) small_job = ftl_job_new ();
  ck_assert (ftl_job_save (small_job, record_path, NULL));
  g_autofree char *old_record = read_text (record_path);
  g_autofree char *jsonl = ftl_test_pirate_jsonl ();
  ck_assert (ftl_test_write_tiny_base_model (model_path, jsonl, 64, NULL));
  g_autofree char *old_model = NULL;
  gsize old_model_length;
  ck_assert (g_file_get_contents (model_path, &old_model, &old_model_length, NULL));
  ck_assert (g_file_set_contents (big_source, g_bytes_get_data (big, NULL), (gssize) g_bytes_get_size (big), NULL));
  ck_assert_int_eq (g_mkdir (run_dir, 0700), 0);
  g_autofree char *before = list_dir (user_dir);

  ftl_test_limit_file_size (64 * 1024);

  /* The editor's save: a clear error naming the file; the old text stays. */
  ck_assert (!ftl_dataset_repository_save_contents (repository, notes, g_bytes_get_data (big, NULL),
                                                    (gssize) g_bytes_get_size (big), &error));
  ck_assert (g_error_matches (error, FTL_DATASET_REPOSITORY_ERROR, FTL_DATASET_REPOSITORY_ERROR_IO));
  ck_assert_msg (strstr (error->message, "“notes”") != NULL && strstr (error->message, g_strerror (EFBIG)) != NULL,
                 "%s", error->message);
  g_clear_error (&error);
  g_autofree char *kept = read_text (ftl_dataset_file_get_path (notes));
  ck_assert_msg (g_str_equal (kept, "old text\n"), "the old text is gone: %" G_GSIZE_FORMAT " bytes now",
                 strlen (kept));

  /* An import that doesn't fit leaves no half file behind. */
  g_autoptr(GFile) source = g_file_new_for_path (big_source);
  g_autoptr(FtlDatasetFile) imported = ftl_dataset_repository_import (repository, source, &error);
  ck_assert_ptr_null (imported);
  ck_assert_ptr_nonnull (error);
  g_clear_error (&error);
  ck_assert_uint_eq (g_list_model_get_n_items (ftl_dataset_repository_get_files (repository)), 1);
  g_autofree char *after = list_dir (user_dir);
  ck_assert_str_eq (after, before);

  /* The engine's writers: the old record and the old model stay whole. */
  g_autoptr(FtlJob) big_job = job_version (0);
  ck_assert (!ftl_job_save (big_job, record_path, &error));
  g_clear_error (&error);
  g_autofree char *record_now = read_text (record_path);
  ck_assert_msg (g_str_equal (record_now, old_record), "the old record is gone");
  ck_assert (!ftl_test_write_tiny_base_model (model_path, jsonl, 96, &error));
  g_clear_error (&error);
  ck_assert (file_equals (model_path, old_model, old_model_length));
  g_autofree char *work_listing = list_dir (work_dir);
  ck_assert_str_eq (work_listing, "big.jsonl datasets old.gguf old.job.json run");

  /* A fine-tune whose first checkpoint doesn't fit fails and says why; its
   * record (small) is saved, no partial model is. */
  g_autoptr(FtlJob) job = fine_tune_into (run_dir, 2, NULL);
  ck_assert_int_eq (job->status, FTL_JOB_FAILED);
  ck_assert_str_eq (job->error_code, "checkpoint_failed");
  ck_assert_msg (strstr (job->error_message, g_strerror (EFBIG)) != NULL, "%s", job->error_message);
  ck_assert_uint_eq (job->checkpoints->len, 0);
  g_autofree char *run_listing = list_dir (run_dir);
  ck_assert_str_eq (run_listing, "model.job.json");
  g_autofree char *run_record = g_build_filename (run_dir, "model.job.json", NULL);
  g_autoptr(FtlJob) saved = ftl_job_load_settled (run_record, NULL);
  ck_assert_int_eq (saved->status, FTL_JOB_FAILED);
  ck_assert_str_eq (saved->error_code, "checkpoint_failed");

  ftl_test_limit_file_size (G_MAXUINT64);
}
END_TEST

/* A folder that can't be written (also as root: the test gives up root's
 * right to ignore modes): clear errors, nothing changed, and a fine-tune
 * refuses before it trains rather than after an epoch. */
START_TEST (test_read_only_folder)
{
  g_autofree char *user_dir = g_build_filename (work_dir, "datasets", NULL);
  g_autofree char *run_dir = g_build_filename (work_dir, "run", NULL);
  g_autoptr(FtlDatasetRepository) repository = ftl_dataset_repository_new (user_dir, NULL);
  g_autoptr(GError) error = NULL;

  g_autoptr(FtlDatasetFile) notes = ftl_dataset_repository_create (repository, "notes", &error);
  ck_assert_ptr_nonnull (notes);
  ck_assert (ftl_dataset_repository_save_contents (repository, notes, "old text\n", -1, NULL));
  ck_assert_int_eq (g_mkdir (run_dir, 0700), 0);

  ck_assert_msg (ftl_test_drop_file_capabilities (), "could not drop CAP_DAC_OVERRIDE");
  ck_assert_int_eq (g_chmod (user_dir, 0555), 0);
  ck_assert_int_eq (g_chmod (run_dir, 0555), 0);

  ck_assert (!ftl_dataset_repository_save_contents (repository, notes, "new text\n", -1, &error));
  ck_assert (g_error_matches (error, FTL_DATASET_REPOSITORY_ERROR, FTL_DATASET_REPOSITORY_ERROR_IO));
  ck_assert_msg (strstr (error->message, "“notes”") != NULL && strstr (error->message, g_strerror (EACCES)) != NULL,
                 "%s", error->message);
  g_clear_error (&error);
  g_autofree char *kept = read_text (ftl_dataset_file_get_path (notes));
  ck_assert_msg (g_str_equal (kept, "old text\n"), "the old text is gone: %" G_GSIZE_FORMAT " bytes now",
                 strlen (kept));

  g_autoptr(FtlDatasetFile) other = ftl_dataset_repository_create (repository, "other", &error);
  ck_assert_ptr_null (other);
  ck_assert_ptr_nonnull (error);
  g_clear_error (&error);
  g_autofree char *listing = list_dir (user_dir);
  ck_assert_str_eq (listing, "notes.jsonl");

  g_autoptr(FtlJob) job = fine_tune_into (run_dir, 2, NULL);
  ck_assert_int_eq (job->status, FTL_JOB_FAILED);
  ck_assert_str_eq (job->error_code, "output_not_writable");
  ck_assert_msg (strstr (job->error_message, g_strerror (EACCES)) != NULL, "%s", job->error_message);
  ck_assert_uint_eq (job->metrics->len, 0);
  g_autofree char *run_listing = list_dir (run_dir);
  ck_assert_str_eq (run_listing, "");

  /* For the teardown. */
  ck_assert_int_eq (g_chmod (user_dir, 0700), 0);
  ck_assert_int_eq (g_chmod (run_dir, 0700), 0);
}
END_TEST

/* ---- the suite ------------------------------------------------------------------------ */

static void
setup (void)
{
  work_dir = g_dir_make_tmp ("test-crash-safety-XXXXXX", NULL);
  ck_assert_ptr_nonnull (work_dir);
}

static void
teardown (void)
{
  ftl_test_remove_tree (work_dir);
  g_clear_pointer (&work_dir, g_free);
}

static Suite *
crash_safety_suite (void)
{
  Suite *suite = suite_create ("crash-safety");
  TCase *kills = tcase_create ("kills");
  TCase *failures = tcase_create ("failing disks");

  tcase_add_checked_fixture (kills, setup, teardown);
  tcase_set_timeout (kills, 120);
  tcase_add_test (kills, test_kill_while_saving_dataset);
  tcase_add_test (kills, test_kill_while_saving_record);
  tcase_add_test (kills, test_kill_while_saving_model);
  tcase_add_test (kills, test_killed_job_reads_as_interrupted);
  suite_add_tcase (suite, kills);

  tcase_add_checked_fixture (failures, setup, teardown);
  tcase_set_timeout (failures, 120);
  tcase_add_test (failures, test_full_disk_keeps_old_files);
  tcase_add_test (failures, test_read_only_folder);
  suite_add_tcase (suite, failures);
  return suite;
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 4 && g_str_equal (argv[1], "save-loop"))
    {
      if (g_str_equal (argv[2], "dataset"))
        return save_loop_dataset (argv[3]);
      if (g_str_equal (argv[2], "record"))
        return save_loop_record (argv[3]);
      if (g_str_equal (argv[2], "model"))
        return save_loop_model (argv[3]);
      return 2;
    }
  if (argc == 3 && g_str_equal (argv[1], "train"))
    return train_until_killed (argv[2]);

  return ftl_test_run_suite (crash_safety_suite (), CK_FORK_GETENV);
}
