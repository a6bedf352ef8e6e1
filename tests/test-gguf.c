/* test-gguf.c — GGUF reader/writer: round trips, files, hostile input, and
 * the half-precision conversion.
 */
#include "ftl-gguf.h"

#include <check.h>
#include <float.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

/* ---- helpers ----------------------------------------------------------------- */

static float
float_from_bits (guint32 bits)
{
  float value;

  memcpy (&value, &bits, sizeof value);
  return value;
}

static guint32
bits_from_float (float value)
{
  guint32 bits;

  memcpy (&bits, &value, sizeof bits);
  return bits;
}

static FtlGguf *
read_ok (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  FtlGguf *gguf = ftl_gguf_read_bytes (bytes, &error);

  ck_assert_msg (gguf != NULL, "read failed: %s", error ? error->message : "?");
  return gguf;
}

/* Values spanning 1e-3 … 1e3 in magnitude, both signs, some F16 subnormal. */
static void
fill_values (float *values,
             guint64 n,
             int     seed)
{
  for (guint64 i = 0; i < n; i++)
    values[i] = sinf (seed * 1.7f + i * 0.91f) * powf (10.0f, (float) (i % 7) - 3.0f);
}

typedef struct
{
  const char  *name;
  FtlGgmlType  type;
  int          n_dims;
  guint64      ne[4];
} TensorSpec;

static const TensorSpec sample_tensors[] = {
  { "token_embd.weight",   FTL_GGML_TYPE_F16, 2, { 6, 4 } },
  { "blk.0.attn_q.bias",   FTL_GGML_TYPE_F32, 1, { 7 } },
  { "blk.0.attn_q.weight", FTL_GGML_TYPE_F32, 2, { 5, 3 } },
  { "cube",                FTL_GGML_TYPE_F32, 3, { 4, 3, 2 } },
  { "hyper",               FTL_GGML_TYPE_F16, 4, { 2, 1, 3, 2 } },
  { "one",                 FTL_GGML_TYPE_F16, 1, { 1 } },
};

static guint64
spec_n_elements (const TensorSpec *spec)
{
  guint64 n = 1;

  for (int d = 0; d < spec->n_dims; d++)
    n *= spec->ne[d];
  return n;
}

static const char * const sample_tokens[] = { "a", "Ġb", "", "<|im_end|>", "안녕" };
static const gint32 sample_ints[] = { 1, -1, G_MININT32, G_MAXINT32, 0 };
static const float sample_floats[] = { 0.0f, -0.0f, 1.5f, -3.25e-7f, FLT_MAX, INFINITY };

/* Insertion order of the sample's keys, which the file must keep. */
static const char * const sample_keys[] = {
  "general.architecture", "general.name", "test.uint32", "test.int32",
  "test.uint64", "test.float32", "test.true", "test.false", "test.empty_string",
  "tokenizer.ggml.tokens", "test.no_strings", "tokenizer.ggml.token_type",
  "test.floats",
};

static FtlGgufWriter *
make_sample_writer (void)
{
  FtlGgufWriter *writer = ftl_gguf_writer_new ();

  ftl_gguf_writer_add_string (writer, "general.architecture", "qwen2");
  ftl_gguf_writer_add_string (writer, "general.name", "Fine-Tune Lab — 미세조정");
  ftl_gguf_writer_add_uint32 (writer, "test.uint32", 3000000000u);
  ftl_gguf_writer_add_int32 (writer, "test.int32", -123456);
  ftl_gguf_writer_add_uint64 (writer, "test.uint64", G_GUINT64_CONSTANT (0x123456789abcdef0));
  ftl_gguf_writer_add_float32 (writer, "test.float32", 1e-3f);
  ftl_gguf_writer_add_bool (writer, "test.true", TRUE);
  ftl_gguf_writer_add_bool (writer, "test.false", FALSE);
  ftl_gguf_writer_add_string (writer, "test.empty_string", "");
  ftl_gguf_writer_add_string_array (writer, "tokenizer.ggml.tokens", sample_tokens,
                                    G_N_ELEMENTS (sample_tokens));
  ftl_gguf_writer_add_string_array (writer, "test.no_strings", NULL, 0);
  ftl_gguf_writer_add_int32_array (writer, "tokenizer.ggml.token_type", sample_ints,
                                   G_N_ELEMENTS (sample_ints));
  ftl_gguf_writer_add_float32_array (writer, "test.floats", sample_floats,
                                     G_N_ELEMENTS (sample_floats));

  for (guint i = 0; i < G_N_ELEMENTS (sample_tensors); i++)
    {
      const TensorSpec *spec = &sample_tensors[i];
      g_autofree float *values = g_new (float, spec_n_elements (spec));

      fill_values (values, spec_n_elements (spec), i);
      ftl_gguf_writer_add_tensor (writer, spec->name, spec->type, spec->n_dims, spec->ne, values);
    }
  return writer;
}

static GBytes *
make_sample_bytes (void)
{
  g_autoptr(FtlGgufWriter) writer = make_sample_writer ();

  return ftl_gguf_writer_to_bytes (writer);
}

/* A small file: two keys, an F32 tensor of 32 bytes and a last F32 tensor of
 * 12 bytes, so the file ends in 20 bytes of padding. */
