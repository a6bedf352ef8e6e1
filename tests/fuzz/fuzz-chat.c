/* fuzz-chat.c — the ChatML renderer on any conversation.
 *
 * Input: a flags byte (bit 0: add the generation prompt), then messages
 * separated by the byte 0x1e; a message's first byte picks its role (value
 * mod 3) and weight (bit 2), the rest is its content (up to a NUL, as a C
 * string ends).
 *
 * Properties: one loss weight per token; decoding the tokens gives exactly
 * the ChatML text of the conversation; <|im_start|> and <|im_end|> appear
 * only where the template puts them (a content that spells them stays
 * text); the trained tokens are exactly each weighted assistant content and
 * its <|im_end|>.
 */
#include "ftl-fuzz.h"

#include <string.h>

#include "ftl-chat.h"

#define SEPARATOR 0x1e

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  ftl_fuzz_init ();
  ftl_fuzz_base_tokenizer ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  FtlTokenizer *tokenizer = ftl_fuzz_base_tokenizer ();
  g_autoptr(GArray) messages = g_array_new (FALSE, FALSE, sizeof (FtlChatMessage));
  g_autoptr(GPtrArray) contents = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) expected = g_string_new (NULL);
  gboolean generation_prompt;
  guint expected_trained = 0;

  if (size == 0)
    return 0;
  ftl_fuzz_n_criticals = 0;
  generation_prompt = data[0] & 1;

  for (size_t pos = 1; pos < size;)
    {
      const uint8_t *end = memchr (data + pos, SEPARATOR, size - pos);
      size_t length = (end != NULL ? (size_t) (end - data) : size) - pos;
      FtlChatMessage message = { 0 };

      if (length > 0)
        {
          message.role = (FtlRole) (data[pos] % 3);
          message.weight = (data[pos] & 4) ? 1.f : 0.f;
          message.content = g_strndup ((const char *) data + pos + 1, length - 1);
          g_ptr_array_add (contents, (gpointer) message.content);
          g_array_append_val (messages, message);

          g_string_append_printf (expected, "<|im_start|>%s\n%s<|im_end|>\n",
                                  ftl_role_to_string (message.role), message.content);
          if (message.role == FTL_ROLE_ASSISTANT && message.weight > 0.f)
            {
              g_autoptr(GArray) ids = ftl_tokenizer_encode (tokenizer, message.content, -1, FALSE);
              expected_trained += ids->len + 1;
            }
        }
      pos += length + 1;
    }
  if (generation_prompt)
    g_string_append (expected, "<|im_start|>assistant\n");

  g_autoptr(GArray) tokens = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) mask = g_array_new (FALSE, FALSE, sizeof (float));
  ftl_chat_render (tokenizer, (const FtlChatMessage *) messages->data, (int) messages->len,
                   generation_prompt, tokens, mask);
  FTL_FUZZ_CHECK (tokens->len == mask->len);

  int im_start = ftl_tokenizer_get_special (tokenizer, FTL_SPECIAL_IM_START);
  int im_end = ftl_tokenizer_get_special (tokenizer, FTL_SPECIAL_IM_END);
  guint n_starts = 0, n_ends = 0, n_trained = 0;
  for (guint i = 0; i < tokens->len; i++)
    {
      int id = g_array_index (tokens, int, i);
      float weight = g_array_index (mask, float, i);

      FTL_FUZZ_CHECK (id >= 0 && id < ftl_tokenizer_get_vocab_size (tokenizer));
      FTL_FUZZ_CHECK (weight == 0.f || weight == 1.f);
      n_starts += id == im_start;
      n_ends += id == im_end;
      n_trained += weight > 0.f;
      FTL_FUZZ_CHECK (weight == 0.f || id != im_start);
    }
  FTL_FUZZ_CHECK (n_starts == messages->len + (generation_prompt ? 1 : 0));
  FTL_FUZZ_CHECK (n_ends == messages->len);
  FTL_FUZZ_CHECK (n_trained == expected_trained);

  gsize length;
  g_autofree char *decoded = ftl_tokenizer_decode (tokenizer, (const int *) tokens->data,
                                                   (int) tokens->len, &length);
  FTL_FUZZ_CHECK (length == expected->len);
  FTL_FUZZ_CHECK (memcmp (decoded, expected->str, length) == 0);

  FTL_FUZZ_CHECK (ftl_fuzz_n_criticals == 0);
  return 0;
}
