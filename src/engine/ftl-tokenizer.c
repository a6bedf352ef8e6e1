/* ftl-tokenizer.c — byte-level BPE: pre-tokenization, training, vocabularies
 * in GGUF form, encoding and decoding.
 *
 * Read top to bottom: the byte ↔ code point mapping, three small containers
 * (a byte-string map, a pair map, a heap), the pre-tokenizer, the tokenizer
 * object and its construction, training, loading, encoding.
 */
#include "ftl-tokenizer.h"

#include <glib/gi18n-lib.h>
#include <string.h>

G_DEFINE_QUARK (ftl-tokenizer-error-quark, ftl_tokenizer_error)

static const char * const special_texts[FTL_N_SPECIAL] = {
  FTL_TOKEN_TEXT_ENDOFTEXT,
  FTL_TOKEN_TEXT_IM_START,
  FTL_TOKEN_TEXT_IM_END,
};

/* ---- GPT-2's bytes_to_unicode ----------------------------------------------
 * Printable Latin-1 bytes stand for themselves; the other 68 (controls, space,
 * DEL … NBSP, soft hyphen) become U+0100 … U+0143 in byte order. Token texts
 * are thus printable and never contain a space, so "A B" splits unambiguously.
 */

static gunichar
byte_to_unichar (guint8 b)
{
  if (b <= 0x20)
    return 0x100 + b;
  if (b >= 0x7f && b <= 0xa0)
    return 0x121 + (b - 0x7f);
  if (b == 0xad)
    return 0x143;
  return b;
}

static int
unichar_to_byte (gunichar c)
{
  if ((c >= 0x21 && c <= 0x7e) || (c >= 0xa1 && c <= 0xff && c != 0xad))
    return (int) c;
  if (c >= 0x100 && c <= 0x120)
    return (int) (c - 0x100);
  if (c >= 0x121 && c <= 0x142)
    return (int) (c - 0x121 + 0x7f);
  if (c == 0x143)
    return 0xad;
  return -1;
}

/* ---- byte-string map (open addressing) ---------------------------------- */

static guint32
hash_bytes (const guint8 *s,
            gsize         n)
{
  guint32 h = 2166136261u; /* FNV-1a, then a mix so the low bits spread */

  for (gsize i = 0; i < n; i++)
    h = (h ^ s[i]) * 16777619u;
  h ^= h >> 16;
  h *= 0x85ebca6bu;
  h ^= h >> 13;
  return h;
}

typedef struct
{
  const guint8 *key;    /* NULL: empty; owned by the map's user, must stay put */
  guint32       length;
  guint32       hash;
  int           value;
} StrSlot;

typedef struct
{
  StrSlot *slots;
  gsize    mask;
  gsize    n_used;
} StrMap;

static void
str_map_init (StrMap *map,
              gsize   capacity)
{
  gsize size = 16;

  while (size < 2 * capacity)
    size *= 2;
  map->slots = g_new0 (StrSlot, size);
  map->mask = size - 1;
  map->n_used = 0;
}

static void
str_map_free (StrMap *map)
{
  g_clear_pointer (&map->slots, g_free);
}

static void
str_map_remove_all (StrMap *map)
{
  memset (map->slots, 0, (map->mask + 1) * sizeof (StrSlot));
  map->n_used = 0;
}

/* The slot holding key, or the empty slot where it belongs. */
static StrSlot *
str_map_probe (const StrMap *map,
               const guint8 *key,
               gsize         length,
               guint32       hash)
{
  for (gsize i = hash & map->mask;; i = (i + 1) & map->mask)
    {
      StrSlot *slot = &map->slots[i];

      if (slot->key == NULL
          || (slot->hash == hash && slot->length == length
              && memcmp (slot->key, key, length) == 0))
        return slot;
    }
}

/* slot: what str_map_probe returned for this key. */
static void
str_map_insert (StrMap       *map,
                StrSlot      *slot,
                const guint8 *key,
                gsize         length,
                guint32       hash,
                int           value)
{
  *slot = (StrSlot) { key, (guint32) length, hash, value };
  if (++map->n_used * 2 <= map->mask + 1)
    return;

  StrSlot *old = map->slots;
  gsize old_size = map->mask + 1;

  map->slots = g_new0 (StrSlot, 2 * old_size);
  map->mask = 2 * old_size - 1;
  for (gsize i = 0; i < old_size; i++)
    if (old[i].key != NULL)
      *str_map_probe (map, old[i].key, old[i].length, old[i].hash) = old[i];
  g_free (old);
}

/* ---- pair map: (left id, right id) → int -------------------------------- */

#define PAIR_EMPTY G_MAXUINT64

typedef struct
{
  guint64 key;
  int     value;
} PairSlot;

typedef struct
{
  PairSlot *slots;
  gsize     mask;
  gsize     n_used;
} PairMap;

static guint64
pair_key (int left,
          int right)
{
  return ((guint64) (guint32) left << 32) | (guint32) right;
}

static void
pair_map_init (PairMap *map)
{
  map->slots = g_new (PairSlot, 64);
  map->mask = 63;
  map->n_used = 0;
  for (gsize i = 0; i <= map->mask; i++)
    map->slots[i].key = PAIR_EMPTY;
}

static void
pair_map_free (PairMap *map)
{
  g_clear_pointer (&map->slots, g_free);
}

static PairSlot *
pair_map_probe (const PairMap *map,
                guint64        key)
{
  guint64 h = key * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);

  for (gsize i = (h ^ (h >> 29)) & map->mask;; i = (i + 1) & map->mask)
    if (map->slots[i].key == key || map->slots[i].key == PAIR_EMPTY)
      return &map->slots[i];
}

static int
pair_map_get (const PairMap *map,
              int            left,
              int            right)
{
  const PairSlot *slot = pair_map_probe (map, pair_key (left, right));

  return slot->key == PAIR_EMPTY ? -1 : slot->value;
}

