/* ftl-model-file.c — GGUF ⇄ (FtlModel, FtlTokenizer). */
#include "ftl-model-file.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "ftl-chat.h"

#define ARCH "qwen2"

/* llama.cpp token types. */
enum
{
  TOKEN_TYPE_NORMAL = 1,
  TOKEN_TYPE_CONTROL = 3,
};

/* llama.cpp's general.file_type values. */
enum
{
  FILE_TYPE_ALL_F32 = 0,
  FILE_TYPE_MOSTLY_F16 = 1,
};

void
ftl_model_file_info_clear (FtlModelFileInfo *info)
{
  g_clear_pointer (&info->name, g_free);
}

gboolean
ftl_model_file_save (const char             *path,
                     const FtlModel         *model,
                     const FtlTokenizer     *tokenizer,
                     const FtlModelFileInfo *info,
                     FtlGgmlType             type,
                     GError                **error)
{
  const FtlModelConfig *c = ftl_model_get_config (model);
  int n_vocab = ftl_tokenizer_get_vocab_size (tokenizer);
  int n_merges = ftl_tokenizer_get_n_merges (tokenizer);
  g_autoptr(FtlGgufWriter) w = ftl_gguf_writer_new ();
  g_autofree const char **tokens = g_new (const char *, n_vocab);
  g_autofree const char **merges = g_new (const char *, n_merges);
  g_autofree gint32 *token_types = g_new (gint32, n_vocab);
  const float *params = ftl_model_get_params ((FtlModel *) model);

  if (n_vocab != c->vocab_size)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The tokenizer has %d tokens but the model expects %d"), n_vocab, c->vocab_size);
      return FALSE;
    }

  ftl_gguf_writer_add_string (w, "general.architecture", ARCH);
  ftl_gguf_writer_add_string (w, "general.name", info->name != NULL ? info->name : "finetune-lab");
  ftl_gguf_writer_add_uint32 (w, "general.file_type",
                              type == FTL_GGML_TYPE_F16 ? FILE_TYPE_MOSTLY_F16 : FILE_TYPE_ALL_F32);
  ftl_gguf_writer_add_uint32 (w, ARCH ".context_length", c->context_length);
  ftl_gguf_writer_add_uint32 (w, ARCH ".embedding_length", c->d_model);
  ftl_gguf_writer_add_uint32 (w, ARCH ".block_count", c->n_layers);
  ftl_gguf_writer_add_uint32 (w, ARCH ".feed_forward_length", c->d_ffn);
  ftl_gguf_writer_add_uint32 (w, ARCH ".attention.head_count", c->n_heads);
  ftl_gguf_writer_add_uint32 (w, ARCH ".attention.head_count_kv", c->n_kv_heads);
  ftl_gguf_writer_add_float32 (w, ARCH ".rope.freq_base", c->rope_theta);
  ftl_gguf_writer_add_float32 (w, ARCH ".attention.layer_norm_rms_epsilon", c->norm_eps);

  for (int i = 0; i < n_vocab; i++)
    {
      tokens[i] = ftl_tokenizer_get_token_text (tokenizer, i);
      token_types[i] = ftl_tokenizer_is_special (tokenizer, i) ? TOKEN_TYPE_CONTROL : TOKEN_TYPE_NORMAL;
    }
  for (int i = 0; i < n_merges; i++)
    merges[i] = ftl_tokenizer_get_merge (tokenizer, i);
  ftl_gguf_writer_add_string (w, "tokenizer.ggml.model", "gpt2");
  ftl_gguf_writer_add_string (w, "tokenizer.ggml.pre", "gpt-2");
  ftl_gguf_writer_add_string_array (w, "tokenizer.ggml.tokens", tokens, n_vocab);
  ftl_gguf_writer_add_int32_array (w, "tokenizer.ggml.token_type", token_types, n_vocab);
  ftl_gguf_writer_add_string_array (w, "tokenizer.ggml.merges", merges, n_merges);
  ftl_gguf_writer_add_uint32 (w, "tokenizer.ggml.eos_token_id",
                              ftl_tokenizer_get_special (tokenizer, FTL_SPECIAL_IM_END));
  ftl_gguf_writer_add_uint32 (w, "tokenizer.ggml.padding_token_id",
                              ftl_tokenizer_get_special (tokenizer, FTL_SPECIAL_ENDOFTEXT));
  ftl_gguf_writer_add_uint32 (w, "tokenizer.ggml.bos_token_id",
                              ftl_tokenizer_get_special (tokenizer, FTL_SPECIAL_ENDOFTEXT));
  ftl_gguf_writer_add_bool (w, "tokenizer.ggml.add_bos_token", FALSE);
  ftl_gguf_writer_add_string (w, "tokenizer.chat_template", ftl_chat_template);

  ftl_gguf_writer_add_float32 (w, "finetunelab.learning_rate", info->learning_rate);

  for (int i = 0; i < ftl_model_get_n_tensors (model); i++)
    {
      const FtlTensorInfo *t = ftl_model_get_tensor (model, i);
      /* GGUF lists dimensions fastest-varying first. */
      guint64 ne[2] = { t->n_dims == 2 ? t->cols : t->rows, t->rows };
      FtlGgmlType tensor_type = t->n_dims == 2 ? type : FTL_GGML_TYPE_F32;

      ftl_gguf_writer_add_tensor (w, t->name, tensor_type, t->n_dims, ne, params + t->offset);
    }

  return ftl_gguf_writer_write (w, path, error);
}