static GBytes *
make_small_bytes (void)
{
  static const float a[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
  static const float b[3] = { -1, -2, -3 };
  static const guint64 ne_a[] = { 4, 2 };
  static const guint64 ne_b[] = { 3 };
  static const char * const tokens[] = { "x", "yz" };
  g_autoptr(FtlGgufWriter) writer = ftl_gguf_writer_new ();

  ftl_gguf_writer_add_string (writer, "general.architecture", "qwen2");
  ftl_gguf_writer_add_string_array (writer, "tokenizer.ggml.tokens", tokens, 2);
  ftl_gguf_writer_add_tensor (writer, "a", FTL_GGML_TYPE_F32, 2, ne_a, a);
  ftl_gguf_writer_add_tensor (writer, "b", FTL_GGML_TYPE_F32, 1, ne_b, b);
  return ftl_gguf_writer_to_bytes (writer);
}

static gsize
tensor_file_offset (GBytes              *bytes,
                    const FtlGgufTensor *tensor)
{
  return tensor->data - (const guint8 *) g_bytes_get_data (bytes, NULL);
}

static void
check_sample (const FtlGguf *gguf)
{
  g_autoptr(GError) error = NULL;
  const char *s;
  guint32 u32;
  gint32 i32;
  guint64 u64;
  float f;
  gboolean b;

  ck_assert_int_eq (ftl_gguf_get_version (gguf), 3);
  ck_assert_int_eq (ftl_gguf_get_n_keys (gguf), G_N_ELEMENTS (sample_keys));
  for (guint i = 0; i < G_N_ELEMENTS (sample_keys); i++)
    ck_assert_str_eq (ftl_gguf_get_key (gguf, i), sample_keys[i]);

  ck_assert (ftl_gguf_get_string (gguf, "general.architecture", &s, &error));
  ck_assert_str_eq (s, "qwen2");
  ck_assert (ftl_gguf_get_string (gguf, "general.name", &s, &error));
  ck_assert_str_eq (s, "Fine-Tune Lab — 미세조정");
  ck_assert (ftl_gguf_get_string (gguf, "test.empty_string", &s, &error));
  ck_assert_str_eq (s, "");
  ck_assert (ftl_gguf_get_uint32 (gguf, "test.uint32", &u32, &error));
  ck_assert_uint_eq (u32, 3000000000u);
  ck_assert (ftl_gguf_get_int32 (gguf, "test.int32", &i32, &error));
  ck_assert_int_eq (i32, -123456);
  ck_assert (ftl_gguf_get_uint64 (gguf, "test.uint64", &u64, &error));
  ck_assert_uint_eq (u64, G_GUINT64_CONSTANT (0x123456789abcdef0));
  ck_assert (ftl_gguf_get_float32 (gguf, "test.float32", &f, &error));
  ck_assert_uint_eq (bits_from_float (f), bits_from_float (1e-3f));
  ck_assert (ftl_gguf_get_bool (gguf, "test.true", &b, &error));
  ck_assert (b);
  ck_assert (ftl_gguf_get_bool (gguf, "test.false", &b, &error));
  ck_assert (!b);

  FtlGgufType type, array_type;
  guint64 length;
  ck_assert (ftl_gguf_lookup (gguf, "tokenizer.ggml.tokens", &type, &array_type, &length));
  ck_assert_int_eq (type, FTL_GGUF_TYPE_ARRAY);
  ck_assert_int_eq (array_type, FTL_GGUF_TYPE_STRING);
  ck_assert_uint_eq (length, G_N_ELEMENTS (sample_tokens));
  ck_assert (ftl_gguf_lookup (gguf, "test.uint64", &type, NULL, NULL));
  ck_assert_int_eq (type, FTL_GGUF_TYPE_UINT64);
  ck_assert (!ftl_gguf_lookup (gguf, "test.absent", &type, NULL, NULL));

  const char * const *strings;
  ck_assert (ftl_gguf_get_string_array (gguf, "tokenizer.ggml.tokens", &strings, &length, &error));
  ck_assert_uint_eq (length, G_N_ELEMENTS (sample_tokens));
  for (guint i = 0; i < length; i++)
    ck_assert_str_eq (strings[i], sample_tokens[i]);
  ck_assert (ftl_gguf_get_string_array (gguf, "test.no_strings", &strings, &length, &error));
  ck_assert_uint_eq (length, 0);

  const gint32 *ints;
  ck_assert (ftl_gguf_get_int32_array (gguf, "tokenizer.ggml.token_type", &ints, &length, &error));
  ck_assert_uint_eq (length, G_N_ELEMENTS (sample_ints));
  ck_assert_mem_eq (ints, sample_ints, sizeof sample_ints);

  const float *floats;
  ck_assert (ftl_gguf_get_float32_array (gguf, "test.floats", &floats, &length, &error));
  ck_assert_uint_eq (length, G_N_ELEMENTS (sample_floats));
  ck_assert_mem_eq (floats, sample_floats, sizeof sample_floats);
  ck_assert_ptr_null (error);

  ck_assert_int_eq (ftl_gguf_get_n_tensors (gguf), G_N_ELEMENTS (sample_tensors));
  for (guint i = 0; i < G_N_ELEMENTS (sample_tensors); i++)
    {
      const TensorSpec *spec = &sample_tensors[i];
      const FtlGgufTensor *t = ftl_gguf_get_tensor (gguf, i);
      guint64 n = spec_n_elements (spec);

      ck_assert_ptr_eq (ftl_gguf_find_tensor (gguf, spec->name), t);
      ck_assert_str_eq (t->name, spec->name);
      ck_assert_int_eq (t->n_dims, spec->n_dims);
      for (int d = 0; d < 4; d++)
        ck_assert_uint_eq (t->ne[d], d < spec->n_dims ? spec->ne[d] : 1);
      ck_assert_int_eq (t->type, spec->type);
      ck_assert_uint_eq (t->n_elements, n);
      ck_assert_uint_eq (t->n_bytes, n * (spec->type == FTL_GGML_TYPE_F32 ? 4 : 2));

      g_autofree float *expected = g_new (float, n);
      g_autofree float *got = g_new (float, n);
      fill_values (expected, n, i);
      ck_assert (ftl_gguf_tensor_to_float (t, got, n, &error));
      for (guint64 k = 0; k < n; k++)
        {
          if (spec->type == FTL_GGML_TYPE_F32)
            {
              ck_assert_uint_eq (bits_from_float (got[k]), bits_from_float (expected[k]));
              continue;
            }
          /* Round to nearest: half an ulp, 2^-11 relative for normal halves,
           * 2^-25 absolute for subnormals. */
          float tolerance = fmaxf (fabsf (expected[k]) * 0x1p-11f, 0x1p-25f);
          ck_assert_msg (fabsf (got[k] - expected[k]) <= tolerance,
                         "%s[%" G_GUINT64_FORMAT "]: %g vs %g", spec->name, k,
                         got[k], expected[k]);
          ck_assert_float_eq (got[k], ftl_half_to_float (ftl_float_to_half (expected[k])));
        }
    }
  ck_assert_ptr_null (ftl_gguf_find_tensor (gguf, "absent"));
}

/* ---- round trips -------------------------------------------------------------- */

START_TEST (test_round_trip)
{
  g_autoptr(GBytes) bytes = make_sample_bytes ();
  g_autoptr(FtlGguf) gguf = read_ok (bytes);
  const guint8 *data = g_bytes_get_data (bytes, NULL);

  ck_assert_mem_eq (data, "GGUF", 4);
  check_sample (gguf);

  /* Default alignment: every tensor starts on a multiple of 32 bytes. */
  for (int i = 0; i < ftl_gguf_get_n_tensors (gguf); i++)
    ck_assert_uint_eq (tensor_file_offset (bytes, ftl_gguf_get_tensor (gguf, i)) % 32, 0);
  /* The writer pads the last tensor too, as llama.cpp's writer does. */
  ck_assert_uint_eq (g_bytes_get_size (bytes) % 32, 0);

  /* Writing is deterministic. */
  g_autoptr(GBytes) again = make_sample_bytes ();
  ck_assert (g_bytes_equal (bytes, again));
}
END_TEST

START_TEST (test_alignment)
{
  static const guint32 alignments[] = { 1, 8, 64, 4096 };

  for (guint a = 0; a < G_N_ELEMENTS (alignments); a++)
    {
      g_autoptr(FtlGgufWriter) writer = ftl_gguf_writer_new ();
      static const float values[5] = { 1, 2, 3, 4, 5 };

      ftl_gguf_writer_add_uint32 (writer, "general.alignment", alignments[a]);
      for (guint64 n = 1; n <= 5; n++)
        {
          g_autofree char *name = g_strdup_printf ("t%" G_GUINT64_FORMAT, n);
          ftl_gguf_writer_add_tensor (writer, name, FTL_GGML_TYPE_F16, 1, &n, values);
        }

      g_autoptr(GBytes) bytes = ftl_gguf_writer_to_bytes (writer);
      g_autoptr(FtlGguf) gguf = read_ok (bytes);
      guint32 alignment;

      ck_assert (ftl_gguf_get_uint32 (gguf, "general.alignment", &alignment, NULL));
      ck_assert_uint_eq (alignment, alignments[a]);
      ck_assert_int_eq (ftl_gguf_get_n_tensors (gguf), 5);
      for (int i = 0; i < 5; i++)
        {
          const FtlGgufTensor *t = ftl_gguf_get_tensor (gguf, i);
          float got[5];

          ck_assert_uint_eq (tensor_file_offset (bytes, t) % alignments[a], 0);
          ck_assert (ftl_gguf_tensor_to_float (t, got, i + 1, NULL));
          ck_assert_mem_eq (got, values, (i + 1) * sizeof (float));
        }
    }
}
END_TEST

START_TEST (test_getters)
{
  g_autoptr(GBytes) bytes = make_sample_bytes ();
  g_autoptr(FtlGguf) gguf = read_ok (bytes);
  guint32 u32;
  gint32 i32;
  guint64 u64;
  float f;
  const char *s;
  const float *floats;
  guint64 length;

  /* Integer getters take any integer type whose value fits. */
  ck_assert (ftl_gguf_get_uint64 (gguf, "test.uint32", &u64, NULL));
  ck_assert_uint_eq (u64, 3000000000u);

  enum { STRING, UINT32, INT32, UINT64, FLOAT32, BOOL };
  struct
  {
    int         getter;
    const char *key;
    const char *needle;
  } failures[] = {
    { STRING, "test.absent", "absent" },
    { STRING, "test.int32", "int32, not string" },
    { INT32, "test.uint32", "doesn't fit in int32" },
    { UINT32, "test.int32", "doesn't fit in uint32" },
    { UINT64, "test.int32", "doesn't fit in uint64" },
    { UINT32, "test.uint64", "doesn't fit in uint32" },
    { INT32, "test.float32", "not an integer" },
    { UINT32, "test.true", "not an integer" },
    { FLOAT32, "test.int32", "int32, not float32" },
    { BOOL, "test.uint32", "uint32, not bool" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (failures); i++)
    {
      g_autoptr(GError) error = NULL;
      const char *key = failures[i].key;
      gboolean ok = TRUE;
      gboolean b;

      switch (failures[i].getter)
        {
        case STRING: ok = ftl_gguf_get_string (gguf, key, &s, &error); break;
        case UINT32: ok = ftl_gguf_get_uint32 (gguf, key, &u32, &error); break;
        case INT32: ok = ftl_gguf_get_int32 (gguf, key, &i32, &error); break;
        case UINT64: ok = ftl_gguf_get_uint64 (gguf, key, &u64, &error); break;
        case FLOAT32: ok = ftl_gguf_get_float32 (gguf, key, &f, &error); break;
        case BOOL: ok = ftl_gguf_get_bool (gguf, key, &b, &error); break;
        }
      ck_assert (!ok);
      ck_assert (g_error_matches (error, FTL_GGUF_ERROR, FTL_GGUF_ERROR_MISSING));
      ck_assert_msg (strstr (error->message, failures[i].needle) != NULL,
                     "'%s' lacks '%s'", error->message, failures[i].needle);
    }

  g_autoptr(GError) error = NULL;
  ck_assert (!ftl_gguf_get_float32_array (gguf, "tokenizer.ggml.tokens", &floats, &length, &error));
  ck_assert (g_error_matches (error, FTL_GGUF_ERROR, FTL_GGUF_ERROR_MISSING));
  ck_assert_ptr_nonnull (strstr (error->message, "array of string, not array of float32"));
  g_clear_error (&error);
  ck_assert (!ftl_gguf_get_float32_array (gguf, "test.float32", &floats, &length, &error));
  ck_assert (g_error_matches (error, FTL_GGUF_ERROR, FTL_GGUF_ERROR_MISSING));
  g_clear_error (&error);

  /* tensor_to_float insists on the exact element count. */
  const FtlGgufTensor *t = ftl_gguf_find_tensor (gguf, "cube");
  float buffer[25];
  ck_assert_ptr_nonnull (t);
  ck_assert (!ftl_gguf_tensor_to_float (t, buffer, 25, &error));
  ck_assert (g_error_matches (error, FTL_GGUF_ERROR, FTL_GGUF_ERROR_MISSING));
  ck_assert_ptr_nonnull (strstr (error->message, "cube"));
  ck_assert (ftl_gguf_tensor_to_float (t, buffer, 24, NULL));
}
END_TEST

static int n_criticals;

static void
count_criticals (const char    *domain,
                 GLogLevelFlags level,
                 const char    *message,
                 gpointer       user_data)
{
  if (level & G_LOG_LEVEL_CRITICAL)
    n_criticals++;
}

/* Misuse of the writer is refused with a critical and never makes a file
 * that readers would reject. */
START_TEST (test_writer_refuses_misuse)
{
  g_autoptr(FtlGgufWriter) writer = ftl_gguf_writer_new ();
  static const float values[2] = { 1, 2 };
  static const guint64 ne[] = { 2 };
  static const guint64 bad_ne[] = { 0 };

  g_log_set_always_fatal (G_LOG_FATAL_MASK);
  g_log_set_default_handler (count_criticals, NULL);

  ftl_gguf_writer_add_uint32 (writer, "a", 1);
  ftl_gguf_writer_add_int32 (writer, "a", 2);
  ftl_gguf_writer_add_uint64 (writer, "general.alignment", 64);
  ftl_gguf_writer_add_uint32 (writer, "general.alignment", 24);
  ftl_gguf_writer_add_tensor (writer, "t", FTL_GGML_TYPE_F32, 1, ne, values);
  ftl_gguf_writer_add_tensor (writer, "t", FTL_GGML_TYPE_F16, 1, ne, values);
  ftl_gguf_writer_add_tensor (writer, "u", FTL_GGML_TYPE_F32, 5, ne, values);
  ftl_gguf_writer_add_tensor (writer, "v", FTL_GGML_TYPE_F32, 1, bad_ne, values);
  ck_assert_int_eq (n_criticals, 6);

  g_autoptr(GBytes) bytes = ftl_gguf_writer_to_bytes (writer);
  g_autoptr(FtlGguf) gguf = read_ok (bytes);
  guint32 value;

  ck_assert_int_eq (ftl_gguf_get_n_keys (gguf), 1);
  ck_assert (ftl_gguf_get_uint32 (gguf, "a", &value, NULL));
  ck_assert_uint_eq (value, 1);
  ck_assert_int_eq (ftl_gguf_get_n_tensors (gguf), 1);
  ck_assert_int_eq (ftl_gguf_get_tensor (gguf, 0)->type, FTL_GGML_TYPE_F32);
}
END_TEST

/* ---- files ------------------------------------------------------------------ */

static guint
count_dir_entries (const char *dir,
                   const char *expected_only)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  ck_assert_ptr_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      ck_assert_msg (strcmp (name, expected_only) == 0, "stray file '%s'", name);
      n++;
    }
  return n;
}