static void
pair_map_insert (PairMap  *map,
                 PairSlot *slot,
                 guint64   key,
                 int       value)
{
  *slot = (PairSlot) { key, value };
  if (++map->n_used * 2 <= map->mask + 1)
    return;

  PairSlot *old = map->slots;
  gsize old_size = map->mask + 1;

  map->slots = g_new (PairSlot, 2 * old_size);
  map->mask = 2 * old_size - 1;
  for (gsize i = 0; i <= map->mask; i++)
    map->slots[i].key = PAIR_EMPTY;
  for (gsize i = 0; i < old_size; i++)
    if (old[i].key != PAIR_EMPTY)
      *pair_map_probe (map, old[i].key) = old[i];
  g_free (old);
}

/* ---- binary min-heap on (key, a, b) -------------------------------------
 * Training pops the most frequent pair (key = −count, a/b = the pair's ids,
 * so ties go to the smaller ids); encoding pops the lowest-ranked merge
 * (key = rank, a/b = positions, so ties go to the leftmost).
 */

typedef struct
{
  gint64 key;
  int    a;
  int    b;
} HeapItem;

typedef struct
{
  HeapItem *items;
  gsize     n;
  gsize     capacity;
} Heap;

static gboolean
heap_item_less (const HeapItem *x,
                const HeapItem *y)
{
  if (x->key != y->key)
    return x->key < y->key;
  if (x->a != y->a)
    return x->a < y->a;
  return x->b < y->b;
}

static void
heap_push (Heap  *heap,
           gint64 key,
           int    a,
           int    b)
{
  if (heap->n == heap->capacity)
    {
      heap->capacity = MAX (64, 2 * heap->capacity);
      heap->items = g_renew (HeapItem, heap->items, heap->capacity);
    }

  HeapItem item = { key, a, b };
  gsize i = heap->n++;

  while (i > 0 && heap_item_less (&item, &heap->items[(i - 1) / 2]))
    {
      heap->items[i] = heap->items[(i - 1) / 2];
      i = (i - 1) / 2;
    }
  heap->items[i] = item;
}

static HeapItem
heap_pop (Heap *heap)
{
  HeapItem top = heap->items[0];
  HeapItem last = heap->items[--heap->n];
  gsize i = 0;

  for (;;)
    {
      gsize child = 2 * i + 1;

      if (child >= heap->n)
        break;
      if (child + 1 < heap->n
          && heap_item_less (&heap->items[child + 1], &heap->items[child]))
        child++;
      if (!heap_item_less (&heap->items[child], &last))
        break;
      heap->items[i] = heap->items[child];
      i = child;
    }
  if (heap->n > 0)
    heap->items[i] = last;
  return top;
}

/* ---- pre-tokenization ----------------------------------------------------
 * GPT-2's pattern
 *   's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+
 * hand-matched in the order llama.cpp's "gpt-2" pre-tokenizer tries it, so a
 * model we export tokenizes the same there.
 */

typedef enum
{
  CHAR_END,
  CHAR_LETTER,
  CHAR_NUMBER,
  CHAR_SPACE,
  CHAR_OTHER,
} CharClass;

/* Length of the strictly valid UTF-8 sequence at s (no overlongs, surrogates
 * or code points past U+10FFFF), or 0. */
static gsize
utf8_decode (const guint8 *s,
             gsize         n,
             gunichar     *out)
{
  guint8 lo = 0x80, hi = 0xbf;
  gunichar c;
  gsize length;

  if (s[0] >= 0xc2 && s[0] <= 0xdf)
    {
      length = 2;
      c = s[0] & 0x1f;
    }
  else if (s[0] >= 0xe0 && s[0] <= 0xef)
    {
      length = 3;
      c = s[0] & 0x0f;
      if (s[0] == 0xe0)
        lo = 0xa0;
      else if (s[0] == 0xed)
        hi = 0x9f;
    }
  else if (s[0] >= 0xf0 && s[0] <= 0xf4)
    {
      length = 4;
      c = s[0] & 0x07;
      if (s[0] == 0xf0)
        lo = 0x90;
      else if (s[0] == 0xf4)
        hi = 0x8f;
    }
  else
    return 0;

  if (length > n)
    return 0;
  for (gsize i = 1; i < length; i++)
    {
      if (s[i] < lo || s[i] > hi)
        return 0;
      lo = 0x80;
      hi = 0xbf;
      c = (c << 6) | (s[i] & 0x3f);
    }
  *out = c;
  return length;
}

static CharClass
unichar_class (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
    case G_UNICODE_UPPERCASE_LETTER:
      return CHAR_LETTER;
    case G_UNICODE_DECIMAL_NUMBER:
    case G_UNICODE_LETTER_NUMBER:
    case G_UNICODE_OTHER_NUMBER:
      return CHAR_NUMBER;
    default:
      /* \s is Unicode's White_Space, as in llama.cpp: GLib's isspace plus
       * NEL (and VT, handled with ASCII). */
      return g_unichar_isspace (c) || c == 0x85 ? CHAR_SPACE : CHAR_OTHER;
    }
}

/* Class of the character at pos; *next is where the one after starts. A byte
 * that does not start valid UTF-8 is a one-byte character of class "other", so
 * every byte string splits and round-trips. */
static CharClass
char_class_at (const guint8 *s,
               gsize         n,
               gsize         pos,
               gsize        *next)
{
  gunichar c;
  gsize length;

  if (pos >= n)
    {
      *next = n;
      return CHAR_END;
    }
  if (s[pos] < 0x80)
    {
      *next = pos + 1;
      if (g_ascii_isalpha (s[pos]))
        return CHAR_LETTER;
      if (g_ascii_isdigit (s[pos]))
        return CHAR_NUMBER;
      if (s[pos] == ' ' || (s[pos] >= '\t' && s[pos] <= '\r'))
        return CHAR_SPACE;
      return CHAR_OTHER;
    }
  length = utf8_decode (s + pos, n - pos, &c);
  *next = pos + MAX (length, 1);
  return length > 0 ? unichar_class (c) : CHAR_OTHER;
}

