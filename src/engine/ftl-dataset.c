/* ftl-dataset.c — reading and validating OpenAI chat fine-tuning files.
 *
 * The rules are those of OpenAI's data-preparation notebook, with these
 * choices where it leaves room or where we differ on purpose:
 *  - A message without "role" or "content" is reported once, as
 *    message_missing_key naming the key. The notebook also counts such a
 *    message as missing_content (or unrecognized_role), which tells the user
 *    the same thing twice.
 *  - missing_content means "content" is there but is not a string (null, a
 *    number, a list, …). An empty string is accepted.
 *  - The notebook accepts the role "function"; we can't train on function
 *    calls, so it is an unrecognized_role here. "name" and "function_call"
 *    are allowed keys and are ignored.
 *  - "weight" must be the number 0 or 1 (1.0 too, not true or "1") and only
 *    assistant messages may have one: invalid_weight. An assistant message
 *    without one has weight 1; other messages get weight 0 (never trained).
 *  - json-glib 1.6 is lenient: it ignores whatever follows the first value,
 *    so we check for that ourselves ("{…} {…}", two examples on one line,
 *    would otherwise lose one silently), after any first value. Escapes
 *    must be JSON's ("\222" is not; "\u" takes four hex digits; surrogates
 *    come in pairs): json-glib would make text that is not UTF-8 of them.
 *    Its other leniencies (comments, which run from a "/" to the next, and
 *    single-quoted strings) are let through.
 *  - A UTF-8 byte-order mark at the start of the file is skipped.
 *  - FTL_DATASET_MAX_EXAMPLES counts non-blank lines, valid or not: the limit
 *    bounds the work, whatever the lines hold.
 *  - Issues come in line order; file-level ones (line 0) come last.
 *  - Percentiles interpolate linearly between the closest ranks (numpy's
 *    default, which the notebook uses).
 */
#include "ftl-dataset.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct
{
  guint first;       /* index of its first message in FtlDataset.messages */
  int   n_messages;
  int   line;
} Example;

struct _FtlDataset
{
  char         *name;
  GArray       *issues;    /* FtlDatasetIssue */
  GArray       *messages;  /* FtlChatMessage, all examples' in a row */
  GArray       *examples;  /* Example */
  GStringChunk *strings;   /* the message contents */
};

static const char * const allowed_keys[] = {
  "role", "content", "name", "function_call", "weight",
};

/* ---- building ------------------------------------------------------------ */

static void
clear_issue (gpointer data)
{
  FtlDatasetIssue *issue = data;

  g_free (issue->message);
}

static FtlDataset *
dataset_new (const char *name)
{
  FtlDataset *dataset = g_new0 (FtlDataset, 1);

  dataset->name = g_strdup (name);
  dataset->issues = g_array_new (FALSE, FALSE, sizeof (FtlDatasetIssue));
  g_array_set_clear_func (dataset->issues, clear_issue);
  dataset->messages = g_array_new (FALSE, FALSE, sizeof (FtlChatMessage));
  dataset->examples = g_array_new (FALSE, FALSE, sizeof (Example));
  dataset->strings = g_string_chunk_new (64 * 1024);
  return dataset;
}

static void add_issue (FtlDataset *dataset,
                       int         line,
                       const char *code,
                       const char *format,
                       ...) G_GNUC_PRINTF (4, 5);

static void
add_issue (FtlDataset *dataset,
           int         line,
           const char *code,
           const char *format,
           ...)
{
  FtlDatasetIssue issue = { .line = line, .code = code };
  va_list args;

  va_start (args, format);
  issue.message = g_strdup_vprintf (format, args);
  va_end (args);
  g_array_append_val (dataset->issues, issue);
}

static FtlDataset *
dataset_new_too_large (const char *name)
{
  FtlDataset *dataset = dataset_new (name);
  g_autofree char *limit = g_format_size (FTL_DATASET_MAX_FILE_SIZE);

  /* Translators: %s is a size, such as “100 MB”. */
  add_issue (dataset, 0, "file_too_large",
             _("The file is larger than %s, the most Fine-Tune Lab reads."), limit);
  return dataset;
}

/* ---- describing JSON values in messages ------------------------------------- */

