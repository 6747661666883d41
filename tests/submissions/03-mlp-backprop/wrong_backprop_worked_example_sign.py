"""Wrong: backprop_worked_example subtracts eta * delta * o although delta = -dE/da (a step uphill)."""
# lose: test_backprop_worked_example
# keep: rest
import math


def backprop_worked_example(x, w, target, lr):
    s = lambda a: 1.0 / (1.0 + math.exp(-a))
    x1, x2 = x
    y3 = s(w["w13"] * x1 + w["w23"] * x2)
    y4 = s(w["w14"] * x1 + w["w24"] * x2)
    y5 = s(w["w35"] * y3 + w["w45"] * y4)
    d5 = y5 * (1 - y5) * (target - y5)
    d3 = y3 * (1 - y3) * w["w35"] * d5
    d4 = y4 * (1 - y4) * w["w45"] * d5
    return {"w13": w["w13"] - lr * d3 * x1, "w23": w["w23"] - lr * d3 * x2,
            "w14": w["w14"] - lr * d4 * x1, "w24": w["w24"] - lr * d4 * x2,
            "w35": w["w35"] - lr * d5 * y3, "w45": w["w45"] - lr * d5 * y4}
