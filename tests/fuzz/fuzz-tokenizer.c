/* fuzz-tokenizer.c — the base model's tokenizer on any bytes and any ids.
 *
 * The first input byte picks the mode, the rest is the payload:
 *  - encode (bit 0 clear): the payload is text. Encoding, with and without
 *    special tokens (bit 1), gives ids in the vocabulary, and decoding them
 *    gives back exactly the payload; without parse_special no special token
 *    comes out.
 *  - decode (bit 0 set): the payload is little-endian 32-bit ids. In-range ids
 *    decode to the concatenation of their bytes; a sequence with an id out of
 *    range is refused (NULL, one critical), never read out of bounds.
 */
#include "ftl-fuzz.h"

#include <string.h>

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  ftl_fuzz_init ();
  ftl_fuzz_base_tokenizer ();
  return 0;
}

static void
check_encode (const FtlTokenizer *tokenizer,
              const uint8_t      *text,
              size_t              size,
              gboolean            parse_special)
{
  int n_vocab = ftl_tokenizer_get_vocab_size (tokenizer);
  g_autoptr(GArray) ids = ftl_tokenizer_encode (tokenizer, (const char *) text, (gssize) size,
                                                parse_special);

  FTL_FUZZ_CHECK (ids != NULL);
  FTL_FUZZ_CHECK (ids->len <= size);
  for (guint i = 0; i < ids->len; i++)
    {
      int id = g_array_index (ids, int, i);

      FTL_FUZZ_CHECK (id >= 0 && id < n_vocab);
      FTL_FUZZ_CHECK (parse_special || !ftl_tokenizer_is_special (tokenizer, id));
    }

  gsize length;
  g_autofree char *decoded = ftl_tokenizer_decode (tokenizer, (const int *) ids->data,
                                                   (int) ids->len, &length);
  FTL_FUZZ_CHECK (decoded != NULL);
  FTL_FUZZ_CHECK (length == size);
  FTL_FUZZ_CHECK (size == 0 || memcmp (decoded, text, size) == 0);
  FTL_FUZZ_CHECK (decoded[length] == '\0');
}

static void
check_decode (const FtlTokenizer *tokenizer,
              const uint8_t      *payload,
              size_t              size)
{
  int n_vocab = ftl_tokenizer_get_vocab_size (tokenizer);
  int n_ids = (int) (size / 4);
  g_autofree int *ids = g_new (int, MAX (n_ids, 1));
  g_autoptr(GString) expected = g_string_new (NULL);
  gboolean in_range = TRUE;

  for (int i = 0; i < n_ids; i++)
    {
      guint32 bits;

      memcpy (&bits, payload + 4 * i, 4);
      ids[i] = (int) GUINT32_FROM_LE (bits);
      if (ids[i] < 0 || ids[i] >= n_vocab)
        {
          in_range = FALSE;
          continue;
        }

      gsize token_length;
      const char *bytes = ftl_tokenizer_get_token_bytes (tokenizer, ids[i], &token_length);
      g_string_append_len (expected, bytes, (gssize) token_length);
    }

  gsize length = 0;
  g_autofree char *decoded = ftl_tokenizer_decode (tokenizer, ids, n_ids, &length);
  if (!in_range)
    {
      FTL_FUZZ_CHECK (decoded == NULL);
      FTL_FUZZ_CHECK (ftl_fuzz_n_criticals == 1);
      return;
    }
  FTL_FUZZ_CHECK (decoded != NULL);
  FTL_FUZZ_CHECK (length == expected->len);
  FTL_FUZZ_CHECK (memcmp (decoded, expected->str, length) == 0);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  FtlTokenizer *tokenizer = ftl_fuzz_base_tokenizer ();

  if (size == 0)
    return 0;

  ftl_fuzz_n_criticals = 0;
  if (data[0] & 1)
    check_decode (tokenizer, data + 1, size - 1);
  else
    {
      check_encode (tokenizer, data + 1, size - 1, (data[0] & 2) != 0);
      FTL_FUZZ_CHECK (ftl_fuzz_n_criticals == 0);
    }
  return 0;
}
