"""Wrong: pad_and_mask always keeps the last maxlen tokens, whatever truncating says."""
# lose: test_pad_and_mask
# keep: rest
import numpy as np


def pad_and_mask(sequences, maxlen, padding="pre", truncating="pre"):
    padded = np.zeros((len(sequences), maxlen), dtype=int)
    for i, seq in enumerate(sequences):
        kept = list(seq)[-maxlen:] if len(seq) else []
        if padding == "pre":
            padded[i, maxlen - len(kept):] = kept
        else:
            padded[i, :len(kept)] = kept
    return padded, padded != 0
