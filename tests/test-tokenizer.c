/* test-tokenizer.c — byte-level BPE: training, GGUF-form vocabularies,
 * pre-tokenization, encode/decode identity, special tokens, compression.
 */
#include "ftl-tokenizer.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

/* Plain English prose written for this test (no licence strings attached). */
static const char english[] =
  "The river leaves the hills in a hurry, but by the time it reaches the town it has "
  "slowed to a walk. People who live along its banks say they can tell the season by "
  "its colour: brown and loud in spring, green and lazy in summer, grey and thin in "
  "the autumn, and white at the edges when the winter finally comes. Children learn to "
  "swim in the shallow bend below the mill, where the water is warm and the bottom is "
  "sand instead of stone. Their parents learned there too, and so did their parents "
  "before them, which is why nobody has ever managed to build anything on that bend.\n\n"
  "Every morning the baker opens her shop a little before six. She has been baking "
  "bread for thirty years, and she still weighs the flour by hand. The dough rests "
  "overnight in a cool room at the back, and when she shapes the loaves she works "
  "quickly, folding each one twice and setting it seam side down on a floured cloth. "
  "Her oven is older than the building around it. It takes two hours to heat, and she "
  "says it bakes better on cold days than on warm ones, although she cannot explain "
  "why. Customers who arrive early can watch the first trays come out, and many of them "
  "do, standing by the counter with their hands around a cup of coffee.\n\n"
  "A small language model learns in much the same way that an apprentice learns a "
  "trade. At first it only repeats what it has seen, and its sentences wander without "
  "purpose. After many examples it begins to notice patterns: which words tend to "
  "follow which, how a question is usually answered, where a paragraph should end. "
  "Fine-tuning is the moment when a general apprentice is shown one particular job. "
  "The model keeps everything it learned before, but a few hundred careful examples "
  "teach it the tone, the format and the habits that the new task requires. If the "
  "examples are poor, the model learns poor habits just as faithfully as good ones, "
  "which is why preparing the data usually takes longer than the training itself.\n\n"
  "The library on the corner was built with money from a shipping company that no "
  "longer exists. Its reading room has tall windows facing north, so the light is even "
  "all day and nobody has to squint at the page. On weekday afternoons the tables fill "
  "with students preparing for examinations, retired engineers reading newspapers from "
  "other countries, and a few writers who claim they cannot work anywhere else. The "
  "librarian knows most of them by name. She keeps a list of books that people have "
  "asked for and not found, and twice a year she sends it to the city council with a "
  "polite letter explaining why each title matters.\n\n"
  "Learning rate, batch size and the number of epochs are the three settings that most "
  "people change first. A learning rate that is too high makes the loss jump around "
  "and sometimes explode; one that is too low makes progress so slow that the run ends "
  "before anything useful happens. A larger batch gives a smoother estimate of the "
  "gradient but fewer updates per epoch. More epochs let the model see each example "
  "again, which helps until it starts to memorise the training set instead of learning "
  "from it. Watching the validation loss is the simplest way to notice that moment: "
  "when it stops falling while the training loss keeps going down, the model has "
  "begun to overfit.\n\n"
  "In the mountains the weather changes faster than the forecast. Walkers are told to "
  "carry a warm layer even in August, and most of them ignore the advice until the "
  "first afternoon they spend inside a cloud. The paths are marked with painted stones, "
  "red and white, and the old shepherds' huts along the ridge have been turned into "
  "shelters with a stove, a table and a logbook. Reading the logbook is half the "
  "pleasure of arriving: people write about the view, the weather, the blisters on "
  "their feet and, surprisingly often, about the sandwiches they carried all the way "
  "up and were too tired to eat.\n\n"
  "A tokenizer decides what the model actually sees. Instead of letters or whole words, "
  "most modern models read pieces of words that were chosen by counting which pairs of "
  "symbols appear together most often in a large sample of text. Common words become a "
  "single piece, while rare words are spelled out from several smaller ones. Because the "
  "pieces are built from bytes, any text can be written down, including names, numbers, "
  "emoji and scripts the tokenizer never saw during training. The cost is that a rare "
  "language may need many more pieces per sentence than a common one, which makes it "
  "slower and more expensive to process.\n\n"
  "The orchestra rehearses on Thursday evenings in the school hall. Nobody is paid, and "
  "the conductor is a retired chemistry teacher who insists on starting exactly on time. "
  "The violins are strong, the brass is enthusiastic, and the percussion section consists "
  "of one patient man with an impressive collection of triangles. Twice a year they give "
  "a concert, and the hall is always full, partly because the tickets are cheap and partly "
  "because half the audience is related to someone on the stage. After the final piece "
  "there is tea, cake and a long discussion about which movement went best.\n\n"
  "Gardening teaches patience more reliably than any book. Seeds planted in March will not "
  "care how often you look at them, and a tomato picked too early tastes of nothing at all. "
  "Experienced gardeners keep notes: when the first frost came, which variety of bean did "
  "well in the wet year, where the slugs were worst. Over a decade those notes become a "
  "private almanac that is more useful than anything printed, because it describes one "
  "particular patch of ground with its own shade, soil and stubborn weeds.\n\n"
  "When the evaluation finishes, the numbers tell only part of the story. A model can "
  "score well on a benchmark and still answer simple questions in a strange voice, or "
  "refuse reasonable requests, or repeat itself at the end of a long reply. Reading a "
  "sample of its answers by hand is slow, but it catches problems that no metric was "
  "designed to measure. The best teams do both: they track the numbers over time and "
  "they set aside an hour each week to read what the model actually says.\n\n"
  "The night train to the coast is slower than the bus and costs twice as much, yet it "
  "is always fully booked. Passengers bring blankets, thermos flasks and card games, and "
  "by midnight the corridor has become a kind of village street where strangers trade "
  "oranges for chocolate and argue gently about politics. The conductor, a tall woman "
  "with a silver whistle, walks through every carriage at two in the morning to make "
  "sure nobody has missed their stop. At dawn the track runs beside the sea, and even "
  "the most seasoned travellers wake up to watch the light spread across the water.\n\n"
  "Repairing an old bicycle is mostly a matter of cleaning. Rust hides under grease, and "
  "grease hides under dust, so the first evening disappears with rags, solvent and a "
  "toothbrush. Only then can you judge what really needs replacing: perhaps the chain "
  "is stretched, the brake pads are hard as wood, or a spoke has quietly snapped. New "
  "cables cost almost nothing and transform the feel of the handlebars. The wheels "
  "deserve patience, because truing them by eye takes practice, and a wobbling rim will "
  "rub against the brakes on every hill until you finally fix it properly.\n\n"
  "Our neighbourhood market opens on Saturday mornings in a car park behind the station. "
  "Farmers arrive before sunrise with crates of potatoes, cabbages, apples and honey; a "
  "fishmonger sets up a refrigerated van; a young couple sells sourdough, pickles and "
  "spicy sauces in recycled jars. Prices are written in chalk and change according to "
  "the weather and the mood of the seller. Regular shoppers know that the best "
  "strawberries vanish within an hour, while the cheapest vegetables appear just before "
  "closing time, when nobody wants to drive anything back to the farm.\n\n"
  "Checkpoints matter more than beginners expect. A training run that crashes after six "
  "hours without saving anything teaches a painful lesson about disk space, power cuts "
  "and forgotten laptop lids. Saving the weights at the end of every epoch costs a few "
  "seconds and makes it possible to compare versions, resume interrupted work and "
  "choose the model that performed best on validation rather than simply the latest "
  "one. Good tools also record the hyperparameters, random seed and dataset version "
  "beside each checkpoint, so that a surprising result can be reproduced weeks later.\n\n"
  "My grandmother kept bees for forty summers. She wore no gloves, moved slowly and "
  "talked to the hives in a low, conversational voice, as though reporting the village "
  "gossip. Each July she extracted the honey in her kitchen with a hand-cranked spinner "
  "borrowed from a cousin, and for a week every surface was sticky. She labelled the "
  "jars by date and flower: clover, lime blossom, heather from the moor. Visitors "
  "always left with at least one jar, whether they wanted it or not, together with "
  "detailed instructions about keeping it away from damp cupboards.\n\n"
  "Astronomers describe the universe with numbers so large that ordinary language "
  "gives up. Light from the nearest star beyond the sun takes more than four years to "
  "reach us; light from distant galaxies set out before the earth had formed. Amateur "
  "observers nevertheless find plenty to enjoy with modest equipment. A pair of "
  "binoculars reveals the moons of Jupiter, the craters along the lunar terminator and "
  "countless faint clusters in the summer sky, provided the street lamps are far away "
  "and the observer remembers to let their eyes adjust to the darkness.\n\n"
  "Writing clear documentation is harder than writing clever code. Readers arrive tired, "
  "distracted or frustrated, usually because something has already gone wrong. They "
  "need short sentences, concrete examples and honest descriptions of limitations. A "
  "good manual explains why a feature exists, not only how to switch it on, and warns "
  "about common mistakes before the reader makes them. Screenshots age quickly, so the "
  "wisest authors describe menus and buttons by name and keep pictures for the few "
  "places where a diagram genuinely explains more than words.\n";