static gboolean
get_config_u32 (const FtlGguf *gguf,
                const char    *key,
                int           *value,
                GError       **error)
{
  guint32 v;

  if (!ftl_gguf_get_uint32 (gguf, key, &v, error))
    return FALSE;
  if (v > G_MAXINT)
    {
      /* Translators: %s is a GGUF metadata key such as “qwen2.block_count”, %u its value. */
      g_set_error (error, FTL_GGUF_ERROR, FTL_GGUF_ERROR_MALFORMED, _("%s is too large (%u)"), key, v);
      return FALSE;
    }
  *value = (int) v;
  return TRUE;
}

static gboolean
read_config (const FtlGguf  *gguf,
             FtlModelConfig *c,
             GError        **error)
{
  const char *arch;

  if (!ftl_gguf_get_string (gguf, "general.architecture", &arch, error))
    return FALSE;
  if (!g_str_equal (arch, ARCH))
    {
      g_set_error (error, FTL_GGUF_ERROR, FTL_GGUF_ERROR_UNSUPPORTED,
                   /* Translators: the first %s is the file's architecture, the second
                    * the one Fine-Tune Lab reads (qwen2). */
                   _("The architecture is “%s”; Fine-Tune Lab reads “%s” models"), arch, ARCH);
      return FALSE;
    }

  return get_config_u32 (gguf, ARCH ".context_length", &c->context_length, error) &&
         get_config_u32 (gguf, ARCH ".embedding_length", &c->d_model, error) &&
         get_config_u32 (gguf, ARCH ".block_count", &c->n_layers, error) &&
         get_config_u32 (gguf, ARCH ".feed_forward_length", &c->d_ffn, error) &&
         get_config_u32 (gguf, ARCH ".attention.head_count", &c->n_heads, error) &&
         get_config_u32 (gguf, ARCH ".attention.head_count_kv", &c->n_kv_heads, error) &&
         ftl_gguf_get_float32 (gguf, ARCH ".rope.freq_base", &c->rope_theta, error) &&
         ftl_gguf_get_float32 (gguf, ARCH ".attention.layer_norm_rms_epsilon", &c->norm_eps, error);
}

