/* make-gguf-seeds.c — writes the GGUF seed corpus of fuzz-gguf.
 *
 * Usage: make-gguf-seeds FOLDER
 *
 * The seeds are small on purpose (libFuzzer mutates every byte of an input,
 * so a few KB mutate well and an 8 MB model does not): a complete model of
 * the smallest shape the engine accepts with a trained tokenizer, in F32 and
 * in F16, and a file with every metadata type, arrays and a 3-dimensional
 * tensor. Rerun after a change to the file layout; the output is
 * deterministic.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ftl-model-file.h"

static const char text[] =
  "Ahoy, matey! Welcome aboard. Shipshape, thank ye kindly. "
  "<|im_start|>user\nWhere do you live?<|im_end|>\n"
  "<|im_start|>assistant\nOn me ship, upon the briny deep.<|im_end|>\n";

static void
fail (const GError *error)
{
  fprintf (stderr, "%s\n", error->message);
  exit (EXIT_FAILURE);
}

static void
write_model (const char  *folder,
             const char  *name,
             FtlGgmlType  type)
{
  g_autoptr(GError) error = NULL;
  /* 272 tokens: the 256 bytes, 13 merges and the 3 specials. */
  g_autoptr(FtlTokenizer) tokenizer = ftl_tokenizer_train (text, strlen (text), 272, &error);
  if (tokenizer == NULL)
    fail (error);

  FtlModelConfig config = {
    .vocab_size = ftl_tokenizer_get_vocab_size (tokenizer), .context_length = 8,
    .d_model = 4, .n_layers = 1, .n_heads = 2, .n_kv_heads = 1, .d_ffn = 4,
    .rope_theta = 10000.f, .norm_eps = 1e-6f,
  };
  g_autoptr(FtlModel) model = ftl_model_new (&config, &error);
  if (model == NULL)
    fail (error);
  ftl_model_init_random (model, 1);

  FtlModelFileInfo info = { .name = (char *) "seed", .learning_rate = 1e-3f };
  g_autofree char *path = g_build_filename (folder, name, NULL);
  if (!ftl_model_file_save (path, model, tokenizer, &info, type, &error))
    fail (error);
}

static void
write_metadata (const char *folder)
{
  g_autoptr(FtlGgufWriter) writer = ftl_gguf_writer_new ();
  g_autoptr(GError) error = NULL;
  const char * const strings[] = { "a", "", "ünïcode" };
  const gint32 ints[] = { -1, 0, 7 };
  const float floats[] = { 0.5f, -2.f };
  const guint64 ne[3] = { 2, 1, 2 };
  const float tensor[4] = { 1.f, -1.f, 0.25f, 65504.f };

  ftl_gguf_writer_add_uint32 (writer, "general.alignment", 64);
  ftl_gguf_writer_add_string (writer, "s", "text");
  ftl_gguf_writer_add_uint32 (writer, "u32", 4000000000u);
  ftl_gguf_writer_add_int32 (writer, "i32", -5);
  ftl_gguf_writer_add_uint64 (writer, "u64", G_GUINT64_CONSTANT (1) << 40);
  ftl_gguf_writer_add_float32 (writer, "f32", 1.5f);
  ftl_gguf_writer_add_bool (writer, "b", TRUE);
  ftl_gguf_writer_add_string_array (writer, "sa", strings, G_N_ELEMENTS (strings));
  ftl_gguf_writer_add_int32_array (writer, "ia", ints, G_N_ELEMENTS (ints));
  ftl_gguf_writer_add_float32_array (writer, "fa", floats, G_N_ELEMENTS (floats));
  ftl_gguf_writer_add_tensor (writer, "t16", FTL_GGML_TYPE_F16, 3, ne, tensor);
  ftl_gguf_writer_add_tensor (writer, "t32", FTL_GGML_TYPE_F32, 1, ne, tensor);

  g_autofree char *path = g_build_filename (folder, "metadata.gguf", NULL);
  if (!ftl_gguf_writer_write (writer, path, &error))
    fail (error);
}

int
main (int    argc,
      char **argv)
{
  if (argc != 2)
    {
      fprintf (stderr, "usage: %s FOLDER\n", argv[0]);
      return EXIT_FAILURE;
    }
  write_model (argv[1], "model-f32.gguf", FTL_GGML_TYPE_F32);
  write_model (argv[1], "model-f16.gguf", FTL_GGML_TYPE_F16);
  write_metadata (argv[1]);
  return EXIT_SUCCESS;
}