/* A user's text quoted in a message, cut short so one odd value can't flood
 * the report. */
static char *
short_text (const char *text)
{
  const glong max_chars = 32;

  if (g_utf8_strlen (text, -1) <= max_chars)
    return g_strdup (text);

  g_autofree char *start = g_utf8_substring (text, 0, max_chars - 1);
  return g_strconcat (start, "…", NULL);
}

static const char *
node_get_string (JsonNode *node)
{
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  return NULL;
}

/* A noun phrase for a value: "the number 42", "the text “hi”", "a list", …
 * The messages put it where the value is named: "Message 2’s “content” is
 * the number 42, not text." */
static char *
describe_node (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      /* Translators: a JSON value, as in “Message 2 is an object, not …”. */
      return g_strdup (_("an object"));
    case JSON_NODE_ARRAY:
      /* Translators: a JSON value (an array), as in “Message 2’s “content” is a list, not text.” */
      return g_strdup (_("a list"));
    case JSON_NODE_NULL:
      return g_strdup ("null");
    case JSON_NODE_VALUE:
    default:
      break;
    }

  GType type = json_node_get_value_type (node);
  if (type == G_TYPE_STRING)
    {
      g_autofree char *text = short_text (json_node_get_string (node));
      /* Translators: a JSON string value, as in “Message 2’s “role” is the text “bot”; …” */
      return g_strdup_printf (_("the text “%s”"), text);
    }
  if (type == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (node) ? "true" : "false");
  if (type == G_TYPE_INT64)
    {
      char number[32];

      g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT, json_node_get_int (node));
      /* Translators: a JSON number value, as in “Message 2’s “weight” is the number 2; …” */
      return g_strdup_printf (_("the number %s"), number);
    }

  char number[G_ASCII_DTOSTR_BUF_SIZE];
  g_ascii_formatd (number, sizeof number, "%g", json_node_get_double (node));
  return g_strdup_printf (_("the number %s"), number);
}

/* ---- validation ------------------------------------------------------------- */

/* Only the numbers 0 and 1 are weights (json-glib would turn true into 1). */
static gboolean
node_get_weight (JsonNode *node,
                 float    *weight)
{
  double value;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    value = (double) json_node_get_int (node);
  else if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    value = json_node_get_double (node);
  else
    return FALSE;

  if (value != 0.0 && value != 1.0)
    return FALSE;
  *weight = (float) value;
  return TRUE;
}

/* Sets *role from the "role" member; reports and returns FALSE when it isn't
 * one we train on. */