START_TEST (test_file_write_read)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ftl-gguf-XXXXXX", &error);
  ck_assert_msg (dir != NULL, "%s", error ? error->message : "?");
  g_autofree char *path = g_build_filename (dir, "model.gguf", NULL);

  g_autoptr(FtlGgufWriter) writer = make_sample_writer ();
  ck_assert (ftl_gguf_writer_write (writer, path, &error));
  ck_assert_uint_eq (count_dir_entries (dir, "model.gguf"), 1);

  /* The file holds exactly the bytes to_bytes gives. */
  g_autofree char *contents = NULL;
  gsize size;
  g_autoptr(GBytes) expected = ftl_gguf_writer_to_bytes (writer);
  ck_assert (g_file_get_contents (path, &contents, &size, NULL));
  ck_assert_uint_eq (size, g_bytes_get_size (expected));
  ck_assert_mem_eq (contents, g_bytes_get_data (expected, NULL), size);

  {
    g_autoptr(FtlGguf) gguf = ftl_gguf_read_file (path, &error);
    ck_assert_msg (gguf != NULL, "%s", error ? error->message : "?");
    check_sample (gguf);
  }

  /* Replacing an existing file: the new contents, still no temporary left. */
  {
    g_autoptr(FtlGgufWriter) other = ftl_gguf_writer_new ();
    static const float one = 1.0f;
    static const guint64 ne = 1;

    ftl_gguf_writer_add_string (other, "general.architecture", "other");
    ftl_gguf_writer_add_tensor (other, "x", FTL_GGML_TYPE_F32, 1, &ne, &one);
    ck_assert (ftl_gguf_writer_write (other, path, &error));
  }
  ck_assert_uint_eq (count_dir_entries (dir, "model.gguf"), 1);
  {
    g_autoptr(FtlGguf) gguf = ftl_gguf_read_file (path, &error);
    const char *arch;

    ck_assert_ptr_nonnull (gguf);
    ck_assert (ftl_gguf_get_string (gguf, "general.architecture", &arch, NULL));
    ck_assert_str_eq (arch, "other");
    ck_assert_int_eq (ftl_gguf_get_n_tensors (gguf), 1);
  }

  /* A write that can't happen fails cleanly and leaves nothing behind. */
  g_autofree char *bad_path = g_build_filename (dir, "missing", "model.gguf", NULL);
  ck_assert (!ftl_gguf_writer_write (writer, bad_path, &error));
  ck_assert_ptr_nonnull (error);
  g_clear_error (&error);
  ck_assert_uint_eq (count_dir_entries (dir, "model.gguf"), 1);

  /* Reading: a missing file is a file error, a bad one names the path. */
  ck_assert_ptr_null (ftl_gguf_read_file (bad_path, &error));
  ck_assert (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT));
  g_clear_error (&error);

  ck_assert (g_file_set_contents (path, "GGUF\3\0\0", 7, NULL));
  ck_assert_ptr_null (ftl_gguf_read_file (path, &error));
  ck_assert (g_error_matches (error, FTL_GGUF_ERROR, FTL_GGUF_ERROR_MALFORMED));
  ck_assert_msg (g_str_has_prefix (error->message, path), "%s", error->message);
  g_clear_error (&error);

  ck_assert (g_file_set_contents (path, "", 0, NULL));
  ck_assert_ptr_null (ftl_gguf_read_file (path, &error));
  ck_assert (g_error_matches (error, FTL_GGUF_ERROR, FTL_GGUF_ERROR_MALFORMED));
  g_clear_error (&error);

  ck_assert_int_eq (g_unlink (path), 0);
  ck_assert_int_eq (g_rmdir (dir), 0);
}
END_TEST

