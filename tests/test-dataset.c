/* test-dataset.c — JSONL validation (every error name, line numbers, limits),
 * the sample files, and the token statistics.
 */
#include "ftl-dataset.h"

#include <check.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

/* ---- helpers ----------------------------------------------------------------- */

#define SYSTEM    "{\"role\": \"system\", \"content\": \"Be brief.\"}"
#define USER      "{\"role\": \"user\", \"content\": \"Hi!\"}"
#define ASSISTANT "{\"role\": \"assistant\", \"content\": \"Hello.\"}"
#define EXAMPLE(messages) "{\"messages\": [" messages "]}"
#define VALID_LINE EXAMPLE (SYSTEM ", " USER ", " ASSISTANT)

typedef struct
{
  int         line;
  const char *code;
} Expected;

static FtlDataset *
parse (const char *text)
{
  return ftl_dataset_parse (text, strlen (text), "test.jsonl");
}

/* text, then enough valid lines that too_few_examples stays out of the way. */
static FtlDataset *
parse_padded (const char *text)
{
  g_autoptr(GString) all = g_string_new (text);

  g_string_append_c (all, '\n');
  for (int i = 0; i < FTL_DATASET_MIN_EXAMPLES; i++)
    g_string_append (all, VALID_LINE "\n");
  return ftl_dataset_parse (all->str, all->len, "test.jsonl");
}

static char *
format_issues (const FtlDataset *dataset)
{
  GString *all = g_string_new (NULL);

  for (guint i = 0; i < ftl_dataset_get_n_errors (dataset); i++)
    {
      g_autofree char *line = ftl_dataset_issue_format (dataset, ftl_dataset_get_error (dataset, i));
      g_string_append_printf (all, "  %s\n", line);
    }
  return g_string_free (all, FALSE);
}

static void
assert_issues (const FtlDataset *dataset,
               const Expected   *expected,
               guint             n)
{
  g_autofree char *all = format_issues (dataset);

  ck_assert_msg (ftl_dataset_get_n_errors (dataset) == n,
                 "expected %u issues, got %u:\n%s", n, ftl_dataset_get_n_errors (dataset), all);
  for (guint i = 0; i < n; i++)
    {
      const FtlDatasetIssue *issue = ftl_dataset_get_error (dataset, i);
      ck_assert_msg (issue->line == expected[i].line && strcmp (issue->code, expected[i].code) == 0,
                     "issue %u: expected line %d %s, got:\n%s",
                     i, expected[i].line, expected[i].code, all);
    }
  ck_assert (ftl_dataset_is_valid (dataset) == (n == 0));
}

#define ASSERT_ISSUES(dataset, ...) \
  G_STMT_START { \
    const Expected expected_[] = { __VA_ARGS__ }; \
    assert_issues ((dataset), expected_, G_N_ELEMENTS (expected_)); \
  } G_STMT_END

static void
assert_message_contains (const FtlDataset *dataset,
                         guint             index,
                         const char       *fragment)
{
  const FtlDatasetIssue *issue = ftl_dataset_get_error (dataset, index);

  ck_assert_msg (strstr (issue->message, fragment) != NULL,
                 "message “%s” lacks “%s”", issue->message, fragment);
}

static char *
data_path (const char *file)
{
  const char *dir = g_getenv ("FTL_TEST_DATA_DIR");

  ck_assert_msg (dir != NULL, "set FTL_TEST_DATA_DIR to the tests/ source directory");
  return g_build_filename (dir, "..", "data", "datasets", file, NULL);
}

/* ---- one problem per line: every error name ------------------------------------ */

typedef struct
{
  const char *line;
  const char *code;
  const char *fragment;  /* part of the message */
} SingleCase;

