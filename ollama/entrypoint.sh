#!/bin/sh
# The Ollama sidecar's entrypoint: serve Ollama, and make sure the `opensoc` model exists and was built
# from the Modelfile and adapter this container has. Ollama keeps serving when the model cannot be made,
# so the service stays up on its embedded analyzer and its readiness check reports the model as missing.
set -u

model="${OPENSOC_MODEL:-opensoc}"
modelfile="${OPENSOC_MODELFILE:-/opensoc/Modelfile}"
serve_timeout="${OPENSOC_SERVE_TIMEOUT:-120}"
# Beside the weights, on the models volume, so it lives exactly as long as the model it describes.
stamp="${OLLAMA_MODELS:-$HOME/.ollama/models}/.$model.sha256"

log() {
    printf '%s opensoc-entrypoint: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*" >&2
}

# A digest of what the model is built from: the Modelfile and every file beside it (the adapter under
# ./ollama/adapter/). A new image or a new ConfigMap changes it, and that re-creates the model. The paths
# with /.. are the timestamped copies a ConfigMap volume keeps beside its files.
build_digest() {
    find -L "$(dirname "$modelfile")" -type f ! -path '*/..*' | LC_ALL=C sort | while IFS= read -r file; do
        sha256sum "$file"
    done | sha256sum | cut -d ' ' -f 1
}

wait_for_server() {
    waited=0
    until ollama list >/dev/null 2>&1; do
        if [ "$waited" -ge "$serve_timeout" ]; then
            return 1
        fi
        sleep 1
        waited=$((waited + 1))
    done
}

provision() {
    if ! wait_for_server; then
        log "ollama did not answer within ${serve_timeout}s; $model not created"
        return 1
    fi
    digest="$(build_digest)"
    if ollama show "$model" >/dev/null 2>&1 && [ "$(cat "$stamp" 2>/dev/null)" = "$digest" ]; then
        log "model $model is up to date"
        return 0
    fi
    log "creating model $model from $modelfile"
    if ! ollama create "$model" -f "$modelfile"; then
        log "could not create $model; the service answers with its embedded analyzer meanwhile"
        return 1
    fi
    printf '%s\n' "$digest" >"$stamp" || log "could not record the digest in $stamp"
    log "model $model created"
}

ollama serve &
server=$!
provision &
provisioner=$!

# Forward the pod's stop signal to Ollama so it exits cleanly within the grace period.
trap 'kill -TERM "$server" "$provisioner" 2>/dev/null' TERM INT HUP

# A trapped signal interrupts wait; wait again until Ollama itself has exited, and exit with its status.
while :; do
    wait "$server"
    status=$?
    kill -0 "$server" 2>/dev/null || break
done
kill -TERM "$provisioner" 2>/dev/null
exit "$status"