/* ---- malformed input -------------------------------------------------------- */

static void
assert_clean_error (const GError *error)
{
  ck_assert_ptr_nonnull (error);
  ck_assert_msg (error->domain == FTL_GGUF_ERROR, "wrong domain: %s", error->message);
  ck_assert_msg (strstr (error->message, "(at byte ") != NULL, "no offset: %s", error->message);
}

/* Every prefix shorter than the end of the last tensor's data fails as
 * MALFORMED; the trailing padding is not required. */
START_TEST (test_truncation)
{
  g_autoptr(GBytes) full = make_small_bytes ();
  gsize size;
  const guint8 *data = g_bytes_get_data (full, &size);
  gsize end;

  {
    g_autoptr(FtlGguf) gguf = read_ok (full);
    const FtlGgufTensor *last = ftl_gguf_get_tensor (gguf, 1);

    end = tensor_file_offset (full, last) + last->n_bytes;
    ck_assert_uint_eq (size - end, 20);
  }

  for (gsize length = 0; length <= size; length++)
    {
      /* A heap copy of exactly length bytes, so ASan sees any overread. */
      g_autoptr(GBytes) prefix = g_bytes_new (data, length);
      g_autoptr(GError) error = NULL;
      g_autoptr(FtlGguf) gguf = ftl_gguf_read_bytes (prefix, &error);

      if (length < end)
        {
          ck_assert_msg (gguf == NULL, "prefix of %" G_GSIZE_FORMAT " bytes parsed", length);
          assert_clean_error (error);
          ck_assert_int_eq (error->code, FTL_GGUF_ERROR_MALFORMED);
        }
      else
        ck_assert_msg (gguf != NULL, "prefix of %" G_GSIZE_FORMAT ": %s", length,
                       error->message);
    }
}
END_TEST

/* Values are summed into a volatile so every element is really read. */
static volatile double sink;

/* Touches everything a parsed file offers, so ASan sees any bad pointer. */
static void
exercise (const FtlGguf *gguf,
          GBytes        *bytes)
{
  gsize size;
  const guint8 *base = g_bytes_get_data (bytes, &size);
  for (int i = 0; i < ftl_gguf_get_n_keys (gguf); i++)
    {
      const char *key = ftl_gguf_get_key (gguf, i);
      FtlGgufType type, array_type = FTL_GGUF_TYPE_UINT8;
      guint64 length = 0;
      const char *s;
      const char * const *strings;
      const gint32 *ints;
      const float *floats;
      guint64 u64;

      ck_assert (ftl_gguf_lookup (gguf, key, &type, &array_type, &length));
      if (type == FTL_GGUF_TYPE_STRING)
        ck_assert (ftl_gguf_get_string (gguf, key, &s, NULL) && strlen (s) < size);
      ftl_gguf_get_uint64 (gguf, key, &u64, NULL);
      if (ftl_gguf_get_string_array (gguf, key, &strings, &length, NULL))
        for (guint64 k = 0; k < length; k++)
          ck_assert (strlen (strings[k]) < size);
      if (ftl_gguf_get_int32_array (gguf, key, &ints, &length, NULL))
        {
          ck_assert (length <= size / 4);
          for (guint64 k = 0; k < length; k++)
            sink += ints[k];
        }
      if (ftl_gguf_get_float32_array (gguf, key, &floats, &length, NULL))
        {
          ck_assert (length <= size / 4);
          for (guint64 k = 0; k < length; k++)
            sink += floats[k];
        }
    }

  for (int i = 0; i < ftl_gguf_get_n_tensors (gguf); i++)
    {
      const FtlGgufTensor *t = ftl_gguf_get_tensor (gguf, i);

      ck_assert (t->data >= base && t->n_bytes <= size && t->data - base <= (gssize) (size - t->n_bytes));
      g_autofree float *values = g_new (float, t->n_elements);
      ck_assert (ftl_gguf_tensor_to_float (t, values, t->n_elements, NULL));
      for (guint64 k = 0; k < t->n_elements; k++)
        sink += values[k];
    }
}

START_TEST (test_header_fuzz)
{
  g_autoptr(GBytes) original = make_sample_bytes ();
  gsize size;
  const guint8 *data = g_bytes_get_data (original, &size);
  gsize header_end;
  int n_parsed = 0, n_rejected = 0;

  {
    g_autoptr(FtlGguf) gguf = read_ok (original);
    header_end = tensor_file_offset (original, ftl_gguf_get_tensor (gguf, 0));
  }

  for (guint32 seed = 0; seed < 4000; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      guint8 *copy = g_memdup2 (data, size);
      int n_flips = g_rand_int_range (rand, 1, 5);

      for (int k = 0; k < n_flips; k++)
        {
          gsize pos = g_rand_int_range (rand, 0, header_end);

          switch (g_rand_int_range (rand, 0, 3))
            {
            case 0: copy[pos] ^= 1 << g_rand_int_range (rand, 0, 8); break;
            case 1: copy[pos] = g_rand_int_range (rand, 0, 256); break;
            default: copy[pos] = g_rand_boolean (rand) ? 0x00 : 0xff; break;
            }
        }

      g_autoptr(GBytes) bytes = g_bytes_new_take (copy, size);
      g_autoptr(GError) error = NULL;
      g_autoptr(FtlGguf) gguf = ftl_gguf_read_bytes (bytes, &error);

      if (gguf != NULL)
        {
          ck_assert_ptr_null (error);
          exercise (gguf, bytes);
          n_parsed++;
        }
      else
        {
          assert_clean_error (error);
          n_rejected++;
        }
    }
  /* Flips inside string payloads keep the file valid; most others don't. */
  ck_assert_int_gt (n_parsed, 0);
  ck_assert_int_gt (n_rejected, 0);
}
END_TEST

/* ---- hand-made files -------------------------------------------------------- */

static void
put_u32 (GByteArray *b,
         guint32     value)
{
  value = GUINT32_TO_LE (value);
  g_byte_array_append (b, (const guint8 *) &value, 4);
}

static void
put_u64 (GByteArray *b,
         guint64     value)
{
  value = GUINT64_TO_LE (value);
  g_byte_array_append (b, (const guint8 *) &value, 8);
}

static void
put_str (GByteArray *b,
         const char *s)
{
  put_u64 (b, strlen (s));
  g_byte_array_append (b, (const guint8 *) s, strlen (s));
}