static gboolean
check_role (FtlDataset *dataset,
            int         line,
            int         index,
            JsonNode   *node,
            FtlRole    *role)
{
  static const FtlRole roles[] = { FTL_ROLE_SYSTEM, FTL_ROLE_USER, FTL_ROLE_ASSISTANT };
  const char *text = node_get_string (node);

  if (text == NULL)
    {
      g_autofree char *what = describe_node (node);
      add_issue (dataset, line, "unrecognized_role",
                 /* Translators: %d is the message's position in the example (1, 2, …), %s
                  * a value such as “the number 2” or “a list”. Keep the quoted words: they
                  * are what the file must say. */
                 _("Message %d’s “role” is %s, not text; use “system”, “user” or “assistant”."),
                 index, what);
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (strcmp (text, ftl_role_to_string (roles[i])) == 0)
      {
        *role = roles[i];
        return TRUE;
      }

  if (strcmp (text, "function") == 0)
    {
      add_issue (dataset, line, "unrecognized_role",
                 _("Message %d has the role “function”, which Fine-Tune Lab doesn’t train on; "
                   "use “system”, “user” or “assistant”."), index);
      return FALSE;
    }

  g_autofree char *shown = short_text (text);
  add_issue (dataset, line, "unrecognized_role",
             /* Translators: %s is the role the file gives, such as “bot”. */
             _("Message %d has the role “%s”; use “system”, “user” or “assistant”."),
             index, shown);
  return FALSE;
}

/* Checks message index (1-based) of the example on line and fills *message
 * (content pointing into the JSON tree). *is_assistant tells whether the
 * message is an assistant's, even when it has other problems. */
static gboolean
check_message (FtlDataset     *dataset,
               int             line,
               int             index,
               JsonNode       *node,
               FtlChatMessage *message,
               gboolean       *is_assistant)
{
  gboolean ok = TRUE;

  *is_assistant = FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *what = describe_node (node);
      add_issue (dataset, line, "message_missing_key",
                 /* Translators: %s is a value such as “the text “hi”” or “a list”. */
                 _("Message %d is %s, not an object with “role” and “content”."), index, what);
      return FALSE;
    }

  JsonObject *object = json_node_get_object (node);
  const char * const required[] = { "role", "content" };
  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    if (!json_object_has_member (object, required[i]))
      {
        add_issue (dataset, line, "message_missing_key",
                   /* Translators: %s is the missing key, “role” or “content”. */
                   _("Message %d has no “%s”."), index, required[i]);
        ok = FALSE;
      }

  g_autoptr(GList) keys = json_object_get_members (object);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      gboolean allowed = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (allowed_keys) && !allowed; i++)
        allowed = strcmp (l->data, allowed_keys[i]) == 0;
      if (!allowed)
        {
          g_autofree char *key = short_text (l->data);
          add_issue (dataset, line, "message_unrecognized_key",
                     /* Translators: %s is the key in the file, such as “text”. */
                     _("Message %d has the key “%s”; a message may have only “role”, "
                       "“content”, “name”, “function_call” and “weight”."), index, key);
          ok = FALSE;
        }
    }

  JsonNode *role = json_object_get_member (object, "role");
  gboolean role_known = role != NULL && check_role (dataset, line, index, role, &message->role);
  if (role != NULL && !role_known)
    ok = FALSE;
  *is_assistant = role_known && message->role == FTL_ROLE_ASSISTANT;

  JsonNode *content = json_object_get_member (object, "content");
  if (content != NULL)
    {
      message->content = node_get_string (content);
      if (message->content == NULL)
        {
          g_autofree char *what = describe_node (content);
          add_issue (dataset, line, "missing_content",
                     /* Translators: %s is a value such as “the number 2” or “null”. */
                     _("Message %d’s “content” is %s, not text."), index, what);
          ok = FALSE;
        }
    }

  message->weight = *is_assistant ? 1.f : 0.f;
  JsonNode *weight = json_object_get_member (object, "weight");
  if (weight != NULL)
    {
      if (!node_get_weight (weight, &message->weight))
        {
          g_autofree char *what = describe_node (weight);
          add_issue (dataset, line, "invalid_weight",
                     /* Translators: %s is a value such as “the number 2” or “the text “1””. */
                     _("Message %d’s “weight” is %s; it must be the number 0 or 1."), index, what);
          ok = FALSE;
        }
      else if (role_known && !*is_assistant)
        {
          add_issue (dataset, line, "invalid_weight",
                     /* Translators: %s is the role as the file says it, “system” or “user”. */
                     _("Message %d is a %s message with a “weight”; only assistant messages "
                       "can have one."), index, ftl_role_to_string (message->role));
          ok = FALSE;
        }
    }

  return ok;
}

