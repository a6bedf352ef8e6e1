/* ftl-tokenizer.h — byte-level BPE, as GPT-2 / Qwen2 / llama.cpp's "gpt2" model.
 *
 * Vocabulary layout of a tokenizer we train:
 *   ids 0 … 255           one token per byte value (id == byte)
 *   ids 256 … 256+M−1     merge results, in merge (rank) order
 *   then the special tokens <|endoftext|>, <|im_start|>, <|im_end|>
 * (A merge that rebuilds an existing token, as Hugging Face's trainer allows,
 * adds a rank but no id; then n_merges > M. Rare: unseen on our corpora.)
 * A tokenizer loaded from GGUF may order its vocabulary differently; only the
 * token texts and the merge ranks matter.
 *
 * Token texts as stored in GGUF use GPT-2's bytes_to_unicode mapping (each byte
 * becomes one printable code point, e.g. ' ' → 'Ġ'); merges are "A B" in that
 * form. Special tokens are stored verbatim.
 *
 * Pre-tokenization is GPT-2's pattern, matched exactly as llama.cpp's "gpt-2"
 * pre-tokenizer does:
 *   's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+
 * with \p{L} and \p{N} from GLib's Unicode tables and \s as Unicode's
 * White_Space. Bytes that are not valid UTF-8 are kept (each as its own byte
 * token in the worst case), so encode → decode is the identity on any byte
 * string.
 *
 * A tokenizer is immutable once made, except for an internal, locked cache of
 * encoded words: encode may run on several threads at once.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define FTL_TOKENIZER_ERROR (ftl_tokenizer_error_quark ())
GQuark ftl_tokenizer_error_quark (void);

typedef enum
{
  FTL_TOKENIZER_ERROR_MALFORMED,  /* vocabulary or merges inconsistent */
  FTL_TOKENIZER_ERROR_VOCAB_SIZE, /* vocab_size too small, or more than the corpus can give */
} FtlTokenizerError;

#define FTL_TOKEN_TEXT_ENDOFTEXT "<|endoftext|>"
#define FTL_TOKEN_TEXT_IM_START  "<|im_start|>"
#define FTL_TOKEN_TEXT_IM_END    "<|im_end|>"

typedef enum
{
  FTL_SPECIAL_ENDOFTEXT,
  FTL_SPECIAL_IM_START,
  FTL_SPECIAL_IM_END,
  FTL_N_SPECIAL
} FtlSpecialToken;

typedef struct _FtlTokenizer FtlTokenizer;

/* Learns merges from text until the vocabulary (bytes + merges + specials)
 * reaches vocab_size. Deterministic: ties between equally frequent pairs are
 * broken by the smaller (left id, right id). Special-token texts inside the
 * corpus are treated as specials, never merged across. Fails with
 * FTL_TOKENIZER_ERROR_VOCAB_SIZE if vocab_size < 259 or the text runs out of
 * pairs first. */
FtlTokenizer *ftl_tokenizer_train (const char *text,
                                   gsize       length,
                                   int         vocab_size,
                                   GError    **error);

/* From GGUF-style arrays: token texts (bytes_to_unicode form, specials
 * verbatim) and merges ("A B"). Every single-byte token must be present.
 * Rejects malformed input with FTL_TOKENIZER_ERROR_MALFORMED and a message
 * naming the token or merge. */
FtlTokenizer *ftl_tokenizer_new_from_vocab (const char * const *tokens,
                                            int                 n_tokens,
                                            const char * const *merges,
                                            int                 n_merges,
                                            GError            **error);

void          ftl_tokenizer_free (FtlTokenizer *tokenizer);

int           ftl_tokenizer_get_vocab_size (const FtlTokenizer *tokenizer);
int           ftl_tokenizer_get_n_merges   (const FtlTokenizer *tokenizer);

/* Text of token id in GGUF form (bytes_to_unicode; specials verbatim). */
const char   *ftl_tokenizer_get_token_text (const FtlTokenizer *tokenizer,
                                            int                 id);

/* Merge number rank in GGUF form, "A B". */
const char   *ftl_tokenizer_get_merge      (const FtlTokenizer *tokenizer,
                                            int                 rank);

/* Id of a special token, or −1 when the vocabulary lacks it. */
int           ftl_tokenizer_get_special    (const FtlTokenizer *tokenizer,
                                            FtlSpecialToken     which);

gboolean      ftl_tokenizer_is_special     (const FtlTokenizer *tokenizer,
                                            int                 id);

/* Raw bytes a token decodes to (specials: their text). */
const char   *ftl_tokenizer_get_token_bytes (const FtlTokenizer *tokenizer,
                                             int                 id,
                                             gsize              *length);

/* Encodes length bytes of text (length −1: NUL-terminated). With
 * parse_special, the texts of special tokens become their ids; without it they
 * are encoded as ordinary text. Returns a GArray of int. */
GArray       *ftl_tokenizer_encode (const FtlTokenizer *tokenizer,
                                    const char         *text,
                                    gssize              length,
                                    gboolean            parse_special);

/* Concatenated bytes of the tokens (NUL-terminated for convenience; may hold
 * invalid UTF-8 and embedded NULs: use *length). */
char         *ftl_tokenizer_decode (const FtlTokenizer *tokenizer,
                                    const int          *ids,
                                    int                 n_ids,
                                    gsize              *length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FtlTokenizer, ftl_tokenizer_free)

G_END_DECLS