static FtlTokenizer *
read_tokenizer (const FtlGguf *gguf,
                GError       **error)
{
  const char *model;
  const char * const *tokens, * const *merges;
  guint64 n_tokens, n_merges;

  if (!ftl_gguf_get_string (gguf, "tokenizer.ggml.model", &model, error))
    return NULL;
  if (!g_str_equal (model, "gpt2"))
    {
      g_set_error (error, FTL_GGUF_ERROR, FTL_GGUF_ERROR_UNSUPPORTED,
                   /* Translators: %s is the tokenizer's kind as the file names it. */
                   _("The tokenizer is “%s”; Fine-Tune Lab reads byte-level BPE (“gpt2”)"), model);
      return NULL;
    }
  if (!ftl_gguf_get_string_array (gguf, "tokenizer.ggml.tokens", &tokens, &n_tokens, error) ||
      !ftl_gguf_get_string_array (gguf, "tokenizer.ggml.merges", &merges, &n_merges, error))
    return NULL;
  if (n_tokens > G_MAXINT || n_merges > G_MAXINT)
    {
      g_set_error_literal (error, FTL_GGUF_ERROR, FTL_GGUF_ERROR_MALFORMED,
                           _("The vocabulary is too large"));
      return NULL;
    }

  g_autoptr(FtlTokenizer) tokenizer = ftl_tokenizer_new_from_vocab (tokens, (int) n_tokens,
                                                                    merges, (int) n_merges, error);
  if (tokenizer == NULL)
    return NULL;
  /* Chat, training and generation all speak ChatML: without these tokens
   * they would have no id to write. */
  static const char * const specials[FTL_N_SPECIAL] = {
    FTL_TOKEN_TEXT_ENDOFTEXT, FTL_TOKEN_TEXT_IM_START, FTL_TOKEN_TEXT_IM_END,
  };
  for (int k = 0; k < FTL_N_SPECIAL; k++)
    if (ftl_tokenizer_get_special (tokenizer, k) < 0)
      {
        g_set_error (error, FTL_GGUF_ERROR, FTL_GGUF_ERROR_MISSING,
                     /* Translators: %s is a special token such as “<|im_start|>”. */
                     _("The vocabulary lacks the token “%s” that Fine-Tune Lab's chat format needs"),
                     specials[k]);
        return NULL;
      }
  return g_steal_pointer (&tokenizer);
}

/* The tensors must hold at least the configuration's parameters before the
 * model is allocated: the allocation is then bounded by the file's size,
 * whatever its metadata claims. (Which tensor is missing or misshapen is
 * read_tensors' to say.) */