/* Validates the example on line and keeps it when it has no problem. */
static void
check_example (FtlDataset *dataset,
               int         line,
               JsonNode   *root)
{
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_autofree char *what = describe_node (root);
      add_issue (dataset, line, "data_type",
                 /* Translators: %s is a value such as “a list” or “the number 2”. */
                 _("The line is %s, not an object with a “messages” list."), what);
      return;
    }

  JsonNode *list = json_object_get_member (json_node_get_object (root), "messages");
  if (list == NULL)
    {
      add_issue (dataset, line, "missing_messages_list", _("The line has no “messages” list."));
      return;
    }
  if (!JSON_NODE_HOLDS_ARRAY (list))
    {
      g_autofree char *what = describe_node (list);
      /* Translators: %s is a value such as “an object” or “the text “hi””. */
      add_issue (dataset, line, "missing_messages_list", _("“messages” is %s, not a list."), what);
      return;
    }

  JsonArray *array = json_node_get_array (list);
  guint n = json_array_get_length (array);
  if (n == 0)
    {
      add_issue (dataset, line, "missing_messages_list", _("The “messages” list is empty."));
      return;
    }

  guint first = dataset->messages->len;
  gboolean ok = TRUE;
  gboolean has_assistant = FALSE;
  for (guint i = 0; i < n; i++)
    {
      FtlChatMessage message = { 0 };
      gboolean is_assistant;

      if (!check_message (dataset, line, (int) i + 1, json_array_get_element (array, i),
                          &message, &is_assistant))
        ok = FALSE;
      has_assistant |= is_assistant;
      g_array_append_val (dataset->messages, message);
    }

  if (!has_assistant)
    {
      add_issue (dataset, line, "example_missing_assistant_message",
                 _("The example has no assistant message, so there is nothing to learn from it."));
      ok = FALSE;
    }

  if (!ok)
    {
      g_array_set_size (dataset->messages, first);
      return;
    }

  /* The JSON tree goes with the next line; keep the texts. Many examples
   * share their system message, so equal texts are stored once. */
  for (guint i = first; i < dataset->messages->len; i++)
    {
      FtlChatMessage *message = &g_array_index (dataset->messages, FtlChatMessage, i);
      message->content = g_string_chunk_insert_const (dataset->strings, message->content);
    }

  Example example = { .first = first, .n_messages = (int) n, .line = line };
  g_array_append_val (dataset->examples, example);
}

/* If text[i] starts a string or a comment as json-glib 1.6 reads them, the
 * offset just past it (length when it doesn't end); else i. Its scanner
 * takes '…' strings (no escapes), "…" strings, and comments from a "/" to
 * the next "/" (a quirk of its configuration: "/x/" is a comment). */
static gsize
skip_string_or_comment (const char *text,
                        gsize       length,
                        gsize       i)
{
  const char *end;

  switch (text[i])
    {
    case '"':
      for (i++; i < length; i++)
        if (text[i] == '\\')
          i++;
        else if (text[i] == '"')
          return i + 1;
      return length;
    case '\'':
    case '/':
      end = memchr (text + i + 1, text[i], length - i - 1);
      return end != NULL ? (gsize) (end - text) + 1 : length;
    default:
      return i;
    }
}

/* Past the blanks and comments at text[i]. */
static gsize
skip_blanks (const char *text,
             gsize       length,
             gsize       i)
{
  while (i < length && (g_ascii_isspace (text[i]) || text[i] == '/'))
    i = text[i] == '/' ? skip_string_or_comment (text, length, i) : i + 1;
  return i;
}

/* Where the JSON value starting at text[i] ends, or length when it doesn't.
 * Strings and comments are skipped whole, so brackets in them don't count;
 * a scalar ends where a blank, a comment or a structural character starts.
 * On invalid JSON the offset may be anywhere: parsing what comes before it
 * reports the error. */
static gsize
skip_value (const char *text,
            gsize       length,
            gsize       i)
{
  int depth = 0;

  if (i < length && strchr ("{[\"'", text[i]) == NULL)
    {
      while (i < length && !g_ascii_isspace (text[i]) &&
             strchr ("{}[],:\"'/=;", text[i]) == NULL)
        i++;
      return i;
    }

  while (i < length)
    {
      gsize next = skip_string_or_comment (text, length, i);

      if (next == i)
        {
          if (text[i] == '{' || text[i] == '[')
            depth++;
          else if (text[i] == '}' || text[i] == ']')
            depth--;
          next = i + 1;
        }
      i = next;
      if (depth == 0)
        break;
    }
  return i;
}

/* Byte offset of the first byte after the line's JSON value (or the
 * JavaScript assignment "var NAME = VALUE;" json-glib also accepts) that is
 * neither blank nor a comment, or −1 when nothing follows it. */
static gssize
find_trailing_text (const char *text,
                    gsize       length)
{
  gsize i = skip_blanks (text, length, 0);

  if (length - i > 3 && memcmp (text + i, "var", 3) == 0 && g_ascii_isspace (text[i + 3]))
    {
      const char *equals = memchr (text + i, '=', length - i);

      if (equals != NULL)
        {
          i = skip_value (text, length, skip_blanks (text, length, equals + 1 - text));
          i = skip_blanks (text, length, i);
          if (i < length && text[i] == ';')
            i++;
        }
    }
  else
    i = skip_value (text, length, i);

  i = skip_blanks (text, length, i);
  return i < length ? (gssize) i : -1;
}

