/* test-export-llama-cpp.c — a model exported with `finetune-lab-cli export`
 * runs in llama.cpp, an independent implementation, with the same greedy
 * output as our engine.
 *
 * llama.cpp comes from the npm package node-llama-cpp (pinned, with its
 * prebuilt binaries, in tests/llama-cpp/package-lock.json; `npm ci` there
 * installs it, as tools/build.sh does). Without it the suite reports SKIP
 * (exit 77), never a pass.
 *
 * For each model — the built-in base model exported as F32 and as F16, and a
 * model fine-tuned here — tests/llama-cpp/run-llama-cpp.mjs renders each
 * conversation with the chat template stored in the file, tokenizes it and
 * decodes greedily in llama.cpp. Then, exactly:
 *   - our ChatML rendering gives the same prompt token ids,
 *   - our engine's greedy decoding of the file gives the same token ids,
 *   - `finetune-lab-cli generate --temperature 0` prints the same text.
 * Texts that stress the pre-tokenizer (digits, contractions, spaces, non-Latin
 * scripts, special tokens) tokenize to the same ids too.
 *
 * argv: the CLI binary, tests/llama-cpp, data/datasets. */
#include <check.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "ftl-chat.h"
#include "ftl-data.h"
#include "ftl-generate.h"
#include "ftl-model-file.h"
#include "ftl-test-util.h"

#define MAX_TOKENS 32
#define SKIP 77

static const char *cli_path;
static const char *llama_dir;
static const char *datasets_dir;
static char *node_path;
static char *work_dir;

static void
run_cli_ok (const char * const *args)
{
  FtlTestResult r = ftl_test_run_cli (cli_path, args, NULL, NULL);

  ck_assert_msg (r.status == 0, "finetune-lab-cli %s: %s", args[0], r.err);
  ftl_test_result_clear (&r);
}

/* ---- the conversations ----------------------------------------------------------------- */

typedef struct
{
  const char *system;  /* or NULL */
  char       *user;
} Conversation;

/* One conversation per prompt of data/datasets/NAME.prompts.txt. */
static GArray *
load_conversations (const char *name,
                    const char *system)
{
  g_autofree char *file = g_strdup_printf ("%s.prompts.txt", name);
  g_autofree char *path = g_build_filename (datasets_dir, file, NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GArray *conversations = g_array_new (FALSE, FALSE, sizeof (Conversation));

  ck_assert_msg (g_file_get_contents (path, &text, NULL, NULL), "cannot read %s", path);
  lines = g_strsplit (text, "\n", -1);
  for (int i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      g_array_append_val (conversations, ((Conversation) { system, g_strdup (lines[i]) }));
  ck_assert_uint_gt (conversations->len, 0);
  return conversations;
}

static void
free_conversations (GArray *conversations)
{
  for (guint i = 0; i < conversations->len; i++)
    g_free (g_array_index (conversations, Conversation, i).user);
  g_array_unref (conversations);
}

static int
messages_of (const Conversation *c,
             FtlChatMessage      messages[2])
{
  int n = 0;

  if (c->system != NULL)
    messages[n++] = (FtlChatMessage) { FTL_ROLE_SYSTEM, c->system, 0.f };
  messages[n++] = (FtlChatMessage) { FTL_ROLE_USER, c->user, 0.f };
  return n;
}

/* ---- llama.cpp -------------------------------------------------------------------------- */

/* Runs model_path in llama.cpp on the conversations and texts; returns its report. */
static JsonNode *
run_llama_cpp (const char   *model_path,
               GArray       *conversations,
               const char  **texts,
               int           n_texts)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) request = NULL;
  g_autofree char *request_text = NULL;
  g_autofree char *request_path = g_build_filename (work_dir, "request.json", NULL);
  g_autofree char *script = g_build_filename (llama_dir, "run-llama-cpp.mjs", NULL);
  g_autoptr(GError) error = NULL;
  JsonNode *report;
  FtlTestResult r;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "max_tokens");
  json_builder_add_int_value (b, MAX_TOKENS);
  json_builder_set_member_name (b, "conversations");
  json_builder_begin_array (b);
  for (guint i = 0; conversations != NULL && i < conversations->len; i++)
    {
      FtlChatMessage messages[2];
      int n = messages_of (&g_array_index (conversations, Conversation, i), messages);

      json_builder_begin_array (b);
      for (int m = 0; m < n; m++)
        {
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "role");
          json_builder_add_string_value (b, ftl_role_to_string (messages[m].role));
          json_builder_set_member_name (b, "content");
          json_builder_add_string_value (b, messages[m].content);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "texts");
  json_builder_begin_array (b);
  for (int i = 0; i < n_texts; i++)
    json_builder_add_string_value (b, texts[i]);
  json_builder_end_array (b);
  json_builder_end_object (b);
  request = json_builder_get_root (b);
  request_text = json_to_string (request, FALSE);
  ck_assert (g_file_set_contents (request_path, request_text, -1, NULL));

  r = ftl_test_run ((const char *[]) { node_path, script, model_path, request_path, NULL }, NULL, NULL);
  ck_assert_msg (r.status == 0, "run-llama-cpp.mjs failed (%d): %s", r.status, r.err);
  report = json_from_string (r.out, &error);
  ck_assert_msg (report != NULL, "run-llama-cpp.mjs printed no JSON: %s", error != NULL ? error->message : r.out);
  ftl_test_result_clear (&r);
  return report;
}

