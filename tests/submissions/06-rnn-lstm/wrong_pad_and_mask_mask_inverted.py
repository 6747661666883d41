"""Wrong: pad_and_mask marks the padding with True and the tokens with False."""
# lose: test_pad_and_mask
# keep: rest
import numpy as np


def pad_and_mask(sequences, maxlen, padding="pre", truncating="pre"):
    padded = np.zeros((len(sequences), maxlen), dtype=int)
    for i, seq in enumerate(sequences):
        seq = list(seq)
        kept = seq[max(len(seq) - maxlen, 0):] if truncating == "pre" else seq[:maxlen]
        start = maxlen - len(kept) if padding == "pre" else 0
        padded[i, start:start + len(kept)] = kept
    return padded, padded == 0
