package org.opensoc.llm;

/**
 * The fixed prompt, the same text in training, serving and evaluation. The service sends {@link #INSTRUCTION}
 * as the system message and the entry as the user message; the Modelfile's TEMPLATE renders the two into
 * {@link #FRAME}, the Alpaca-style frame the adapter was trained in. A test holds all three to the same text.
 */
public final class TriagePrompt {

    public static final String INSTRUCTION =
            "Analyze this log and identify security threats. Return: threat type, MITRE technique ID, severity, and recommendation.";

    /** The training frame; {instruction} and {input} are replaced, the answer follows the last line. */
    public static final String FRAME = "### Instruction:\n{instruction}\n\n### Input:\n{input}\n\n### Response:\n";

    private TriagePrompt() {
    }

    /** The frame filled in, exactly as the model sees it before its answer. */
    public static String render(String instruction, String input) {
        return FRAME.replace("{instruction}", instruction).replace("{input}", input);
    }

    /** One training example: the rendered frame followed by the gold answer. */
    public static String trainingText(String input, String output) {
        return render(INSTRUCTION, input) + output;
    }
}