static const SingleCase single_cases[] = {
  { "{\"messages\": \"\xff\"}", "invalid_utf8", "Byte 15 " },
  { "{\"messages\": [\xc3\x28]}", "invalid_utf8", "Byte 15 " },
  { EXAMPLE (USER " " ASSISTANT), "invalid_json", "column" },
  { "{\"messages\": [" USER, "invalid_json", "column" },
  /* json-glib alone would read the first example and drop the second. */
  { VALID_LINE " " VALID_LINE, "invalid_json", "column 140;" },
  { "var example = " VALID_LINE ";", "invalid_json", "assignment" },
  /* After any first value, not only an object (json-glib 1.6 would read on). */
  { "\"hello\" " VALID_LINE, "invalid_json", "goes on after its JSON value, at column 9;" },
  { "1[]", "invalid_json", "at column 2;" },
  /* json-glib reads "/…/" as a comment: what follows it is after the value. */
  { "{\"a\": \"\"/\"/} {}", "invalid_json", "goes on after its JSON value, at column 14;" },
  /* Bad \u escapes (json-glib 1.6 would leak memory or keep invalid UTF-8). */
  { "{\"messages\": \"\\ud83d\\u0041\"}", "invalid_json",
    "column 15: the escape is the first half of a surrogate pair without the second." },
  { "{\"messages\": \"\\ud83dx\"}", "invalid_json", "column 15: the escape is the first half" },
  { "{\"messages\": \"ab\\udc00\"}", "invalid_json", "column 17: the escape is the second half" },
  { "{\"messages\": \"\\uzzzz\"}", "invalid_json",
    "column 15: “\\u” must be followed by four hexadecimal digits." },
  /* json-glib would decode an octal escape into a byte that isn't UTF-8. */
  { "{\"messages\": \"ok \\222\"}", "invalid_json",
    "column 18: after a backslash JSON allows only \", \\, /, b, f, n, r, t or u." },
  /* json-glib quotes a token cut inside a character; the message stays UTF-8. */
  { "{\"messages\": \"xxxxxxxxxxxxxxxxxxxxxxxxxxxx\xc3\xa9\"m", "invalid_json",
    "invalid string constant \"xxxxxxxxxxxxxxxxxxxxxxxxxxxx\xef\xbf\xbd" },
  { "[" SYSTEM ", " USER ", " ASSISTANT "]", "data_type", "The line is a list, not an object" },
  { "42", "data_type", "the number 42" },
  { "\"hello\"", "data_type", "the text “hello”" },
  { "null", "data_type", "null" },
  { "{}", "missing_messages_list", "no “messages”" },
  { "{\"mesages\": [" USER ", " ASSISTANT "]}", "missing_messages_list", "no “messages”" },
  { "{\"messages\": {\"role\": \"user\"}}", "missing_messages_list", "“messages” is an object" },
  { "{\"messages\": []}", "missing_messages_list", "empty" },
  /* Missing content is message_missing_key only, not also missing_content. */
  { EXAMPLE (USER ", {\"role\": \"assistant\"}"), "message_missing_key",
    "Message 2 has no “content”." },
  { EXAMPLE ("{\"content\": \"Hi!\"}, " ASSISTANT), "message_missing_key",
    "Message 1 has no “role”." },
  { EXAMPLE ("\"Hi!\", " ASSISTANT), "message_missing_key",
    "Message 1 is the text “Hi!”, not an object" },
  { EXAMPLE (USER ", {\"role\": \"assistant\", \"content\": \"Hi.\", \"mood\": \"cheerful\"}"),
    "message_unrecognized_key", "Message 2 has the key “mood”;" },
  { EXAMPLE ("{\"role\": \"robot\", \"content\": \"Beep.\"}, " USER ", " ASSISTANT),
    "unrecognized_role", "Message 1 has the role “robot”; use “system”, “user” or “assistant”." },
  { EXAMPLE (USER ", " ASSISTANT ", {\"role\": \"function\", \"content\": \"{}\"}"),
    "unrecognized_role", "Message 3 has the role “function”, which Fine-Tune Lab doesn’t train on" },
  { EXAMPLE ("{\"role\": 5, \"content\": \"x\"}, " ASSISTANT), "unrecognized_role",
    "“role” is the number 5" },
  { EXAMPLE (USER ", {\"role\": \"assistant\", \"content\": 42}"), "missing_content",
    "Message 2’s “content” is the number 42, not text." },
  { EXAMPLE (USER ", {\"role\": \"assistant\", \"content\": null}"), "missing_content", "null" },
  { EXAMPLE ("{\"role\": \"user\", \"content\": [\"Hi\"]}, " ASSISTANT), "missing_content", "a list" },
  { EXAMPLE (USER ", {\"role\": \"assistant\", \"content\": \"Hi.\", \"weight\": 2}"),
    "invalid_weight", "Message 2’s “weight” is the number 2; it must be the number 0 or 1." },
  { EXAMPLE (USER ", {\"role\": \"assistant\", \"content\": \"Hi.\", \"weight\": true}"),
    "invalid_weight", "is true;" },
  { EXAMPLE (USER ", {\"role\": \"assistant\", \"content\": \"Hi.\", \"weight\": \"1\"}"),
    "invalid_weight", "is the text “1”;" },
  { EXAMPLE (USER ", {\"role\": \"assistant\", \"content\": \"Hi.\", \"weight\": 0.5}"),
    "invalid_weight", "the number 0.5;" },
  { EXAMPLE (USER ", {\"role\": \"assistant\", \"content\": \"Hi.\", \"weight\": -1}"),
    "invalid_weight", "the number -1;" },
  { EXAMPLE (USER ", {\"role\": \"assistant\", \"content\": \"Hi.\", \"weight\": null}"),
    "invalid_weight", "is null;" },
  { EXAMPLE ("{\"role\": \"user\", \"content\": \"Hi!\", \"weight\": 1}, " ASSISTANT),
    "invalid_weight", "Message 1 is a user message with a “weight”" },
  { EXAMPLE ("{\"role\": \"system\", \"content\": \"Hi!\", \"weight\": 0}, " ASSISTANT),
    "invalid_weight", "system message" },
  { EXAMPLE (SYSTEM ", " USER), "example_missing_assistant_message", "no assistant message" },
};

START_TEST (test_single_issue)
{
  const SingleCase *c = &single_cases[_i];
  g_autoptr(FtlDataset) dataset = parse_padded (c->line);

  ASSERT_ISSUES (dataset, { 1, c->code });
  assert_message_contains (dataset, 0, c->fragment);
  ck_assert (g_utf8_validate (ftl_dataset_get_error (dataset, 0)->message, -1, NULL));
  ck_assert_uint_eq (ftl_dataset_get_n_examples (dataset), FTL_DATASET_MIN_EXAMPLES);
}
END_TEST

