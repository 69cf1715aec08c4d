package org.opensoc.llm;

import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import io.quarkiverse.langchain4j.RegisterAiService;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The fine-tuned model behind Ollama. Each entry is judged alone, so there is no chat memory: the request is
 * exactly the fixed instruction as the system message and the entry, verbatim, as the user message.
 * It returns the raw text; {@link ModelReplyParser} reads it (a record return type would make the extension
 * ask Ollama for a JSON schema, which fights the trained eight-line answer).
 */
@RegisterAiService(chatMemoryProviderSupplier = RegisterAiService.NoChatMemoryProviderSupplier.class)
@ApplicationScoped
public interface TriageModel {

    @SystemMessage(TriagePrompt.INSTRUCTION)
    String triage(@UserMessage String entry);
}
