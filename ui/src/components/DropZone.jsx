import { useState } from 'react';

export const ACCEPTED = ['.log', '.txt', '.csv'];

export function isAccepted(file) {
  const name = file.name.toLowerCase();
  return ACCEPTED.some((extension) => name.endsWith(extension));
}

/** Drop a file here or pick one: the visible label opens the real file input, which keeps its keyboard and screen-reader behaviour. */
export function DropZone({ onFile, disabled }) {
  const [over, setOver] = useState(false);
  const [rejected, setRejected] = useState(null);

  function take(file) {
    if (!file) {
      return;
    }
    if (!isAccepted(file)) {
      setRejected(file.name);
      return;
    }
    setRejected(null);
    onFile(file);
  }

  return (
    <div
      className={`dropzone ${over ? 'over' : ''} ${disabled ? 'disabled' : ''}`}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(!disabled);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        if (!disabled) {
          take(event.dataTransfer.files[0]);
        }
      }}
    >
      <label htmlFor="batch-file">
        <strong>Drop a log file here</strong> or <span className="pick">choose one</span>
        <span className="hint"> ({ACCEPTED.join(', ')}; any size — it is streamed)</span>
      </label>
      <input
        id="batch-file"
        className="visually-hidden"
        type="file"
        accept={ACCEPTED.join(',')}
        disabled={disabled}
        onChange={(event) => {
          take(event.target.files[0]);
          event.target.value = '';
        }}
      />
      {rejected && <p className="error" role="alert">{rejected} is not a .log, .txt or .csv file.</p>}
    </div>
  );
}