/* A surrogate pair escapes one character beyond the BMP. */
START_TEST (test_unicode_escape)
{
  g_autoptr(FtlDataset) dataset = parse_padded (
    EXAMPLE (USER ", {\"role\": \"assistant\", \"content\": \"\\ud83d\\ude00 \\u00e9\"}"));
  int n_messages;

  ck_assert_uint_eq (ftl_dataset_get_n_errors (dataset), 0);
  const FtlChatMessage *m = ftl_dataset_get_example (dataset, 0, &n_messages, NULL);
  ck_assert_str_eq (m[1].content, "😀 é");
}
END_TEST

/* json-glib's comments are let through; brackets and quotes in them, or in
 * its '…' strings, don't count. */
START_TEST (test_comments)
{
  g_autoptr(FtlDataset) dataset = parse_padded (
    EXAMPLE (USER " /* a { \"comment\" */, {\"role\": 'assistant', \"content\": 'so \"} {'}"));
  int n_messages;

  ck_assert_uint_eq (ftl_dataset_get_n_errors (dataset), 0);
  const FtlChatMessage *m = ftl_dataset_get_example (dataset, 0, &n_messages, NULL);
  ck_assert_int_eq (n_messages, 2);
  ck_assert_str_eq (m[1].content, "so \"} {");
}
END_TEST

START_TEST (test_nul_byte)
{
  const char line[] = "{\"messages\": [\0]}\n";
  g_autoptr(GString) text = g_string_new_len (line, sizeof line - 1);

  for (int i = 0; i < FTL_DATASET_MIN_EXAMPLES; i++)
    g_string_append (text, VALID_LINE "\n");
  g_autoptr(FtlDataset) dataset = ftl_dataset_parse (text->str, text->len, "nul.jsonl");

  ASSERT_ISSUES (dataset, { 1, "invalid_utf8" });
  assert_message_contains (dataset, 0, "Byte 15 ");
}
END_TEST

/* Every problem of a line is reported, in message order. */
START_TEST (test_several_issues_in_one_line)
{
  g_autoptr(FtlDataset) dataset = parse_padded (
    EXAMPLE ("{\"role\": \"robot\", \"content\": 7, \"mood\": 1}, "
             "{\"role\": \"user\"}, "
             "{\"role\": \"assistant\", \"content\": \"Hi.\", \"weight\": 3}"));

  ASSERT_ISSUES (dataset,
                 { 1, "message_unrecognized_key" },
                 { 1, "unrecognized_role" },
                 { 1, "missing_content" },
                 { 1, "message_missing_key" },
                 { 1, "invalid_weight" });
  assert_message_contains (dataset, 0, "Message 1 ");
  assert_message_contains (dataset, 3, "Message 2 has no “content”");
  assert_message_contains (dataset, 4, "Message 3’s");
}
END_TEST

/* Blank lines are skipped but counted; \r\n is accepted; issues come in line
 * order with the file-level one last. */
START_TEST (test_several_lines)
{
  const char *text =
    VALID_LINE "\n"                                                     /* 1 */
    "\n"                                                                /* 2 */
    "[]\n"                                                              /* 3 */
    "   \t \r\n"                                                        /* 4 */
    EXAMPLE ("{\"role\": \"robot\", \"content\": \"x\"}") "\n"          /* 5 */
    VALID_LINE "\r\n"                                                   /* 6 */
    "{\n"                                                               /* 7 */
    EXAMPLE ("{\"role\": \"user\", \"content\": \"x\", \"weight\": 1}, "
             "{\"role\": \"assistant\", \"content\": \"y\", \"weight\": \"1\"}") "\n" /* 8 */
    VALID_LINE "\n"                                                     /* 9 */
    "\r\n"                                                              /* 10 */
    VALID_LINE "\n"                                                     /* 11 */
    VALID_LINE;                                                         /* 12, no newline */
  g_autoptr(FtlDataset) dataset = ftl_dataset_parse (text, strlen (text), "multi.jsonl");

  ASSERT_ISSUES (dataset,
                 { 3, "data_type" },
                 { 5, "unrecognized_role" },
                 { 5, "example_missing_assistant_message" },
                 { 7, "invalid_json" },
                 { 8, "invalid_weight" },
                 { 8, "invalid_weight" },
                 { 0, "too_few_examples" });

  const int lines[] = { 1, 6, 9, 11, 12 };
  ck_assert_uint_eq (ftl_dataset_get_n_examples (dataset), G_N_ELEMENTS (lines));
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      int n_messages, line;
      const FtlChatMessage *messages = ftl_dataset_get_example (dataset, i, &n_messages, &line);

      ck_assert_int_eq (line, lines[i]);
      ck_assert_int_eq (n_messages, 3);
      ck_assert_str_eq (messages[2].content, "Hello.");
    }

  g_autofree char *first = ftl_dataset_issue_format (dataset, ftl_dataset_get_error (dataset, 0));
  ck_assert_str_eq (first, "multi.jsonl:3: data_type: The line is a list, not an object with a "
                           "“messages” list.");
  g_autofree char *last = ftl_dataset_issue_format (dataset, ftl_dataset_get_error (dataset, 6));
  ck_assert_str_eq (last, "multi.jsonl: too_few_examples: The file has only 5 valid examples; "
                          "OpenAI requires at least 10.");
}
END_TEST