static GArray *
ids_of (JsonArray *array)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      int id = (int) json_array_get_int_element (array, i);

      g_array_append_val (ids, id);
    }
  return ids;
}

static char *
format_ids (const GArray *ids)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (s, i == 0 ? "%d" : " %d", g_array_index (ids, int, i));
  return g_string_free (s, FALSE);
}

/* The first position where a and b differ, or -1. */
static int
first_difference (const GArray *a,
                  const GArray *b)
{
  for (guint i = 0; i < MAX (a->len, b->len); i++)
    if (i >= a->len || i >= b->len || g_array_index (a, int, i) != g_array_index (b, int, i))
      return (int) i;
  return -1;
}

static void
assert_same_ids (const char   *what,
                 const char   *context,
                 const GArray *ours,
                 const GArray *theirs)
{
  g_autofree char *ours_text = format_ids (ours);
  g_autofree char *theirs_text = format_ids (theirs);
  int at = first_difference (ours, theirs);

  ck_assert_msg (at < 0, "%s of “%s” differ from token %d on:\n  ours:      %s\n  llama.cpp: %s",
                 what, context, at, ours_text, theirs_text);
}

/* Compares model_path in llama.cpp against our engine and the CLI on the
 * conversations. */
static void
compare_with_llama_cpp (const char *model_path,
                        GArray     *conversations)
{
  g_autoptr(JsonNode) report = run_llama_cpp (model_path, conversations, NULL, 0);
  JsonArray *results = json_object_get_array_member (json_node_get_object (report), "conversations");
  g_autoptr(FtlTokenizer) tokenizer = NULL;
  g_autoptr(FtlModel) model = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *max_tokens = g_strdup_printf ("%d", MAX_TOKENS);
  FtlSamplingParams params;
  guint n_compared = 0;

  model = ftl_model_file_load (model_path, &tokenizer, NULL, &error);
  ck_assert_msg (model != NULL, "%s", error != NULL ? error->message : "");
  ck_assert_uint_eq (json_array_get_length (results), conversations->len);
  ftl_sampling_params_init (&params);
  params.temperature = 0.f;
  params.max_tokens = MAX_TOKENS;

  for (guint i = 0; i < conversations->len; i++)
    {
      const Conversation *c = &g_array_index (conversations, Conversation, i);
      JsonObject *result = json_array_get_object_element (results, i);
      const char *prompt = json_object_get_string_member (result, "prompt");
      const char *text = json_object_get_string_member (result, "text");
      g_autoptr(GArray) their_prompt = ids_of (json_object_get_array_member (result, "prompt_tokens"));
      g_autoptr(GArray) theirs = ids_of (json_object_get_array_member (result, "tokens"));
      g_autoptr(GArray) our_prompt = g_array_new (FALSE, FALSE, sizeof (int));
      g_autoptr(GArray) ours = NULL;
      g_autofree char *our_text = NULL;
      g_autofree char *expected_output = NULL;
      FtlChatMessage messages[2];
      int n = messages_of (c, messages);
      int stops[] = {
        ftl_tokenizer_get_special (tokenizer, FTL_SPECIAL_IM_END),
        ftl_tokenizer_get_special (tokenizer, FTL_SPECIAL_ENDOFTEXT),
      };
      gsize length;
      FtlTestResult r;

      /* The template in the file, rendered by another implementation, and
       * llama.cpp's tokenizer give what our renderer gives. */
      ftl_chat_render (tokenizer, messages, n, TRUE, our_prompt, NULL);
      assert_same_ids ("The prompt tokens", c->user, our_prompt, their_prompt);

      ours = ftl_generate (model, (const int *) our_prompt->data, our_prompt->len, stops, G_N_ELEMENTS (stops),
                           &params, NULL, NULL, NULL, &error);
      ck_assert_msg (ours != NULL, "%s", error != NULL ? error->message : "");
      assert_same_ids ("The greedy replies", c->user, ours, theirs);
      n_compared += ours->len;

      /* The CLI as a student runs it, on the prompt text llama.cpp was given.
       * JavaScript strings hold no broken UTF-8, so a reply cut inside a
       * character is compared as our bytes instead. */
      our_text = ftl_tokenizer_decode (tokenizer, (const int *) ours->data, ours->len, &length);
      expected_output = g_strdup_printf ("%s\n", g_utf8_validate (our_text, length, NULL) ? text : our_text);
      if (g_utf8_validate (our_text, length, NULL))
        ck_assert_str_eq (our_text, text);
      r = ftl_test_run_cli (cli_path, (const char *[]) { "generate", "--model", model_path, "--temperature", "0",
                                                         "--max-tokens", max_tokens, prompt, NULL },
                            NULL, NULL);
      ck_assert_msg (r.status == 0, "generate: %s", r.err);
      ck_assert_str_eq (r.out, expected_output);
      ftl_test_result_clear (&r);
    }

  /* Replies that all end at once would compare nothing. */
  ck_assert_uint_gt (n_compared, conversations->len);
  g_print ("%s in llama.cpp %s (node %s): %u conversations, %u generated tokens compared, all identical\n",
           model_path, json_object_get_string_member (json_node_get_object (report), "llama_cpp"),
           json_object_get_string_member (json_node_get_object (report), "node"),
           conversations->len, n_compared);
}