/* The code unit of the four hex digits at text (length bytes left), or −1. */
static int
parse_hex4 (const char *text,
            gsize       length)
{
  int unit = 0;

  if (length < 4)
    return -1;
  for (int k = 0; k < 4; k++)
    {
      int digit = g_ascii_xdigit_value (text[k]);

      if (digit < 0)
        return -1;
      unit = unit * 16 + digit;
    }
  return unit;
}

/* Checks the escape whose backslash is at text[*i]: NULL, with *i moved to
 * its last byte, when JSON allows it; else what is wrong with it. */
static const char *
check_escape (const char *text,
              gsize       length,
              gsize      *i)
{
  gsize at = *i;
  char c = text[at + 1];

  if (c != '\0' && strchr ("\"\\/bfnrt", c) != NULL)
    {
      *i = at + 1;
      return NULL;
    }
  if (c != 'u')
    return N_("after a backslash JSON allows only \", \\, /, b, f, n, r, t or u");

  int unit = parse_hex4 (text + at + 2, length - at - 2);
  if (unit < 0)
    return N_("“\\u” must be followed by four hexadecimal digits");
  if (unit >= 0xdc00 && unit <= 0xdfff)
    return N_("the escape is the second half of a surrogate pair without the first");
  if (unit >= 0xd800 && unit <= 0xdbff)
    {
      gsize next = at + 6;  /* where the second half's backslash must be */
      gboolean escape = next + 1 < length && text[next] == '\\' && text[next + 1] == 'u';
      int low = escape ? parse_hex4 (text + next + 2, length - next - 2) : -1;

      if (low < 0xdc00 || low > 0xdfff)
        return N_("the escape is the first half of a surrogate pair without the second");
      *i = next + 5;
      return NULL;
    }
  *i = at + 5;
  return NULL;
}

/* Byte offset of the first escape in a string of text that JSON doesn't
 * allow, or −1; *problem says what is wrong with it. json-glib 1.6 is
 * lenient here and it costs: it decodes octal escapes ("\222") and half a
 * surrogate pair into bytes that are not UTF-8, takes "\uzzzz" for text,
 * and leaks memory reporting a broken surrogate pair. */
static gssize
find_bad_escape (const char  *text,
                 gsize        length,
                 const char **problem)
{
  for (gsize i = 0; i < length; i++)
    {
      if (text[i] != '"')
        {
          /* Past a comment or a '…' string (which has no escapes). */
          gsize next = skip_string_or_comment (text, length, i);

          if (next > i)
            i = next - 1;
          continue;
        }
      /* A "…" string: its escapes, up to its closing quote. */
      for (i++; i < length && text[i] != '"'; i++)
        {
          if (text[i] != '\\' || i + 1 == length)
            continue;
          const char *bad = check_escape (text, length, &i);
          if (bad != NULL)
            {
              *problem = bad;
              return (gssize) i;
            }
        }
    }
  return -1;
}

/* json-glib says "<data>:1:46: Parse error: unexpected …". The line is always
 * 1 since we parse line by line; the column is worth keeping, in our words. */
static void
add_json_error (FtlDataset   *dataset,
                int           line,
                const GError *error)
{
  int json_line, column, consumed = 0;

  /* json-glib quotes the offending token cut at a byte count, which can
   * split a character: the message must stay UTF-8 for the app to show it. */
  g_autofree char *message = g_utf8_make_valid (error->message, -1);

  if (sscanf (message, "<data>:%d:%d: %n", &json_line, &column, &consumed) == 2
      && consumed > 0)
    {
      const char *detail = message + consumed;
      const char *after_kind = strstr (detail, ": ");

      /* Translators: %d is a column number, %s what the JSON parser says is wrong. */
      add_issue (dataset, line, "invalid_json", _("The line is not valid JSON at column %d: %s."),
                 column, after_kind != NULL ? after_kind + 2 : detail);
    }
  else
    /* Translators: %s is what the JSON parser says is wrong. */
    add_issue (dataset, line, "invalid_json", _("The line is not valid JSON: %s."), message);
}