START_TEST (test_crlf_and_bom)
{
  g_autoptr(GString) text = g_string_new ("\xEF\xBB\xBF");

  for (int i = 0; i < FTL_DATASET_MIN_EXAMPLES; i++)
    g_string_append (text, VALID_LINE "\r\n");
  g_autoptr(FtlDataset) dataset = ftl_dataset_parse (text->str, text->len, "crlf.jsonl");

  ASSERT_ISSUES (dataset);
  ck_assert_uint_eq (ftl_dataset_get_n_examples (dataset), FTL_DATASET_MIN_EXAMPLES);
  int line;
  ftl_dataset_get_example (dataset, 9, NULL, &line);
  ck_assert_int_eq (line, 10);
}
END_TEST

/* ---- what a valid example keeps ----------------------------------------------- */

START_TEST (test_example_contents)
{
  g_autoptr(FtlDataset) dataset = parse_padded (
    EXAMPLE ("{\"role\": \"system\", \"content\": \"Talk like a pirate.\", \"name\": \"rules\"}, "
             "{\"role\": \"user\", \"content\": \"Caf\\u00e9?\\nNow!\"}, "
             "{\"role\": \"assistant\", \"content\": \"\", \"function_call\": {}}, "
             "{\"role\": \"assistant\", \"content\": \"Arr.\"}"));

  ASSERT_ISSUES (dataset);
  int n_messages, line;
  const FtlChatMessage *m = ftl_dataset_get_example (dataset, 0, &n_messages, &line);
  ck_assert_int_eq (n_messages, 4);
  ck_assert_int_eq (line, 1);
  ck_assert_int_eq (m[0].role, FTL_ROLE_SYSTEM);
  ck_assert_str_eq (m[0].content, "Talk like a pirate.");
  ck_assert_int_eq (m[1].role, FTL_ROLE_USER);
  ck_assert_str_eq (m[1].content, "Caf\xc3\xa9?\nNow!");
  ck_assert_int_eq (m[2].role, FTL_ROLE_ASSISTANT);
  ck_assert_str_eq (m[2].content, "");
  ck_assert_str_eq (m[3].content, "Arr.");
  /* No "weight": assistant messages are trained on. */
  ck_assert (m[2].weight == 1.f && m[3].weight == 1.f);
}
END_TEST

START_TEST (test_weights_accepted)
{
  const char *weights[] = { "0", "1", "0.0", "1.0", "1e0", "-0" };
  const float expected[] = { 0.f, 1.f, 0.f, 1.f, 1.f, 0.f };
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (weights); i++)
    g_string_append_printf (text, EXAMPLE (SYSTEM ", " USER ", "
                                           "{\"role\": \"assistant\", \"content\": \"A.\", "
                                           "\"weight\": %s}, " USER ", " ASSISTANT) "\n",
                            weights[i]);
  g_autoptr(FtlDataset) dataset = parse_padded (text->str);

  ASSERT_ISSUES (dataset);
  for (guint i = 0; i < G_N_ELEMENTS (weights); i++)
    {
      const FtlChatMessage *m = ftl_dataset_get_example (dataset, i, NULL, NULL);

      ck_assert_msg (m[2].weight == expected[i], "weight %s read as %g", weights[i], m[2].weight);
      ck_assert (m[4].weight == 1.f);
    }
}
END_TEST

/* ---- file-level problems and limits ----------------------------------------------- */

START_TEST (test_too_few_examples)
{
  g_autoptr(FtlDataset) empty = parse ("");
  ASSERT_ISSUES (empty, { 0, "too_few_examples" });
  assert_message_contains (empty, 0, "no valid examples; OpenAI requires at least 10.");

  g_autoptr(FtlDataset) one = parse (VALID_LINE "\n\n");
  ASSERT_ISSUES (one, { 0, "too_few_examples" });
  assert_message_contains (one, 0, "only 1 valid example;");

  g_autoptr(GString) text = g_string_new (NULL);
  for (int i = 0; i < FTL_DATASET_MIN_EXAMPLES - 1; i++)
    g_string_append (text, VALID_LINE "\n");
  g_autoptr(FtlDataset) nine = parse (text->str);
  ASSERT_ISSUES (nine, { 0, "too_few_examples" });
  assert_message_contains (nine, 0, "only 9 valid examples; OpenAI requires at least 10.");

  g_string_append (text, VALID_LINE);
  g_autoptr(FtlDataset) ten = parse (text->str);
  ASSERT_ISSUES (ten);
  ck_assert_uint_eq (ftl_dataset_get_n_examples (ten), 10);
}
END_TEST

START_TEST (test_file_too_large)
{
  /* Never read: calloc's pages stay untouched. */
  gsize size = FTL_DATASET_MAX_FILE_SIZE + 1;
  g_autofree char *data = g_malloc0 (size);
  g_autoptr(FtlDataset) parsed = ftl_dataset_parse (data, size, "big.jsonl");

  ASSERT_ISSUES (parsed, { 0, "file_too_large" });
  ck_assert_uint_eq (ftl_dataset_get_n_examples (parsed), 0);

  /* A sparse file: refused from its size, without reading it. */
  g_autofree char *path = NULL;
  int fd = g_file_open_tmp ("ftl-dataset-XXXXXX.jsonl", &path, NULL);
  ck_assert_int_ge (fd, 0);
  ck_assert_int_eq (ftruncate (fd, (off_t) size), 0);
  close (fd);

  g_autoptr(GError) error = NULL;
  g_autoptr(FtlDataset) loaded = ftl_dataset_load_file (path, &error);
  g_unlink (path);
  ck_assert_msg (loaded != NULL, "%s", error ? error->message : "?");
  ASSERT_ISSUES (loaded, { 0, "file_too_large" });
  assert_message_contains (loaded, 0, "larger than 67.1\xc2\xa0MB");
}
END_TEST