static GByteArray *
start_file (guint32 version,
            guint64 n_tensors,
            guint64 n_kvs)
{
  GByteArray *b = g_byte_array_new ();

  g_byte_array_append (b, (const guint8 *) "GGUF", 4);
  put_u32 (b, version);
  put_u64 (b, n_tensors);
  put_u64 (b, n_kvs);
  return b;
}

static void
put_kv_u32 (GByteArray *b,
            const char *key,
            guint32     value)
{
  put_str (b, key);
  put_u32 (b, FTL_GGUF_TYPE_UINT32);
  put_u32 (b, value);
}

/* Writes a tensor info; returns the byte offset of its n_dims field. */
static gsize
put_tensor_info (GByteArray    *b,
                 const char    *name,
                 guint32        n_dims,
                 const guint64 *ne,
                 guint32        type,
                 guint64        offset)
{
  put_str (b, name);
  gsize n_dims_pos = b->len;
  put_u32 (b, n_dims);
  for (guint32 d = 0; d < n_dims; d++)
    put_u64 (b, ne[d]);
  put_u32 (b, type);
  put_u64 (b, offset);
  return n_dims_pos;
}

/* Pads to a 32-byte data section and appends n_bytes of tensor data. */
static void
put_data (GByteArray *b,
          gsize       n_bytes)
{
  static const guint8 zero = 0;

  while (b->len % 32 != 0)
    g_byte_array_append (b, &zero, 1);
  for (gsize i = 0; i < n_bytes; i++)
    g_byte_array_append (b, &zero, 1);
}

/* Reads b (consuming it) and checks the error's code, wording and offset. */
static void
expect_error (GByteArray  *b,
              FtlGgufError code,
              const char  *needle,
              gsize        at)
{
  g_autoptr(GBytes) bytes = g_byte_array_free_to_bytes (b);
  g_autoptr(GError) error = NULL;
  g_autoptr(FtlGguf) gguf = ftl_gguf_read_bytes (bytes, &error);
  g_autofree char *where = g_strdup_printf ("(at byte %" G_GSIZE_FORMAT ")", at);

  ck_assert_ptr_null (gguf);
  assert_clean_error (error);
  ck_assert_msg (error->code == (int) code, "code %d, expected %d: %s", error->code, code,
                 error->message);
  ck_assert_msg (strstr (error->message, needle) != NULL, "'%s' lacks '%s'",
                 error->message, needle);
  ck_assert_msg (strstr (error->message, where) != NULL, "'%s' lacks '%s'",
                 error->message, where);
}

static FtlGguf *
expect_ok (GByteArray *b)
{
  g_autoptr(GBytes) bytes = g_byte_array_free_to_bytes (b);

  return read_ok (bytes);
}

START_TEST (test_lying_header)
{
  const guint64 huge = G_GUINT64_CONSTANT (1) << 60;
  GByteArray *b;

  b = start_file (3, 0, 0);
  b->data[3] = 'X';
  expect_error (b, FTL_GGUF_ERROR_MALFORMED, "bad magic", 0);

  expect_error (start_file (1, 0, 0), FTL_GGUF_ERROR_UNSUPPORTED, "version 1", 4);
  expect_error (start_file (4, 0, 0), FTL_GGUF_ERROR_UNSUPPORTED, "version 4", 4);
  expect_error (start_file (GUINT32_SWAP_LE_BE (3), 0, 0), FTL_GGUF_ERROR_UNSUPPORTED,
                "big-endian", 4);

  expect_error (start_file (3, huge, 0), FTL_GGUF_ERROR_MALFORMED, "tensors", 8);
  expect_error (start_file (3, G_MAXUINT64, 0), FTL_GGUF_ERROR_MALFORMED, "tensors", 8);
  expect_error (start_file (3, 0, huge), FTL_GGUF_ERROR_MALFORMED, "metadata pairs", 16);
  expect_error (start_file (3, 1, 0), FTL_GGUF_ERROR_MALFORMED, "tensors", 8);

  /* Three pairs claimed, room for one. */
  b = start_file (3, 0, 3);
  put_kv_u32 (b, "a", 1);
  expect_error (b, FTL_GGUF_ERROR_MALFORMED, "metadata pairs", 16);

  /* A key claiming 2^62 bytes. */
  b = start_file (3, 0, 1);
  put_u64 (b, G_GUINT64_CONSTANT (1) << 62);
  put_u32 (b, FTL_GGUF_TYPE_UINT32);
  put_u32 (b, 0);
  expect_error (b, FTL_GGUF_ERROR_MALFORMED, "metadata key claims", 24);

  /* A string value claiming more than the rest of the file. */
  b = start_file (3, 0, 1);
  put_str (b, "general.name");
  put_u32 (b, FTL_GGUF_TYPE_STRING);
  gsize at = b->len;
  put_u64 (b, 9);
  g_byte_array_append (b, (const guint8 *) "abcdefgh", 8);
  expect_error (b, FTL_GGUF_ERROR_MALFORMED, "metadata string claims 9 bytes", at);

  /* Arrays claiming more elements than the rest of the file. */
  b = start_file (3, 0, 1);
  put_str (b, "big");
  put_u32 (b, FTL_GGUF_TYPE_ARRAY);
  put_u32 (b, FTL_GGUF_TYPE_UINT32);
  at = b->len;
  put_u64 (b, G_MAXUINT64);
  put_u32 (b, 7);
  expect_error (b, FTL_GGUF_ERROR_MALFORMED, "uint32 values", at);

  b = start_file (3, 0, 1);
  put_str (b, "tokenizer.ggml.tokens");
  put_u32 (b, FTL_GGUF_TYPE_ARRAY);
  put_u32 (b, FTL_GGUF_TYPE_STRING);
  at = b->len;
  put_u64 (b, G_GUINT64_CONSTANT (1) << 40);
  put_str (b, "a");
  expect_error (b, FTL_GGUF_ERROR_MALFORMED, "string values", at);

  /* Three strings claimed, the file holds two (each length within bounds). */
  b = start_file (3, 0, 1);
  put_str (b, "tokenizer.ggml.tokens");
  put_u32 (b, FTL_GGUF_TYPE_ARRAY);
  put_u32 (b, FTL_GGUF_TYPE_STRING);
  put_u64 (b, 3);
  put_str (b, "a");
  put_str (b, "bcdefghijklmnopq");
  at = b->len;
  expect_error (b, FTL_GGUF_ERROR_MALFORMED, "file ends inside array string", at);

  /* Arrays of arrays and unknown types. */
  b = start_file (3, 0, 1);
  put_str (b, "nested");
  put_u32 (b, FTL_GGUF_TYPE_ARRAY);
  at = b->len;
  put_u32 (b, FTL_GGUF_TYPE_ARRAY);
  put_u64 (b, 1);
  put_u32 (b, FTL_GGUF_TYPE_UINT8);
  put_u64 (b, 1);
  put_u32 (b, 0);
  expect_error (b, FTL_GGUF_ERROR_UNSUPPORTED, "array of arrays", at);

  b = start_file (3, 0, 1);
  put_str (b, "odd");
  at = b->len;
  put_u32 (b, 13);
  put_u64 (b, 0);
  expect_error (b, FTL_GGUF_ERROR_MALFORMED, "unknown type 13", at);

  b = start_file (3, 0, 1);
  put_str (b, "odd");
  put_u32 (b, FTL_GGUF_TYPE_ARRAY);
  at = b->len;
  put_u32 (b, 200);
  put_u64 (b, 0);
  expect_error (b, FTL_GGUF_ERROR_MALFORMED, "unknown array element type 200", at);

  /* Keys: duplicates and NUL bytes. */
  b = start_file (3, 0, 2);
  put_kv_u32 (b, "a", 1);
  at = b->len;
  put_kv_u32 (b, "a", 2);
  expect_error (b, FTL_GGUF_ERROR_MALFORMED, "'a' appears twice", at);

  b = start_file (3, 0, 1);
  put_u64 (b, 3);
  g_byte_array_append (b, (const guint8 *) "a\0b", 3);
  put_u32 (b, FTL_GGUF_TYPE_UINT8);
  put_u32 (b, 0);
  expect_error (b, FTL_GGUF_ERROR_MALFORMED, "NUL", 24);

  /* Alignment: a power of two, and uint32. */
  b = start_file (3, 0, 1);
  put_kv_u32 (b, "general.alignment", 24);
  expect_error (b, FTL_GGUF_ERROR_MALFORMED, "power of two", 24);
  b = start_file (3, 0, 1);
  put_kv_u32 (b, "general.alignment", 0);
  expect_error (b, FTL_GGUF_ERROR_MALFORMED, "power of two", 24);
  b = start_file (3, 0, 1);
  put_str (b, "general.alignment");
  put_u32 (b, FTL_GGUF_TYPE_UINT64);
  put_u64 (b, 32);
  expect_error (b, FTL_GGUF_ERROR_MALFORMED, "uint64, not uint32", 24);
}
END_TEST