/* Not part of the training text: measures compression on unseen English. */
static const char held_out[] =
  "The ferry leaves the harbour every hour in summer and twice a day in winter. Its "
  "captain has worked on the crossing for most of his life, and he can tell from the "
  "colour of the water whether the afternoon will be calm. Passengers who ask him about "
  "the weather usually receive a short answer and a long story about a storm that nearly "
  "sank the old boat, which was replaced before most of them were born. On clear days "
  "the islands look close enough to touch, and the children on board count the seals "
  "sleeping on the rocks near the lighthouse.";

static const char korean[] =
  "작은 언어 모델도 미세 조정을 하면 새로운 말투와 형식을 배울 수 있습니다. "
  "학습 데이터가 좋으면 모델도 좋은 습관을 배우고, 데이터가 나쁘면 나쁜 습관을 배웁니다. "
  "그래서 데이터를 준비하는 시간이 학습 시간보다 더 오래 걸리는 경우가 많습니다. "
  "강은 봄에는 갈색이고 여름에는 초록색이며 가을에는 회색입니다. 👋🏽 안녕하세요! 🇰🇷";

static FtlTokenizer *
train_or_fail (const char *text,
               int         vocab_size)
{
  g_autoptr(GError) error = NULL;
  FtlTokenizer *tok = ftl_tokenizer_train (text, strlen (text), vocab_size, &error);

  ck_assert_msg (tok != NULL, "training failed: %s", error ? error->message : "?");
  return tok;
}

/* English and Korean, so merges cover multi-byte UTF-8 too. */
static FtlTokenizer *
train_mixed (int vocab_size)
{
  g_autofree char *text = g_strconcat (english, korean, NULL);

  return train_or_fail (text, vocab_size);
}

/* GPT-2's bytes_to_unicode, written as in its Python source, independently
 * of the tokenizer's closed form. */
static gunichar
gpt2_byte_to_unichar (int byte)
{
  int n = 0;

  for (int b = 0; b < 256; b++)
    {
      gboolean printable = (b >= '!' && b <= '~') || (b >= 0xa1 && b <= 0xac) || (b >= 0xae);

      if (b == byte)
        return printable ? (gunichar) b : (gunichar) (256 + n);
      if (!printable)
        n++;
    }
  g_assert_not_reached ();
}