START_TEST (test_load_file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  int fd = g_file_open_tmp ("ftl-dataset-XXXXXX.jsonl", &path, NULL);
  ck_assert_int_ge (fd, 0);
  close (fd);
  ck_assert (g_file_set_contents (path, "{}\n" VALID_LINE "\n", -1, NULL));

  g_autoptr(FtlDataset) dataset = ftl_dataset_load_file (path, &error);
  g_unlink (path);
  ck_assert_msg (dataset != NULL, "%s", error ? error->message : "?");
  ck_assert_str_eq (ftl_dataset_get_name (dataset), path);
  ASSERT_ISSUES (dataset, { 1, "missing_messages_list" }, { 0, "too_few_examples" });
  ck_assert_uint_eq (ftl_dataset_get_n_examples (dataset), 1);

  g_autoptr(FtlDataset) missing = ftl_dataset_load_file (path, &error);
  ck_assert (missing == NULL);
  ck_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND));
}
END_TEST

/* A valid line of exactly length bytes. */
static void
append_line_of_length (GString *text,
                       gsize    length)
{
  const char *head = "{\"messages\": [{\"role\": \"assistant\", \"content\": \"";
  const char *tail = "\"}]}\n";
  gsize fill = length - strlen (head) - (strlen (tail) - 1);

  g_string_append (text, head);
  for (gsize i = 0; i < fill; i++)
    g_string_append_c (text, 'a');
  g_string_append (text, tail);
}

START_TEST (test_line_too_long)
{
  g_autoptr(GString) text = g_string_new (NULL);

  append_line_of_length (text, FTL_DATASET_MAX_LINE);
  append_line_of_length (text, FTL_DATASET_MAX_LINE + 1);
  g_autoptr(FtlDataset) dataset = parse_padded (text->str);

  ASSERT_ISSUES (dataset, { 2, "line_too_long" });
  int line;
  const FtlChatMessage *m = ftl_dataset_get_example (dataset, 0, NULL, &line);
  ck_assert_int_eq (line, 1);
  ck_assert_uint_eq (strlen (m[0].content), FTL_DATASET_MAX_LINE - strlen (EXAMPLE ("{\"role\": "
                     "\"assistant\", \"content\": \"\"}")));
  ck_assert_uint_eq (ftl_dataset_get_n_examples (dataset), FTL_DATASET_MIN_EXAMPLES + 1);
}
END_TEST

START_TEST (test_too_many_examples)
{
  const char *line = EXAMPLE ("{\"role\": \"assistant\", \"content\": \"A\"}") "\n";
  g_autoptr(GString) text = g_string_sized_new ((FTL_DATASET_MAX_EXAMPLES + 3) * (strlen (line) + 1));

  for (int i = 0; i < FTL_DATASET_MAX_EXAMPLES; i++)
    g_string_append (text, line);
  g_string_append (text, "\n");  /* blank: doesn't count */
  for (int i = 0; i < 3; i++)
    g_string_append (text, "{\n");
  g_autoptr(FtlDataset) dataset = parse (text->str);

  /* Reported once, at the first line not read; the broken lines after it are not checked. */
  ASSERT_ISSUES (dataset, { FTL_DATASET_MAX_EXAMPLES + 2, "too_many_examples" });
  ck_assert_uint_eq (ftl_dataset_get_n_examples (dataset), FTL_DATASET_MAX_EXAMPLES);
}
END_TEST

START_TEST (test_issue_format)
{
  g_autoptr(FtlDataset) dataset = parse ("\n\n" EXAMPLE (SYSTEM ", " USER));

  ASSERT_ISSUES (dataset, { 3, "example_missing_assistant_message" }, { 0, "too_few_examples" });
  g_autofree char *line = ftl_dataset_issue_format (dataset, ftl_dataset_get_error (dataset, 0));
  g_autofree char *file = ftl_dataset_issue_format (dataset, ftl_dataset_get_error (dataset, 1));
  ck_assert_str_eq (line, "test.jsonl:3: example_missing_assistant_message: The example has no "
                          "assistant message, so there is nothing to learn from it.");
  ck_assert_str_eq (file, "test.jsonl: too_few_examples: The file has no valid examples; "
                          "OpenAI requires at least 10.");
}
END_TEST

/* ---- the sample files --------------------------------------------------------------- */

typedef struct
{
  const char *file;
  guint       n_examples;
} SampleCase;

/* Counts from data/datasets/README.md. */
static const SampleCase sample_cases[] = {
  { "new-york-woman.jsonl", 71 },
  { "pirate.jsonl", 54 },
  { "butler.jsonl", 54 },
  { "kindergarten-teacher.jsonl", 58 },
};

