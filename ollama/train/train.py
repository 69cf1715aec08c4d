#!/usr/bin/env python3
"""Fine-tunes the OpenSOC LoRA adapter on the JSON Lines that `export-training` writes.

Runs on a GPU node (README.md, job.yaml). It needs torch, transformers and peft, which cannot be installed
on the project's build machines, so CI never runs it; the data preparation above `main` needs only the
standard library and is tested by test_train.py.

    python3 train.py --data train.jsonl --output-dir out                 # TinyLlama-1.1B-Chat, the paper's recipe
    python3 train.py --data train.jsonl --output-dir out --tiny-random   # smoke test: no weights, no network

Writes out/adapter (the adapter only: adapter_config.json, adapter_model.safetensors), out/base (the base
model's config, all that convert.sh needs of the base) and out/training-summary.json.
"""
import argparse
import json
import math
import os
import sys
from pathlib import Path

# The paper's recipe (arXiv 2604.26217): LoRA on all seven attention and MLP projections of TinyLlama.
BASE_MODEL = "TinyLlama/TinyLlama-1.1B-Chat-v1.0"
LORA_R = 16
LORA_ALPHA = 32
LORA_DROPOUT = 0.05
TARGET_MODULES = ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]
EPOCHS = 3
EFFECTIVE_BATCH = 16
LEARNING_RATE = 2e-4
LR_SCHEDULE = "cosine"
WARMUP_FRACTION = 0.05

IGNORE = -100  # the label Hugging Face's loss skips


def read_records(path):
    """The export's records split into the prompt (the service's frame) and the gold response after it."""
    records = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            row = json.loads(line)
            text, output = row.get("text"), row.get("output")
            if not isinstance(text, str) or not isinstance(output, str) or not output or not text.endswith(output):
                raise ValueError(f"{path}:{number}: not an export-training record (its text must end with its output)")
            records.append({"prompt": text[: len(text) - len(output)], "response": output})
    if not records:
        raise ValueError(f"{path}: no records")
    return records


def gradient_accumulation(per_device_batch, world_size):
    """The accumulation steps that keep the paper's effective batch of 16."""
    devices_batch = per_device_batch * world_size
    if devices_batch <= 0 or EFFECTIVE_BATCH % devices_batch:
        raise ValueError(f"per-device batch {per_device_batch} x {world_size} devices does not divide {EFFECTIVE_BATCH}")
    return EFFECTIVE_BATCH // devices_batch


def schedule(records, per_device_batch, world_size, epochs, max_steps=None):
    """Optimizer steps in all and the 5% of them spent warming up (at least one)."""
    accumulation = gradient_accumulation(per_device_batch, world_size)
    batches = math.ceil(records / (per_device_batch * world_size))
    total = max(1, math.ceil(batches / accumulation)) * epochs
    if max_steps:
        total = min(total, max_steps)
    return total, max(1, math.ceil(WARMUP_FRACTION * total))


def labels_for(token_ids, offsets, prompt_chars, train_on_prompt):
    """Labels for one example: the tokens of the response, and those of the prompt only when asked. Special
    tokens (offset (0, 0), such as BOS) are never learnt; a token that crosses into the response belongs to it."""
    labels = []
    for token, (_, end) in zip(token_ids, offsets):
        special = end == 0
        learnt = not special and (train_on_prompt or end > prompt_chars)
        labels.append(token if learnt else IGNORE)
    return labels


def encode(record, tokenizer, max_length, train_on_prompt):
    """Tokenizes prompt and response as one text, as Ollama sees it, then ends the response with EOS."""
    text = record["prompt"] + record["response"]
    enc = tokenizer(text, return_offsets_mapping=True, truncation=True, max_length=max_length - 1)
    ids = list(enc["input_ids"]) + [tokenizer.eos_token_id]
    labels = labels_for(enc["input_ids"], enc["offset_mapping"], len(record["prompt"]), train_on_prompt)
    labels.append(tokenizer.eos_token_id)
    return {"input_ids": ids, "attention_mask": [1] * len(ids), "labels": labels}


def pad_batch(batch, pad_id):
    """Right-pads a batch to its longest example; padding is masked and skipped by the loss."""
    width = max(len(b["input_ids"]) for b in batch)

    def padded(key, value):
        return [b[key] + [value] * (width - len(b[key])) for b in batch]

    return {"input_ids": padded("input_ids", pad_id), "attention_mask": padded("attention_mask", 0),
            "labels": padded("labels", IGNORE)}


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--data", required=True, type=Path, help="JSON Lines from `export-training`")
    p.add_argument("--output-dir", required=True, type=Path)
    p.add_argument("--base-model", default=BASE_MODEL, help="Hugging Face id or local directory of the base model")
    p.add_argument("--tiny-random", action="store_true",
                   help="smoke test: a tiny randomly initialised Llama and a tokenizer trained on the data; no weights, no network")
    p.add_argument("--epochs", type=float, default=EPOCHS)
    p.add_argument("--per-device-batch", type=int, default=4, help="gradient accumulation keeps the effective batch at 16")
    p.add_argument("--max-length", type=int, default=1024, help="tokens per example, prompt and response together")
    p.add_argument("--max-steps", type=int, default=0, help="stop after this many optimizer steps (0: the full epochs)")
    p.add_argument("--limit", type=int, default=0, help="train on the first N records only (0: all)")
    p.add_argument("--train-on-prompt", action="store_true",
                   help="also compute the loss on the prompt, as a plain SFT trainer does; default: the response only")
    p.add_argument("--seed", type=int, default=42)
    return p.parse_args(argv)