static char *
gpt2_text (const char *bytes,
           gsize       length)
{
  GString *s = g_string_new (NULL);

  for (gsize i = 0; i < length; i++)
    g_string_append_unichar (s, gpt2_byte_to_unichar ((guint8) bytes[i]));
  return g_string_free (s, FALSE);
}

/* decode (encode (text)) must give back exactly the same bytes. */
static void
assert_round_trip (const FtlTokenizer *tok,
                   const char         *text,
                   gsize               length,
                   gboolean            parse_special)
{
  g_autoptr(GArray) ids = ftl_tokenizer_encode (tok, text, (gssize) length, parse_special);
  gsize decoded_length = 0;
  g_autofree char *decoded = ftl_tokenizer_decode (tok, (const int *) ids->data, (int) ids->len,
                                                   &decoded_length);

  ck_assert_uint_eq (decoded_length, length);
  ck_assert_msg (memcmp (decoded, text, length) == 0, "round trip changed the text");
  ck_assert_int_eq (decoded[length], '\0');
  for (guint i = 0; i < ids->len; i++)
    {
      int id = g_array_index (ids, int, i);

      ck_assert_int_ge (id, 0);
      ck_assert_int_lt (id, ftl_tokenizer_get_vocab_size (tok));
      if (!parse_special)
        ck_assert_msg (!ftl_tokenizer_is_special (tok, id), "special id without parse_special");
    }
}

static gboolean
arrays_equal (const GArray *a,
              const GArray *b)
{
  return a->len == b->len && memcmp (a->data, b->data, a->len * sizeof (int)) == 0;
}

/* ---- training ------------------------------------------------------------ */

START_TEST (test_train_layout)
{
  g_autoptr(FtlTokenizer) tok = train_mixed (600);
  int n_merges = ftl_tokenizer_get_n_merges (tok);

  ck_assert_int_eq (ftl_tokenizer_get_vocab_size (tok), 600);
  /* Each merge made a new token on this text (no merge rebuilt one). */
  ck_assert_int_eq (n_merges, 600 - 256 - FTL_N_SPECIAL);

  for (int b = 0; b < 256; b++)
    {
      char expected[8] = { 0 };
      gsize length;
      const char *bytes = ftl_tokenizer_get_token_bytes (tok, b, &length);

      g_unichar_to_utf8 (gpt2_byte_to_unichar (b), expected);
      ck_assert_str_eq (ftl_tokenizer_get_token_text (tok, b), expected);
      ck_assert_uint_eq (length, 1);
      ck_assert_int_eq ((guint8) bytes[0], b);
    }
  ck_assert_str_eq (ftl_tokenizer_get_token_text (tok, ' '), "Ġ");
  ck_assert_str_eq (ftl_tokenizer_get_token_text (tok, '\n'), "Ċ");

  /* Merge r made token 256 + r, and its text is the two halves joined. */
  for (int r = 0; r < n_merges; r++)
    {
      g_auto(GStrv) halves = g_strsplit (ftl_tokenizer_get_merge (tok, r), " ", -1);
      g_autofree char *joined = NULL;

      ck_assert_uint_eq (g_strv_length (halves), 2);
      joined = g_strconcat (halves[0], halves[1], NULL);
      ck_assert_str_eq (ftl_tokenizer_get_token_text (tok, 256 + r), joined);
    }

  ck_assert_int_eq (ftl_tokenizer_get_special (tok, FTL_SPECIAL_ENDOFTEXT), 597);
  ck_assert_int_eq (ftl_tokenizer_get_special (tok, FTL_SPECIAL_IM_START), 598);
  ck_assert_int_eq (ftl_tokenizer_get_special (tok, FTL_SPECIAL_IM_END), 599);
  ck_assert_str_eq (ftl_tokenizer_get_token_text (tok, 597), FTL_TOKEN_TEXT_ENDOFTEXT);
  ck_assert_str_eq (ftl_tokenizer_get_token_text (tok, 598), FTL_TOKEN_TEXT_IM_START);
  ck_assert_str_eq (ftl_tokenizer_get_token_text (tok, 599), FTL_TOKEN_TEXT_IM_END);
  for (int id = 0; id < 600; id++)
    ck_assert_int_eq (ftl_tokenizer_is_special (tok, id), id >= 597);

  /* The most frequent pair of this text comes first. */
  /* Pre-tokens start with their space, so " t…" words make the top pair. */
  ck_assert_str_eq (ftl_tokenizer_get_merge (tok, 0), "Ġ t");
}
END_TEST

START_TEST (test_train_deterministic)
{
  g_autoptr(FtlTokenizer) a = train_mixed (700);
  g_autoptr(FtlTokenizer) b = train_mixed (700);
  g_autoptr(FtlTokenizer) smaller = train_mixed (400);

  ck_assert_int_eq (ftl_tokenizer_get_vocab_size (a), ftl_tokenizer_get_vocab_size (b));
  ck_assert_int_eq (ftl_tokenizer_get_n_merges (a), ftl_tokenizer_get_n_merges (b));
  for (int id = 0; id < ftl_tokenizer_get_vocab_size (a); id++)
    ck_assert_str_eq (ftl_tokenizer_get_token_text (a, id), ftl_tokenizer_get_token_text (b, id));
  for (int r = 0; r < ftl_tokenizer_get_n_merges (a); r++)
    ck_assert_str_eq (ftl_tokenizer_get_merge (a, r), ftl_tokenizer_get_merge (b, r));

  /* Greedy BPE: a smaller vocabulary's merges are a prefix of a larger one's. */
  for (int r = 0; r < ftl_tokenizer_get_n_merges (smaller); r++)
    ck_assert_str_eq (ftl_tokenizer_get_merge (smaller, r), ftl_tokenizer_get_merge (a, r));
}
END_TEST

