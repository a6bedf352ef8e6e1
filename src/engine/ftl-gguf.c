/* ftl-gguf.c — GGUF v3 reader and writer (ggml's docs/gguf.md).
 *
 * The reader parses the whole file with one bounds-checked cursor; every
 * count is checked against the bytes left before anything is sized from it,
 * so a lying header fails fast instead of allocating. Tensor data is not
 * copied: tensors point into the file's bytes, which the FtlGguf keeps alive.
 * Metadata values are decoded into host order (arrays copied) because file
 * offsets give no alignment guarantee for an int32 or float pointer.
 */
#include "ftl-gguf.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#define GGUF_MAGIC             "GGUF"
#define GGUF_VERSION           3
#define GGUF_DEFAULT_ALIGNMENT 32
#define GGUF_KEY_ALIGNMENT     "general.alignment"
#define GGUF_MAX_DIMS          4
/* llama.cpp keeps tensor names in char[GGML_MAX_NAME = 64]. */
#define GGUF_MAX_NAME          64

/* The smallest encodings, used to bound counts by the bytes left:
 * a key/value is a key length, a type and at least one value byte; a tensor
 * info is a name length, n_dims, one dimension, a type and an offset. */
#define MIN_KV_SIZE          (8 + 4 + 1)
#define MIN_TENSOR_INFO_SIZE (8 + 4 + 8 + 4 + 8)

G_DEFINE_QUARK (ftl-gguf-error-quark, ftl_gguf_error)

/* Bytes per value for the fixed-size types; 0 for string and array. */
static const gsize value_sizes[] = {
  [FTL_GGUF_TYPE_UINT8] = 1,   [FTL_GGUF_TYPE_INT8] = 1,
  [FTL_GGUF_TYPE_UINT16] = 2,  [FTL_GGUF_TYPE_INT16] = 2,
  [FTL_GGUF_TYPE_UINT32] = 4,  [FTL_GGUF_TYPE_INT32] = 4,
  [FTL_GGUF_TYPE_FLOAT32] = 4, [FTL_GGUF_TYPE_BOOL] = 1,
  [FTL_GGUF_TYPE_STRING] = 0,  [FTL_GGUF_TYPE_ARRAY] = 0,
  [FTL_GGUF_TYPE_UINT64] = 8,  [FTL_GGUF_TYPE_INT64] = 8,
  [FTL_GGUF_TYPE_FLOAT64] = 8,
};

static const char * const type_names[] = {
  "uint8", "int8", "uint16", "int16", "uint32", "int32", "float32",
  "bool", "string", "array", "uint64", "int64", "float64",
};

static gboolean
is_valid_type (guint32 type)
{
  return type <= FTL_GGUF_TYPE_FLOAT64;
}

static gboolean
is_signed_type (FtlGgufType type)
{
  return type == FTL_GGUF_TYPE_INT8 || type == FTL_GGUF_TYPE_INT16 ||
         type == FTL_GGUF_TYPE_INT32 || type == FTL_GGUF_TYPE_INT64;
}

static gboolean
is_unsigned_type (FtlGgufType type)
{
  return type == FTL_GGUF_TYPE_UINT8 || type == FTL_GGUF_TYPE_UINT16 ||
         type == FTL_GGUF_TYPE_UINT32 || type == FTL_GGUF_TYPE_UINT64;
}

static gsize
ggml_type_size (FtlGgmlType type)
{
  return type == FTL_GGML_TYPE_F32 ? 4 : 2;
}

static guint64
align_up (guint64 value,
          guint64 alignment)
{
  return (value + alignment - 1) / alignment * alignment;
}

static gboolean
is_power_of_two (guint64 value)
{
  return value != 0 && (value & (value - 1)) == 0;
}

/* Reorders n little-endian elements of size bytes each into host order (and
 * back: the swap is its own inverse). */
static void
swap_to_host (guint8 *data,
              guint64 n,
              gsize   size)
{
#if G_BYTE_ORDER == G_BIG_ENDIAN
  for (guint64 i = 0; i < n; i++)
    {
      guint8 *e = data + i * size;

      for (gsize a = 0, b = size - 1; a < b; a++, b--)
        {
          guint8 t = e[a];
          e[a] = e[b];
          e[b] = t;
        }
    }
#endif
}

/* ---- IEEE half ↔ float ---------------------------------------------------- */

guint16
ftl_float_to_half (float value)
{
  guint32 x;
  memcpy (&x, &value, sizeof x);

  guint16 sign = (x >> 16) & 0x8000;
  guint32 absx = x & 0x7fffffff;

  if (absx > 0x7f800000)
    /* NaN: keep the top payload bits, force the quiet bit so the payload
     * can't truncate to zero (which would read back as infinity). */
    return sign | 0x7e00 | ((absx >> 13) & 0x3ff);
  if (absx >= 0x477ff000)
    /* ≥ 65520, halfway between the largest half (65504) and 2^16: the tie
     * goes to the even neighbour, which is infinity. */
    return sign | 0x7c00;

  if (absx >= 0x38800000)
    {
      /* Normal half: rebias the exponent and round the 13 dropped mantissa
       * bits to nearest, ties to even. A carry out of the mantissa correctly
       * bumps the exponent. */
      guint32 h = ((absx >> 23) - 127 + 15) << 10 | ((absx >> 13) & 0x3ff);
      guint32 rest = absx & 0x1fff;

      if (rest > 0x1000 || (rest == 0x1000 && (h & 1)))
        h++;
      return sign | h;
    }

  if (absx <= 0x33000000)
    /* ≤ 2^-25, half the smallest subnormal: rounds (ties to even) to zero. */
    return sign;

  /* Subnormal half: the value in units of 2^-24 is the full 24-bit mantissa
   * shifted right by 126 − exponent (14 … 24 here). */
  guint32 mantissa = (absx & 0x7fffff) | 0x800000;
  guint32 shift = 126 - (absx >> 23);
  guint32 h = mantissa >> shift;
  guint32 rest = mantissa & ((1u << shift) - 1);
  guint32 halfway = 1u << (shift - 1);

  if (rest > halfway || (rest == halfway && (h & 1)))
    h++;
  return sign | h;
}

float
ftl_half_to_float (guint16 value)
{
  guint32 sign = (guint32) (value & 0x8000) << 16;
  guint32 exponent = (value >> 10) & 0x1f;
  guint32 mantissa = value & 0x3ff;
  guint32 x;

  if (exponent == 0x1f)
    x = sign | 0x7f800000 | mantissa << 13;
  else if (exponent != 0)
    x = sign | (exponent + 127 - 15) << 23 | mantissa << 13;
  else if (mantissa == 0)
    x = sign;
  else
    {
      /* Subnormal half: normalise, as every half subnormal is a normal float. */
      exponent = 1;
      while ((mantissa & 0x400) == 0)
        {
          mantissa <<= 1;
          exponent--;
        }
      x = sign | (exponent + 127 - 15) << 23 | (mantissa & 0x3ff) << 13;
    }

  float result;
  memcpy (&result, &x, sizeof result);
  return result;
}

