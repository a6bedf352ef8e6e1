/* ftl-chat.h — ChatML rendering of a conversation into tokens and a loss mask.
 *
 *   <|im_start|>system\nYou are …<|im_end|>\n
 *   <|im_start|>user\nHi!<|im_end|>\n
 *   <|im_start|>assistant\nHello!<|im_end|>\n
 *
 * The template is Qwen2's (stored in GGUF as tokenizer.chat_template), so an
 * exported model chats the same way in llama.cpp.
 */
#pragma once

#include "ftl-tokenizer.h"

G_BEGIN_DECLS

typedef enum
{
  FTL_ROLE_SYSTEM,
  FTL_ROLE_USER,
  FTL_ROLE_ASSISTANT,
} FtlRole;

typedef struct
{
  FtlRole     role;
  const char *content;
  float       weight;  /* assistant messages: 0 = not trained on, 1 = trained */
} FtlChatMessage;

/* Jinja text of the template, for GGUF. */
extern const char ftl_chat_template[];

const char *ftl_role_to_string (FtlRole role);

/* Appends the rendered conversation to tokens (GArray of int). With
 * add_generation_prompt, ends with "<|im_start|>assistant\n" for the model to
 * continue. When mask (GArray of float) is given it receives one weight per
 * token: the weight of the assistant message whose content or closing
 * <|im_end|> the token is, 0 for every other token. Message contents are
 * encoded as plain text (special-token texts in them stay ordinary text). */
void ftl_chat_render (const FtlTokenizer   *tokenizer,
                      const FtlChatMessage *messages,
                      int                   n_messages,
                      gboolean              add_generation_prompt,
                      GArray               *tokens,
                      GArray               *mask);

G_END_DECLS