START_TEST (test_train_specials_not_merged)
{
  GString *text = g_string_new (NULL);

  for (int i = 0; i < 200; i++)
    g_string_append_printf (text, "%suser\nquestion %d%s%sassistant\nanswer%s%s",
                            FTL_TOKEN_TEXT_IM_START, i, FTL_TOKEN_TEXT_IM_END,
                            FTL_TOKEN_TEXT_IM_START, FTL_TOKEN_TEXT_IM_END,
                            FTL_TOKEN_TEXT_ENDOFTEXT);

  g_autoptr(FtlTokenizer) tok = train_or_fail (text->str, 300);

  /* Read as plain text, "|><|" would be a frequent pre-token. */
  for (int id = 0; id < ftl_tokenizer_get_vocab_size (tok); id++)
    if (!ftl_tokenizer_is_special (tok, id))
      {
        gsize length;
        const char *bytes = ftl_tokenizer_get_token_bytes (tok, id, &length);

        ck_assert_msg (g_strstr_len (bytes, length, "<|") == NULL
                       && g_strstr_len (bytes, length, "|>") == NULL,
                       "token %d (%s) holds part of a special token", id,
                       ftl_tokenizer_get_token_text (tok, id));
      }
  g_string_free (text, TRUE);
}
END_TEST

START_TEST (test_train_small)
{
  g_autoptr(GError) error = NULL;
  FtlTokenizer *tok = ftl_tokenizer_train (english, strlen (english), 258, &error);

  ck_assert_ptr_null (tok);
  ck_assert (g_error_matches (error, FTL_TOKENIZER_ERROR, FTL_TOKENIZER_ERROR_VOCAB_SIZE));
  g_clear_error (&error);

  /* "ab ab ab" has three merges in it at most: ab, Ġab and nothing more. */
  tok = ftl_tokenizer_train ("ab ab ab", 8, 256 + FTL_N_SPECIAL + 3, &error);
  ck_assert_ptr_null (tok);
  ck_assert (g_error_matches (error, FTL_TOKENIZER_ERROR, FTL_TOKENIZER_ERROR_VOCAB_SIZE));
  g_clear_error (&error);

  tok = ftl_tokenizer_train ("ab ab ab", 8, 256 + FTL_N_SPECIAL + 2, &error);
  ck_assert_ptr_nonnull (tok);
  ck_assert_str_eq (ftl_tokenizer_get_merge (tok, 0), "a b");
  ck_assert_str_eq (ftl_tokenizer_get_merge (tok, 1), "Ġ ab");
  ftl_tokenizer_free (tok);

  /* Equal counts: the smaller (left id, right id) goes first; Ġ is 32. */
  tok = ftl_tokenizer_train ("ab cd", 5, 256 + FTL_N_SPECIAL + 3, &error);
  ck_assert_ptr_nonnull (tok);
  ck_assert_str_eq (ftl_tokenizer_get_merge (tok, 0), "Ġ c");
  ck_assert_str_eq (ftl_tokenizer_get_merge (tok, 1), "a b");
  ck_assert_str_eq (ftl_tokenizer_get_merge (tok, 2), "Ġc d");
  ftl_tokenizer_free (tok);

  /* An empty text gives the bare byte vocabulary. */
  tok = ftl_tokenizer_train ("", 0, 256 + FTL_N_SPECIAL, &error);
  ck_assert_ptr_nonnull (tok);
  ck_assert_int_eq (ftl_tokenizer_get_n_merges (tok), 0);
  ftl_tokenizer_free (tok);
}
END_TEST

/* ---- encode / decode ----------------------------------------------------- */

START_TEST (test_round_trip_fixed)
{
  g_autoptr(FtlTokenizer) tok = train_mixed (700);
  static const char * const texts[] = {
    "",
    "a",
    "Hello, world! It's 2024 and the model's loss is 0.125.",
    "  leading and trailing spaces   ",
    "tabs\tand\nnewlines\r\n\n\nend",
    "안녕하세요, 세계! 미세 조정은 재미있습니다.",
    "emoji: 👋🏽 🇰🇷 👨‍👩‍👧 ✨",
    "mixed 한국어 and English, 숫자 123 and ²³ and Ⅻ.",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      assert_round_trip (tok, texts[i], strlen (texts[i]), FALSE);
      assert_round_trip (tok, texts[i], strlen (texts[i]), TRUE);
    }
  assert_round_trip (tok, english, strlen (english), FALSE);
  assert_round_trip (tok, korean, strlen (korean), TRUE);

  /* NULs, invalid and truncated UTF-8, lone continuation bytes, an overlong
   * form, a surrogate, a code point past U+10FFFF. */
  static const char binary[] = "a\0b\xff\xfe\xc3 \xe2\x82 \x80\x80 \xc0\xaf \xed\xa0\x80 \xf4\x90\x80\x80 \xc3";
  assert_round_trip (tok, binary, sizeof binary - 1, FALSE);

  /* length −1 reads up to the NUL. */
  g_autoptr(GArray) whole = ftl_tokenizer_encode (tok, "fine-tuning", -1, FALSE);
  g_autoptr(GArray) counted = ftl_tokenizer_encode (tok, "fine-tuning", 11, FALSE);
  ck_assert (arrays_equal (whole, counted));
}
END_TEST

static const char * const pieces[] = {
  "a", "e", "t", " ", " the", "ing", "Z", "0", "7", ".", ",", "'", "'s", "\n", "\t", "\r",
  "\xc2\xa0", "\xc2\x85", "\v", "한", "국", "어", "😀", "🏽", "\xcc\x81",
  "<|", "|>", "im_", FTL_TOKEN_TEXT_IM_START, FTL_TOKEN_TEXT_IM_END, FTL_TOKEN_TEXT_ENDOFTEXT,
  "\xe2\x82", "\xf0\x9f", "\x80", "\xc3",
};