/* End of the pre-token that starts at pos < n. */
static gsize
pretokenize_next (const guint8 *s,
                  gsize         n,
                  gsize         pos)
{
  CharClass cls;
  gsize next, after;

  /* 's|'t|'re|'ve|'m|'ll|'d — lowercase only, as in GPT-2 */
  if (s[pos] == '\'' && pos + 1 < n)
    {
      guint8 c1 = s[pos + 1], c2 = pos + 2 < n ? s[pos + 2] : 0;

      if (c1 == 's' || c1 == 't' || c1 == 'm' || c1 == 'd')
        return pos + 2;
      if ((c1 == 'r' && c2 == 'e') || (c1 == 'v' && c2 == 'e') || (c1 == 'l' && c2 == 'l'))
        return pos + 3;
    }

  cls = char_class_at (s, n, pos, &next);
  if (s[pos] == ' ')
    {
      CharClass following = char_class_at (s, n, next, &after);

      if (following != CHAR_SPACE && following != CHAR_END)
        {
          cls = following;
          next = after;
        }
    }

  /*  ?\p{L}+ |  ?\p{N}+ |  ?[^\s\p{L}\p{N}]+ */
  if (cls != CHAR_SPACE)
    {
      do
        pos = next;
      while (char_class_at (s, n, pos, &next) == cls);
      return pos;
    }

  /* \s+(?!\S) | \s+ : a run followed by more text leaves its last character
   * to the next pre-token, so "  word" gives " " and " word". */
  gsize last = pos;
  int count = 0;

  while (char_class_at (s, n, pos, &next) == CHAR_SPACE)
    {
      last = pos;
      pos = next;
      count++;
    }
  return count > 1 && pos < n ? last : pos;
}

/* Offset of the first special-token text in s (n if none) among those whose
 * bit is set in mask; *which says which one. */
static gsize
find_special (const guint8 *s,
              gsize         n,
              guint         mask,
              int          *which)
{
  const guint8 *end = s + n;

  for (const guint8 *p = s; mask != 0 && (p = memchr (p, '<', end - p)) != NULL; p++)
    for (int k = 0; k < FTL_N_SPECIAL; k++)
      {
        gsize length = strlen (special_texts[k]);

        if ((mask & (1u << k)) && length <= (gsize) (end - p)
            && memcmp (p, special_texts[k], length) == 0)
          {
            *which = k;
            return p - s;
          }
      }
  return n;
}

/* ---- the tokenizer object ------------------------------------------------ */

typedef struct
{
  int left;
  int right;
  int result;
} Merge;

/* Encoded words, shared by all encode calls and locked, since encoding may
 * run on the trainer thread and the UI thread at once. */
typedef struct
{
  GMutex        lock;
  StrMap        words;   /* word bytes → offset in ids */
  GStringChunk *keys;
  GArray       *ids;     /* per word: n, then its n token ids */
} WordCache;

#define CACHE_MAX_WORD  256       /* longer words are rare: not worth keeping */
#define CACHE_MAX_IDS   (1 << 20) /* cleared when full: bounds memory */

struct _FtlTokenizer
{
  int           n_tokens;
  int           capacity;
  const char  **bytes;        /* raw bytes of each token, NUL-terminated */
  guint32      *lengths;
  const char  **texts;        /* GGUF form */
  int           special[FTL_N_SPECIAL];
  int           byte_token[256];
  GArray       *merges;       /* Merge, by rank */
  const char  **merge_texts;  /* GGUF form, by rank */
  PairMap       ranks;        /* (left, right) → rank */
  GStringChunk *strings;      /* what bytes, texts and merge_texts point to */
  WordCache     cache;
};

static FtlTokenizer *
tokenizer_new (int capacity)
{
  FtlTokenizer *tok = g_new0 (FtlTokenizer, 1);

  tok->capacity = capacity;
  tok->bytes = g_new0 (const char *, capacity);
  tok->lengths = g_new0 (guint32, capacity);
  for (int k = 0; k < FTL_N_SPECIAL; k++)
    tok->special[k] = -1;
  tok->merges = g_array_new (FALSE, FALSE, sizeof (Merge));
  pair_map_init (&tok->ranks);
  tok->strings = g_string_chunk_new (4096);

  g_mutex_init (&tok->cache.lock);
  str_map_init (&tok->cache.words, 1024);
  tok->cache.keys = g_string_chunk_new (4096);
  tok->cache.ids = g_array_new (FALSE, FALSE, sizeof (int));
  return tok;
}

void
ftl_tokenizer_free (FtlTokenizer *tokenizer)
{
  if (tokenizer == NULL)
    return;
  g_free (tokenizer->bytes);
  g_free (tokenizer->lengths);
  g_free (tokenizer->texts);
  g_array_unref (tokenizer->merges);
  g_free (tokenizer->merge_texts);
  pair_map_free (&tokenizer->ranks);
  g_string_chunk_free (tokenizer->strings);
  g_mutex_clear (&tokenizer->cache.lock);
  str_map_free (&tokenizer->cache.words);
  g_string_chunk_free (tokenizer->cache.keys);
  g_array_unref (tokenizer->cache.ids);
  g_free (tokenizer);
}

/* Appends a token with these raw bytes (a special's bytes are its text). */
static int
tokenizer_add_token (FtlTokenizer *tok,
                     const guint8 *bytes,
                     gsize         length)
{
  int id = tok->n_tokens++;

  g_assert (id < tok->capacity);
  tok->bytes[id] = g_string_chunk_insert_len (tok->strings, (const char *) bytes, length);
  tok->lengths[id] = (guint32) length;
  return id;
}

/* Id of the ordinary token with these bytes, appended if new; ids maps the
 * bytes of ordinary tokens to their ids. */