START_TEST (test_sample_file)
{
  const SampleCase *c = &sample_cases[_i];
  g_autofree char *path = data_path (c->file);
  g_autoptr(GError) error = NULL;
  g_autoptr(FtlDataset) dataset = ftl_dataset_load_file (path, &error);

  ck_assert_msg (dataset != NULL, "%s", error ? error->message : "?");
  ASSERT_ISSUES (dataset);
  ck_assert_uint_eq (ftl_dataset_get_n_examples (dataset), c->n_examples);

  /* README: new-york-woman line 71 has one assistant answer of weight 0. */
  guint n_weight_zero = 0;
  for (guint i = 0; i < c->n_examples; i++)
    {
      int n_messages, line;
      const FtlChatMessage *m = ftl_dataset_get_example (dataset, i, &n_messages, &line);

      ck_assert_int_eq (line, (int) i + 1);
      ck_assert_int_eq (m[0].role, FTL_ROLE_SYSTEM);
      ck_assert_int_eq (m[n_messages - 1].role, FTL_ROLE_ASSISTANT);
      for (int j = 0; j < n_messages; j++)
        if (m[j].role == FTL_ROLE_ASSISTANT && m[j].weight == 0.f)
          {
            ck_assert_int_eq (line, 71);
            n_weight_zero++;
          }
    }
  ck_assert_uint_eq (n_weight_zero, strcmp (c->file, "new-york-woman.jsonl") == 0 ? 1 : 0);
}
END_TEST

START_TEST (test_broken_example)
{
  g_autofree char *path = data_path ("broken-example.jsonl");
  g_autoptr(GError) error = NULL;
  g_autoptr(FtlDataset) dataset = ftl_dataset_load_file (path, &error);

  ck_assert_msg (dataset != NULL, "%s", error ? error->message : "?");
  /* The README's table, then the file-level consequence: 5 valid lines. */
  ASSERT_ISSUES (dataset,
                 { 2, "invalid_json" },
                 { 4, "data_type" },
                 { 5, "missing_messages_list" },
                 { 7, "message_missing_key" },
                 { 8, "message_unrecognized_key" },
                 { 9, "unrecognized_role" },
                 { 11, "missing_content" },
                 { 12, "example_missing_assistant_message" },
                 { 13, "invalid_weight" },
                 { 0, "too_few_examples" });

  const int valid_lines[] = { 1, 3, 6, 10, 14 };
  ck_assert_uint_eq (ftl_dataset_get_n_examples (dataset), G_N_ELEMENTS (valid_lines));
  for (guint i = 0; i < G_N_ELEMENTS (valid_lines); i++)
    {
      int line;
      ftl_dataset_get_example (dataset, i, NULL, &line);
      ck_assert_int_eq (line, valid_lines[i]);
    }
}
END_TEST

/* ---- tokens and statistics ----------------------------------------------------------- */

static const FtlChatMessage conversation1[] = {
  { FTL_ROLE_SYSTEM, "Be brief.", 0.f },
  { FTL_ROLE_USER, "Hi there!", 0.f },
  { FTL_ROLE_ASSISTANT, "Hello, friend.", 1.f },
};
static const FtlChatMessage conversation2[] = {
  { FTL_ROLE_USER, "What is two and two? Tell me, please, it is a long question.", 0.f },
  { FTL_ROLE_ASSISTANT, "Four.", 1.f },
};
static const FtlChatMessage conversation3[] = {
  { FTL_ROLE_SYSTEM, "Be brief.", 0.f },
  { FTL_ROLE_ASSISTANT, "I start.", 0.f },
  { FTL_ROLE_USER, "Go on.", 0.f },
  { FTL_ROLE_ASSISTANT, "Then I end here, and that is all there is to it.", 1.f },
};
static const FtlChatMessage conversation4[] = {
  { FTL_ROLE_ASSISTANT, "Only me.", 1.f },
};

static const char stats_jsonl[] =
  EXAMPLE ("{\"role\": \"system\", \"content\": \"Be brief.\"}, "
           "{\"role\": \"user\", \"content\": \"Hi there!\"}, "
           "{\"role\": \"assistant\", \"content\": \"Hello, friend.\"}") "\n"
  EXAMPLE ("{\"role\": \"user\", \"content\": \"What is two and two? Tell me, please, it is a "
           "long question.\"}, "
           "{\"role\": \"assistant\", \"content\": \"Four.\", \"weight\": 1}") "\n"
  "\n"
  EXAMPLE ("{\"role\": \"system\", \"content\": \"Be brief.\"}, "
           "{\"role\": \"assistant\", \"content\": \"I start.\", \"weight\": 0}, "
           "{\"role\": \"user\", \"content\": \"Go on.\"}, "
           "{\"role\": \"assistant\", \"content\": \"Then I end here, and that is all there is "
           "to it.\"}") "\n"
  EXAMPLE ("{\"role\": \"assistant\", \"content\": \"Only me.\"}") "\n";

static FtlTokenizer *
train_tokenizer (void)
{
  const char *corpus =
    "Be brief. Hi there! Hello, friend. What is two and two? Four. I start. Go on. "
    "Then I end. Only me. The quick brown fox jumps over the lazy dog. Hello there, "
    "friend, and hello again.";
  g_autoptr(GError) error = NULL;
  FtlTokenizer *tokenizer = ftl_tokenizer_train (corpus, strlen (corpus),
                                                 256 + FTL_N_SPECIAL + 40, &error);

  ck_assert_msg (tokenizer != NULL, "%s", error ? error->message : "?");
  return tokenizer;
}