static gboolean
is_blank (const char *text,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (text[i]))
      return FALSE;
  return TRUE;
}

static void
check_line (FtlDataset *dataset,
            int         line,
            const char *text,
            gsize       length)
{
  if (length > FTL_DATASET_MAX_LINE)
    {
      /* Translators: the first %llu is the line's length in bytes, %d the limit. */
      add_issue (dataset, line, "line_too_long",
                 _("The line is %llu bytes long, over the limit of %d; it was skipped."),
                 (unsigned long long) length, FTL_DATASET_MAX_LINE);
      return;
    }

  const char *bad;
  if (!g_utf8_validate_len (text, length, &bad))
    {
      add_issue (dataset, line, "invalid_utf8",
                 *bad == '\0'
                 ? _("Byte %d of the line is a NUL byte; save the file as UTF-8 text.")
                 : _("Byte %d of the line is not valid UTF-8; save the file as UTF-8."),
                 (int) (bad - text) + 1);
      return;
    }

  /* json-glib 1.6 reads on after the first value and leaks an object or
   * array it finds there, so it is given the first value only; what
   * follows is reported below. */
  gssize trailing = find_trailing_text (text, length);
  gsize json_length = trailing >= 0 ? (gsize) trailing : length;

  const char *problem;
  gssize bad_escape = find_bad_escape (text, json_length, &problem);
  if (bad_escape >= 0)
    {
      add_issue (dataset, line, "invalid_json", _("The line is not valid JSON at column %d: %s."),
                 (int) bad_escape + 1, _(problem));
      return;
    }

  /* A parser per line: json-glib 1.6 never clears its has-assignment flag. */
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  if (!json_parser_load_from_data (parser, text, (gssize) json_length, &error))
    {
      add_json_error (dataset, line, error);
      return;
    }

  JsonNode *root = json_parser_get_root (parser);
  if (json_parser_has_assignment (parser, NULL))
    add_issue (dataset, line, "invalid_json",
               _("The line is a JavaScript assignment (“var … =”), not plain JSON."));
  else if (root == NULL)
    add_issue (dataset, line, "invalid_json", _("The line holds no JSON value."));
  else if (trailing >= 0)
    add_issue (dataset, line, "invalid_json",
               _("The line goes on after its JSON value, at column %d; put each example "
                 "on a line of its own."), (int) trailing + 1);
  else
    check_example (dataset, line, root);
}

/* ---- public API ------------------------------------------------------------- */

FtlDataset *
ftl_dataset_parse (const char *data,
                   gsize       length,
                   const char *name)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (length > FTL_DATASET_MAX_FILE_SIZE)
    return dataset_new_too_large (name);

  FtlDataset *dataset = dataset_new (name);
  const char *end = data + length;
  const char *p = data;
  guint n_read = 0;

  /* Windows editors like to start UTF-8 files with a byte-order mark. */
  if (length >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;

  for (int line = 1; p < end; line++)
    {
      const char *newline = memchr (p, '\n', (gsize) (end - p));
      const char *line_end = newline != NULL ? newline : end;
      gsize line_length = (gsize) (line_end - p);

      if (line_length > 0 && p[line_length - 1] == '\r')
        line_length--;

      if (!is_blank (p, line_length))
        {
          if (n_read == FTL_DATASET_MAX_EXAMPLES)
            {
              add_issue (dataset, line, "too_many_examples",
                         _("The file has more than %d examples, the most Fine-Tune Lab reads; "
                           "this line and the ones after it were not read."),
                         FTL_DATASET_MAX_EXAMPLES);
              break;
            }
          n_read++;
          check_line (dataset, line, p, line_length);
        }

      p = line_end + 1;
    }

  guint n = dataset->examples->len;
  if (n < FTL_DATASET_MIN_EXAMPLES)
    {
      if (n == 0)
        add_issue (dataset, 0, "too_few_examples",
                   _("The file has no valid examples; OpenAI requires at least %d."),
                   FTL_DATASET_MIN_EXAMPLES);
      else
        /* Translators: %u is the number of valid examples, %d the least OpenAI takes (10). */
        add_issue (dataset, 0, "too_few_examples",
                   g_dngettext (GETTEXT_PACKAGE,
                                "The file has only %u valid example; OpenAI requires at least %d.",
                                "The file has only %u valid examples; OpenAI requires at least %d.",
                                n),
                   n, FTL_DATASET_MIN_EXAMPLES);
    }

  return dataset;
}