static int
tokenizer_intern (FtlTokenizer *tok,
                  StrMap       *ids,
                  const guint8 *bytes,
                  gsize         length)
{
  guint32 hash = hash_bytes (bytes, length);
  StrSlot *slot = str_map_probe (ids, bytes, length, hash);
  int id;

  if (slot->key != NULL)
    return slot->value;
  id = tokenizer_add_token (tok, bytes, length);
  str_map_insert (ids, slot, (const guint8 *) tok->bytes[id], length, hash, id);
  return id;
}

/* Adds merge left + right → result as the next rank; FALSE if that pair
 * already has a rank. */
static gboolean
tokenizer_add_merge (FtlTokenizer *tok,
                     int           left,
                     int           right,
                     int           result)
{
  guint64 key = pair_key (left, right);
  PairSlot *slot = pair_map_probe (&tok->ranks, key);
  Merge merge = { left, right, result };

  if (slot->key != PAIR_EMPTY)
    return FALSE;
  pair_map_insert (&tok->ranks, slot, key, (int) tok->merges->len);
  g_array_append_val (tok->merges, merge);
  return TRUE;
}

static gboolean
tokenizer_is_special (const FtlTokenizer *tok,
                      int                 id)
{
  for (int k = 0; k < FTL_N_SPECIAL; k++)
    if (tok->special[k] == id)
      return TRUE;
  return FALSE;
}

/* Once every token and merge is in: finds the byte tokens and writes the
 * GGUF-form texts. */
static gboolean
tokenizer_finish (FtlTokenizer *tok,
                  GError      **error)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (int b = 0; b < 256; b++)
    tok->byte_token[b] = -1;
  for (int id = 0; id < tok->n_tokens; id++)
    if (tok->lengths[id] == 1 && !tokenizer_is_special (tok, id))
      tok->byte_token[(guint8) tok->bytes[id][0]] = id;
  for (int b = 0; b < 256; b++)
    if (tok->byte_token[b] < 0)
      {
        char u[8] = { 0 };

        g_unichar_to_utf8 (byte_to_unichar (b), u);
        g_set_error (error, FTL_TOKENIZER_ERROR, FTL_TOKENIZER_ERROR_MALFORMED,
                     /* Translators: %s is the token's text, 0x%02x the byte in hexadecimal. */
                     _("The vocabulary lacks the token “%s” for byte 0x%02x"), u, b);
        return FALSE;
      }

  tok->texts = g_new (const char *, tok->n_tokens);
  for (int id = 0; id < tok->n_tokens; id++)
    {
      if (tokenizer_is_special (tok, id))
        {
          tok->texts[id] = tok->bytes[id];
          continue;
        }
      g_string_truncate (text, 0);
      for (guint32 i = 0; i < tok->lengths[id]; i++)
        g_string_append_unichar (text, byte_to_unichar ((guint8) tok->bytes[id][i]));
      tok->texts[id] = g_string_chunk_insert_len (tok->strings, text->str, text->len);
    }

  tok->merge_texts = g_new (const char *, tok->merges->len);
  for (guint r = 0; r < tok->merges->len; r++)
    {
      const Merge *m = &g_array_index (tok->merges, Merge, r);

      g_string_printf (text, "%s %s", tok->texts[m->left], tok->texts[m->right]);
      tok->merge_texts[r] = g_string_chunk_insert_len (tok->strings, text->str, text->len);
    }
  return TRUE;
}

/* ---- training ------------------------------------------------------------
 * Count each distinct pre-token once with its frequency, count adjacent token
 * pairs over those words, then repeatedly merge the most frequent pair. Each
 * pair remembers the words it occurs in, so a merge rewrites only those words
 * and adjusts only the counts they contribute; a heap with lazy deletion finds
 * the next most frequent pair.
 */

typedef struct
{
  gint64 count;     /* occurrences in the corpus */
  int    start;     /* first symbol in Trainer.symbols */
  int    length;    /* symbols now: shrinks as merges apply */
} TrainWord;

typedef struct
{
  int    left;
  int    right;
  gint64 count;
  int   *words;     /* words it was counted in (some may no longer hold it) */
  int    n_words;
  int    words_capacity;
  int    touched;   /* last merge that raised its count */
} TrainPair;

typedef struct
{
  GArray  *words;     /* TrainWord */
  GArray  *symbols;   /* int: token ids of all words, back to back */
  GArray  *pairs;     /* TrainPair */
  PairMap  pair_index;
  Heap     heap;
  GArray  *touched;   /* int: pairs whose count the current merge raised */
} Trainer;

static void
trainer_count_words (Trainer      *tr,
                     const guint8 *s,
                     gsize         n,
                     StrMap       *seen)
{
  for (gsize pos = 0, end; pos < n; pos = end)
    {
      end = pretokenize_next (s, n, pos);

      guint32 hash = hash_bytes (s + pos, end - pos);
      StrSlot *slot = str_map_probe (seen, s + pos, end - pos, hash);

      if (slot->key != NULL)
        {
          g_array_index (tr->words, TrainWord, slot->value).count++;
          continue;
        }

      TrainWord word = { 1, (int) tr->symbols->len, (int) (end - pos) };

      str_map_insert (seen, slot, s + pos, end - pos, hash, (int) tr->words->len);
      g_array_append_val (tr->words, word);
      for (gsize i = pos; i < end; i++)
        {
          int byte = s[i];

          g_array_append_val (tr->symbols, byte);
        }
    }
}

/* Adds delta to the count of pair (left, right), creating it; word ≥ 0 is
 * recorded as holding it. Returns the pair's index. */