/* ---- the tests -------------------------------------------------------------------------- */

static void
setup (void)
{
  g_autoptr(GError) error = NULL;

  work_dir = g_dir_make_tmp ("ftl-export-llama-cpp-XXXXXX", &error);
  ck_assert_ptr_nonnull (work_dir);
}

static void
teardown (void)
{
  ftl_test_remove_tree (work_dir);
  g_clear_pointer (&work_dir, g_free);
}

static void
check_base_model (gboolean f16)
{
  g_autofree char *base = ftl_data_find_base_model ();
  g_autofree char *exported = g_build_filename (work_dir, f16 ? "base-f16.gguf" : "base.gguf", NULL);
  GArray *conversations = load_conversations ("new-york-woman", NULL);

  run_cli_ok ((const char *[]) { "export", "--model", base, "--output", exported, f16 ? "--f16" : NULL, NULL });
  compare_with_llama_cpp (exported, conversations);
  free_conversations (conversations);
}

START_TEST (test_base_model_f32)
{
  check_base_model (FALSE);
}
END_TEST

START_TEST (test_base_model_f16)
{
  check_base_model (TRUE);
}
END_TEST

START_TEST (test_fine_tuned_model)
{
  g_autofree char *training = g_build_filename (datasets_dir, "pirate.jsonl", NULL);
  g_autofree char *tuned = g_build_filename (work_dir, "pirate.gguf", NULL);
  g_autofree char *exported = g_build_filename (work_dir, "pirate-export.gguf", NULL);
  GArray *conversations = load_conversations ("pirate", "You are Captain Saltbeard, a jolly pirate "
                                              "captain who has sailed the seven seas.");

  /* One epoch is enough to move every weight away from the base model's. */
  run_cli_ok ((const char *[]) { "train", "--training-file", training, "--n-epochs", "1", "--seed", "1",
                                 "--output", tuned, NULL });
  run_cli_ok ((const char *[]) { "export", "--model", tuned, "--output", exported, NULL });
  compare_with_llama_cpp (exported, conversations);
  free_conversations (conversations);
}
END_TEST