FtlDataset *
ftl_dataset_load_file (const char *path,
                       GError    **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_autofree char *name = g_filename_display_name (path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, error);
  if (stream == NULL)
    return NULL;

  g_autoptr(GFileInfo) info = g_file_input_stream_query_info (stream,
                                                              G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                              NULL, error);
  if (info == NULL)
    return NULL;
  goffset size = g_file_info_get_size (info);
  if (size > FTL_DATASET_MAX_FILE_SIZE)
    return dataset_new_too_large (name);

  /* The size is only a hint (0 for a pipe, and a file can grow while we
   * read): the limit is enforced on what is actually read. */
  g_autoptr(GByteArray) bytes = g_byte_array_sized_new ((guint) size + 1);
  const gsize chunk = 64 * 1024;
  for (;;)
    {
      guint have = bytes->len;
      gsize n_read;

      g_byte_array_set_size (bytes, have + (guint) chunk);
      if (!g_input_stream_read_all (G_INPUT_STREAM (stream), bytes->data + have, chunk,
                                    &n_read, NULL, error))
        return NULL;
      g_byte_array_set_size (bytes, have + (guint) n_read);
      if (bytes->len > FTL_DATASET_MAX_FILE_SIZE)
        return dataset_new_too_large (name);
      if (n_read < chunk)
        break;
    }

  return ftl_dataset_parse ((const char *) bytes->data, bytes->len, name);
}

void
ftl_dataset_free (FtlDataset *dataset)
{
  if (dataset == NULL)
    return;

  g_free (dataset->name);
  g_array_unref (dataset->issues);
  g_array_unref (dataset->messages);
  g_array_unref (dataset->examples);
  g_string_chunk_free (dataset->strings);
  g_free (dataset);
}

const char *
ftl_dataset_get_name (const FtlDataset *dataset)
{
  g_return_val_if_fail (dataset != NULL, NULL);

  return dataset->name;
}

gboolean
ftl_dataset_is_valid (const FtlDataset *dataset)
{
  g_return_val_if_fail (dataset != NULL, FALSE);

  return dataset->issues->len == 0;
}

guint
ftl_dataset_get_n_errors (const FtlDataset *dataset)
{
  g_return_val_if_fail (dataset != NULL, 0);

  return dataset->issues->len;
}

const FtlDatasetIssue *
ftl_dataset_get_error (const FtlDataset *dataset,
                       guint             index)
{
  g_return_val_if_fail (dataset != NULL, NULL);
  g_return_val_if_fail (index < dataset->issues->len, NULL);

  return &g_array_index (dataset->issues, FtlDatasetIssue, index);
}

char *
ftl_dataset_issue_format (const FtlDataset      *dataset,
                          const FtlDatasetIssue *issue)
{
  g_return_val_if_fail (dataset != NULL, NULL);
  g_return_val_if_fail (issue != NULL, NULL);

  if (issue->line == 0)
    return g_strdup_printf ("%s: %s: %s", dataset->name, issue->code, issue->message);
  return g_strdup_printf ("%s:%d: %s: %s", dataset->name, issue->line, issue->code,
                          issue->message);
}

guint
ftl_dataset_get_n_examples (const FtlDataset *dataset)
{
  g_return_val_if_fail (dataset != NULL, 0);

  return dataset->examples->len;
}

const FtlChatMessage *
ftl_dataset_get_example (const FtlDataset *dataset,
                         guint             index,
                         int              *n_messages,
                         int              *line)
{
  g_return_val_if_fail (dataset != NULL, NULL);
  g_return_val_if_fail (index < dataset->examples->len, NULL);

  const Example *example = &g_array_index (dataset->examples, Example, index);
  if (n_messages != NULL)
    *n_messages = example->n_messages;
  if (line != NULL)
    *line = example->line;
  return &g_array_index (dataset->messages, FtlChatMessage, example->first);
}

/* ---- tokens and statistics ---------------------------------------------------- */