static int
trainer_add_pair (Trainer *tr,
                  int      left,
                  int      right,
                  gint64   delta,
                  int      word)
{
  guint64 key = pair_key (left, right);
  PairSlot *slot = pair_map_probe (&tr->pair_index, key);
  int index;

  if (slot->key != PAIR_EMPTY)
    index = slot->value;
  else
    {
      TrainPair pair = { left, right, 0, NULL, 0, 0, -1 };

      index = (int) tr->pairs->len;
      g_array_append_val (tr->pairs, pair);
      pair_map_insert (&tr->pair_index, slot, key, index);
    }

  TrainPair *pair = &g_array_index (tr->pairs, TrainPair, index);

  pair->count += delta;
  if (word >= 0 && (pair->n_words == 0 || pair->words[pair->n_words - 1] != word))
    {
      if (pair->n_words == pair->words_capacity)
        {
          pair->words_capacity = MAX (4, 2 * pair->words_capacity);
          pair->words = g_renew (int, pair->words, pair->words_capacity);
        }
      pair->words[pair->n_words++] = word;
    }
  return index;
}

/* Notes that merge raised the count of pair q: only pairs with the new token
 * can grow, so only they need fresh heap entries; the others' entries stay
 * valid upper bounds. */
static void
trainer_touch (Trainer *tr,
               int      q,
               int      merge)
{
  TrainPair *pair = &g_array_index (tr->pairs, TrainPair, q);

  if (pair->touched != merge)
    {
      pair->touched = merge;
      g_array_append_val (tr->touched, q);
    }
}

/* Rewrites every word holding pair p as merged into token id. */
static void
trainer_apply_merge (Trainer *tr,
                     int      p,
                     int      id,
                     int      merge)
{
  TrainPair *pair = &g_array_index (tr->pairs, TrainPair, p);
  int left = pair->left, right = pair->right;
  g_autofree int *list = g_steal_pointer (&pair->words);
  int n_list = pair->n_words;

  /* A merged pair can never form again: symbols only grow, so its list
   * is no longer needed. */
  pair->n_words = pair->words_capacity = 0;
  g_array_set_size (tr->touched, 0);

  for (int k = 0; k < n_list; k++)
    {
      int w = list[k];
      TrainWord *word = &g_array_index (tr->words, TrainWord, w);
      int *s = &g_array_index (tr->symbols, int, word->start);
      int n = word->length, m = 0;

      /* Left to right, in place: s[0..m) is already rewritten, so a
       * neighbour on the left may itself be a fresh id. A word listed twice,
       * or no longer holding the pair, just scans through unchanged. */
      for (int i = 0; i < n; m++)
        {
          if (i + 1 >= n || s[i] != left || s[i + 1] != right)
            {
              s[m] = s[i++];
              continue;
            }
          trainer_add_pair (tr, left, right, -word->count, -1);
          if (m > 0)
            {
              trainer_add_pair (tr, s[m - 1], left, -word->count, -1);
              trainer_touch (tr, trainer_add_pair (tr, s[m - 1], id, word->count, w), merge);
            }
          if (i + 2 < n)
            {
              trainer_add_pair (tr, right, s[i + 2], -word->count, -1);
              trainer_touch (tr, trainer_add_pair (tr, id, s[i + 2], word->count, w), merge);
            }
          s[m] = id;
          i += 2;
        }
      word->length = m;
    }

  for (guint k = 0; k < tr->touched->len; k++)
    {
      const TrainPair *grown = &g_array_index (tr->pairs, TrainPair,
                                               g_array_index (tr->touched, int, k));

      if (grown->count > 0)
        heap_push (&tr->heap, -grown->count, grown->left, grown->right);
    }
}

static void
trainer_clear (Trainer *tr)
{
  for (guint i = 0; i < tr->pairs->len; i++)
    g_free (g_array_index (tr->pairs, TrainPair, i).words);
  g_array_unref (tr->pairs);
  g_array_unref (tr->words);
  g_array_unref (tr->symbols);
  g_array_unref (tr->touched);
  pair_map_free (&tr->pair_index);
  g_free (tr->heap.items);
}

