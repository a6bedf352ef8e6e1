// run-llama-cpp.mjs MODEL.gguf REQUEST.json — runs a GGUF model in llama.cpp
// (node-llama-cpp's prebuilt binaries, never a build from source) for
// tests/test-export-llama-cpp.c, and prints what it did as one JSON object.
//
// REQUEST: {"max_tokens": N, "conversations": [[{"role", "content"}, …], …],
//           "texts": ["…", …]}
// Each conversation is rendered with the chat template stored in the model
// file (tokenizer.chat_template, by an independent Jinja implementation) with
// the generation prompt, tokenized by llama.cpp (special tokens parsed) and
// continued greedily until an end-of-generation token or max_tokens. Each
// text is only tokenized.
//
// Output: {"llama_cpp": "b4753", "node": "v18.19.0",
//          "conversations": [{"prompt", "prompt_tokens", "tokens", "text"}, …],
//          "texts": [[id, …], …]}
import fs from "node:fs";

import {Template} from "@huggingface/jinja";
import {getLlama, LlamaLogLevel} from "node-llama-cpp";

const [modelPath, requestPath] = process.argv.slice(2);
if (modelPath === undefined || requestPath === undefined) {
    console.error("usage: run-llama-cpp.mjs MODEL.gguf REQUEST.json");
    process.exit(2);
}
const request = JSON.parse(fs.readFileSync(requestPath, "utf8"));

// CPU only, and only the binaries the package ships: this machine may not
// reach llama.cpp's sources, and a local build would not be the release
// pinned in package-lock.json.
const llama = await getLlama({build: "never", gpu: false, logLevel: LlamaLogLevel.warn});
const model = await llama.loadModel({modelPath});
const context = await model.createContext({contextSize: model.trainContextSize, sequences: 1, threads: 1});

const templateText = model.fileInfo.metadata.tokenizer?.chat_template;
if (typeof templateText !== "string") {
    console.error(`${modelPath}: no tokenizer.chat_template`);
    process.exit(1);
}
const template = new Template(templateText);

const conversations = [];
for (const messages of request.conversations ?? []) {
    const prompt = template.render({messages, add_generation_prompt: true});
    const promptTokens = model.tokenize(prompt, true);
    const sequence = context.getSequence();
    const tokens = [];

    // Temperature 0 is llama.cpp's greedy sampler: the most likely token.
    for await (const token of sequence.evaluate(promptTokens, {temperature: 0})) {
        if (model.isEogToken(token))
            break;
        tokens.push(token);
        if (tokens.length >= request.max_tokens)
            break;
    }
    sequence.dispose();
    conversations.push({
        prompt,
        prompt_tokens: Array.from(promptTokens),
        tokens,
        text: model.detokenize(tokens)
    });
}

const texts = (request.texts ?? []).map((text) => Array.from(model.tokenize(text, true)));

process.stdout.write(JSON.stringify({
    llama_cpp: llama.llamaCppRelease.release,
    node: process.version,
    conversations,
    texts
}) + "\n");
await context.dispose();
await model.dispose();
await llama.dispose();