def tiny_random_model(records):
    """A 2-layer Llama with the base's shape of attention (grouped KV heads) and a byte-level BPE vocabulary
    trained on the data itself, so the whole pipeline runs with no download."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import LlamaConfig, LlamaForCausalLM, PreTrainedTokenizerFast

    bpe = Tokenizer(models.BPE(unk_token="<unk>"))
    bpe.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    bpe.decoder = decoders.ByteLevel()
    bpe.train_from_iterator((r["prompt"] + r["response"] for r in records),
                            trainers.BpeTrainer(vocab_size=512, special_tokens=["<unk>", "<s>", "</s>"],
                                                initial_alphabet=pre_tokenizers.ByteLevel.alphabet()))
    tokenizer = PreTrainedTokenizerFast(tokenizer_object=bpe, unk_token="<unk>", bos_token="<s>", eos_token="</s>",
                                        pad_token="</s>")
    config = LlamaConfig(vocab_size=len(tokenizer), hidden_size=64, intermediate_size=172, num_hidden_layers=2,
                         num_attention_heads=4, num_key_value_heads=2, max_position_embeddings=2048,
                         bos_token_id=tokenizer.bos_token_id, eos_token_id=tokenizer.eos_token_id,
                         pad_token_id=tokenizer.pad_token_id)
    return LlamaForCausalLM(config), tokenizer


def pretrained_model(name):
    from transformers import AutoModelForCausalLM, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(name, use_fast=True)
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.unk_token or tokenizer.eos_token
    # fp32 master weights with mixed-precision autocast, whatever dtype the checkpoint or the library defaults to:
    # the safe way to train LoRA on a T4 (no bf16) as well as an H100.
    return AutoModelForCausalLM.from_pretrained(name).float(), tokenizer


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    import torch
    from peft import LoraConfig, get_peft_model
    from transformers import Trainer, TrainingArguments, set_seed

    set_seed(args.seed)
    records = read_records(args.data)
    if args.limit:
        records = records[: args.limit]
    model, tokenizer = tiny_random_model(records) if args.tiny_random else pretrained_model(args.base_model)

    examples = [encode(r, tokenizer, args.max_length, args.train_on_prompt) for r in records]
    examples = [e for e in examples if any(label != IGNORE for label in e["labels"][:-1])]
    if len(examples) < len(records):
        print(f"train.py: {len(records) - len(examples)} examples left out: their prompt fills --max-length", file=sys.stderr)

    model = get_peft_model(model, LoraConfig(r=LORA_R, lora_alpha=LORA_ALPHA, lora_dropout=LORA_DROPOUT,
                                             target_modules=TARGET_MODULES, bias="none", task_type="CAUSAL_LM"))
    model.print_trainable_parameters()

    world_size = int(os.environ.get("WORLD_SIZE", "1"))
    accumulation = gradient_accumulation(args.per_device_batch, world_size)
    total_steps, warmup = schedule(len(examples), args.per_device_batch, world_size, math.ceil(args.epochs), args.max_steps)
    cuda = torch.cuda.is_available()
    bf16 = cuda and torch.cuda.is_bf16_supported()
    training = TrainingArguments(
        output_dir=str(args.output_dir / "trainer"),
        num_train_epochs=args.epochs,
        max_steps=args.max_steps or -1,
        per_device_train_batch_size=args.per_device_batch,
        gradient_accumulation_steps=accumulation,
        learning_rate=LEARNING_RATE,
        lr_scheduler_type=LR_SCHEDULE,
        warmup_steps=warmup,
        logging_steps=max(1, total_steps // 20),
        save_strategy="no",
        report_to="none",
        seed=args.seed,
        bf16=bf16,
        fp16=cuda and not bf16,
        remove_unused_columns=False,
        dataloader_num_workers=0,
    )

    def collate(batch):
        return {k: torch.tensor(v) for k, v in pad_batch(batch, tokenizer.pad_token_id).items()}

    trainer = Trainer(model=model, args=training, train_dataset=examples, data_collator=collate)
    result = trainer.train()

    # Adapter only: PEFT saves the LoRA weights and their config, never the base weights.
    model.save_pretrained(args.output_dir / "adapter")
    model.get_base_model().config.save_pretrained(args.output_dir / "base")
    tokenizer.save_pretrained(args.output_dir / "base")
    summary = {
        "base_model": "tiny-random" if args.tiny_random else args.base_model,
        "records": len(records), "examples": len(examples),
        "lora": {"r": LORA_R, "alpha": LORA_ALPHA, "dropout": LORA_DROPOUT, "target_modules": TARGET_MODULES},
        "epochs": args.epochs, "max_steps": args.max_steps, "optimizer_steps": trainer.state.global_step,
        "per_device_batch": args.per_device_batch, "gradient_accumulation": accumulation, "world_size": world_size,
        "effective_batch": args.per_device_batch * accumulation * world_size,
        "learning_rate": LEARNING_RATE, "lr_schedule": LR_SCHEDULE, "warmup_steps": warmup,
        "precision": "bf16" if bf16 else "fp16" if cuda else "fp32", "device": torch.cuda.get_device_name(0) if cuda else "cpu",
        "train_loss": result.training_loss,
        "losses": [entry["loss"] for entry in trainer.state.log_history if "loss" in entry],
        "adapter_files": sorted(p.name for p in (args.output_dir / "adapter").iterdir()),
    }
    (args.output_dir / "training-summary.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
