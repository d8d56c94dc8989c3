"""Numbers for the report as the command line prints them (the same rules as sim/experiment/number_format.cpp):
one scale per number (thousands separators, then M and bn) for a value and its interval, shares in percent, and
only the digits the interval supports (two significant digits of the half-width, at most four of the value; a
narrower spread shown as a bound, one below a millionth of the value as 0)."""
import math


def _decimals(x, significant):
    if not x or not math.isfinite(x):
        return 0
    return max(0, significant - 1 - int(math.floor(math.log10(abs(x)))))


def _layout(v, h, interval, percent):
    magnitude = max(abs(v), abs(h) if interval else 0.0)
    divisor, suffix = (1e9, "bn") if magnitude >= 1e9 and not percent else \
                      (1e6, "M") if magnitude >= 1e6 and not percent else (1, "")
    sv, sh = v / divisor, h / divisor
    most = 0 if abs(sv) >= 1e4 else (2 if sv == 0 else _decimals(sv, 4))
    digits = min(_decimals(sh, 2), most) if interval and sh > 0 else most
    return divisor, suffix, digits


def _zero(text):
    return text.strip("-0.,") == ""


def _fixed(x, digits):
    text = "{:,.{}f}".format(x, max(0, digits))
    return text.lstrip("-") if _zero(text) else text


def format_estimate(value, half_width=float("nan"), units="", difference=False):
    """'16.66M ± 0.40M', '27.31 ± 0.42%', '+1.2 ± 0.3 pp', '9,776'; '-' when the value is not finite."""
    if value is None or not math.isfinite(value):
        return "-"
    percent = units == "fraction"
    v = value * (100 if percent else 1)
    h = half_width * (100 if percent else 1) if half_width is not None else float("nan")
    interval = not math.isnan(h)
    if interval and math.isfinite(h) and h < abs(v) * 1e-6:
        h = 0.0  # the arithmetic's rounding, not the model's spread
    finite_h = h if math.isfinite(h) else 0.0
    divisor, suffix, digits = _layout(v, finite_h, interval and math.isfinite(h), percent)
    step = 10.0 ** digits
    rounded = round(v / divisor * step) / step * divisor
    if rounded != v:  # rounding can carry into the next scale or magnitude
        divisor, suffix, digits = _layout(rounded, finite_h, interval and math.isfinite(h), percent)
    text = _fixed(v / divisor, digits)
    if difference and v > 0 and not _zero(text):
        text = "+" + text
    exact = not interval or h == 0
    if exact and "." in text:
        text = text.rstrip("0").rstrip(".")
    unit = (" pp" if difference else "%") if percent else suffix
    if not interval:
        return text + unit
    if not math.isfinite(h):
        spread = "inf"
    elif exact:
        spread = "0"
    else:
        spread = _fixed(abs(h) / divisor, digits)
        if _zero(spread):
            spread = "<" + _fixed(0.5 * 10.0 ** -digits, digits + 1)
    return text + " ± " + spread + unit if percent else text + unit + " ± " + spread + unit