START_TEST (test_lying_tensors)
{
  static const guint64 ne8[] = { 8 };
  static const guint64 ne16[] = { 16 };
  static const guint64 ne5[] = { 1, 1, 1, 1, 1 };
  GByteArray *b;
  gsize at;

  /* n_dims out of range. */
  b = start_file (3, 1, 0);
  at = put_tensor_info (b, "t", 5, ne5, FTL_GGML_TYPE_F32, 0);
  put_data (b, 4);
  expect_error (b, FTL_GGUF_ERROR_MALFORMED, "5 dimensions", at);

  b = start_file (3, 1, 0);
  put_str (b, "t");
  at = b->len;
  put_u32 (b, 0);
  put_u32 (b, FTL_GGML_TYPE_F32);
  put_u64 (b, 0);
  put_data (b, 4);
  expect_error (b, FTL_GGUF_ERROR_MALFORMED, "0 dimensions", at);

  /* A zero dimension; a product that overflows. */
  static const guint64 ne_zero[] = { 3, 0 };
  b = start_file (3, 1, 0);
  at = put_tensor_info (b, "t", 2, ne_zero, FTL_GGML_TYPE_F32, 0);
  put_data (b, 32);
  expect_error (b, FTL_GGUF_ERROR_MALFORMED, "dimension 1 of size 0", at + 4 + 8);

  static const guint64 ne_overflow[] = { G_GUINT64_CONSTANT (1) << 32,
                                         G_GUINT64_CONSTANT (1) << 31, 4 };
  b = start_file (3, 1, 0);
  at = put_tensor_info (b, "t", 3, ne_overflow, FTL_GGML_TYPE_F32, 0);
  put_data (b, 32);
  expect_error (b, FTL_GGUF_ERROR_MALFORMED, "more elements than fit", at + 4 + 16);

  static const guint64 ne_too_big[] = { G_GUINT64_CONSTANT (1) << 62 };
  b = start_file (3, 1, 0);
  at = put_tensor_info (b, "t", 1, ne_too_big, FTL_GGML_TYPE_F32, 0);
  put_data (b, 32);
  expect_error (b, FTL_GGUF_ERROR_MALFORMED, "'t' has 4611686018427387904 elements", at + 4);

  /* A quantised type is valid GGUF we can't use; the error names the tensor. */
  b = start_file (3, 1, 0);
  at = put_tensor_info (b, "blk.0.attn_q.weight", 1, ne8, 2, 0);
  put_data (b, 32);
  expect_error (b, FTL_GGUF_ERROR_UNSUPPORTED, "'blk.0.attn_q.weight' has ggml type 2",
                at + 4 + 8);

  /* Offsets: unaligned, past the end, overlapping. */
  b = start_file (3, 1, 0);
  at = put_tensor_info (b, "t", 1, ne8, FTL_GGML_TYPE_F32, 4);
  put_data (b, 64);
  expect_error (b, FTL_GGUF_ERROR_MALFORMED, "not a multiple", at + 4 + 8 + 4);

  b = start_file (3, 1, 0);
  at = put_tensor_info (b, "t", 1, ne8, FTL_GGML_TYPE_F32, 0) - 9;
  put_data (b, 16);
  expect_error (b, FTL_GGUF_ERROR_MALFORMED, "'t' data (32 bytes", at);

  b = start_file (3, 1, 0);
  at = put_tensor_info (b, "t", 1, ne8, FTL_GGML_TYPE_F32, G_GUINT64_CONSTANT (1) << 63) - 9;
  put_data (b, 32);
  expect_error (b, FTL_GGUF_ERROR_MALFORMED, "past the end", at);

  /* No padding at all after the infos: the data section starts past EOF. */
  b = start_file (3, 1, 0);
  at = put_tensor_info (b, "t", 1, ne8, FTL_GGML_TYPE_F32, 0) - 9;
  expect_error (b, FTL_GGUF_ERROR_MALFORMED, "past the end", at);

  b = start_file (3, 2, 0);
  put_tensor_info (b, "a", 1, ne16, FTL_GGML_TYPE_F32, 0);
  at = put_tensor_info (b, "b", 1, ne16, FTL_GGML_TYPE_F32, 32) - 9;
  put_data (b, 96);
  expect_error (b, FTL_GGUF_ERROR_MALFORMED, "'a' and 'b' overlap", at);

  b = start_file (3, 2, 0);
  put_tensor_info (b, "a", 1, ne8, FTL_GGML_TYPE_F32, 0);
  at = put_tensor_info (b, "a", 1, ne8, FTL_GGML_TYPE_F32, 32) - 9;
  put_data (b, 64);
  expect_error (b, FTL_GGUF_ERROR_MALFORMED, "'a' appears twice", at);

  /* The same two tensors side by side, in reverse offset order, are fine. */
  b = start_file (3, 2, 0);
  put_tensor_info (b, "a", 1, ne16, FTL_GGML_TYPE_F32, 64);
  put_tensor_info (b, "b", 1, ne16, FTL_GGML_TYPE_F32, 0);
  put_data (b, 128);
  g_autoptr(FtlGguf) gguf = expect_ok (b);
  ck_assert_int_eq (ftl_gguf_get_n_tensors (gguf), 2);
  ck_assert_ptr_eq (ftl_gguf_find_tensor (gguf, "a")->data,
                    ftl_gguf_find_tensor (gguf, "b")->data + 64);
}
END_TEST

/* The counts beyond what the file's size bounds: refused above the limit,
 * before anything is allocated from them, and read at the limit. */
