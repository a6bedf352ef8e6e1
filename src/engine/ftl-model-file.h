/* ftl-model-file.h — a model and its tokenizer as one GGUF file, laid out as
 * llama.cpp's `qwen2` architecture expects, plus our own `finetunelab.*` keys
 * for what fine-tuning needs. */
#pragma once

#include "ftl-gguf.h"
#include "ftl-model.h"
#include "ftl-tokenizer.h"

G_BEGIN_DECLS

typedef struct
{
  char  *name;           /* general.name */
  float  learning_rate;  /* finetunelab.learning_rate: the base rate fine-tuning multiplies */
} FtlModelFileInfo;

void     ftl_model_file_info_clear (FtlModelFileInfo *info);

/* Writes atomically. Matrices (and the embedding) are stored as type (F32 or
 * F16); norms and biases always as F32, as llama.cpp expects. */
gboolean ftl_model_file_save (const char             *path,
                              const FtlModel         *model,
                              const FtlTokenizer     *tokenizer,
                              const FtlModelFileInfo *info,
                              FtlGgmlType             type,
                              GError                **error);

/* Reads a qwen2 GGUF written by us or by llama.cpp's converters (tied
 * embeddings only). Every key and tensor is checked; errors name the file. */
FtlModel *ftl_model_file_load (const char        *path,
                               FtlTokenizer     **tokenizer,
                               FtlModelFileInfo  *info,
                               GError           **error);

/* The same from bytes in memory (kept alive by the caller while loading);
 * name prefixes the errors. */
FtlModel *ftl_model_file_load_bytes (GBytes            *bytes,
                                     const char        *name,
                                     FtlTokenizer     **tokenizer,
                                     FtlModelFileInfo  *info,
                                     GError           **error);

G_END_DECLS