/* ---- reading -------------------------------------------------------------- */

typedef struct
{
  const char  *key;
  gsize        pos;        /* byte offset of the key, for errors */
  FtlGgufType  type;
  FtlGgufType  array_type; /* arrays only */
  guint64      length;     /* arrays only */
  union
  {
    guint64     u;     /* unsigned integers and bool */
    gint64      i;     /* signed integers */
    double      f;     /* float32 and float64 */
    const char *s;
    gpointer    array; /* strings: const char *[length]; else host-order elements */
  } v;
} Kv;

typedef struct
{
  FtlGgufTensor pub;
  guint64       offset;   /* relative to the data section */
  gsize         info_pos; /* byte offset of the tensor info, for errors */
} Tensor;

struct _FtlGguf
{
  GBytes       *bytes;
  guint32       version;
  guint64       alignment;
  GStringChunk *strings;  /* keys, names and string values, NUL-terminated */
  Kv           *kvs;
  int           n_kvs;    /* parsed so far: what ftl_gguf_free must release */
  GHashTable   *kv_index; /* key → Kv * */
  Tensor       *tensors;
  int           n_tensors;
  GHashTable   *tensor_index; /* name → Tensor * */
};

typedef struct
{
  const guint8 *data;
  gsize         size;
  gsize         pos;
} Cursor;

static void set_error (GError     **error,
                       FtlGgufError code,
                       gsize        pos,
                       const char  *format,
                       ...) G_GNUC_PRINTF (4, 5);

static void
set_error (GError     **error,
           FtlGgufError code,
           gsize        pos,
           const char  *format,
           ...)
{
  va_list args;

  va_start (args, format);
  g_autofree char *message = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: %s is one of the problems below, %llu where in the file. */
  g_set_error (error, FTL_GGUF_ERROR, code, _("%s (at byte %llu)"),
               message, (unsigned long long) pos);
}

/* what, one of the parts named with NC_("GGUF part", …) below, for people. */
static const char *
part_name (const char *what)
{
  return g_dpgettext2 (GETTEXT_PACKAGE, "GGUF part", what);
}

static gsize
cursor_left (const Cursor *c)
{
  return c->size - c->pos;
}

static gboolean
cursor_take (Cursor        *c,
             guint64        n,
             const char    *what,
             const guint8 **out,
             GError       **error)
{
  if (n > cursor_left (c))
    {
      /* Translators: %s is the part being read, such as “tensor name”. */
      set_error (error, FTL_GGUF_ERROR_MALFORMED, c->pos,
                 _("file ends inside %s: %llu bytes needed, %llu left"),
                 part_name (what), (unsigned long long) n, (unsigned long long) cursor_left (c));
      return FALSE;
    }
  *out = c->data + c->pos;
  c->pos += n;
  return TRUE;
}

static gboolean
read_u32 (Cursor     *c,
          const char *what,
          guint32    *value,
          GError    **error)
{
  const guint8 *p;

  if (!cursor_take (c, 4, what, &p, error))
    return FALSE;
  memcpy (value, p, 4);
  *value = GUINT32_FROM_LE (*value);
  return TRUE;
}

static gboolean
read_u64 (Cursor     *c,
          const char *what,
          guint64    *value,
          GError    **error)
{
  const guint8 *p;

  if (!cursor_take (c, 8, what, &p, error))
    return FALSE;
  memcpy (value, p, 8);
  *value = GUINT64_FROM_LE (*value);
  return TRUE;
}

/* Reads a length-prefixed string into the string chunk. Names (keys and
 * tensor names) are looked up as C strings, so they must not hold a NUL. */
static gboolean
read_string (FtlGguf     *gguf,
             Cursor      *c,
             const char  *what,
             gboolean     is_name,
             const char **value,
             GError     **error)
{
  gsize pos = c->pos;
  guint64 length;
  const guint8 *p;

  if (!read_u64 (c, what, &length, error))
    return FALSE;
  if (length > cursor_left (c))
    {
      /* Translators: %s is the part being read, such as “tensor name”. */
      set_error (error, FTL_GGUF_ERROR_MALFORMED, pos,
                 _("%s claims %llu bytes, but only %llu are left in the file"),
                 part_name (what), (unsigned long long) length, (unsigned long long) cursor_left (c));
      return FALSE;
    }
  if (!cursor_take (c, length, what, &p, error))
    return FALSE;
  if (is_name && memchr (p, 0, length) != NULL)
    {
      set_error (error, FTL_GGUF_ERROR_MALFORMED, pos, _("%s contains a NUL byte"), part_name (what));
      return FALSE;
    }
  *value = g_string_chunk_insert_len (gguf->strings, (const char *) p, (gssize) length);
  return TRUE;
}