static guint
count_trained (const GArray *mask)
{
  guint n = 0;

  for (guint i = 0; i < mask->len; i++)
    n += g_array_index (mask, float, i) != 0.f;
  return n;
}

static void
assert_near (double value,
             double expected,
             const char *what)
{
  ck_assert_msg (fabs (value - expected) <= 1e-9 * MAX (1.0, fabs (expected)),
                 "%s: %.12g, expected %.12g", what, value, expected);
}

/* The expected values of a distribution of four numbers, computed here by hand. */
static void
assert_distribution_of_four (const FtlDistribution *d,
                             const double          *values,
                             const char            *what)
{
  double s[4];

  memcpy (s, values, sizeof s);
  for (int i = 0; i < 4; i++)
    for (int j = i + 1; j < 4; j++)
      if (s[j] < s[i])
        {
          double t = s[i];
          s[i] = s[j];
          s[j] = t;
        }
  assert_near (d->min, s[0], what);
  assert_near (d->max, s[3], what);
  assert_near (d->mean, (s[0] + s[1] + s[2] + s[3]) / 4, what);
  assert_near (d->median, (s[1] + s[2]) / 2, what);
  /* Linear interpolation: rank 0.05 × 3 = 0.15 and 0.95 × 3 = 2.85. */
  assert_near (d->p5, s[0] + 0.15 * (s[1] - s[0]), what);
  assert_near (d->p95, s[2] + 0.85 * (s[3] - s[2]), what);
}

START_TEST (test_stats)
{
  g_autoptr(FtlTokenizer) tokenizer = train_tokenizer ();
  g_autoptr(FtlDataset) dataset = ftl_dataset_parse (stats_jsonl, strlen (stats_jsonl), "stats");
  const FtlChatMessage *conversations[] = { conversation1, conversation2, conversation3,
                                            conversation4 };
  const int n_messages[] = { 3, 2, 4, 1 };
  double messages_d[4], tokens_d[4], trained_d[4];

  ck_assert_uint_eq (ftl_dataset_get_n_examples (dataset), 4);
  for (int i = 0; i < 4; i++)
    {
      g_autoptr(GArray) tokens = g_array_new (FALSE, FALSE, sizeof (int));
      g_autoptr(GArray) mask = g_array_new (FALSE, FALSE, sizeof (float));
      int n;
      const FtlChatMessage *kept = ftl_dataset_get_example (dataset, i, &n, NULL);

      ck_assert_int_eq (n, n_messages[i]);
      for (int j = 0; j < n; j++)
        {
          ck_assert_int_eq (kept[j].role, conversations[i][j].role);
          ck_assert_str_eq (kept[j].content, conversations[i][j].content);
          ck_assert (kept[j].weight == conversations[i][j].weight);
        }
      ftl_chat_render (tokenizer, conversations[i], n, FALSE, tokens, mask);
      messages_d[i] = n;
      tokens_d[i] = tokens->len;
      trained_d[i] = count_trained (mask);
    }

  /* The trained tokens are the trained answers' contents and their <|im_end|>. */
  g_autoptr(GArray) hello = ftl_tokenizer_encode (tokenizer, "Hello, friend.", -1, FALSE);
  g_autoptr(GArray) end = ftl_tokenizer_encode (tokenizer, conversation3[3].content, -1, FALSE);
  ck_assert_uint_eq ((guint) trained_d[0], hello->len + 1);
  ck_assert_uint_eq ((guint) trained_d[2], end->len + 1);

  FtlDatasetStats stats;
  ftl_dataset_compute_stats (dataset, tokenizer, 100000, &stats);
  ck_assert_uint_eq (stats.n_examples, 4);
  ck_assert_uint_eq (stats.n_missing_system, 2);
  ck_assert_uint_eq (stats.n_missing_user, 1);
  ck_assert_uint_eq (stats.n_over_context, 0);
  ck_assert_uint_eq (stats.total_tokens, (guint64) (tokens_d[0] + tokens_d[1] + tokens_d[2] + tokens_d[3]));
  assert_distribution_of_four (&stats.messages_per_example, messages_d, "messages");
  assert_distribution_of_four (&stats.tokens_per_example, tokens_d, "tokens");
  assert_distribution_of_four (&stats.assistant_tokens_per_example, trained_d, "assistant tokens");
  /* Spot check of the formula on known numbers: 1, 2, 3, 4 messages. */
  assert_near (stats.messages_per_example.p5, 1.15, "messages p5");
  assert_near (stats.messages_per_example.p95, 3.85, "messages p95");
  assert_near (stats.messages_per_example.median, 2.5, "messages median");

  /* A context between the lengths: the longer examples are over it, counted
   * before truncation, billed up to it. */
  int context = (int) stats.tokens_per_example.median;
  guint n_over = 0;
  guint64 total = 0;
  for (int i = 0; i < 4; i++)
    {
      n_over += tokens_d[i] > context;
      total += MIN ((guint64) tokens_d[i], (guint64) context);
    }
  ck_assert_uint_eq (n_over, 2);
  ftl_dataset_compute_stats (dataset, tokenizer, context, &stats);
  ck_assert_uint_eq (stats.n_over_context, n_over);
  ck_assert_uint_eq (stats.total_tokens, total);
  assert_distribution_of_four (&stats.tokens_per_example, tokens_d, "tokens, short context");
  assert_distribution_of_four (&stats.assistant_tokens_per_example, trained_d,
                               "assistant tokens, short context");
}
END_TEST