START_TEST (test_limits)
{
  g_autofree char *tensors = g_strdup_printf ("%d tensors, more than the %d Fine-Tune Lab reads",
                                              FTL_GGUF_MAX_TENSORS + 1, FTL_GGUF_MAX_TENSORS);
  g_autofree char *keys = g_strdup_printf ("%d metadata pairs, more than the %d",
                                           FTL_GGUF_MAX_KEYS + 1, FTL_GGUF_MAX_KEYS);
  g_autofree char *values = g_strdup_printf ("'tokenizer.ggml.merges' claims %d string values, "
                                             "more than the %d", FTL_GGUF_MAX_ARRAY_LENGTH + 1,
                                             FTL_GGUF_MAX_ARRAY_LENGTH);
  const guint64 ne_over[] = { FTL_GGUF_MAX_TENSOR_ELEMENTS + 1 };
  GByteArray *b;
  gsize at;

  expect_error (start_file (3, FTL_GGUF_MAX_TENSORS + 1, 0), FTL_GGUF_ERROR_MALFORMED, tensors, 8);
  expect_error (start_file (3, 0, FTL_GGUF_MAX_KEYS + 1), FTL_GGUF_ERROR_MALFORMED, keys, 16);

  b = start_file (3, 0, 1);
  put_str (b, "tokenizer.ggml.merges");
  put_u32 (b, FTL_GGUF_TYPE_ARRAY);
  put_u32 (b, FTL_GGUF_TYPE_STRING);
  at = b->len;
  put_u64 (b, FTL_GGUF_MAX_ARRAY_LENGTH + 1);
  expect_error (b, FTL_GGUF_ERROR_MALFORMED, values, at);

  b = start_file (3, 1, 0);
  at = put_tensor_info (b, "t", 1, ne_over, FTL_GGML_TYPE_F16, 0);
  put_data (b, 32);
  expect_error (b, FTL_GGUF_ERROR_MALFORMED, "'t' has 4294967297 elements, more than the "
                "4294967296 Fine-Tune Lab reads", at + 4);

  /* At the limits: that many keys, tensors and array values are read. */
  b = start_file (3, FTL_GGUF_MAX_TENSORS, FTL_GGUF_MAX_KEYS);
  for (int i = 0; i < FTL_GGUF_MAX_KEYS - 1; i++)
    {
      char key[16];

      g_snprintf (key, sizeof key, "k%d", i);
      put_kv_u32 (b, key, i);
    }
  put_str (b, "bytes");
  put_u32 (b, FTL_GGUF_TYPE_ARRAY);
  put_u32 (b, FTL_GGUF_TYPE_UINT8);
  put_u64 (b, FTL_GGUF_MAX_ARRAY_LENGTH);
  at = b->len;
  g_byte_array_set_size (b, at + FTL_GGUF_MAX_ARRAY_LENGTH);
  memset (b->data + at, 7, FTL_GGUF_MAX_ARRAY_LENGTH);
  for (int i = 0; i < FTL_GGUF_MAX_TENSORS; i++)
    {
      const guint64 ne1[] = { 1 };
      char name[16];

      g_snprintf (name, sizeof name, "t%d", i);
      put_tensor_info (b, name, 1, ne1, FTL_GGML_TYPE_F32, 32 * (guint64) i);
    }
  put_data (b, 32 * (gsize) FTL_GGUF_MAX_TENSORS);
  g_autoptr(FtlGguf) gguf = expect_ok (b);
  FtlGgufType type, array_type;
  guint64 length;
  ck_assert_int_eq (ftl_gguf_get_n_keys (gguf), FTL_GGUF_MAX_KEYS);
  ck_assert_int_eq (ftl_gguf_get_n_tensors (gguf), FTL_GGUF_MAX_TENSORS);
  ck_assert (ftl_gguf_lookup (gguf, "bytes", &type, &array_type, &length));
  ck_assert_uint_eq (length, FTL_GGUF_MAX_ARRAY_LENGTH);
}
END_TEST

/* Version 2, value types the writer doesn't produce, and integer getters
 * across types. */
START_TEST (test_other_types)
{
  GByteArray *b = start_file (2, 0, 10);
  guint8 byte;

  put_str (b, "u8");
  put_u32 (b, FTL_GGUF_TYPE_UINT8);
  byte = 200;
  g_byte_array_append (b, &byte, 1);
  put_str (b, "i8");
  put_u32 (b, FTL_GGUF_TYPE_INT8);
  byte = (guint8) -5;
  g_byte_array_append (b, &byte, 1);
  put_str (b, "u16");
  put_u32 (b, FTL_GGUF_TYPE_UINT16);
  guint16 u16 = GUINT16_TO_LE (60000);
  g_byte_array_append (b, (const guint8 *) &u16, 2);
  put_str (b, "i16");
  put_u32 (b, FTL_GGUF_TYPE_INT16);
  u16 = GUINT16_TO_LE ((guint16) -30000);
  g_byte_array_append (b, (const guint8 *) &u16, 2);
  put_str (b, "i64.neg");
  put_u32 (b, FTL_GGUF_TYPE_INT64);
  put_u64 (b, (guint64) -(G_GINT64_CONSTANT (1) << 40));
  put_str (b, "i64.small");
  put_u32 (b, FTL_GGUF_TYPE_INT64);
  put_u64 (b, 5);
  put_str (b, "u64");
  put_u32 (b, FTL_GGUF_TYPE_UINT64);
  put_u64 (b, G_GUINT64_CONSTANT (1) << 40);
  put_str (b, "f64");
  put_u32 (b, FTL_GGUF_TYPE_FLOAT64);
  double d = 0.1;
  guint64 d_bits;
  memcpy (&d_bits, &d, 8);
  put_u64 (b, d_bits);
  put_str (b, "bytes");
  put_u32 (b, FTL_GGUF_TYPE_ARRAY);
  put_u32 (b, FTL_GGUF_TYPE_UINT8);
  put_u64 (b, 3);
  g_byte_array_append (b, (const guint8 *) "\1\2\3", 3);
  put_str (b, "no_bools");
  put_u32 (b, FTL_GGUF_TYPE_ARRAY);
  put_u32 (b, FTL_GGUF_TYPE_BOOL);
  put_u64 (b, 0);

  g_autoptr(FtlGguf) gguf = expect_ok (b);
  guint32 u32;
  gint32 i32;
  guint64 u64;
  float f;
  FtlGgufType type, array_type;
  guint64 length;

  ck_assert_int_eq (ftl_gguf_get_version (gguf), 2);
  ck_assert_int_eq (ftl_gguf_get_n_keys (gguf), 10);
  ck_assert_int_eq (ftl_gguf_get_n_tensors (gguf), 0);

  ck_assert (ftl_gguf_get_uint32 (gguf, "u8", &u32, NULL));
  ck_assert_uint_eq (u32, 200);
  ck_assert (ftl_gguf_get_int32 (gguf, "i8", &i32, NULL));
  ck_assert_int_eq (i32, -5);
  ck_assert (!ftl_gguf_get_uint32 (gguf, "i8", &u32, NULL));
  ck_assert (ftl_gguf_get_int32 (gguf, "u16", &i32, NULL));
  ck_assert_int_eq (i32, 60000);
  ck_assert (ftl_gguf_get_int32 (gguf, "i16", &i32, NULL));
  ck_assert_int_eq (i32, -30000);
  ck_assert (!ftl_gguf_get_int32 (gguf, "i64.neg", &i32, NULL));
  ck_assert (!ftl_gguf_get_uint64 (gguf, "i64.neg", &u64, NULL));
  ck_assert (ftl_gguf_get_int32 (gguf, "i64.small", &i32, NULL));
  ck_assert_int_eq (i32, 5);
  ck_assert (ftl_gguf_get_uint64 (gguf, "u64", &u64, NULL));
  ck_assert_uint_eq (u64, G_GUINT64_CONSTANT (1) << 40);
  ck_assert (!ftl_gguf_get_uint32 (gguf, "u64", &u32, NULL));
  ck_assert (!ftl_gguf_get_float32 (gguf, "f64", &f, NULL));
  ck_assert (!ftl_gguf_get_uint32 (gguf, "f64", &u32, NULL));
  ck_assert (ftl_gguf_lookup (gguf, "f64", &type, NULL, NULL));
  ck_assert_int_eq (type, FTL_GGUF_TYPE_FLOAT64);

  ck_assert (ftl_gguf_lookup (gguf, "bytes", &type, &array_type, &length));
  ck_assert_int_eq (type, FTL_GGUF_TYPE_ARRAY);
  ck_assert_int_eq (array_type, FTL_GGUF_TYPE_UINT8);
  ck_assert_uint_eq (length, 3);
  ck_assert (ftl_gguf_lookup (gguf, "no_bools", &type, &array_type, &length));
  ck_assert_int_eq (array_type, FTL_GGUF_TYPE_BOOL);
  ck_assert_uint_eq (length, 0);

  const gint32 *ints;
  g_autoptr(GError) error = NULL;
  ck_assert (!ftl_gguf_get_int32_array (gguf, "bytes", &ints, &length, &error));
  ck_assert (g_error_matches (error, FTL_GGUF_ERROR, FTL_GGUF_ERROR_MISSING));
}
END_TEST

