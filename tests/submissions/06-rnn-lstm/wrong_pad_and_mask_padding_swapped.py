"""Wrong: pad_and_mask puts the zeros after the tokens for padding="pre" and before them for "post"."""
# lose: test_pad_and_mask
# keep: rest
import numpy as np


def pad_and_mask(sequences, maxlen, padding="pre", truncating="pre"):
    padded = np.zeros((len(sequences), maxlen), dtype=int)
    for i, seq in enumerate(sequences):
        seq = list(seq)
        kept = seq[max(len(seq) - maxlen, 0):] if truncating == "pre" else seq[:maxlen]
        if padding == "post":
            padded[i, maxlen - len(kept):] = kept
        else:
            padded[i, :len(kept)] = kept
    return padded, padded != 0