START_TEST (test_round_trip_random)
{
  g_autoptr(FtlTokenizer) tok = train_mixed (700);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240611);
  g_autoptr(GString) text = g_string_new (NULL);

  for (int trial = 0; trial < 4000; trial++)
    {
      int n = g_rand_int_range (rand, 0, 48);
      gboolean raw = trial % 2 == 0;

      /* Half the cases are uniform random bytes (NULs included); half are
       * glued from pieces that stress the pre-tokenizer and specials. */
      g_string_truncate (text, 0);
      for (int i = 0; i < n; i++)
        if (raw)
          g_string_append_c (text, (char) g_rand_int_range (rand, 0, 256));
        else
          g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);

      assert_round_trip (tok, text->str, text->len, FALSE);
      assert_round_trip (tok, text->str, text->len, TRUE);
    }
}
END_TEST

START_TEST (test_special_tokens)
{
  g_autoptr(FtlTokenizer) tok = train_mixed (700);
  static const char chat[] = FTL_TOKEN_TEXT_IM_START "user\nhi" FTL_TOKEN_TEXT_IM_END;
  int im_start = ftl_tokenizer_get_special (tok, FTL_SPECIAL_IM_START);
  int im_end = ftl_tokenizer_get_special (tok, FTL_SPECIAL_IM_END);
  g_autoptr(GArray) parsed = ftl_tokenizer_encode (tok, chat, -1, TRUE);
  g_autoptr(GArray) plain = ftl_tokenizer_encode (tok, chat, -1, FALSE);
  g_autoptr(GArray) inner = ftl_tokenizer_encode (tok, "user\nhi", -1, FALSE);

  /* <|im_start|> · tokens of "user\nhi" · <|im_end|> */
  ck_assert_uint_eq (parsed->len, inner->len + 2);
  ck_assert_int_eq (g_array_index (parsed, int, 0), im_start);
  ck_assert_int_eq (g_array_index (parsed, int, parsed->len - 1), im_end);
  ck_assert_mem_eq (parsed->data + sizeof (int), inner->data, inner->len * sizeof (int));
  assert_round_trip (tok, chat, strlen (chat), TRUE);

  /* Without parse_special the same text is ordinary text. */
  ck_assert_uint_gt (plain->len, 4);
  assert_round_trip (tok, chat, strlen (chat), FALSE);

  /* Specials split words: "hi<|endoftext|>there" is hi · eot · there. */
  g_autoptr(GArray) eot = ftl_tokenizer_encode (tok, "hi" FTL_TOKEN_TEXT_ENDOFTEXT "there", -1, TRUE);
  g_autoptr(GArray) hi = ftl_tokenizer_encode (tok, "hi", -1, FALSE);
  g_autoptr(GArray) there = ftl_tokenizer_encode (tok, "there", -1, FALSE);
  ck_assert_uint_eq (eot->len, hi->len + 1 + there->len);
  ck_assert_int_eq (g_array_index (eot, int, hi->len),
                    ftl_tokenizer_get_special (tok, FTL_SPECIAL_ENDOFTEXT));

  /* An unfinished special text is ordinary text even with parse_special. */
  g_autoptr(GArray) partial = ftl_tokenizer_encode (tok, "<|im_start|<|im_end", -1, TRUE);
  for (guint i = 0; i < partial->len; i++)
    ck_assert (!ftl_tokenizer_is_special (tok, g_array_index (partial, int, i)));

  gsize length;
  const char *bytes = ftl_tokenizer_get_token_bytes (tok, im_end, &length);
  ck_assert_uint_eq (length, strlen (FTL_TOKEN_TEXT_IM_END));
  ck_assert_str_eq (bytes, FTL_TOKEN_TEXT_IM_END);
}
END_TEST

/* ---- merge order ---------------------------------------------------------- */

/* Byte tokens in GGUF form followed by extra, in a NULL-terminated strv. */
static GStrv
byte_vocab_plus (const char * const *extra)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (int b = 0; b < 256; b++)
    {
      char c = (char) b;
      g_autofree char *text = gpt2_text (&c, 1);

      g_strv_builder_add (builder, text);
    }
  for (; extra != NULL && *extra != NULL; extra++)
    g_strv_builder_add (builder, *extra);
  return g_strv_builder_end (builder);
}

static FtlTokenizer *
tokenizer_from (const char * const *extra_tokens,
                const char * const *merges)
{
  g_auto(GStrv) tokens = byte_vocab_plus (extra_tokens);
  g_autoptr(GError) error = NULL;
  FtlTokenizer *tok = ftl_tokenizer_new_from_vocab ((const char * const *) tokens,
                                                    (int) g_strv_length (tokens),
                                                    merges, merges ? (int) g_strv_length ((GStrv) merges) : 0,
                                                    &error);

  ck_assert_msg (tok != NULL, "loading failed: %s", error ? error->message : "?");
  return tok;
}

/* The token texts text encodes to, joined with "|". */
static char *
encode_to_texts (const FtlTokenizer *tok,
                 const char         *text)
{
  g_autoptr(GArray) ids = ftl_tokenizer_encode (tok, text, -1, FALSE);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (s, "%s%s", i ? "|" : "",
                            ftl_tokenizer_get_token_text (tok, g_array_index (ids, int, i)));
  return g_string_free (s, FALSE);
}

