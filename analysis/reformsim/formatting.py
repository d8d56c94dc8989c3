"""Numbers for the report as the command line prints them: one scale per number (thousands separators, then M and
bn) for a value and its interval, shares in percent, and only the digits the interval supports."""
import math


def _decimals(x, significant):
    if not x or not math.isfinite(x):
        return 0
    return max(0, significant - 1 - int(math.floor(math.log10(abs(x)))))


def format_estimate(value, half_width=float("nan"), units="", difference=False):
    """'16.66M ± 0.40M', '27.31 ± 0.42%', '+1.2 ± 0.3 pp', '9,776'; '-' when the value is not finite."""
    if value is None or not math.isfinite(value):
        return "-"
    percent = units == "fraction"
    v = value * (100 if percent else 1)
    h = half_width * (100 if percent else 1) if half_width is not None else float("nan")
    interval = math.isfinite(h)
    magnitude = max(abs(v), abs(h) if interval else 0.0)
    divisor, suffix = (1e9, "bn") if magnitude >= 1e9 and not percent else \
                      (1e6, "M") if magnitude >= 1e6 and not percent else (1, "")
    v, h = v / divisor, h / divisor
    most = 0 if abs(v) >= 1e4 else (2 if v == 0 else _decimals(v, 4))
    digits = min(_decimals(h, 2), most) if interval and h > 0 else most
    text = "{:,.{}f}".format(v, digits)
    if text.lstrip("-").strip("0.,") == "":
        text = text.lstrip("-")
    if difference and v > 0 and not text.startswith("-") and text.strip("0.,"):
        text = "+" + text
    exact = not interval or h == 0
    if exact and "." in text:
        text = text.rstrip("0").rstrip(".")
    unit = (" pp" if difference else "%") if percent else suffix
    if not interval:
        return text + unit
    spread = "0" if exact else "{:,.{}f}".format(abs(h), digits)
    return text + " ± " + spread + unit if percent else text + unit + " ± " + spread + unit
