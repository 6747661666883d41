"""Wrong: pad_and_mask reads truncating the other way round ("pre" keeps the first maxlen tokens)."""
# lose: test_pad_and_mask
# keep: rest
import numpy as np


def pad_and_mask(sequences, maxlen, padding="pre", truncating="pre"):
    padded = np.zeros((len(sequences), maxlen), dtype=int)
    for i, seq in enumerate(sequences):
        seq = list(seq)
        kept = seq[:maxlen] if truncating == "pre" else seq[max(len(seq) - maxlen, 0):]
        if padding == "pre":
            padded[i, maxlen - len(kept):] = kept
        else:
            padded[i, :len(kept)] = kept
    return padded, padded != 0
