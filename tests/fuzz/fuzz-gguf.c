/* fuzz-gguf.c — the GGUF reader and the model loader on any bytes.
 *
 * Properties: a file is read or refused with an FTL_GGUF_ERROR, never a crash
 * or an allocation the bytes don't justify (libFuzzer's -rss_limit_mb and
 * -malloc_limit_mb catch those); every key can be looked up and read with the
 * getter of its type; every tensor lies inside the file and converts to
 * floats; a model the loader accepts has a tokenizer of its vocabulary size
 * whose chat tokens are all in the vocabulary, and runs a forward pass.
 */
#include "ftl-fuzz.h"

#include <math.h>
#include <string.h>

#include "ftl-chat.h"
#include "ftl-model-file.h"

/* Converting a tensor costs its size: big ones are checked for bounds only. */
#define MAX_CONVERTED_ELEMENTS (1 << 16)

/* Reading every value makes a sanitizer check it is in bounds. */
static volatile double sink;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  ftl_fuzz_init ();
  return 0;
}

static void
check_refusal (const GError *error)
{
  FTL_FUZZ_CHECK (error != NULL);
  FTL_FUZZ_CHECK (error->message != NULL && error->message[0] != '\0');
}

static void
check_key (const FtlGguf *gguf,
           const char    *key)
{
  FtlGgufType type, array_type = 0;
  guint64 length = 0;
  g_autoptr(GError) error = NULL;

  FTL_FUZZ_CHECK (ftl_gguf_lookup (gguf, key, &type, &array_type, &length));
  switch (type)
    {
    case FTL_GGUF_TYPE_STRING:
      {
        const char *value = NULL;
        FTL_FUZZ_CHECK (ftl_gguf_get_string (gguf, key, &value, &error) && value != NULL);
        break;
      }
    case FTL_GGUF_TYPE_FLOAT32:
      {
        float value;
        FTL_FUZZ_CHECK (ftl_gguf_get_float32 (gguf, key, &value, &error));
        break;
      }
    case FTL_GGUF_TYPE_BOOL:
      {
        gboolean value;
        FTL_FUZZ_CHECK (ftl_gguf_get_bool (gguf, key, &value, &error));
        break;
      }
    case FTL_GGUF_TYPE_ARRAY:
      if (array_type == FTL_GGUF_TYPE_STRING)
        {
          const char * const *values;
          guint64 n;
          FTL_FUZZ_CHECK (ftl_gguf_get_string_array (gguf, key, &values, &n, &error));
          FTL_FUZZ_CHECK (n == length && values[n] == NULL);
          for (guint64 i = 0; i < n; i++)
            FTL_FUZZ_CHECK (values[i] != NULL);
        }
      else if (array_type == FTL_GGUF_TYPE_INT32)
        {
          const gint32 *values;
          guint64 n;
          FTL_FUZZ_CHECK (ftl_gguf_get_int32_array (gguf, key, &values, &n, &error));
          FTL_FUZZ_CHECK (n == length);
          for (guint64 i = 0; i < n; i++)
            sink += values[i];
        }
      else if (array_type == FTL_GGUF_TYPE_FLOAT32)
        {
          const float *values;
          guint64 n;
          FTL_FUZZ_CHECK (ftl_gguf_get_float32_array (gguf, key, &values, &n, &error));
          FTL_FUZZ_CHECK (n == length);
          for (guint64 i = 0; i < n; i++)
            sink += values[i];
        }
      break;
    case FTL_GGUF_TYPE_UINT8:
    case FTL_GGUF_TYPE_INT8:
    case FTL_GGUF_TYPE_UINT16:
    case FTL_GGUF_TYPE_INT16:
    case FTL_GGUF_TYPE_UINT32:
    case FTL_GGUF_TYPE_INT32:
    case FTL_GGUF_TYPE_UINT64:
    case FTL_GGUF_TYPE_INT64:
    case FTL_GGUF_TYPE_FLOAT64:
    default:
      {
        /* Each integer getter gives the value or says it doesn't fit (or
         * that the key holds a float); the values agree. */
        guint32 u32;
        gint32 i32;
        guint64 u64;
        g_autoptr(GError) e32 = NULL, ei32 = NULL, e64 = NULL;
        gboolean have_u32 = ftl_gguf_get_uint32 (gguf, key, &u32, &e32);
        gboolean have_i32 = ftl_gguf_get_int32 (gguf, key, &i32, &ei32);
        gboolean have_u64 = ftl_gguf_get_uint64 (gguf, key, &u64, &e64);

        FTL_FUZZ_CHECK (have_u32 || g_error_matches (e32, FTL_GGUF_ERROR, FTL_GGUF_ERROR_MISSING));
        FTL_FUZZ_CHECK (have_i32 || g_error_matches (ei32, FTL_GGUF_ERROR, FTL_GGUF_ERROR_MISSING));
        FTL_FUZZ_CHECK (have_u64 || g_error_matches (e64, FTL_GGUF_ERROR, FTL_GGUF_ERROR_MISSING));
        FTL_FUZZ_CHECK (!have_u32 || (have_u64 && u64 == u32));
        FTL_FUZZ_CHECK (!have_i32 || i32 < 0 || (have_u64 && u64 == (guint64) i32));
        break;
      }
    }
}

