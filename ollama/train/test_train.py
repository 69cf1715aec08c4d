"""Tests of train.py's data preparation; standard library only: python3 -m unittest ollama/train/test_train.py"""
import json
import os
import sys
import tempfile
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import train  # noqa: E402  (torch, transformers and peft are imported inside main only)

PROMPT = "### Instruction:\nAnalyze.\n\n### Input:\nGET /?id=1 OR 1=1\n\n### Response:\n"
OUTPUT = "THREAT_TYPE: SQL Injection — Union/Boolean SQLi\nSEVERITY: CRITICAL"


class ReadRecordsTest(unittest.TestCase):
    def write(self, *rows):
        f = tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8")
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
        f.close()
        self.addCleanup(os.remove, f.name)
        return f.name

    def test_splits_each_record_into_the_prompt_frame_and_the_gold_response(self):
        path = self.write({"text": PROMPT + OUTPUT, "instruction": "Analyze.", "input": "GET /?id=1 OR 1=1", "output": OUTPUT})
        self.assertEqual([{"prompt": PROMPT, "response": OUTPUT}], train.read_records(path))

    def test_a_record_whose_text_does_not_end_with_its_output_is_refused(self):
        path = self.write({"text": PROMPT, "output": OUTPUT})
        with self.assertRaises(ValueError):
            train.read_records(path)


class ScheduleTest(unittest.TestCase):
    def test_accumulation_keeps_the_effective_batch_at_sixteen(self):
        self.assertEqual(4, train.gradient_accumulation(4, 1))
        self.assertEqual(1, train.gradient_accumulation(8, 2))
        with self.assertRaises(ValueError):
            train.gradient_accumulation(3, 1)

    def test_three_epochs_of_the_development_part_warm_up_for_five_percent(self):
        # 370 examples, batches of 4, 16 per step: 93 batches -> 24 steps an epoch -> 72 steps, 4 of warm-up.
        self.assertEqual((72, 4), train.schedule(370, 4, 1, 3))
        self.assertEqual((5, 1), train.schedule(370, 4, 1, 3, max_steps=5))

    def test_the_recipe_is_the_papers(self):
        self.assertEqual((16, 32, 0.05), (train.LORA_R, train.LORA_ALPHA, train.LORA_DROPOUT))
        self.assertEqual({"q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"}, set(train.TARGET_MODULES))
        self.assertEqual((3, 16, 2e-4, "cosine", 0.05),
                         (train.EPOCHS, train.EFFECTIVE_BATCH, train.LEARNING_RATE, train.LR_SCHEDULE, train.WARMUP_FRACTION))


class LabelsTest(unittest.TestCase):
    # BOS, two prompt tokens (chars 0-4, 4-9), one crossing the boundary at 10 (8-12), one response token (12-15).
    IDS = [1, 10, 11, 12, 13]
    OFFSETS = [(0, 0), (0, 4), (4, 9), (8, 12), (12, 15)]

    def test_only_the_response_is_learnt_by_default(self):
        self.assertEqual([-100, -100, -100, 12, 13], train.labels_for(self.IDS, self.OFFSETS, 10, False))

    def test_the_prompt_is_learnt_too_when_asked_but_never_a_special_token(self):
        self.assertEqual([-100, 10, 11, 12, 13], train.labels_for(self.IDS, self.OFFSETS, 10, True))

    def test_padding_is_masked_and_skipped_by_the_loss(self):
        batch = train.pad_batch([{"input_ids": [5, 6, 7], "attention_mask": [1, 1, 1], "labels": [-100, 6, 7]},
                                 {"input_ids": [5], "attention_mask": [1], "labels": [5]}], pad_id=0)
        self.assertEqual([[5, 6, 7], [5, 0, 0]], batch["input_ids"])
        self.assertEqual([[1, 1, 1], [1, 0, 0]], batch["attention_mask"])
        self.assertEqual([[-100, 6, 7], [5, -100, -100]], batch["labels"])


if __name__ == "__main__":
    unittest.main()
