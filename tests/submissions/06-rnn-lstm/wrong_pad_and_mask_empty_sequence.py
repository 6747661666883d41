"""Wrong: pad_and_mask writes each sequence with padded[i, -len(kept):], which for an empty sequence (-0) means the whole row and fails."""
# lose: test_pad_and_mask
# keep: rest
import numpy as np


def pad_and_mask(sequences, maxlen, padding="pre", truncating="pre"):
    padded = np.zeros((len(sequences), maxlen), dtype=int)
    for i, seq in enumerate(sequences):
        seq = list(seq)
        kept = seq[-maxlen:] if truncating == "pre" else seq[:maxlen]
        if padding == "pre":
            padded[i, -len(kept):] = kept
        else:
            padded[i, :len(kept)] = kept
    return padded, padded != 0