START_TEST (test_merge_order)
{
  static const char * const extra[] = { "ab", "bc", "abc", "aa", NULL };
  static const char * const bc_first[] = { "b c", "a b", "a bc", NULL };
  static const char * const ab_first[] = { "a b", "b c", "a bc", NULL };
  static const char * const aa[] = { "a a", NULL };
  g_autoptr(FtlTokenizer) t1 = tokenizer_from (extra, bc_first);
  g_autoptr(FtlTokenizer) t2 = tokenizer_from (extra, ab_first);
  g_autoptr(FtlTokenizer) t3 = tokenizer_from (extra, aa);
  g_autofree char *s1 = encode_to_texts (t1, "abc");
  g_autofree char *s2 = encode_to_texts (t2, "abc");
  g_autofree char *s3 = encode_to_texts (t3, "aaaaa");
  g_autofree char *s4 = encode_to_texts (t1, "ab");

  ck_assert_str_eq (s1, "abc");     /* b c, then a bc */
  ck_assert_str_eq (s2, "ab|c");    /* a b first leaves no b c */
  ck_assert_str_eq (s3, "aa|aa|a"); /* equal ranks: leftmost first */
  ck_assert_str_eq (s4, "ab");
}
END_TEST

/* ---- pre-tokenization -----------------------------------------------------
 * The splitter is static, so it is tested through encode: a vocabulary that
 * holds every substring of the text, with a merge for every way of splitting
 * each one, turns any piece BPE is allowed to see into exactly one token. The
 * tokens of the encoding are then exactly the pre-tokens.
 */

/* Whether s[0..length) holds a special token's text. */
static gboolean
holds_special_text (const char *s,
                    gsize       length)
{
  static const char * const texts[] = {
    FTL_TOKEN_TEXT_ENDOFTEXT, FTL_TOKEN_TEXT_IM_START, FTL_TOKEN_TEXT_IM_END,
  };

  for (gsize k = 0; k < G_N_ELEMENTS (texts); k++)
    for (gsize i = 0; i + strlen (texts[k]) <= length; i++)
      if (memcmp (s + i, texts[k], strlen (texts[k])) == 0)
        return TRUE;
  return FALSE;
}

static FtlTokenizer *
all_substrings_tokenizer (const char *text,
                          gsize       n)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GStrvBuilder) tokens = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) merges = g_strv_builder_new ();
  g_auto(GStrv) byte_tokens = byte_vocab_plus (NULL);
  g_autoptr(GError) error = NULL;

  g_strv_builder_addv (tokens, (const char **) byte_tokens);
  for (gsize length = 2; length <= n; length++)
    for (gsize i = 0; i + length <= n; i++)
      {
        g_autofree char *whole = gpt2_text (text + i, length);

        /* A special token's text in a vocabulary is that special token, and
         * as ordinary text it spans several pre-tokens anyway. */
        if (holds_special_text (text + i, length))
          continue;
        if (g_hash_table_add (seen, g_strdup (whole)))
          g_strv_builder_add (tokens, whole);
        for (gsize k = 1; k < length; k++)
          {
            g_autofree char *left = gpt2_text (text + i, k);
            g_autofree char *right = gpt2_text (text + i + k, length - k);
            char *merge = g_strconcat (left, " ", right, NULL);

            if (g_hash_table_add (seen, merge))
              g_strv_builder_add (merges, merge);
          }
      }

  g_auto(GStrv) token_v = g_strv_builder_end (tokens);
  g_auto(GStrv) merge_v = g_strv_builder_end (merges);
  FtlTokenizer *tok = ftl_tokenizer_new_from_vocab ((const char * const *) token_v,
                                                    (int) g_strv_length (token_v),
                                                    (const char * const *) merge_v,
                                                    (int) g_strv_length (merge_v), &error);

  ck_assert_msg (tok != NULL, "loading failed: %s", error ? error->message : "?");
  return tok;
}

typedef struct
{
  const char *text;
  gsize       length;        /* 0: strlen */
  const char *pieces[16];
} SplitCase;

/* Expected pieces are what the GPT-2 regex gives (checked against Python's
 * regex module while writing this test). */
static const SplitCase split_cases[] = {
  { "Hello world's  3.14!!", 0, { "Hello", " world", "'s", " ", " 3", ".", "14", "!!" } },
  { "I'm 'tis Don'T we'll", 0, { "I", "'m", " '", "tis", " Don", "'", "T", " we", "'ll" } },
  { "they're've'd", 0, { "they", "'re", "'ve", "'d" } },
  { "a\n\nb  c\t\td   ", 0, { "a", "\n", "\n", "b", " ", " c", "\t", "\t", "d", "   " } },
  { "안녕하세요 세계 👋🏽!", 0, { "안녕하세요", " 세계", " 👋🏽!" } },
  { "x²3 Ⅻ 10,000$", 0, { "x", "²3", " Ⅻ", " 10", ",", "000", "$" } },
  { "a\xc2\xa0" "b\xc2\x85\xc2\x85" "c\v\vd", 0,
    { "a", "\xc2\xa0", "b", "\xc2\x85", "\xc2\x85", "c", "\v", "\v", "d" } },
  { "it's<|im_end|>", 0, { "it", "'s", "<|", "im", "_", "end", "|>" } },
  { "ab\xff\xfe" "cd \xc3", 0, { "ab", "\xff\xfe", "cd", " \xc3" } },
  { "a\0b\xc3\xa9 \x80", 7, { "a", "\0", "b\xc3\xa9", " \x80" } },
  { " \n x", 0, { " \n", " x" } },
  { "'", 0, { "'" } },
};