FtlTokenizer *
ftl_tokenizer_train (const char *text,
                     gsize       length,
                     int         vocab_size,
                     GError    **error)
{
  const guint8 *s = (const guint8 *) text;
  int n_target = vocab_size - FTL_N_SPECIAL;

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (vocab_size < 256 + FTL_N_SPECIAL)
    {
      g_set_error (error, FTL_TOKENIZER_ERROR, FTL_TOKENIZER_ERROR_VOCAB_SIZE,
                   _("A vocabulary needs at least %d tokens (256 bytes and %d special tokens), not %d"),
                   256 + FTL_N_SPECIAL, FTL_N_SPECIAL, vocab_size);
      return NULL;
    }
  /* Each new token takes at least one byte of text out of play. */
  if ((gsize) (n_target - 256) > length)
    {
      g_set_error (error, FTL_TOKENIZER_ERROR, FTL_TOKENIZER_ERROR_VOCAB_SIZE,
                   _("A text of %llu bytes cannot give a vocabulary of %d tokens"),
                   (unsigned long long) length, vocab_size);
      return NULL;
    }

  Trainer tr = {
    .words = g_array_new (FALSE, FALSE, sizeof (TrainWord)),
    .symbols = g_array_new (FALSE, FALSE, sizeof (int)),
    .pairs = g_array_new (FALSE, FALSE, sizeof (TrainPair)),
    .touched = g_array_new (FALSE, FALSE, sizeof (int)),
  };
  StrMap seen;

  pair_map_init (&tr.pair_index);
  str_map_init (&seen, 1 << 14);
  for (gsize pos = 0; pos < length;)
    {
      int which = 0;  /* set whenever a special is found */
      gsize at = pos + find_special (s + pos, length - pos, (1u << FTL_N_SPECIAL) - 1, &which);

      trainer_count_words (&tr, s + pos, at - pos, &seen);
      pos = at < length ? at + strlen (special_texts[which]) : length;
    }
  str_map_free (&seen);

  for (guint w = 0; w < tr.words->len; w++)
    {
      const TrainWord *word = &g_array_index (tr.words, TrainWord, w);
      const int *sym = &g_array_index (tr.symbols, int, word->start);

      for (int i = 0; i + 1 < word->length; i++)
        trainer_add_pair (&tr, sym[i], sym[i + 1], word->count, (int) w);
    }
  for (guint p = 0; p < tr.pairs->len; p++)
    {
      const TrainPair *pair = &g_array_index (tr.pairs, TrainPair, p);

      heap_push (&tr.heap, -pair->count, pair->left, pair->right);
    }

  FtlTokenizer *tok = tokenizer_new (vocab_size);
  StrMap token_ids;  /* a merge may rebuild an existing token: reuse its id */
  g_autoptr(GByteArray) joined = g_byte_array_new ();

  str_map_init (&token_ids, vocab_size);
  for (int b = 0; b < 256; b++)
    {
      guint8 byte = (guint8) b;

      tokenizer_intern (tok, &token_ids, &byte, 1);
    }

  while (tok->n_tokens < n_target && tr.heap.n > 0)
    {
      HeapItem top = heap_pop (&tr.heap);
      int p = pair_map_get (&tr.pair_index, top.a, top.b);
      gint64 count = g_array_index (tr.pairs, TrainPair, p).count;

      if (count != -top.key)
        {
          /* Stale entry: the pair lost occurrences since it was pushed. */
          if (count > 0)
            heap_push (&tr.heap, -count, top.a, top.b);
          continue;
        }

      g_byte_array_set_size (joined, 0);
      g_byte_array_append (joined, (const guint8 *) tok->bytes[top.a], tok->lengths[top.a]);
      g_byte_array_append (joined, (const guint8 *) tok->bytes[top.b], tok->lengths[top.b]);

      int id = tokenizer_intern (tok, &token_ids, joined->data, joined->len);

      tokenizer_add_merge (tok, top.a, top.b, id);
      trainer_apply_merge (&tr, p, id, (int) tok->merges->len - 1);
    }
  str_map_free (&token_ids);
  trainer_clear (&tr);

  if (tok->n_tokens < n_target)
    {
      g_set_error (error, FTL_TOKENIZER_ERROR, FTL_TOKENIZER_ERROR_VOCAB_SIZE,
                   _("The training text gives only %d tokens, not the %d asked for"),
                   tok->n_tokens + FTL_N_SPECIAL, vocab_size);
      ftl_tokenizer_free (tok);
      return NULL;
    }

  for (int k = 0; k < FTL_N_SPECIAL; k++)
    tok->special[k] = tokenizer_add_token (tok, (const guint8 *) special_texts[k],
                                           strlen (special_texts[k]));
  if (!tokenizer_finish (tok, error))
    g_assert_not_reached (); /* every byte token was added above */
  return tok;
}

/* ---- loading from GGUF form ---------------------------------------------- */

/* Raw bytes of a token text in bytes_to_unicode form; FALSE if it is not. */
static gboolean
text_to_bytes (const char *text,
               gsize       length,
               GByteArray *out)
{
  g_byte_array_set_size (out, 0);
  if (length == 0 || !g_utf8_validate_len (text, length, NULL))
    return FALSE;
  for (const char *p = text; p < text + length; p = g_utf8_next_char (p))
    {
      int b = unichar_to_byte (g_utf8_get_char (p));
      guint8 byte = (guint8) b;

      if (b < 0)
        return FALSE;
      g_byte_array_append (out, &byte, 1);
    }
  return TRUE;
}

/* Id of the ordinary token whose text is text[0..length), or −1. */
static int
lookup_text (const StrMap *ids,
             const char   *text,
             gsize         length,
             GByteArray   *scratch)
{
  if (!text_to_bytes (text, length, scratch))
    return -1;

  const StrSlot *slot = str_map_probe (ids, scratch->data, scratch->len,
                                       hash_bytes (scratch->data, scratch->len));

  return slot->key != NULL ? slot->value : -1;
}