static void
check_tensor (const FtlGguf       *gguf,
              const FtlGgufTensor *tensor,
              const uint8_t       *data,
              size_t               size)
{
  FTL_FUZZ_CHECK (ftl_gguf_find_tensor (gguf, tensor->name) == tensor);
  FTL_FUZZ_CHECK (tensor->n_dims >= 1 && tensor->n_dims <= 4);
  FTL_FUZZ_CHECK (tensor->type == FTL_GGML_TYPE_F32 || tensor->type == FTL_GGML_TYPE_F16);
  FTL_FUZZ_CHECK (tensor->n_bytes == tensor->n_elements * (tensor->type == FTL_GGML_TYPE_F32 ? 4 : 2));
  FTL_FUZZ_CHECK (tensor->data >= data && tensor->n_bytes <= size
                  && (size_t) (tensor->data - data) <= size - tensor->n_bytes);

  if (tensor->n_elements > MAX_CONVERTED_ELEMENTS)
    return;

  g_autofree float *values = g_new (float, tensor->n_elements + 1);
  g_autoptr(GError) error = NULL;
  FTL_FUZZ_CHECK (ftl_gguf_tensor_to_float (tensor, values, tensor->n_elements, &error));
  FTL_FUZZ_CHECK (!ftl_gguf_tensor_to_float (tensor, values, tensor->n_elements + 1, &error));
  check_refusal (error);
}

static void
check_model (FtlModel     *model,
             FtlTokenizer *tokenizer)
{
  const FtlModelConfig *config = ftl_model_get_config (model);
  int n_vocab = ftl_tokenizer_get_vocab_size (tokenizer);
  static const FtlChatMessage conversation[] = {
    { FTL_ROLE_SYSTEM, "You are a pirate.", 0.f },
    { FTL_ROLE_USER, "Hi!", 0.f },
    { FTL_ROLE_ASSISTANT, "Ahoy!", 1.f },
  };
  g_autoptr(GArray) tokens = g_array_new (FALSE, FALSE, sizeof (int));

  FTL_FUZZ_CHECK (config->vocab_size == n_vocab);
  ftl_chat_render (tokenizer, conversation, G_N_ELEMENTS (conversation), TRUE, tokens, NULL);
  for (guint i = 0; i < tokens->len; i++)
    FTL_FUZZ_CHECK (g_array_index (tokens, int, i) >= 0 && g_array_index (tokens, int, i) < n_vocab);

  /* A few positions: enough to run every kernel once, cheap for any size. */
  int T = (int) MIN (tokens->len, (guint) MIN (config->context_length, 4));
  ftl_model_forward (model, (const int *) tokens->data, NULL, NULL, 1, T);
  sink += ftl_model_get_logits (model)[0];
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(FtlGguf) gguf = ftl_gguf_read_bytes (bytes, &error);

  ftl_fuzz_n_criticals = 0;
  if (gguf == NULL)
    {
      FTL_FUZZ_CHECK (error->domain == FTL_GGUF_ERROR);
      check_refusal (error);
      return 0;
    }

  for (int i = 0; i < ftl_gguf_get_n_keys (gguf); i++)
    check_key (gguf, ftl_gguf_get_key (gguf, i));
  for (int i = 0; i < ftl_gguf_get_n_tensors (gguf); i++)
    check_tensor (gguf, ftl_gguf_get_tensor (gguf, i), data, size);

  g_autoptr(FtlTokenizer) tokenizer = NULL;
  FtlModelFileInfo info = { 0 };
  g_autoptr(FtlModel) model = ftl_model_file_load_bytes (bytes, "fuzz.gguf", &tokenizer, &info,
                                                         &error);
  if (model == NULL)
    check_refusal (error);
  else
    {
      FTL_FUZZ_CHECK (info.name != NULL);
      check_model (model, tokenizer);
    }
  ftl_model_file_info_clear (&info);

  FTL_FUZZ_CHECK (ftl_fuzz_n_criticals == 0);
  return 0;
}