START_TEST (test_pretokenize)
{
  const SplitCase *c = &split_cases[_i];
  gsize n = c->length ? c->length : strlen (c->text);
  g_autoptr(FtlTokenizer) tok = all_substrings_tokenizer (c->text, n);
  g_autoptr(GArray) ids = ftl_tokenizer_encode (tok, c->text, (gssize) n, FALSE);
  guint n_pieces = 0;

  while (n_pieces < G_N_ELEMENTS (c->pieces) && c->pieces[n_pieces] != NULL)
    n_pieces++;
  ck_assert_msg (ids->len == n_pieces, "case %d: %u pieces, expected %u", _i, ids->len, n_pieces);
  for (guint i = 0; i < n_pieces; i++)
    {
      gsize length;
      const char *bytes = ftl_tokenizer_get_token_bytes (tok, g_array_index (ids, int, i), &length);
      /* a NUL piece is the only one whose strlen is 0 */
      gsize expected = c->pieces[i][0] ? strlen (c->pieces[i]) : 1;

      ck_assert_msg (length == expected && memcmp (bytes, c->pieces[i], length) == 0,
                     "case %d, piece %u: got “%.*s”, expected “%s”",
                     _i, i, (int) length, bytes, c->pieces[i]);
    }
}
END_TEST

/* ---- GGUF form --------------------------------------------------------------- */

static GPtrArray *
token_texts (const FtlTokenizer *tok)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  for (int id = 0; id < ftl_tokenizer_get_vocab_size (tok); id++)
    g_ptr_array_add (texts, g_strdup (ftl_tokenizer_get_token_text (tok, id)));
  return texts;
}

static GPtrArray *
merge_texts (const FtlTokenizer *tok)
{
  GPtrArray *merges = g_ptr_array_new_with_free_func (g_free);

  for (int r = 0; r < ftl_tokenizer_get_n_merges (tok); r++)
    g_ptr_array_add (merges, g_strdup (ftl_tokenizer_get_merge (tok, r)));
  return merges;
}

static FtlTokenizer *
load (const GPtrArray *tokens,
      const GPtrArray *merges,
      GError         **error)
{
  return ftl_tokenizer_new_from_vocab ((const char * const *) tokens->pdata, (int) tokens->len,
                                       (const char * const *) merges->pdata, (int) merges->len,
                                       error);
}

START_TEST (test_vocab_round_trip)
{
  g_autoptr(FtlTokenizer) trained = train_mixed (700);
  g_autoptr(GPtrArray) tokens = token_texts (trained);
  g_autoptr(GPtrArray) merges = merge_texts (trained);
  g_autoptr(GError) error = NULL;
  g_autoptr(FtlTokenizer) loaded = load (tokens, merges, &error);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  ck_assert_msg (loaded != NULL, "%s", error ? error->message : "?");
  ck_assert_int_eq (ftl_tokenizer_get_vocab_size (loaded), 700);
  ck_assert_int_eq (ftl_tokenizer_get_n_merges (loaded), ftl_tokenizer_get_n_merges (trained));
  for (int k = 0; k < FTL_N_SPECIAL; k++)
    ck_assert_int_eq (ftl_tokenizer_get_special (loaded, k), ftl_tokenizer_get_special (trained, k));

  /* The same vocabulary in another order: ids move, texts stay. */
  g_autoptr(GPtrArray) shuffled = g_ptr_array_new ();
  int *position = g_new (int, tokens->len);  /* trained id → shuffled id */

  for (guint i = 0; i < tokens->len; i++)
    g_ptr_array_add (shuffled, tokens->pdata[i]);
  for (guint i = shuffled->len - 1; i > 0; i--)
    {
      guint j = (guint) g_rand_int_range (rand, 0, (gint32) i + 1);
      gpointer t = shuffled->pdata[i];

      shuffled->pdata[i] = shuffled->pdata[j];
      shuffled->pdata[j] = t;
    }
  for (guint i = 0; i < shuffled->len; i++)
    for (guint id = 0; id < tokens->len; id++)
      if (shuffled->pdata[i] == tokens->pdata[id])
        position[id] = (int) i;

  g_autoptr(FtlTokenizer) reordered = load (shuffled, merges, &error);
  ck_assert_msg (reordered != NULL, "%s", error ? error->message : "?");
  ck_assert_int_eq (ftl_tokenizer_get_special (reordered, FTL_SPECIAL_IM_END),
                    position[ftl_tokenizer_get_special (trained, FTL_SPECIAL_IM_END)]);

  g_autoptr(GString) text = g_string_new (NULL);
  for (int trial = 0; trial < 300; trial++)
    {
      g_string_truncate (text, 0);
      if (trial == 0)
        g_string_append (text, english);
      else if (trial == 1)
        g_string_append (text, korean);
      else
        for (int i = g_rand_int_range (rand, 0, 40); i > 0; i--)
          g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);

      g_autoptr(GArray) a = ftl_tokenizer_encode (trained, text->str, (gssize) text->len, TRUE);
      g_autoptr(GArray) b = ftl_tokenizer_encode (loaded, text->str, (gssize) text->len, TRUE);
      g_autoptr(GArray) c = ftl_tokenizer_encode (reordered, text->str, (gssize) text->len, TRUE);

      ck_assert (arrays_equal (a, b));
      ck_assert_uint_eq (a->len, c->len);
      for (guint i = 0; i < a->len; i++)
        ck_assert_int_eq (position[g_array_index (a, int, i)], g_array_index (c, int, i));
    }
  g_free (position);
}
END_TEST

/* Loads tokens/merges after edit and expects FTL_TOKENIZER_ERROR_MALFORMED. */
static void
assert_rejected (const GPtrArray *tokens,
                 const GPtrArray *merges,
                 const char      *what)
{
  g_autoptr(GError) error = NULL;
  FtlTokenizer *tok = load (tokens, merges, &error);

  ck_assert_msg (tok == NULL, "accepted %s", what);
  ck_assert_msg (g_error_matches (error, FTL_TOKENIZER_ERROR, FTL_TOKENIZER_ERROR_MALFORMED),
                 "%s: wrong error %s", what, error ? error->message : "(none)");
}

