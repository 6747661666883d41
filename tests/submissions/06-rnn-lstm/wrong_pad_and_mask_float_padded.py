"""Wrong: pad_and_mask starts from np.zeros without a dtype, so padded comes back as floats (an Embedding needs integer indices)."""
# lose: test_pad_and_mask
# keep: rest
import numpy as np


def pad_and_mask(sequences, maxlen, padding="pre", truncating="pre"):
    padded = np.zeros((len(sequences), maxlen))
    for i, seq in enumerate(sequences):
        seq = list(seq)
        kept = seq[max(len(seq) - maxlen, 0):] if truncating == "pre" else seq[:maxlen]
        start = maxlen - len(kept) if padding == "pre" else 0
        padded[i, start:start + len(kept)] = kept
    return padded, padded != 0
