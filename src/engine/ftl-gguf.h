/* ftl-gguf.h — GGUF v3 reader and writer.
 *
 * The file format of ggml/llama.cpp: header (magic "GGUF", version 3, tensor
 * count, metadata count), metadata key/value pairs, tensor infos, padding to
 * general.alignment (default 32), tensor data. Little-endian.
 *
 * A file is untrusted input: every read is bounds-checked, every count and
 * size is checked against what the file can hold, and a malformed file gives a
 * GError in FTL_GGUF_ERROR naming what is wrong and where (byte offset), never
 * a crash or an unbounded allocation.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Limits beyond what the file's size already bounds, so that a lying count
 * in a large file can't make the reader allocate far more than the file
 * holds. Real models stay well below them: a qwen2 file of the most layers
 * the engine accepts (512) has 6,146 tensors and about 30 metadata keys;
 * the largest vocabularies have a few hundred thousand tokens and merges. A
 * tensor has at most as many elements as a model may have parameters. */
#define FTL_GGUF_MAX_TENSORS          65536
#define FTL_GGUF_MAX_KEYS             65536
#define FTL_GGUF_MAX_ARRAY_LENGTH     (1 << 24)
#define FTL_GGUF_MAX_TENSOR_ELEMENTS  (G_GUINT64_CONSTANT (1) << 32)

#define FTL_GGUF_ERROR (ftl_gguf_error_quark ())
GQuark ftl_gguf_error_quark (void);

typedef enum
{
  FTL_GGUF_ERROR_MALFORMED,   /* not GGUF, truncated, lying sizes … */
  FTL_GGUF_ERROR_UNSUPPORTED, /* valid GGUF we can't use (version, tensor type) */
  FTL_GGUF_ERROR_MISSING,     /* a required key or tensor is absent or of the wrong type */
} FtlGgufError;

/* Value types, numbered as in the GGUF spec. */
typedef enum
{
  FTL_GGUF_TYPE_UINT8   = 0,
  FTL_GGUF_TYPE_INT8    = 1,
  FTL_GGUF_TYPE_UINT16  = 2,
  FTL_GGUF_TYPE_INT16   = 3,
  FTL_GGUF_TYPE_UINT32  = 4,
  FTL_GGUF_TYPE_INT32   = 5,
  FTL_GGUF_TYPE_FLOAT32 = 6,
  FTL_GGUF_TYPE_BOOL    = 7,
  FTL_GGUF_TYPE_STRING  = 8,
  FTL_GGUF_TYPE_ARRAY   = 9,
  FTL_GGUF_TYPE_UINT64  = 10,
  FTL_GGUF_TYPE_INT64   = 11,
  FTL_GGUF_TYPE_FLOAT64 = 12,
} FtlGgufType;

/* Tensor element types (ggml_type numbering); we read and write these two. */
typedef enum
{
  FTL_GGML_TYPE_F32 = 0,
  FTL_GGML_TYPE_F16 = 1,
} FtlGgmlType;

/* ---- reading ------------------------------------------------------------- */

typedef struct _FtlGguf FtlGguf;

typedef struct
{
  const char  *name;
  int          n_dims;     /* 1 … 4 */
  guint64      ne[4];      /* ne[0] is the fastest-varying (columns) */
  FtlGgmlType  type;
  guint64      n_elements;
  const guint8 *data;      /* inside the file's bytes, n_bytes long */
  guint64      n_bytes;
} FtlGgufTensor;

FtlGguf     *ftl_gguf_read_file  (const char *path,
                                  GError    **error);
/* Parses bytes (kept alive by the returned object). */
FtlGguf     *ftl_gguf_read_bytes (GBytes     *bytes,
                                  GError    **error);
void         ftl_gguf_free       (FtlGguf *gguf);

guint32      ftl_gguf_get_version (const FtlGguf *gguf);
int          ftl_gguf_get_n_keys  (const FtlGguf *gguf);
const char  *ftl_gguf_get_key     (const FtlGguf *gguf,
                                   int            index);

/* TRUE and sets type (and, for arrays, the element type and length) if key exists. */
gboolean     ftl_gguf_lookup      (const FtlGguf *gguf,
                                   const char    *key,
                                   FtlGgufType   *type,
                                   FtlGgufType   *array_type,
                                   guint64       *array_length);

