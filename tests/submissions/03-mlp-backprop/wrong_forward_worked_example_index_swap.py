"""Wrong: forward_worked_example reads w_ij as "weight j of unit i" (w13, w14 into unit 3; w23, w24 into unit 4)."""
# lose: test_forward_worked_example
# keep: rest
import math


def forward_worked_example(x, w):
    s = lambda a: 1.0 / (1.0 + math.exp(-a))
    y3 = s(w["w13"] * x[0] + w["w14"] * x[1])
    y4 = s(w["w23"] * x[0] + w["w24"] * x[1])
    y5 = s(w["w35"] * y3 + w["w45"] * y4)
    return y3, y4, y5