START_TEST (test_stats_empty)
{
  g_autoptr(FtlTokenizer) tokenizer = train_tokenizer ();
  g_autoptr(FtlDataset) dataset = parse ("{}\n");
  FtlDatasetStats stats;

  memset (&stats, 0xff, sizeof stats);
  ftl_dataset_compute_stats (dataset, tokenizer, 256, &stats);
  ck_assert_uint_eq (stats.n_examples, 0);
  ck_assert_uint_eq (stats.total_tokens, 0);
  ck_assert (stats.tokens_per_example.max == 0.0 && stats.messages_per_example.mean == 0.0);
}
END_TEST

START_TEST (test_render_example)
{
  g_autoptr(FtlTokenizer) tokenizer = train_tokenizer ();
  g_autoptr(FtlDataset) dataset = ftl_dataset_parse (stats_jsonl, strlen (stats_jsonl), "stats");
  g_autoptr(GArray) full = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) full_mask = g_array_new (FALSE, FALSE, sizeof (float));

  ftl_chat_render (tokenizer, conversation3, G_N_ELEMENTS (conversation3), FALSE, full, full_mask);

  /* Long enough: the whole conversation. */
  g_autoptr(GArray) tokens = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) mask = g_array_new (FALSE, FALSE, sizeof (float));
  ftl_dataset_render_example (dataset, 2, tokenizer, (int) full->len, tokens, mask);
  ck_assert_uint_eq (tokens->len, full->len);
  ck_assert_uint_eq (mask->len, full->len);
  ck_assert (memcmp (tokens->data, full->data, full->len * sizeof (int)) == 0);
  ck_assert (memcmp (mask->data, full_mask->data, full->len * sizeof (float)) == 0);

  /* Truncated from the end, appended after what the arrays held. */
  const int context = 7;
  int sentinel = -5;
  float sentinel_weight = 0.5f;
  ck_assert_uint_gt (full->len, context);
  g_array_set_size (tokens, 0);
  g_array_set_size (mask, 0);
  g_array_append_val (tokens, sentinel);
  g_array_append_val (mask, sentinel_weight);
  ftl_dataset_render_example (dataset, 2, tokenizer, context, tokens, mask);
  ck_assert_uint_eq (tokens->len, 1 + context);
  ck_assert_uint_eq (mask->len, 1 + context);
  ck_assert_int_eq (g_array_index (tokens, int, 0), sentinel);
  ck_assert (g_array_index (mask, float, 0) == sentinel_weight);
  ck_assert (memcmp (&g_array_index (tokens, int, 1), full->data, context * sizeof (int)) == 0);
  ck_assert (memcmp (&g_array_index (mask, float, 1), full_mask->data, context * sizeof (float)) == 0);

  /* The mask is optional. */
  g_array_set_size (tokens, 0);
  ftl_dataset_render_example (dataset, 0, tokenizer, context, tokens, NULL);
  ck_assert_uint_eq (tokens->len, context);
}
END_TEST

/* ---- suite --------------------------------------------------------------------------- */

static Suite *
dataset_suite (void)
{
  Suite *s = suite_create ("dataset");
  TCase *tc = tcase_create ("validation");

  tcase_add_loop_test (tc, test_single_issue, 0, G_N_ELEMENTS (single_cases));
  tcase_add_test (tc, test_unicode_escape);
  tcase_add_test (tc, test_comments);
  tcase_add_test (tc, test_nul_byte);
  tcase_add_test (tc, test_several_issues_in_one_line);
  tcase_add_test (tc, test_several_lines);
  tcase_add_test (tc, test_crlf_and_bom);
  tcase_add_test (tc, test_example_contents);
  tcase_add_test (tc, test_weights_accepted);
  tcase_add_test (tc, test_too_few_examples);
  tcase_add_test (tc, test_issue_format);
  suite_add_tcase (s, tc);

  tc = tcase_create ("limits");
  tcase_add_test (tc, test_file_too_large);
  tcase_add_test (tc, test_load_file);
  tcase_add_test (tc, test_line_too_long);
  tcase_add_test (tc, test_too_many_examples);
  suite_add_tcase (s, tc);

  tc = tcase_create ("samples");
  tcase_add_loop_test (tc, test_sample_file, 0, G_N_ELEMENTS (sample_cases));
  tcase_add_test (tc, test_broken_example);
  suite_add_tcase (s, tc);

  tc = tcase_create ("stats");
  tcase_add_test (tc, test_stats);
  tcase_add_test (tc, test_stats_empty);
  tcase_add_test (tc, test_render_example);
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  SRunner *sr = srunner_create (dataset_suite ());

  srunner_run_all (sr, CK_NORMAL);
  int failed = srunner_ntests_failed (sr);
  srunner_free (sr);
  return failed == 0 ? 0 : 1;
}