static gboolean
load_tokens (FtlTokenizer       *tok,
             StrMap             *ids,
             const char * const *tokens,
             int                 n_tokens,
             GError            **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();

  for (int i = 0; i < n_tokens; i++)
    {
      const char *text = tokens[i];
      int k;

      if (text == NULL)
        {
          g_set_error (error, FTL_TOKENIZER_ERROR, FTL_TOKENIZER_ERROR_MALFORMED,
                       _("Token %d has no text"), i);
          return FALSE;
        }

      for (k = 0; k < FTL_N_SPECIAL && strcmp (text, special_texts[k]) != 0; k++)
        ;
      if (k < FTL_N_SPECIAL)
        {
          if (tok->special[k] >= 0)
            {
              g_set_error (error, FTL_TOKENIZER_ERROR, FTL_TOKENIZER_ERROR_MALFORMED,
                           /* Translators: the first %d is a token's number, %s its text, the
                            * last %d the number of the token it repeats. */
                           _("Token %d (“%s”) repeats token %d"), i, text, tok->special[k]);
              return FALSE;
            }
          tok->special[k] = tokenizer_add_token (tok, (const guint8 *) text, strlen (text));
          continue;
        }

      if (!text_to_bytes (text, strlen (text), bytes))
        {
          g_set_error (error, FTL_TOKENIZER_ERROR, FTL_TOKENIZER_ERROR_MALFORMED,
                       _("Token %d (“%s”) is not a byte-level token text"), i, text);
          return FALSE;
        }

      int n_before = tok->n_tokens;
      int id = tokenizer_intern (tok, ids, bytes->data, bytes->len);

      if (tok->n_tokens == n_before)
        {
          g_set_error (error, FTL_TOKENIZER_ERROR, FTL_TOKENIZER_ERROR_MALFORMED,
                       _("Token %d (“%s”) repeats token %d"), i, text, id);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
load_merges (FtlTokenizer       *tok,
             const StrMap       *ids,
             const char * const *merges,
             int                 n_merges,
             GError            **error)
{
  g_autoptr(GByteArray) scratch = g_byte_array_new ();
  g_autoptr(GString) joined = g_string_new (NULL);

  for (int r = 0; r < n_merges; r++)
    {
      const char *merge = merges[r];
      const char *space = merge != NULL ? strchr (merge, ' ') : NULL;

      if (space == NULL || strchr (space + 1, ' ') != NULL)
        {
          g_set_error (error, FTL_TOKENIZER_ERROR, FTL_TOKENIZER_ERROR_MALFORMED,
                       /* Translators: a merge is a rule of the BPE tokenizer: “%s” is its
                        * text, two tokens separated by a space. */
                       _("Merge %d (“%s”) is not two tokens separated by a space"),
                       r, merge != NULL ? merge : "");
          return FALSE;
        }

      const char *right_text = space + 1;
      int left = lookup_text (ids, merge, space - merge, scratch);
      int right = lookup_text (ids, right_text, strlen (right_text), scratch);

      if (left < 0 || right < 0)
        {
          g_set_error (error, FTL_TOKENIZER_ERROR, FTL_TOKENIZER_ERROR_MALFORMED,
                       _("Merge %d (“%s”) names a token that is not an ordinary token of the vocabulary"),
                       r, merge);
          return FALSE;
        }

      g_string_assign (joined, "");
      g_string_append_len (joined, merge, space - merge);
      g_string_append (joined, right_text);

      int result = lookup_text (ids, joined->str, joined->len, scratch);

      if (result < 0)
        {
          g_set_error (error, FTL_TOKENIZER_ERROR, FTL_TOKENIZER_ERROR_MALFORMED,
                       _("Merge %d (“%s”) makes “%s”, which is not in the vocabulary"),
                       r, merge, joined->str);
          return FALSE;
        }
      if (!tokenizer_add_merge (tok, left, right, result))
        {
          g_set_error (error, FTL_TOKENIZER_ERROR, FTL_TOKENIZER_ERROR_MALFORMED,
                       _("Merge %d (“%s”) repeats merge %d"), r, merge,
                       pair_map_get (&tok->ranks, left, right));
          return FALSE;
        }
    }
  return TRUE;
}

FtlTokenizer *
ftl_tokenizer_new_from_vocab (const char * const *tokens,
                              int                 n_tokens,
                              const char * const *merges,
                              int                 n_merges,
                              GError            **error)
{
  g_return_val_if_fail (tokens != NULL || n_tokens == 0, NULL);
  g_return_val_if_fail (merges != NULL || n_merges == 0, NULL);
  g_return_val_if_fail (n_tokens >= 0 && n_merges >= 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_autoptr(FtlTokenizer) tok = tokenizer_new (n_tokens);
  StrMap ids;  /* ordinary token bytes → id */
  gboolean ok;

  str_map_init (&ids, n_tokens);
  ok = load_tokens (tok, &ids, tokens, n_tokens, error)
       && load_merges (tok, &ids, merges, n_merges, error)
       && tokenizer_finish (tok, error);
  str_map_free (&ids);
  return ok ? g_steal_pointer (&tok) : NULL;
}

/* ---- accessors ------------------------------------------------------------ */

int
ftl_tokenizer_get_vocab_size (const FtlTokenizer *tokenizer)
{
  g_return_val_if_fail (tokenizer != NULL, 0);
  return tokenizer->n_tokens;
}

int
ftl_tokenizer_get_n_merges (const FtlTokenizer *tokenizer)
{
  g_return_val_if_fail (tokenizer != NULL, 0);
  return (int) tokenizer->merges->len;
}

const char *
ftl_tokenizer_get_token_text (const FtlTokenizer *tokenizer,
                              int                 id)
{
  g_return_val_if_fail (tokenizer != NULL, NULL);
  g_return_val_if_fail (id >= 0 && id < tokenizer->n_tokens, NULL);
  return tokenizer->texts[id];
}

const char *
ftl_tokenizer_get_merge (const FtlTokenizer *tokenizer,
                         int                 rank)
{
  g_return_val_if_fail (tokenizer != NULL, NULL);
  g_return_val_if_fail (rank >= 0 && rank < (int) tokenizer->merges->len, NULL);
  return tokenizer->merge_texts[rank];
}

int
ftl_tokenizer_get_special (const FtlTokenizer *tokenizer,
                           FtlSpecialToken     which)
{
  g_return_val_if_fail (tokenizer != NULL, -1);
  g_return_val_if_fail (which >= 0 && which < FTL_N_SPECIAL, -1);
  return tokenizer->special[which];
}

gboolean
ftl_tokenizer_is_special (const FtlTokenizer *tokenizer,
                          int                 id)
{
  g_return_val_if_fail (tokenizer != NULL, FALSE);
  return id >= 0 && tokenizer_is_special (tokenizer, id);
}

const char *
ftl_tokenizer_get_token_bytes (const FtlTokenizer *tokenizer,
                               int                 id,
                               gsize              *length)
{
  g_return_val_if_fail (tokenizer != NULL, NULL);
  g_return_val_if_fail (id >= 0 && id < tokenizer->n_tokens, NULL);
  if (length != NULL)
    *length = tokenizer->lengths[id];
  return tokenizer->bytes[id];
}

/* ---- encoding --------------------------------------------------------------- */

/* Per-call scratch for BPE on one word: a doubly linked list of symbols. */
typedef struct
{
  int  *id;     /* −1: merged into its left neighbour */
  int  *prev;
  int  *next;   /* −1: last */
  gsize capacity;
  Heap  heap;
} BpeScratch;

static void
bpe_push_pair (const FtlTokenizer *tok,
               BpeScratch         *sc,
               int                 left,
               int                 right)
{
  int rank = pair_map_get (&tok->ranks, sc->id[left], sc->id[right]);

  if (rank >= 0)
    heap_push (&sc->heap, rank, left, right);
}

/* Applies merges lowest rank first (leftmost among equals), as GPT-2 and
 * llama.cpp do; appends the resulting ids to out. */
static void
bpe_word (const FtlTokenizer *tok,
          const guint8       *s,
          gsize               n,
          BpeScratch         *sc,
          GArray             *out)
{
  if (n > sc->capacity)
    {
      sc->capacity = MAX (n, 2 * sc->capacity);
      sc->id = g_renew (int, sc->id, sc->capacity);
      sc->prev = g_renew (int, sc->prev, sc->capacity);
      sc->next = g_renew (int, sc->next, sc->capacity);
    }
  for (gsize i = 0; i < n; i++)
    {
      sc->id[i] = tok->byte_token[s[i]];
      sc->prev[i] = (int) i - 1;
      sc->next[i] = i + 1 < n ? (int) i + 1 : -1;
    }

  sc->heap.n = 0;
  for (gsize i = 0; i + 1 < n; i++)
    bpe_push_pair (tok, sc, (int) i, (int) i + 1);

  while (sc->heap.n > 0)
    {
      HeapItem top = heap_pop (&sc->heap);
      int left = top.a, right = top.b;

      /* Entries go stale when either side has merged since. */
      if (sc->id[left] < 0 || sc->id[right] < 0 || sc->next[left] != right
          || pair_map_get (&tok->ranks, sc->id[left], sc->id[right]) != top.key)
        continue;

      sc->id[left] = g_array_index (tok->merges, Merge, top.key).result;
      sc->id[right] = -1;
      sc->next[left] = sc->next[right];
      if (sc->next[left] >= 0)
        sc->prev[sc->next[left]] = left;
      if (sc->prev[left] >= 0)
        bpe_push_pair (tok, sc, sc->prev[left], left);
      if (sc->next[left] >= 0)
        bpe_push_pair (tok, sc, left, sc->next[left]);
    }

  for (int i = 0; i >= 0; i = sc->next[i])
    g_array_append_val (out, sc->id[i]);
}

static void
encode_word (const FtlTokenizer *tok,
             const guint8       *s,
             gsize               n,
             BpeScratch         *sc,
             GArray             *out)
{
  /* Encoding takes a const tokenizer; the cache is the one thing it
   * updates, under the cache's lock. */
  WordCache *cache = (WordCache *) &tok->cache;
  guint32 hash;
  StrSlot *slot;
  guint start;

  if (n == 1)
    {
      g_array_append_val (out, tok->byte_token[s[0]]);
      return;
    }
  if (n > CACHE_MAX_WORD)
    {
      bpe_word (tok, s, n, sc, out);
      return;
    }

  hash = hash_bytes (s, n);
  g_mutex_lock (&cache->lock);
  slot = str_map_probe (&cache->words, s, n, hash);
  if (slot->key != NULL)
    {
      const int *entry = &g_array_index (cache->ids, int, slot->value);

      g_array_append_vals (out, entry + 1, entry[0]);
      g_mutex_unlock (&cache->lock);
      return;
    }
  g_mutex_unlock (&cache->lock);

  start = out->len;
  bpe_word (tok, s, n, sc, out);

  int n_ids = (int) (out->len - start);

  g_mutex_lock (&cache->lock);
  if (cache->ids->len + 1 + n_ids > CACHE_MAX_IDS)
    {
      str_map_remove_all (&cache->words);
      g_string_chunk_clear (cache->keys);
      g_array_set_size (cache->ids, 0);
    }
  /* Probe again: another thread may have added it meanwhile. */
  slot = str_map_probe (&cache->words, s, n, hash);
  if (slot->key == NULL)
    {
      const guint8 *key = (const guint8 *) g_string_chunk_insert_len (cache->keys, (const char *) s, n);

      str_map_insert (&cache->words, slot, key, n, hash, (int) cache->ids->len);
      g_array_append_val (cache->ids, n_ids);
      g_array_append_vals (cache->ids, &g_array_index (out, int, start), n_ids);
    }
  g_mutex_unlock (&cache->lock);
}

GArray *
ftl_tokenizer_encode (const FtlTokenizer *tokenizer,
                      const char         *text,
                      gssize              length,
                      gboolean            parse_special)
{
  g_return_val_if_fail (tokenizer != NULL, NULL);
  g_return_val_if_fail (text != NULL || length == 0, NULL);

  const guint8 *s = (const guint8 *) text;
  gsize n = length < 0 ? strlen (text) : (gsize) length;
  GArray *out = g_array_sized_new (FALSE, FALSE, sizeof (int), n / 3 + 1);
  BpeScratch sc = { 0 };
  guint mask = 0;

  for (int k = 0; parse_special && k < FTL_N_SPECIAL; k++)
    if (tokenizer->special[k] >= 0)
      mask |= 1u << k;

  for (gsize pos = 0; pos < n;)
    {
      int which = 0;  /* set whenever a special is found */
      gsize at = pos + find_special (s + pos, n - pos, mask, &which);

      for (gsize end; pos < at; pos = end)
        {
          end = pretokenize_next (s, at, pos);
          encode_word (tokenizer, s + pos, end - pos, &sc, out);
        }
      if (at < n)
        {
          g_array_append_val (out, tokenizer->special[which]);
          pos = at + strlen (special_texts[which]);
        }
    }

  g_free (sc.id);
  g_free (sc.prev);
  g_free (sc.next);
  g_free (sc.heap.items);
  return out;
}

char *
ftl_tokenizer_decode (const FtlTokenizer *tokenizer,
                      const int          *ids,
                      int                 n_ids,
                      gsize              *length)
{
  g_return_val_if_fail (tokenizer != NULL, NULL);
  g_return_val_if_fail (ids != NULL || n_ids <= 0, NULL);

  for (int i = 0; i < n_ids; i++)
    g_return_val_if_fail (ids[i] >= 0 && ids[i] < tokenizer->n_tokens, NULL);

  GString *out = g_string_new (NULL);

  for (int i = 0; i < n_ids; i++)
    g_string_append_len (out, tokenizer->bytes[ids[i]], tokenizer->lengths[ids[i]]);
  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}