static gboolean
check_n_params (const FtlGguf        *gguf,
                const FtlModelConfig *config,
                GError              **error)
{
  guint64 n_values = 0;
  gsize n_params;

  if (!ftl_model_config_validate (config, error))
    return FALSE;
  n_params = ftl_model_config_n_params (config);
  for (int i = 0; i < ftl_gguf_get_n_tensors (gguf); i++)
    n_values += ftl_gguf_get_tensor (gguf, i)->n_elements;
  if (n_values < n_params)
    {
      g_set_error (error, FTL_GGUF_ERROR, FTL_GGUF_ERROR_MISSING,
                   _("The tensors hold %llu values, but a model of this configuration has "
                     "%llu parameters"),
                   (unsigned long long) n_values, (unsigned long long) n_params);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_tensors (const FtlGguf *gguf,
              FtlModel      *model,
              GError       **error)
{
  float *params = ftl_model_get_params (model);
  int n_tensors = ftl_model_get_n_tensors (model);

  for (int i = 0; i < ftl_gguf_get_n_tensors (gguf); i++)
    {
      const FtlGgufTensor *t = ftl_gguf_get_tensor (gguf, i);

      if (ftl_model_find_tensor (model, t->name) == NULL)
        {
          g_set_error (error, FTL_GGUF_ERROR, FTL_GGUF_ERROR_UNSUPPORTED,
                       /* Translators: %s is a tensor's name such as “blk.0.attn_q.weight”. */
                       _("Unexpected tensor “%s” (only tied-embedding qwen2 models are supported)"),
                       t->name);
          return FALSE;
        }
    }

  for (int i = 0; i < n_tensors; i++)
    {
      const FtlTensorInfo *info = ftl_model_get_tensor (model, i);
      const FtlGgufTensor *t = ftl_gguf_find_tensor (gguf, info->name);
      guint64 cols = info->n_dims == 2 ? info->cols : info->rows;

      if (t == NULL)
        {
          g_set_error (error, FTL_GGUF_ERROR, FTL_GGUF_ERROR_MISSING,
                       _("The tensor “%s” is missing"), info->name);
          return FALSE;
        }
      if (t->n_dims != info->n_dims || t->ne[0] != cols ||
          (info->n_dims == 2 && t->ne[1] != (guint64) info->rows))
        {
          g_set_error (error, FTL_GGUF_ERROR, FTL_GGUF_ERROR_MALFORMED,
                       _("The tensor “%s” has the wrong shape for this model's configuration"),
                       info->name);
          return FALSE;
        }
      if (!ftl_gguf_tensor_to_float (t, params + info->offset, info->size, error))
        return FALSE;
    }
  return TRUE;
}

/* The model in gguf; errors are prefixed with name by the callers. */
static FtlModel *
load_gguf (const FtlGguf     *gguf,
           FtlTokenizer     **tokenizer_out,
           FtlModelFileInfo  *info,
           GError           **error)
{
  g_autoptr(FtlModel) model = NULL;
  g_autoptr(FtlTokenizer) tokenizer = NULL;
  FtlModelConfig config = { 0 };
  const char *name = NULL;
  float learning_rate = 0.f;

  if (!read_config (gguf, &config, error) ||
      (tokenizer = read_tokenizer (gguf, error)) == NULL)
    return NULL;

  config.vocab_size = ftl_tokenizer_get_vocab_size (tokenizer);
  if (!check_n_params (gguf, &config, error))
    return NULL;
  model = ftl_model_new (&config, error);
  if (model == NULL || !read_tensors (gguf, model, error))
    return NULL;

  if (info != NULL)
    {
      ftl_gguf_get_string (gguf, "general.name", &name, NULL);
      /* Files from elsewhere lack our key; fine-tuning then picks a default. */
      ftl_gguf_get_float32 (gguf, "finetunelab.learning_rate", &learning_rate, NULL);
      info->name = g_strdup (name != NULL ? name : "");
      info->learning_rate = learning_rate;
    }
  if (tokenizer_out != NULL)
    *tokenizer_out = g_steal_pointer (&tokenizer);
  return g_steal_pointer (&model);
}

FtlModel *
ftl_model_file_load (const char        *path,
                     FtlTokenizer     **tokenizer_out,
                     FtlModelFileInfo  *info,
                     GError           **error)
{
  g_autoptr(FtlGguf) gguf = NULL;
  FtlModel *model = NULL;
  GError *local_error = NULL;

  gguf = ftl_gguf_read_file (path, &local_error);
  if (gguf != NULL)
    model = load_gguf (gguf, tokenizer_out, info, &local_error);
  if (model == NULL)
    g_propagate_prefixed_error (error, local_error, "%s: ", path);
  return model;
}

FtlModel *
ftl_model_file_load_bytes (GBytes            *bytes,
                           const char        *name,
                           FtlTokenizer     **tokenizer_out,
                           FtlModelFileInfo  *info,
                           GError           **error)
{
  g_autoptr(FtlGguf) gguf = NULL;
  FtlModel *model = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (bytes != NULL && name != NULL, NULL);

  gguf = ftl_gguf_read_bytes (bytes, &local_error);
  if (gguf != NULL)
    model = load_gguf (gguf, tokenizer_out, info, &local_error);
  if (model == NULL)
    g_propagate_prefixed_error (error, local_error, "%s: ", name);
  return model;
}