/* ---- IEEE half ------------------------------------------------------------------ */

typedef struct
{
  float   value;
  guint16 half;
} HalfCase;

START_TEST (test_half_exact)
{
  /* Exactly representable: both directions. */
  static const HalfCase cases[] = {
    { 0.0f, 0x0000 }, { -0.0f, 0x8000 }, { 1.0f, 0x3c00 }, { -2.0f, 0xc000 },
    { 0.5f, 0x3800 }, { 1.0f + 0x1p-10f, 0x3c01 }, { 0.333251953125f, 0x3555 },
    { 65504.0f, 0x7bff }, { -65504.0f, 0xfbff },      /* max half */
    { 0x1p-14f, 0x0400 },                              /* smallest normal */
    { 0x1p-24f, 0x0001 }, { -0x1p-24f, 0x8001 },       /* smallest subnormal */
    { 1023 * 0x1p-24f, 0x03ff },                       /* largest subnormal */
    { 0x1p-20f, 0x0010 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ck_assert_msg (ftl_float_to_half (cases[i].value) == cases[i].half,
                     "%a → %04x, expected %04x", cases[i].value,
                     ftl_float_to_half (cases[i].value), cases[i].half);
      ck_assert_uint_eq (bits_from_float (ftl_half_to_float (cases[i].half)),
                         bits_from_float (cases[i].value));
    }
}
END_TEST

START_TEST (test_half_rounding)
{
  static const HalfCase cases[] = {
    { 1.0f + 0x1p-11f, 0x3c00 },            /* tie, rounds down to even */
    { 1.0f + 3 * 0x1p-11f, 0x3c02 },        /* tie, rounds up to even */
    { 1.0f + 0x1p-11f + 0x1p-20f, 0x3c01 }, /* just above the tie */
    { 1.0f + 0x1p-11f - 0x1p-20f, 0x3c00 }, /* just below the tie */
    { 65519.0f, 0x7bff },
    { 65520.0f, 0x7c00 },                   /* tie between max half and 2^16: inf */
    { -65520.0f, 0xfc00 },
    { 65519.996f, 0x7bff },
    { 0x1p-25f, 0x0000 },                   /* tie between 0 and 2^-24: zero */
    { -0x1p-25f, 0x8000 },
    { 0x1p-25f + 0x1p-40f, 0x0001 },
    { 3 * 0x1p-25f, 0x0002 },               /* subnormal tie, up to even */
    { 5 * 0x1p-25f, 0x0002 },               /* subnormal tie, down to even */
    { 0x1p-14f - 0x1p-25f, 0x0400 },        /* tie across the subnormal edge */
    { 1e-10f, 0x0000 }, { -1e-10f, 0x8000 },
    { 1e10f, 0x7c00 }, { -FLT_MAX, 0xfc00 },
    { FLT_MIN, 0x0000 }, { 0x1p-149f, 0x0000 },
    { 0.1f, 0x2e66 }, { 3.14159265f, 0x4248 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    ck_assert_msg (ftl_float_to_half (cases[i].value) == cases[i].half,
                   "%a → %04x, expected %04x", cases[i].value,
                   ftl_float_to_half (cases[i].value), cases[i].half);
}
END_TEST

START_TEST (test_half_special)
{
  ck_assert_uint_eq (ftl_float_to_half (INFINITY), 0x7c00);
  ck_assert_uint_eq (ftl_float_to_half (-INFINITY), 0xfc00);
  ck_assert (isinf (ftl_half_to_float (0x7c00)) && ftl_half_to_float (0x7c00) > 0);
  ck_assert (isinf (ftl_half_to_float (0xfc00)) && ftl_half_to_float (0xfc00) < 0);

  /* NaNs stay NaN, sign kept, including one whose payload lies only in the
   * low bits a half drops (it must not become infinity). */
  static const guint32 nans[] = { 0x7fc00000, 0xffc00000, 0x7f800001, 0xff800001, 0x7fffffff };
  for (guint i = 0; i < G_N_ELEMENTS (nans); i++)
    {
      guint16 h = ftl_float_to_half (float_from_bits (nans[i]));

      ck_assert_msg ((h & 0x7c00) == 0x7c00 && (h & 0x3ff) != 0, "%08x → %04x", nans[i], h);
      ck_assert_uint_eq (h >> 15, nans[i] >> 31);
    }
  for (guint32 m = 1; m < 0x400; m++)
    if (!isnan (ftl_half_to_float (0x7c00 | m)) || !isnan (ftl_half_to_float (0xfc00 | m)))
      ck_abort_msg ("NaN payload %03x didn't give NaN", m);
}
END_TEST

/* Every half survives half → float → half; NaNs stay NaN. (The loops test
 * with `if` and abort on failure: each ck_assert costs a syscall.) */
START_TEST (test_half_all_round_trip)
{
  for (guint32 h = 0; h <= 0xffff; h++)
    {
      float f = ftl_half_to_float (h);
      guint16 back = ftl_float_to_half (f);

      if ((h & 0x7c00) == 0x7c00 && (h & 0x3ff) != 0)
        {
          if (!isnan (f) || !isnan (ftl_half_to_float (back)))
            ck_abort_msg ("NaN %04x → %a → %04x", h, f, back);
        }
      else if (back != h)
        ck_abort_msg ("%04x → %a → %04x", h, f, back);
    }
}
END_TEST

/* For floats across the whole half range, the result is the nearest half,
 * ties to even, and the sign is symmetric. */
START_TEST (test_half_nearest)
{
  for (guint32 bits = 0; bits < 0x477ff000; bits += 997)
    {
      float x = float_from_bits (bits);
      guint16 h = ftl_float_to_half (x);
      double error = fabs ((double) x - ftl_half_to_float (h));

      if (h >= 0x7c00 || ftl_float_to_half (-x) != (h | 0x8000))
        ck_abort_msg ("%a → %04x, -%a → %04x", x, h, x, ftl_float_to_half (-x));
      for (int step = -1; step <= 1; step += 2)
        {
          int neighbour = h + step;
          if (neighbour < 0 || neighbour >= 0x7c00)
            continue;

          double other = fabs ((double) x - ftl_half_to_float (neighbour));
          if (!(error < other || (error == other && (h & 1) == 0)))
            ck_abort_msg ("%a → %04x, but %04x is nearer or even", x, h, neighbour);
        }
    }
}
END_TEST

static Suite *
gguf_suite (void)
{
  Suite *s = suite_create ("gguf");
  TCase *tc;

  tc = tcase_create ("round-trip");
  tcase_add_test (tc, test_round_trip);
  tcase_add_test (tc, test_alignment);
  tcase_add_test (tc, test_getters);
  tcase_add_test (tc, test_writer_refuses_misuse);
  tcase_add_test (tc, test_file_write_read);
  suite_add_tcase (s, tc);

  tc = tcase_create ("malformed");
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_truncation);
  tcase_add_test (tc, test_header_fuzz);
  tcase_add_test (tc, test_lying_header);
  tcase_add_test (tc, test_lying_tensors);
  tcase_add_test (tc, test_limits);
  tcase_add_test (tc, test_other_types);
  suite_add_tcase (s, tc);

  tc = tcase_create ("half");
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_half_exact);
  tcase_add_test (tc, test_half_rounding);
  tcase_add_test (tc, test_half_special);
  tcase_add_test (tc, test_half_all_round_trip);
  tcase_add_test (tc, test_half_nearest);
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  SRunner *sr = srunner_create (gguf_suite ());

  srunner_run_all (sr, CK_NORMAL);
  int failed = srunner_ntests_failed (sr);
  srunner_free (sr);
  return failed == 0 ? 0 : 1;
}