/* Decodes one fixed-size value of kv->type into kv->v. */
static void
decode_scalar (Kv           *kv,
               const guint8 *p)
{
  union
  {
    guint8  bytes[8];
    gint8   i8;
    guint16 u16;
    gint16  i16;
    guint32 u32;
    gint32  i32;
    float   f32;
    guint64 u64;
    gint64  i64;
    double  f64;
  } raw;

  memcpy (raw.bytes, p, value_sizes[kv->type]);
  swap_to_host (raw.bytes, 1, value_sizes[kv->type]);

  switch (kv->type)
    {
    case FTL_GGUF_TYPE_UINT8:   kv->v.u = raw.bytes[0]; break;
    case FTL_GGUF_TYPE_BOOL:    kv->v.u = raw.bytes[0]; break;
    case FTL_GGUF_TYPE_INT8:    kv->v.i = raw.i8; break;
    case FTL_GGUF_TYPE_UINT16:  kv->v.u = raw.u16; break;
    case FTL_GGUF_TYPE_INT16:   kv->v.i = raw.i16; break;
    case FTL_GGUF_TYPE_UINT32:  kv->v.u = raw.u32; break;
    case FTL_GGUF_TYPE_INT32:   kv->v.i = raw.i32; break;
    case FTL_GGUF_TYPE_FLOAT32: kv->v.f = raw.f32; break;
    case FTL_GGUF_TYPE_UINT64:  kv->v.u = raw.u64; break;
    case FTL_GGUF_TYPE_INT64:   kv->v.i = raw.i64; break;
    case FTL_GGUF_TYPE_FLOAT64: kv->v.f = raw.f64; break;
    case FTL_GGUF_TYPE_STRING:
    case FTL_GGUF_TYPE_ARRAY:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
read_array (FtlGguf *gguf,
            Cursor  *c,
            Kv      *kv,
            GError **error)
{
  gsize pos = c->pos;
  guint32 type;

  /* Translators: the parts of a GGUF file, as in “file ends inside array type”
   * and “metadata key claims 9 bytes”. */
  if (!read_u32 (c, NC_("GGUF part", "array type"), &type, error))
    return FALSE;
  if (type == FTL_GGUF_TYPE_ARRAY)
    {
      set_error (error, FTL_GGUF_ERROR_UNSUPPORTED, pos,
                 /* Translators: %s is a metadata key such as “tokenizer.ggml.tokens”. */
                 _("metadata '%s' is an array of arrays"), kv->key);
      return FALSE;
    }
  if (!is_valid_type (type))
    {
      set_error (error, FTL_GGUF_ERROR_MALFORMED, pos,
                 _("metadata '%s' has unknown array element type %u"), kv->key, type);
      return FALSE;
    }

  pos = c->pos;
  guint64 length;
  if (!read_u64 (c, NC_("GGUF part", "array length"), &length, error))
    return FALSE;
  if (length > FTL_GGUF_MAX_ARRAY_LENGTH)
    {
      set_error (error, FTL_GGUF_ERROR_MALFORMED, pos,
                 /* Translators: %llu is a count, the second %s a value type such as “uint32”. */
                 _("metadata '%s' claims %llu %s values, more than the %d Fine-Tune Lab reads"),
                 kv->key, (unsigned long long) length, type_names[type], FTL_GGUF_MAX_ARRAY_LENGTH);
      return FALSE;
    }

  /* A string takes at least its 8-byte length. */
  gsize element_size = type == FTL_GGUF_TYPE_STRING ? 8 : value_sizes[type];
  if (length > cursor_left (c) / element_size)
    {
      set_error (error, FTL_GGUF_ERROR_MALFORMED, pos,
                 _("metadata '%s' claims %llu %s values, but only %llu bytes are left in the file"),
                 kv->key, (unsigned long long) length, type_names[type],
                 (unsigned long long) cursor_left (c));
      return FALSE;
    }

  kv->array_type = type;
  kv->length = length;

  if (type == FTL_GGUF_TYPE_STRING)
    {
      /* One extra slot keeps the array NULL-terminated even when empty. */
      g_autofree const char **strings = g_new0 (const char *, length + 1);

      for (guint64 i = 0; i < length; i++)
        if (!read_string (gguf, c, NC_("GGUF part", "array string"), FALSE, &strings[i], error))
          return FALSE;
      kv->v.array = g_steal_pointer (&strings);
    }
  else
    {
      const guint8 *p;

      if (!cursor_take (c, length * element_size, NC_("GGUF part", "array"), &p, error))
        return FALSE;
      kv->v.array = g_memdup2 (p, length * element_size);
      swap_to_host (kv->v.array, length, element_size);
    }
  return TRUE;
}

static gboolean
read_kv (FtlGguf *gguf,
         Cursor  *c,
         Kv      *kv,
         GError **error)
{
  kv->pos = c->pos;
  if (!read_string (gguf, c, NC_("GGUF part", "metadata key"), TRUE, &kv->key, error))
    return FALSE;
  if (g_hash_table_contains (gguf->kv_index, kv->key))
    {
      set_error (error, FTL_GGUF_ERROR_MALFORMED, kv->pos,
                 _("metadata key '%s' appears twice"), kv->key);
      return FALSE;
    }

  gsize pos = c->pos;
  guint32 type;
  if (!read_u32 (c, NC_("GGUF part", "metadata type"), &type, error))
    return FALSE;
  if (!is_valid_type (type))
    {
      set_error (error, FTL_GGUF_ERROR_MALFORMED, pos,
                 _("metadata '%s' has unknown type %u"), kv->key, type);
      return FALSE;
    }
  kv->type = type;

  if (type == FTL_GGUF_TYPE_ARRAY)
    return read_array (gguf, c, kv, error);
  if (type == FTL_GGUF_TYPE_STRING)
    return read_string (gguf, c, NC_("GGUF part", "metadata string"), FALSE, &kv->v.s, error);

  const guint8 *p;
  if (!cursor_take (c, value_sizes[type], NC_("GGUF part", "metadata value"), &p, error))
    return FALSE;
  decode_scalar (kv, p);
  return TRUE;
}

static gboolean
read_alignment (FtlGguf *gguf,
                GError **error)
{
  const Kv *kv = g_hash_table_lookup (gguf->kv_index, GGUF_KEY_ALIGNMENT);

  if (kv == NULL)
    {
      gguf->alignment = GGUF_DEFAULT_ALIGNMENT;
      return TRUE;
    }
  if (kv->type != FTL_GGUF_TYPE_UINT32)
    {
      set_error (error, FTL_GGUF_ERROR_MALFORMED, kv->pos,
                 /* Translators: the first %s is the key general.alignment, the second a
                  * value type such as “float32”. */
                 _("%s is %s, not uint32"), GGUF_KEY_ALIGNMENT, type_names[kv->type]);
      return FALSE;
    }
  if (!is_power_of_two (kv->v.u))
    {
      set_error (error, FTL_GGUF_ERROR_MALFORMED, kv->pos,
                 /* Translators: %s is the key general.alignment. */
                 _("%s is %llu, not a power of two"), GGUF_KEY_ALIGNMENT,
                 (unsigned long long) kv->v.u);
      return FALSE;
    }
  gguf->alignment = kv->v.u;
  return TRUE;
}

static gboolean
read_tensor_info (FtlGguf *gguf,
                  Cursor  *c,
                  Tensor  *t,
                  GError **error)
{
  FtlGgufTensor *pub = &t->pub;

  t->info_pos = c->pos;
  if (!read_string (gguf, c, NC_("GGUF part", "tensor name"), TRUE, &pub->name, error))
    return FALSE;
  if (g_hash_table_contains (gguf->tensor_index, pub->name))
    {
      set_error (error, FTL_GGUF_ERROR_MALFORMED, t->info_pos,
                 /* Translators: %s is a tensor's name such as “token_embd.weight”. */
                 _("tensor '%s' appears twice"), pub->name);
      return FALSE;
    }

  gsize pos = c->pos;
  guint32 n_dims;
  if (!read_u32 (c, NC_("GGUF part", "tensor dimension count"), &n_dims, error))
    return FALSE;
  if (n_dims < 1 || n_dims > GGUF_MAX_DIMS)
    {
      set_error (error, FTL_GGUF_ERROR_MALFORMED, pos,
                 _("tensor '%s' has %u dimensions; 1 to %d are allowed"),
                 pub->name, n_dims, GGUF_MAX_DIMS);
      return FALSE;
    }
  pub->n_dims = n_dims;

  pub->n_elements = 1;
  for (int d = 0; d < GGUF_MAX_DIMS; d++)
    {
      pub->ne[d] = 1;
      if (d >= pub->n_dims)
        continue;

      pos = c->pos;
      if (!read_u64 (c, NC_("GGUF part", "tensor dimension"), &pub->ne[d], error))
        return FALSE;
      /* ggml holds dimensions as int64. */
      if (pub->ne[d] == 0 || pub->ne[d] > G_MAXINT64)
        {
          set_error (error, FTL_GGUF_ERROR_MALFORMED, pos,
                     _("tensor '%s' has dimension %d of size %llu"),
                     pub->name, d, (unsigned long long) pub->ne[d]);
          return FALSE;
        }
      if (!g_uint64_checked_mul (&pub->n_elements, pub->n_elements, pub->ne[d]))
        {
          set_error (error, FTL_GGUF_ERROR_MALFORMED, pos,
                     _("tensor '%s' has more elements than fit in 64 bits"), pub->name);
          return FALSE;
        }
    }
  if (pub->n_elements > FTL_GGUF_MAX_TENSOR_ELEMENTS)
    {
      set_error (error, FTL_GGUF_ERROR_MALFORMED, pos,
                 _("tensor '%s' has %llu elements, more than the %llu Fine-Tune Lab reads"),
                 pub->name, (unsigned long long) pub->n_elements,
                 (unsigned long long) FTL_GGUF_MAX_TENSOR_ELEMENTS);
      return FALSE;
    }

  pos = c->pos;
  guint32 type;
  if (!read_u32 (c, NC_("GGUF part", "tensor type"), &type, error))
    return FALSE;
  if (type != FTL_GGML_TYPE_F32 && type != FTL_GGML_TYPE_F16)
    {
      set_error (error, FTL_GGUF_ERROR_UNSUPPORTED, pos,
                 _("tensor '%s' has ggml type %u; only F32 (0) and F16 (1) are supported"),
                 pub->name, type);
      return FALSE;
    }
  pub->type = type;
  /* At most FTL_GGUF_MAX_TENSOR_ELEMENTS elements: no overflow. */
  pub->n_bytes = pub->n_elements * ggml_type_size (type);

  pos = c->pos;
  if (!read_u64 (c, NC_("GGUF part", "tensor offset"), &t->offset, error))
    return FALSE;
  if (t->offset % gguf->alignment != 0)
    {
      set_error (error, FTL_GGUF_ERROR_MALFORMED, pos,
                 _("tensor '%s' has offset %llu, not a multiple of the alignment %llu"),
                 pub->name, (unsigned long long) t->offset, (unsigned long long) gguf->alignment);
      return FALSE;
    }
  return TRUE;
}

static int
compare_tensor_offsets (const void *a,
                        const void *b)
{
  const Tensor *ta = *(const Tensor * const *) a;
  const Tensor *tb = *(const Tensor * const *) b;

  return (ta->offset > tb->offset) - (ta->offset < tb->offset);
}

/* Points each tensor into the data section, which starts at data_start;
 * rejects data past the end of the file and tensors sharing bytes. */
static gboolean
place_tensors (FtlGguf *gguf,
               guint64  data_start,
               GError **error)
{
  gsize size = g_bytes_get_size (gguf->bytes);
  const guint8 *base = g_bytes_get_data (gguf->bytes, NULL);
  guint64 data_size = data_start <= size ? size - data_start : 0;

  for (int i = 0; i < gguf->n_tensors; i++)
    {
      Tensor *t = &gguf->tensors[i];

      if (t->offset > data_size || t->pub.n_bytes > data_size - t->offset)
        {
          set_error (error, FTL_GGUF_ERROR_MALFORMED, t->info_pos,
                     _("tensor '%s' data (%llu bytes at offset %llu of the data section at "
                       "byte %llu) runs past the end of the file (%llu bytes)"),
                     t->pub.name, (unsigned long long) t->pub.n_bytes,
                     (unsigned long long) t->offset, (unsigned long long) data_start,
                     (unsigned long long) size);
          return FALSE;
        }
      t->pub.data = base + data_start + t->offset;
    }

  if (gguf->n_tensors < 2)
    return TRUE;

  g_autofree Tensor **sorted = g_new (Tensor *, gguf->n_tensors);
  for (int i = 0; i < gguf->n_tensors; i++)
    sorted[i] = &gguf->tensors[i];
  qsort (sorted, gguf->n_tensors, sizeof *sorted, compare_tensor_offsets);

  for (int i = 1; i < gguf->n_tensors; i++)
    if (sorted[i - 1]->offset + sorted[i - 1]->pub.n_bytes > sorted[i]->offset)
      {
        set_error (error, FTL_GGUF_ERROR_MALFORMED, sorted[i]->info_pos,
                   _("tensors '%s' and '%s' overlap in the data section"),
                   sorted[i - 1]->pub.name, sorted[i]->pub.name);
        return FALSE;
      }
  return TRUE;
}

static gboolean
parse (FtlGguf *gguf,
       GError **error)
{
  Cursor c = { 0 };
  const guint8 *magic;

  c.data = g_bytes_get_data (gguf->bytes, &c.size);

  if (!cursor_take (&c, 4, NC_("GGUF part", "magic"), &magic, error))
    return FALSE;
  if (memcmp (magic, GGUF_MAGIC, 4) != 0)
    {
      set_error (error, FTL_GGUF_ERROR_MALFORMED, 0, "%s", _("not a GGUF file (bad magic)"));
      return FALSE;
    }

  if (!read_u32 (&c, NC_("GGUF part", "version"), &gguf->version, error))
    return FALSE;
  /* Version 2 has the same layout as 3; version 1 had 32-bit counts. */
  if (gguf->version != 2 && gguf->version != GGUF_VERSION)
    {
      if (gguf->version == GUINT32_SWAP_LE_BE (2) ||
          gguf->version == GUINT32_SWAP_LE_BE (3))
        set_error (error, FTL_GGUF_ERROR_UNSUPPORTED, 4, "%s", _("big-endian GGUF is not supported"));
      else
        set_error (error, FTL_GGUF_ERROR_UNSUPPORTED, 4,
                   _("GGUF version %u is not supported (only 2 and 3)"), gguf->version);
      return FALSE;
    }

  guint64 n_tensors, n_kvs;
  if (!read_u64 (&c, NC_("GGUF part", "tensor count"), &n_tensors, error) ||
      !read_u64 (&c, NC_("GGUF part", "metadata count"), &n_kvs, error))
    return FALSE;

  /* Fail fast, before allocating anything sized from the counts. */
  if (n_tensors > FTL_GGUF_MAX_TENSORS)
    {
      set_error (error, FTL_GGUF_ERROR_MALFORMED, 8,
                 _("header claims %llu tensors, more than the %d Fine-Tune Lab reads"),
                 (unsigned long long) n_tensors, FTL_GGUF_MAX_TENSORS);
      return FALSE;
    }
  if (n_kvs > FTL_GGUF_MAX_KEYS)
    {
      set_error (error, FTL_GGUF_ERROR_MALFORMED, 16,
                 _("header claims %llu metadata pairs, more than the %d Fine-Tune Lab reads"),
                 (unsigned long long) n_kvs, FTL_GGUF_MAX_KEYS);
      return FALSE;
    }
  if (n_tensors > MIN (cursor_left (&c) / MIN_TENSOR_INFO_SIZE, (gsize) G_MAXINT))
    {
      set_error (error, FTL_GGUF_ERROR_MALFORMED, 8,
                 _("header claims %llu tensors, more than the %llu bytes left can hold"),
                 (unsigned long long) n_tensors, (unsigned long long) cursor_left (&c));
      return FALSE;
    }
  if (n_kvs > MIN ((cursor_left (&c) - n_tensors * MIN_TENSOR_INFO_SIZE) / MIN_KV_SIZE,
                   (gsize) G_MAXINT))
    {
      set_error (error, FTL_GGUF_ERROR_MALFORMED, 16,
                 _("header claims %llu metadata pairs, more than the %llu bytes left can hold"),
                 (unsigned long long) n_kvs, (unsigned long long) cursor_left (&c));
      return FALSE;
    }

  gguf->kvs = g_new0 (Kv, n_kvs);
  for (guint64 i = 0; i < n_kvs; i++)
    {
      Kv *kv = &gguf->kvs[i];

      /* read_kv stores an array only on success: a failed pair owns nothing. */
      if (!read_kv (gguf, &c, kv, error))
        return FALSE;
      gguf->n_kvs++;
      g_hash_table_insert (gguf->kv_index, (gpointer) kv->key, kv);
    }

  if (!read_alignment (gguf, error))
    return FALSE;

  gguf->tensors = g_new0 (Tensor, n_tensors);
  for (guint64 i = 0; i < n_tensors; i++)
    {
      Tensor *t = &gguf->tensors[i];

      if (!read_tensor_info (gguf, &c, t, error))
        return FALSE;
      gguf->n_tensors++;
      g_hash_table_insert (gguf->tensor_index, (gpointer) t->pub.name, t);
    }

  return place_tensors (gguf, align_up (c.pos, gguf->alignment), error);
}

FtlGguf *
ftl_gguf_read_bytes (GBytes  *bytes,
                     GError **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_autoptr(FtlGguf) gguf = g_new0 (FtlGguf, 1);
  gguf->bytes = g_bytes_ref (bytes);
  gguf->strings = g_string_chunk_new (64 * 1024);
  gguf->kv_index = g_hash_table_new (g_str_hash, g_str_equal);
  gguf->tensor_index = g_hash_table_new (g_str_hash, g_str_equal);

  if (!parse (gguf, error))
    return NULL;
  return g_steal_pointer (&gguf);
}

FtlGguf *
ftl_gguf_read_file (const char *path,
                    GError    **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  GMappedFile *file = g_mapped_file_new (path, FALSE, error);
  if (file == NULL)
    return NULL;

  g_autoptr(GBytes) bytes = g_mapped_file_get_bytes (file);
  g_mapped_file_unref (file);

  FtlGguf *gguf = ftl_gguf_read_bytes (bytes, error);
  if (gguf == NULL)
    {
      g_autofree char *display = g_filename_display_name (path);
      g_prefix_error (error, "%s: ", display);
    }
  return gguf;
}

void
ftl_gguf_free (FtlGguf *gguf)
{
  if (gguf == NULL)
    return;

  for (int i = 0; i < gguf->n_kvs; i++)
    if (gguf->kvs[i].type == FTL_GGUF_TYPE_ARRAY)
      g_free (gguf->kvs[i].v.array);
  g_free (gguf->kvs);
  g_free (gguf->tensors);
  g_hash_table_unref (gguf->kv_index);
  g_hash_table_unref (gguf->tensor_index);
  g_string_chunk_free (gguf->strings);
  g_bytes_unref (gguf->bytes);
  g_free (gguf);
}

guint32
ftl_gguf_get_version (const FtlGguf *gguf)
{
  g_return_val_if_fail (gguf != NULL, 0);

  return gguf->version;
}

int
ftl_gguf_get_n_keys (const FtlGguf *gguf)
{
  g_return_val_if_fail (gguf != NULL, 0);

  return gguf->n_kvs;
}

const char *
ftl_gguf_get_key (const FtlGguf *gguf,
                  int            index)
{
  g_return_val_if_fail (gguf != NULL, NULL);
  g_return_val_if_fail (index >= 0 && index < gguf->n_kvs, NULL);

  return gguf->kvs[index].key;
}

gboolean
ftl_gguf_lookup (const FtlGguf *gguf,
                 const char    *key,
                 FtlGgufType   *type,
                 FtlGgufType   *array_type,
                 guint64       *array_length)
{
  g_return_val_if_fail (gguf != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  const Kv *kv = g_hash_table_lookup (gguf->kv_index, key);
  if (kv == NULL)
    return FALSE;

  if (type != NULL)
    *type = kv->type;
  if (kv->type == FTL_GGUF_TYPE_ARRAY)
    {
      if (array_type != NULL)
        *array_type = kv->array_type;
      if (array_length != NULL)
        *array_length = kv->length;
    }
  return TRUE;
}

static const char *
describe_type (const Kv *kv,
               char      buffer[64])
{
  if (kv->type != FTL_GGUF_TYPE_ARRAY)
    return type_names[kv->type];
  /* Translators: %s is a value type such as “string” or “uint32”. */
  g_snprintf (buffer, 64, _("array of %s"), type_names[kv->array_type]);
  return buffer;
}

/* The key's entry if it has the given type (and, for arrays, element type);
 * NULL with FTL_GGUF_ERROR_MISSING otherwise. */
static const Kv *
lookup_typed (const FtlGguf *gguf,
              const char    *key,
              FtlGgufType    type,
              FtlGgufType    array_type,
              GError       **error)
{
  const Kv *kv = g_hash_table_lookup (gguf->kv_index, key);

  if (kv == NULL)
    {
      /* Translators: %s is a metadata key such as “qwen2.block_count”. */
      g_set_error (error, FTL_GGUF_ERROR, FTL_GGUF_ERROR_MISSING,
                   _("metadata key '%s' is absent"), key);
      return NULL;
    }
  if (kv->type != type || (type == FTL_GGUF_TYPE_ARRAY && kv->array_type != array_type))
    {
      Kv wanted = { .type = type, .array_type = array_type };
      char have_buffer[64], want_buffer[64];

      g_set_error (error, FTL_GGUF_ERROR, FTL_GGUF_ERROR_MISSING,
                   /* Translators: the last two %s are value types, such as “uint32”. */
                   _("metadata key '%s' is %s, not %s"), key,
                   describe_type (kv, have_buffer), describe_type (&wanted, want_buffer));
      return NULL;
    }
  return kv;
}

/* Any integer type whose value lies in [min, max]; the value comes back as
 * the bits of a two's-complement 64-bit integer for the caller to narrow. */
static gboolean
get_integer (const FtlGguf *gguf,
             const char    *key,
             gint64         min,
             guint64        max,
             const char    *target,
             guint64       *value,
             GError       **error)
{
  g_return_val_if_fail (gguf != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  const Kv *kv = g_hash_table_lookup (gguf->kv_index, key);
  gboolean fits;

  if (kv == NULL)
    {
      g_set_error (error, FTL_GGUF_ERROR, FTL_GGUF_ERROR_MISSING,
                   _("metadata key '%s' is absent"), key);
      return FALSE;
    }
  if (is_signed_type (kv->type))
    fits = kv->v.i >= min && (kv->v.i < 0 || (guint64) kv->v.i <= max);
  else if (is_unsigned_type (kv->type))
    fits = kv->v.u <= max;
  else
    {
      char buffer[64];

      g_set_error (error, FTL_GGUF_ERROR, FTL_GGUF_ERROR_MISSING,
                   _("metadata key '%s' is %s, not an integer"), key, describe_type (kv, buffer));
      return FALSE;
    }
  if (!fits)
    {
      g_set_error (error, FTL_GGUF_ERROR, FTL_GGUF_ERROR_MISSING,
                   /* Translators: the second and third %s are value types, such as “int32”. */
                   _("metadata key '%s' (%s) holds a value that doesn't fit in %s"),
                   key, type_names[kv->type], target);
      return FALSE;
    }
  *value = is_signed_type (kv->type) ? (guint64) kv->v.i : kv->v.u;
  return TRUE;
}

gboolean
ftl_gguf_get_string (const FtlGguf *gguf,
                     const char    *key,
                     const char   **value,
                     GError       **error)
{
  g_return_val_if_fail (gguf != NULL && key != NULL && value != NULL, FALSE);

  const Kv *kv = lookup_typed (gguf, key, FTL_GGUF_TYPE_STRING, 0, error);
  if (kv == NULL)
    return FALSE;
  *value = kv->v.s;
  return TRUE;
}

gboolean
ftl_gguf_get_uint32 (const FtlGguf *gguf,
                     const char    *key,
                     guint32       *value,
                     GError       **error)
{
  guint64 bits;

  if (!get_integer (gguf, key, 0, G_MAXUINT32, "uint32", &bits, error))
    return FALSE;
  *value = (guint32) bits;
  return TRUE;
}

gboolean
ftl_gguf_get_int32 (const FtlGguf *gguf,
                    const char    *key,
                    gint32        *value,
                    GError       **error)
{
  guint64 bits;

  if (!get_integer (gguf, key, G_MININT32, G_MAXINT32, "int32", &bits, error))
    return FALSE;
  *value = (gint32) (gint64) bits;
  return TRUE;
}

gboolean
ftl_gguf_get_uint64 (const FtlGguf *gguf,
                     const char    *key,
                     guint64       *value,
                     GError       **error)
{
  return get_integer (gguf, key, 0, G_MAXUINT64, "uint64", value, error);
}

gboolean
ftl_gguf_get_float32 (const FtlGguf *gguf,
                      const char    *key,
                      float         *value,
                      GError       **error)
{
  g_return_val_if_fail (gguf != NULL && key != NULL && value != NULL, FALSE);

  const Kv *kv = lookup_typed (gguf, key, FTL_GGUF_TYPE_FLOAT32, 0, error);
  if (kv == NULL)
    return FALSE;
  *value = (float) kv->v.f;
  return TRUE;
}

gboolean
ftl_gguf_get_bool (const FtlGguf *gguf,
                   const char    *key,
                   gboolean      *value,
                   GError       **error)
{
  g_return_val_if_fail (gguf != NULL && key != NULL && value != NULL, FALSE);

  const Kv *kv = lookup_typed (gguf, key, FTL_GGUF_TYPE_BOOL, 0, error);
  if (kv == NULL)
    return FALSE;
  *value = kv->v.u != 0;
  return TRUE;
}

/* The shared body of the array getters. */
static gboolean
get_array (const FtlGguf *gguf,
           const char    *key,
           FtlGgufType    array_type,
           gconstpointer *values,
           guint64       *length,
           GError       **error)
{
  g_return_val_if_fail (gguf != NULL && key != NULL, FALSE);
  g_return_val_if_fail (values != NULL && length != NULL, FALSE);

  const Kv *kv = lookup_typed (gguf, key, FTL_GGUF_TYPE_ARRAY, array_type, error);
  if (kv == NULL)
    return FALSE;
  *values = kv->v.array;
  *length = kv->length;
  return TRUE;
}

gboolean
ftl_gguf_get_string_array (const FtlGguf        *gguf,
                           const char           *key,
                           const char * const  **values,
                           guint64              *length,
                           GError              **error)
{
  return get_array (gguf, key, FTL_GGUF_TYPE_STRING, (gconstpointer *) values, length, error);
}

gboolean
ftl_gguf_get_int32_array (const FtlGguf *gguf,
                          const char    *key,
                          const gint32 **values,
                          guint64       *length,
                          GError       **error)
{
  return get_array (gguf, key, FTL_GGUF_TYPE_INT32, (gconstpointer *) values, length, error);
}

gboolean
ftl_gguf_get_float32_array (const FtlGguf *gguf,
                            const char    *key,
                            const float  **values,
                            guint64       *length,
                            GError       **error)
{
  return get_array (gguf, key, FTL_GGUF_TYPE_FLOAT32, (gconstpointer *) values, length, error);
}

int
ftl_gguf_get_n_tensors (const FtlGguf *gguf)
{
  g_return_val_if_fail (gguf != NULL, 0);

  return gguf->n_tensors;
}

const FtlGgufTensor *
ftl_gguf_get_tensor (const FtlGguf *gguf,
                     int            index)
{
  g_return_val_if_fail (gguf != NULL, NULL);
  g_return_val_if_fail (index >= 0 && index < gguf->n_tensors, NULL);

  return &gguf->tensors[index].pub;
}

const FtlGgufTensor *
ftl_gguf_find_tensor (const FtlGguf *gguf,
                      const char    *name)
{
  g_return_val_if_fail (gguf != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  const Tensor *t = g_hash_table_lookup (gguf->tensor_index, name);
  return t != NULL ? &t->pub : NULL;
}

gboolean
ftl_gguf_tensor_to_float (const FtlGgufTensor *tensor,
                          float               *dest,
                          guint64              n,
                          GError             **error)
{
  g_return_val_if_fail (tensor != NULL, FALSE);
  g_return_val_if_fail (dest != NULL || n == 0, FALSE);

  if (n != tensor->n_elements)
    {
      g_set_error (error, FTL_GGUF_ERROR, FTL_GGUF_ERROR_MISSING,
                   _("tensor '%s' holds %llu values, expected %llu"), tensor->name,
                   (unsigned long long) tensor->n_elements, (unsigned long long) n);
      return FALSE;
    }

  if (tensor->type == FTL_GGML_TYPE_F32)
    {
      memcpy (dest, tensor->data, n * sizeof (float));
      swap_to_host ((guint8 *) dest, n, sizeof (float));
    }
  else
    for (guint64 i = 0; i < n; i++)
      {
        guint16 h;

        memcpy (&h, tensor->data + 2 * i, sizeof h);
        dest[i] = ftl_half_to_float (GUINT16_FROM_LE (h));
      }
  return TRUE;
}

/* ---- writing -------------------------------------------------------------- */

typedef struct
{
  char        *name;
  FtlGgmlType  type;
  int          n_dims;
  guint64      ne[GGUF_MAX_DIMS];
  guint8      *data;    /* already encoded as in the file */
  guint64      n_bytes;
} WriterTensor;

struct _FtlGgufWriter
{
  GByteArray *metadata;     /* the encoded key/value pairs, in insertion order */
  guint64     n_kvs;
  GHashTable *keys;         /* a repeated key would make a file readers reject */
  guint32     alignment;
  GPtrArray  *tensors;      /* WriterTensor, in insertion order */
  GHashTable *tensor_names;
};

static void
writer_tensor_free (gpointer data)
{
  WriterTensor *t = data;

  g_free (t->name);
  g_free (t->data);
  g_free (t);
}

FtlGgufWriter *
ftl_gguf_writer_new (void)
{
  FtlGgufWriter *writer = g_new0 (FtlGgufWriter, 1);

  writer->metadata = g_byte_array_new ();
  writer->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  writer->alignment = GGUF_DEFAULT_ALIGNMENT;
  writer->tensors = g_ptr_array_new_with_free_func (writer_tensor_free);
  writer->tensor_names = g_hash_table_new (g_str_hash, g_str_equal);
  return writer;
}

void
ftl_gguf_writer_free (FtlGgufWriter *writer)
{
  if (writer == NULL)
    return;

  g_byte_array_unref (writer->metadata);
  g_hash_table_unref (writer->keys);
  g_hash_table_unref (writer->tensor_names);
  g_ptr_array_unref (writer->tensors);
  g_free (writer);
}

static void
put_u32 (GByteArray *out,
         guint32     value)
{
  value = GUINT32_TO_LE (value);
  g_byte_array_append (out, (const guint8 *) &value, 4);
}

static void
put_u64 (GByteArray *out,
         guint64     value)
{
  value = GUINT64_TO_LE (value);
  g_byte_array_append (out, (const guint8 *) &value, 8);
}

static void
put_float (GByteArray *out,
           float       value)
{
  guint32 bits;

  memcpy (&bits, &value, 4);
  put_u32 (out, bits);
}

static void
put_string (GByteArray *out,
            const char *value)
{
  gsize length = strlen (value);

  put_u64 (out, length);
  g_byte_array_append (out, (const guint8 *) value, length);
}

static void
put_padding (GByteArray *out,
             guint32     alignment)
{
  static const guint8 zeros[64] = { 0 };

  while (out->len % alignment != 0)
    g_byte_array_append (out, zeros, MIN (sizeof zeros, alignment - out->len % alignment));
}

/* Starts a key/value pair: checks the key and writes it and the type. */
static gboolean
begin_kv (FtlGgufWriter *writer,
          const char    *key,
          FtlGgufType    type)
{
  g_return_val_if_fail (writer != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (g_hash_table_contains (writer->keys, key))
    {
      g_critical ("GGUF writer: metadata key '%s' added twice", key);
      return FALSE;
    }
  if (type != FTL_GGUF_TYPE_UINT32 && strcmp (key, GGUF_KEY_ALIGNMENT) == 0)
    {
      g_critical ("GGUF writer: " GGUF_KEY_ALIGNMENT " must be uint32");
      return FALSE;
    }

  g_hash_table_add (writer->keys, g_strdup (key));
  writer->n_kvs++;
  put_string (writer->metadata, key);
  put_u32 (writer->metadata, type);
  return TRUE;
}

static gboolean
begin_array (FtlGgufWriter *writer,
             const char    *key,
             FtlGgufType    array_type,
             gconstpointer  values,
             guint64        length)
{
  g_return_val_if_fail (values != NULL || length == 0, FALSE);

  if (!begin_kv (writer, key, FTL_GGUF_TYPE_ARRAY))
    return FALSE;
  put_u32 (writer->metadata, array_type);
  put_u64 (writer->metadata, length);
  return TRUE;
}

void
ftl_gguf_writer_add_string (FtlGgufWriter *writer,
                            const char    *key,
                            const char    *value)
{
  g_return_if_fail (value != NULL);

  if (begin_kv (writer, key, FTL_GGUF_TYPE_STRING))
    put_string (writer->metadata, value);
}

void
ftl_gguf_writer_add_uint32 (FtlGgufWriter *writer,
                            const char    *key,
                            guint32        value)
{
  gboolean is_alignment = key != NULL && strcmp (key, GGUF_KEY_ALIGNMENT) == 0;

  g_return_if_fail (!is_alignment || is_power_of_two (value));

  if (!begin_kv (writer, key, FTL_GGUF_TYPE_UINT32))
    return;
  put_u32 (writer->metadata, value);
  if (is_alignment)
    writer->alignment = value;
}

void
ftl_gguf_writer_add_int32 (FtlGgufWriter *writer,
                           const char    *key,
                           gint32         value)
{
  if (begin_kv (writer, key, FTL_GGUF_TYPE_INT32))
    put_u32 (writer->metadata, (guint32) value);
}

void
ftl_gguf_writer_add_uint64 (FtlGgufWriter *writer,
                            const char    *key,
                            guint64        value)
{
  if (begin_kv (writer, key, FTL_GGUF_TYPE_UINT64))
    put_u64 (writer->metadata, value);
}

void
ftl_gguf_writer_add_float32 (FtlGgufWriter *writer,
                             const char    *key,
                             float          value)
{
  if (begin_kv (writer, key, FTL_GGUF_TYPE_FLOAT32))
    put_float (writer->metadata, value);
}

void
ftl_gguf_writer_add_bool (FtlGgufWriter *writer,
                          const char    *key,
                          gboolean       value)
{
  guint8 byte = value ? 1 : 0;

  if (begin_kv (writer, key, FTL_GGUF_TYPE_BOOL))
    g_byte_array_append (writer->metadata, &byte, 1);
}

void
ftl_gguf_writer_add_string_array (FtlGgufWriter      *writer,
                                  const char         *key,
                                  const char * const *values,
                                  guint64             length)
{
  if (!begin_array (writer, key, FTL_GGUF_TYPE_STRING, values, length))
    return;
  for (guint64 i = 0; i < length; i++)
    put_string (writer->metadata, values[i]);
}

void
ftl_gguf_writer_add_int32_array (FtlGgufWriter *writer,
                                 const char    *key,
                                 const gint32  *values,
                                 guint64        length)
{
  if (!begin_array (writer, key, FTL_GGUF_TYPE_INT32, values, length))
    return;
  for (guint64 i = 0; i < length; i++)
    put_u32 (writer->metadata, (guint32) values[i]);
}

void
ftl_gguf_writer_add_float32_array (FtlGgufWriter *writer,
                                   const char    *key,
                                   const float   *values,
                                   guint64        length)
{
  if (!begin_array (writer, key, FTL_GGUF_TYPE_FLOAT32, values, length))
    return;
  for (guint64 i = 0; i < length; i++)
    put_float (writer->metadata, values[i]);
}

void
ftl_gguf_writer_add_tensor (FtlGgufWriter *writer,
                            const char    *name,
                            FtlGgmlType    type,
                            int            n_dims,
                            const guint64 *ne,
                            const float   *data)
{
  g_return_if_fail (writer != NULL);
  g_return_if_fail (name != NULL && strlen (name) < GGUF_MAX_NAME);
  g_return_if_fail (type == FTL_GGML_TYPE_F32 || type == FTL_GGML_TYPE_F16);
  g_return_if_fail (n_dims >= 1 && n_dims <= GGUF_MAX_DIMS);
  g_return_if_fail (ne != NULL && data != NULL);

  if (g_hash_table_contains (writer->tensor_names, name))
    {
      g_critical ("GGUF writer: tensor '%s' added twice", name);
      return;
    }

  guint64 n = 1;
  for (int d = 0; d < n_dims; d++)
    {
      gboolean fits = g_uint64_checked_mul (&n, n, ne[d]);

      g_return_if_fail (ne[d] > 0 && fits);
    }

  WriterTensor *t = g_new0 (WriterTensor, 1);
  t->name = g_strdup (name);
  t->type = type;
  t->n_dims = n_dims;
  memcpy (t->ne, ne, n_dims * sizeof *ne);
  t->n_bytes = n * ggml_type_size (type);
  t->data = g_malloc (t->n_bytes);

  if (type == FTL_GGML_TYPE_F32)
    {
      memcpy (t->data, data, t->n_bytes);
      swap_to_host (t->data, n, sizeof (float));
    }
  else
    for (guint64 i = 0; i < n; i++)
      {
        guint16 h = GUINT16_TO_LE (ftl_float_to_half (data[i]));

        memcpy (t->data + 2 * i, &h, sizeof h);
      }

  g_ptr_array_add (writer->tensors, t);
  g_hash_table_add (writer->tensor_names, t->name);
}

GBytes *
ftl_gguf_writer_to_bytes (FtlGgufWriter *writer)
{
  g_return_val_if_fail (writer != NULL, NULL);

  guint64 data_size = 0;
  for (guint i = 0; i < writer->tensors->len; i++)
    {
      const WriterTensor *t = g_ptr_array_index (writer->tensors, i);

      data_size += align_up (t->n_bytes, writer->alignment);
    }

  /* Reserve the data plus a generous guess for header and tensor infos. */
  GByteArray *out = g_byte_array_sized_new (writer->metadata->len + data_size +
                                            writer->alignment +
                                            writer->tensors->len * 128 + 64);

  g_byte_array_append (out, (const guint8 *) GGUF_MAGIC, 4);
  put_u32 (out, GGUF_VERSION);
  put_u64 (out, writer->tensors->len);
  put_u64 (out, writer->n_kvs);
  g_byte_array_append (out, writer->metadata->data, writer->metadata->len);

  guint64 offset = 0;
  for (guint i = 0; i < writer->tensors->len; i++)
    {
      const WriterTensor *t = g_ptr_array_index (writer->tensors, i);

      put_string (out, t->name);
      put_u32 (out, t->n_dims);
      for (int d = 0; d < t->n_dims; d++)
        put_u64 (out, t->ne[d]);
      put_u32 (out, t->type);
      put_u64 (out, offset);
      offset += align_up (t->n_bytes, writer->alignment);
    }

  /* Every tensor is padded, the last one too, as llama.cpp's writer does:
   * its reader sizes the data section as the sum of padded tensor sizes. */
  put_padding (out, writer->alignment);
  for (guint i = 0; i < writer->tensors->len; i++)
    {
      const WriterTensor *t = g_ptr_array_index (writer->tensors, i);

      g_byte_array_append (out, t->data, t->n_bytes);
      put_padding (out, writer->alignment);
    }

  return g_byte_array_free_to_bytes (out);
}

gboolean
ftl_gguf_writer_write (FtlGgufWriter *writer,
                       const char    *path,
                       GError       **error)
{
  g_return_val_if_fail (writer != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_autoptr(GBytes) bytes = ftl_gguf_writer_to_bytes (writer);
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  /* CONSISTENT writes a temporary file and renames it over path, so a
   * reader (or a crash) never sees a half-written model; DURABLE syncs it
   * first, also when path is new, so a power cut can't leave it empty. */
  return g_file_set_contents_full (path, (const char *) data, (gssize) size,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0666, error);
}