START_TEST (test_tokenizer)
{
  static const char *texts[] = {
    "What's 1234 + 56.7? I'll say they're 3 o'clock, we've DON'T",
    "  two spaces,\ttab,\n\nnew lines  \n  and trailing   ",
    "Ça va? Grüße, naïve café — “quotes” … 😀 👍🏽",
    "안녕하세요, 세계! 你好，世界。Привет, мир! مرحبا",
    "<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n",
    "a<|endoftext|>b <|im_end|>",
    "x=1;y=[2,3]{'k':\"v\"}\\path/to\x01\x7f",
  };
  g_autofree char *base = ftl_data_find_base_model ();
  g_autofree char *exported = g_build_filename (work_dir, "base.gguf", NULL);
  g_autoptr(FtlTokenizer) tokenizer = NULL;
  g_autoptr(FtlModel) model = NULL;
  g_autoptr(JsonNode) report = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *tokenized;

  run_cli_ok ((const char *[]) { "export", "--model", base, "--output", exported, NULL });
  model = ftl_model_file_load (exported, &tokenizer, NULL, &error);
  ck_assert_ptr_nonnull (model);
  report = run_llama_cpp (exported, NULL, texts, G_N_ELEMENTS (texts));
  tokenized = json_object_get_array_member (json_node_get_object (report), "texts");
  ck_assert_uint_eq (json_array_get_length (tokenized), G_N_ELEMENTS (texts));
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GArray) ours = ftl_tokenizer_encode (tokenizer, texts[i], -1, TRUE);
      g_autoptr(GArray) theirs = ids_of (json_array_get_array_element (tokenized, i));

      assert_same_ids ("The tokens", texts[i], ours, theirs);
    }
}
END_TEST

/* node-llama-cpp with the prebuilt llama.cpp for this machine, or NULL. */
static char *
find_node (void)
{
  g_autofree char *package = g_build_filename (llama_dir, "node_modules", "node-llama-cpp", "package.json", NULL);
  g_autofree char *binaries = g_build_filename (llama_dir, "node_modules", "@node-llama-cpp", "linux-x64",
                                                "package.json", NULL);
  char *node;

  if (!g_file_test (package, G_FILE_TEST_EXISTS) || !g_file_test (binaries, G_FILE_TEST_EXISTS))
    return NULL;
  /* Debian names it nodejs too. */
  node = g_find_program_in_path ("node");
  return node != NULL ? node : g_find_program_in_path ("nodejs");
}

int
main (int    argc,
      char **argv)
{
  Suite *s = suite_create ("export-llama-cpp");
  TCase *tc = tcase_create ("llama.cpp");
  int status;

  if (argc != 4)
    g_error ("usage: %s PATH-TO-finetune-lab-cli TESTS/LLAMA-CPP DATA/DATASETS", argv[0]);
  cli_path = argv[1];
  llama_dir = argv[2];
  datasets_dir = argv[3];

  node_path = find_node ();
  if (node_path == NULL)
    {
      g_print ("SKIP: node-llama-cpp is not installed: run `npm ci --omit=optional` in %s "
               "(tools/build.sh does)\n", llama_dir);
      return SKIP;
    }

  tcase_set_timeout (tc, 300);
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_base_model_f32);
  tcase_add_test (tc, test_base_model_f16);
  tcase_add_test (tc, test_fine_tuned_model);
  tcase_add_test (tc, test_tokenizer);
  suite_add_tcase (s, tc);

  /* GSubprocess relies on GLib's worker thread, which a fork() of Check's
   * would leave behind: run the tests in this process. */
  status = ftl_test_run_suite (s, CK_NOFORK);
  g_free (node_path);
  return status;
}
