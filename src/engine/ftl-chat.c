/* ftl-chat.c — ChatML rendering with a loss mask. */
#include "ftl-chat.h"

const char ftl_chat_template[] =
  "{% for message in messages %}"
  "{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}"
  "{% endfor %}"
  "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

const char *
ftl_role_to_string (FtlRole role)
{
  switch (role)
    {
    case FTL_ROLE_SYSTEM:
      return "system";
    case FTL_ROLE_USER:
      return "user";
    case FTL_ROLE_ASSISTANT:
    default:
      return "assistant";
    }
}

static void
append_text (const FtlTokenizer *tokenizer,
             const char         *text,
             float               weight,
             GArray             *tokens,
             GArray             *mask)
{
  g_autoptr(GArray) ids = ftl_tokenizer_encode (tokenizer, text, -1, FALSE);

  g_array_append_vals (tokens, ids->data, ids->len);
  if (mask != NULL)
    for (guint i = 0; i < ids->len; i++)
      g_array_append_val (mask, weight);
}

static void
append_special (const FtlTokenizer *tokenizer,
                FtlSpecialToken     which,
                float               weight,
                GArray             *tokens,
                GArray             *mask)
{
  int id = ftl_tokenizer_get_special (tokenizer, which);

  g_array_append_val (tokens, id);
  if (mask != NULL)
    g_array_append_val (mask, weight);
}

static void
append_header (const FtlTokenizer *tokenizer,
               FtlRole             role,
               GArray             *tokens,
               GArray             *mask)
{
  g_autofree char *header = g_strconcat (ftl_role_to_string (role), "\n", NULL);

  append_special (tokenizer, FTL_SPECIAL_IM_START, 0.f, tokens, mask);
  append_text (tokenizer, header, 0.f, tokens, mask);
}

void
ftl_chat_render (const FtlTokenizer   *tokenizer,
                 const FtlChatMessage *messages,
                 int                   n_messages,
                 gboolean              add_generation_prompt,
                 GArray               *tokens,
                 GArray               *mask)
{
  for (int i = 0; i < n_messages; i++)
    {
      const FtlChatMessage *m = &messages[i];
      /* Only what the assistant says is learned: the model should answer like
       * the examples, not imitate their users. */
      float weight = m->role == FTL_ROLE_ASSISTANT ? m->weight : 0.f;

      append_header (tokenizer, m->role, tokens, mask);
      append_text (tokenizer, m->content, weight, tokens, mask);
      /* The closing <|im_end|> is trained too: it is how the model learns to stop. */
      append_special (tokenizer, FTL_SPECIAL_IM_END, weight, tokens, mask);
      append_text (tokenizer, "\n", 0.f, tokens, mask);
    }
  if (add_generation_prompt)
    append_header (tokenizer, FTL_ROLE_ASSISTANT, tokens, mask);
}