START_TEST (test_vocab_malformed)
{
  g_autoptr(FtlTokenizer) trained = train_mixed (500);
  g_autoptr(GPtrArray) merges = merge_texts (trained);
  g_autoptr(GPtrArray) no_merges = g_ptr_array_new ();

  /* A missing byte token, the error naming the byte. */
  {
    g_autoptr(GPtrArray) tokens = token_texts (trained);
    g_autoptr(GError) error = NULL;

    g_ptr_array_remove_index (tokens, ' ');
    ck_assert_ptr_null (load (tokens, no_merges, &error));
    ck_assert (g_error_matches (error, FTL_TOKENIZER_ERROR, FTL_TOKENIZER_ERROR_MALFORMED));
    ck_assert_msg (strstr (error->message, "0x20") != NULL, "%s", error->message);
    assert_rejected (tokens, merges, "a vocabulary without Ġ");
  }
  /* Duplicate tokens, ordinary and special. */
  {
    g_autoptr(GPtrArray) tokens = token_texts (trained);

    g_ptr_array_add (tokens, g_strdup (tokens->pdata[300]));
    assert_rejected (tokens, merges, "a repeated token");
    g_ptr_array_remove_index (tokens, tokens->len - 1);
    g_ptr_array_add (tokens, g_strdup (FTL_TOKEN_TEXT_IM_END));
    assert_rejected (tokens, merges, "a repeated special token");
  }
  /* Token texts that bytes_to_unicode cannot make. */
  {
    static const char * const bad[] = { "한", "a b", "", "\xff" };

    for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(GPtrArray) tokens = token_texts (trained);

        g_ptr_array_add (tokens, g_strdup (bad[i]));
        assert_rejected (tokens, merges, bad[i]);
      }
  }
  /* Bad merges. */
  {
    static const char * const bad[] = {
      "Ġ xyzzy",                           /* unknown token */
      "Ġ " FTL_TOKEN_TEXT_IM_START,        /* special token */
      "Ā Ā",                               /* makes a token not in the vocabulary */
      "ĠĠĠ",                               /* no space */
      "a b c",                             /* two spaces */
      " a",                                /* empty side */
    };
    g_autoptr(GPtrArray) tokens = token_texts (trained);

    for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(GPtrArray) edited = merge_texts (trained);

        g_ptr_array_add (edited, g_strdup (bad[i]));
        assert_rejected (tokens, edited, bad[i]);
      }

    g_autoptr(GPtrArray) repeated = merge_texts (trained);
    g_ptr_array_add (repeated, g_strdup (repeated->pdata[10]));
    assert_rejected (tokens, repeated, "a repeated merge");

    g_ptr_array_add (tokens, NULL);
    assert_rejected (tokens, merges, "a NULL token");
  }
}
END_TEST

/* ---- compression ----------------------------------------------------------- */

static double
tokens_per_byte (const FtlTokenizer *tok,
                 const char         *text)
{
  g_autoptr(GArray) ids = ftl_tokenizer_encode (tok, text, -1, FALSE);

  return (double) ids->len / (double) strlen (text);
}

START_TEST (test_compression)
{
  g_autoptr(FtlTokenizer) tok = train_or_fail (english, 2048);
  double seen = tokens_per_byte (tok, english);
  double unseen = tokens_per_byte (tok, held_out);

  /* Measured 0.206 on the training text and 0.301 on the held-out
   * paragraph; bytes alone would be 1.0. */
  ck_assert_msg (seen < 0.24, "%.3f tokens per byte on the training text", seen);
  ck_assert_msg (unseen < 0.36, "%.3f tokens per byte on unseen English", unseen);
}
END_TEST

/* ---- threads ------------------------------------------------------------------ */

static gpointer
encode_english (gpointer data)
{
  GArray *result = NULL;

  for (int i = 0; i < 20; i++)
    {
      g_clear_pointer (&result, g_array_unref);
      result = ftl_tokenizer_encode (data, english, -1, TRUE);
    }
  return result;
}

START_TEST (test_encode_threads)
{
  g_autoptr(FtlTokenizer) tok = train_mixed (700);
  GThread *threads[4];

  for (int i = 0; i < 4; i++)
    threads[i] = g_thread_new ("encode", encode_english, tok);
  for (int i = 0; i < 4; i++)
    {
      g_autoptr(GArray) ids = g_thread_join (threads[i]);
      g_autoptr(GArray) alone = ftl_tokenizer_encode (tok, english, -1, TRUE);

      ck_assert (arrays_equal (ids, alone));
    }
}
END_TEST

static Suite *
tokenizer_suite (void)
{
  Suite *s = suite_create ("tokenizer");
  TCase *tc = tcase_create ("core");

  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_train_layout);
  tcase_add_test (tc, test_train_deterministic);
  tcase_add_test (tc, test_train_specials_not_merged);
  tcase_add_test (tc, test_train_small);
  tcase_add_test (tc, test_round_trip_fixed);
  tcase_add_test (tc, test_round_trip_random);
  tcase_add_test (tc, test_special_tokens);
  tcase_add_test (tc, test_merge_order);
  tcase_add_loop_test (tc, test_pretokenize, 0, G_N_ELEMENTS (split_cases));
  tcase_add_test (tc, test_vocab_round_trip);
  tcase_add_test (tc, test_vocab_malformed);
  tcase_add_test (tc, test_compression);
  tcase_add_test (tc, test_encode_threads);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  SRunner *sr = srunner_create (tokenizer_suite ());
  int n_failed;

  srunner_run_all (sr, CK_NORMAL);
  n_failed = srunner_ntests_failed (sr);
  srunner_free (sr);
  return n_failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