void
ftl_dataset_render_example (const FtlDataset   *dataset,
                            guint               index,
                            const FtlTokenizer *tokenizer,
                            int                 context_length,
                            GArray             *tokens,
                            GArray             *mask)
{
  g_return_if_fail (dataset != NULL && tokenizer != NULL && tokens != NULL);
  g_return_if_fail (index < dataset->examples->len);
  g_return_if_fail (context_length > 0);

  guint tokens_start = tokens->len;
  guint mask_start = mask != NULL ? mask->len : 0;
  int n_messages;
  const FtlChatMessage *messages = ftl_dataset_get_example (dataset, index, &n_messages, NULL);

  /* Appends, like ftl_chat_render, so a caller can pack examples. */
  ftl_chat_render (tokenizer, messages, n_messages, FALSE, tokens, mask);

  /* Truncated from the end, as OpenAI does: what comes first is the context
   * the rest depends on. */
  if (tokens->len - tokens_start > (guint) context_length)
    {
      g_array_set_size (tokens, tokens_start + (guint) context_length);
      if (mask != NULL)
        g_array_set_size (mask, mask_start + (guint) context_length);
    }
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Quantile q of sorted values, interpolated linearly between closest ranks. */
static double
quantile (const double *sorted,
          guint         n,
          double        q)
{
  double position = q * (n - 1);
  guint below = (guint) floor (position);
  guint above = MIN (below + 1, n - 1);

  return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
}

/* Sorts values in place. */
static void
distribution_compute (FtlDistribution *distribution,
                      double          *values,
                      guint            n)
{
  double sum = 0.0;

  *distribution = (FtlDistribution) { 0 };
  if (n == 0)
    return;

  qsort (values, n, sizeof (double), compare_doubles);
  for (guint i = 0; i < n; i++)
    sum += values[i];
  distribution->min = values[0];
  distribution->max = values[n - 1];
  distribution->mean = sum / n;
  distribution->median = quantile (values, n, 0.5);
  distribution->p5 = quantile (values, n, 0.05);
  distribution->p95 = quantile (values, n, 0.95);
}

void
ftl_dataset_compute_stats (const FtlDataset   *dataset,
                           const FtlTokenizer *tokenizer,
                           int                 context_length,
                           FtlDatasetStats    *stats)
{
  g_return_if_fail (dataset != NULL && tokenizer != NULL && stats != NULL);
  g_return_if_fail (context_length > 0);

  guint n = dataset->examples->len;
  g_autofree double *n_messages = g_new (double, n);
  g_autofree double *n_tokens = g_new (double, n);
  g_autofree double *n_assistant_tokens = g_new (double, n);
  g_autoptr(GArray) tokens = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) mask = g_array_new (FALSE, FALSE, sizeof (float));

  *stats = (FtlDatasetStats) { .n_examples = n };
  for (guint i = 0; i < n; i++)
    {
      int count;
      const FtlChatMessage *messages = ftl_dataset_get_example (dataset, i, &count, NULL);
      gboolean has_system = FALSE, has_user = FALSE;
      guint n_trained = 0;

      for (int m = 0; m < count; m++)
        {
          has_system |= messages[m].role == FTL_ROLE_SYSTEM;
          has_user |= messages[m].role == FTL_ROLE_USER;
        }
      stats->n_missing_system += !has_system;
      stats->n_missing_user += !has_user;

      /* Counted before truncation, so the numbers say how much is cut off. */
      g_array_set_size (tokens, 0);
      g_array_set_size (mask, 0);
      ftl_chat_render (tokenizer, messages, count, FALSE, tokens, mask);
      for (guint t = 0; t < mask->len; t++)
        n_trained += g_array_index (mask, float, t) > 0.f;

      n_messages[i] = count;
      n_tokens[i] = tokens->len;
      n_assistant_tokens[i] = n_trained;
      if (tokens->len > (guint) context_length)
        stats->n_over_context++;
      stats->total_tokens += MIN (tokens->len, (guint) context_length);
    }

  distribution_compute (&stats->messages_per_example, n_messages, n);
  distribution_compute (&stats->tokens_per_example, n_tokens, n);
  distribution_compute (&stats->assistant_tokens_per_example, n_assistant_tokens, n);
}