/* Typed getters: FALSE with FTL_GGUF_ERROR_MISSING if the key is absent or has
 * another type. Integer getters accept any integer type whose value fits. */
gboolean     ftl_gguf_get_string  (const FtlGguf *gguf, const char *key, const char **value, GError **error);
gboolean     ftl_gguf_get_uint32  (const FtlGguf *gguf, const char *key, guint32 *value, GError **error);
gboolean     ftl_gguf_get_int32   (const FtlGguf *gguf, const char *key, gint32 *value, GError **error);
gboolean     ftl_gguf_get_uint64  (const FtlGguf *gguf, const char *key, guint64 *value, GError **error);
gboolean     ftl_gguf_get_float32 (const FtlGguf *gguf, const char *key, float *value, GError **error);
gboolean     ftl_gguf_get_bool    (const FtlGguf *gguf, const char *key, gboolean *value, GError **error);

/* Array getters; the returned arrays are owned by gguf (strings NUL-terminated). */
gboolean     ftl_gguf_get_string_array (const FtlGguf *gguf, const char *key,
                                        const char * const **values, guint64 *length, GError **error);
gboolean     ftl_gguf_get_int32_array  (const FtlGguf *gguf, const char *key,
                                        const gint32 **values, guint64 *length, GError **error);
gboolean     ftl_gguf_get_float32_array (const FtlGguf *gguf, const char *key,
                                         const float **values, guint64 *length, GError **error);

int                  ftl_gguf_get_n_tensors (const FtlGguf *gguf);
const FtlGgufTensor *ftl_gguf_get_tensor    (const FtlGguf *gguf,
                                             int            index);
const FtlGgufTensor *ftl_gguf_find_tensor   (const FtlGguf *gguf,
                                             const char    *name);

/* Converts a tensor (F32 or F16) to n floats; FALSE with an error if the
 * tensor doesn't hold exactly n elements. */
gboolean     ftl_gguf_tensor_to_float (const FtlGgufTensor *tensor,
                                       float               *dest,
                                       guint64              n,
                                       GError             **error);

/* ---- writing ------------------------------------------------------------- */

typedef struct _FtlGgufWriter FtlGgufWriter;

FtlGgufWriter *ftl_gguf_writer_new  (void);
void           ftl_gguf_writer_free (FtlGgufWriter *writer);

void ftl_gguf_writer_add_string  (FtlGgufWriter *writer, const char *key, const char *value);
void ftl_gguf_writer_add_uint32  (FtlGgufWriter *writer, const char *key, guint32 value);
void ftl_gguf_writer_add_int32   (FtlGgufWriter *writer, const char *key, gint32 value);
void ftl_gguf_writer_add_uint64  (FtlGgufWriter *writer, const char *key, guint64 value);
void ftl_gguf_writer_add_float32 (FtlGgufWriter *writer, const char *key, float value);
void ftl_gguf_writer_add_bool    (FtlGgufWriter *writer, const char *key, gboolean value);
void ftl_gguf_writer_add_string_array  (FtlGgufWriter *writer, const char *key,
                                        const char * const *values, guint64 length);
void ftl_gguf_writer_add_int32_array   (FtlGgufWriter *writer, const char *key,
                                        const gint32 *values, guint64 length);
void ftl_gguf_writer_add_float32_array (FtlGgufWriter *writer, const char *key,
                                        const float *values, guint64 length);

/* Adds a tensor of ne[0] × … × ne[n_dims−1] floats, stored as type (F16 is
 * converted with round-to-nearest-even). data is copied. */
void ftl_gguf_writer_add_tensor (FtlGgufWriter *writer,
                                 const char    *name,
                                 FtlGgmlType    type,
                                 int            n_dims,
                                 const guint64 *ne,
                                 const float   *data);

/* Writes atomically (a temporary file renamed over path): a reader sees the old
 * file or the new one, never a mix. */
gboolean ftl_gguf_writer_write (FtlGgufWriter *writer,
                                const char    *path,
                                GError       **error);

/* The same bytes, in memory (tests, fuzzing). */
GBytes  *ftl_gguf_writer_to_bytes (FtlGgufWriter *writer);

/* IEEE half ↔ float. */
guint16  ftl_float_to_half (float   value);
float    ftl_half_to_float (guint16 value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FtlGguf, ftl_gguf_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FtlGgufWriter, ftl_gguf_writer_free)

G_END_DECLS
