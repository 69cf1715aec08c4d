#!/usr/bin/env bash
# Turns the adapter train.py wrote into the GGUF file the Modelfile's ADAPTER line names
# (ollama/adapter/opensoc-lora.gguf), then builds the Ollama model "opensoc" from the Modelfile.
# Run it from the directory that holds the Modelfile (the repository root): ADAPTER is relative to it.
#
#   LLAMA_CPP=~/llama.cpp ollama/train/convert.sh [RUN_DIR]     RUN_DIR defaults to ollama/train/out
#
# Needs a llama.cpp checkout (its convert_lora_to_gguf.py, and the Python packages of its requirements.txt) and,
# for the last step, a running Ollama that has the Modelfile's FROM base (ollama pull tinyllama:1.1b-chat-v1-fp16).
# SKIP_OLLAMA_CREATE=1 stops after the conversion, for a machine without Ollama.
set -euo pipefail

run_dir=${1:-ollama/train/out}
llama_cpp=${LLAMA_CPP:-$HOME/llama.cpp}
gguf=ollama/adapter/opensoc-lora.gguf

if [[ ! -f Modelfile ]]; then
  echo "convert.sh: run me from the directory that holds the Modelfile" >&2
  exit 1
fi
if [[ ! -f $run_dir/adapter/adapter_config.json ]]; then
  echo "convert.sh: no PEFT adapter in $run_dir/adapter; run train.py first" >&2
  exit 1
fi
if [[ ! -f $llama_cpp/convert_lora_to_gguf.py ]]; then
  echo "convert.sh: no convert_lora_to_gguf.py in $llama_cpp; set LLAMA_CPP to a llama.cpp checkout" >&2
  exit 1
fi

mkdir -p "$(dirname "$gguf")"
# --base: the base model's config that train.py saved; the converter needs no base weights.
python3 "$llama_cpp/convert_lora_to_gguf.py" --base "$run_dir/base" --outtype f16 --outfile "$gguf" "$run_dir/adapter"
echo "convert.sh: wrote $gguf"

if [[ ${SKIP_OLLAMA_CREATE:-0} == 1 ]]; then
  echo "convert.sh: now run: ollama create opensoc -f Modelfile"
  exit 0
fi
ollama create opensoc -f Modelfile
