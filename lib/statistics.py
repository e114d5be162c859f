"""Basic statistics on int/float data, computed exactly with integer
ratios and rounded once, like CPython's (pyrite)."""

from math import isqrt as _isqrt, gcd as _gcd, fsum as _fsum, exp as _exp, log as _log
from collections import Counter as _Counter

__all__ = ['StatisticsError', 'fmean', 'geometric_mean', 'harmonic_mean',
           'mean', 'median', 'median_high', 'median_low', 'median_grouped',
           'mode', 'multimode', 'pstdev', 'pvariance', 'stdev', 'variance']


class StatisticsError(ValueError):
    pass


def _ratio(x):
    if isinstance(x, int):
        return x, 1
    if isinstance(x, float):
        return x.as_integer_ratio()
    try:
        return x.numerator, x.denominator
    except AttributeError:
        raise TypeError("can't convert type '%s' to numerator/denominator"
                        % type(x).__name__) from None


def _result_type(data):
    T = int
    for x in data:
        if isinstance(x, bool) or type(x) is int:
            continue
        if isinstance(x, float):
            T = float
        elif isinstance(x, int):
            continue
        else:
            T = type(x) if T is int else T
    return T


def _exact_sum(data):
    """Sum as an exact (numerator, denominator) pair."""
    num, den = 0, 1
    for x in data:
        n, d = _ratio(x)
        num, den = num * d + n * den, den * d
        g = _gcd(num, den)
        if g > 1:
            num //= g
            den //= g
    return num, den


def _convert(num, den, T):
    g = _gcd(num, den)
    num //= g
    den //= g
    if T is int:
        if den == 1:
            return num
        return num / den
    if T is float:
        return num / den
    return T(num) / T(den)


def mean(data):
    """Return the sample arithmetic mean of data."""
    data = list(data)
    n = len(data)
    if n < 1:
        raise StatisticsError('mean requires at least one data point')
    num, den = _exact_sum(data)
    return _convert(num, den * n, _result_type(data))


def fmean(data, weights=None):
    """Convert data to floats and compute the arithmetic mean."""
    data = list(data)
    if weights is None:
        if not data:
            raise StatisticsError('fmean requires at least one data point')
        return _fsum(data) / len(data)
    weights = list(weights)
    if len(weights) != len(data):
        raise StatisticsError('data and weights must be the same length')
    total = _fsum(weights)
    if not total:
        raise StatisticsError('sum of weights must be non-zero')
    return _fsum(x * w for x, w in zip(data, weights)) / total


def geometric_mean(data):
    """Convert data to floats and compute the geometric mean."""
    data = list(data)
    try:
        return _exp(fmean(_log(x) for x in data))
    except ValueError:
        raise StatisticsError('geometric mean requires a non-empty dataset '
                              'containing positive numbers') from None


def harmonic_mean(data, weights=None):
    """Return the harmonic mean of data."""
    data = list(data)
    n = len(data)
    if n < 1:
        raise StatisticsError('harmonic_mean requires at least one data point')
    if weights is None:
        weights = [1] * n
    for x in data:
        if x < 0:
            raise StatisticsError('harmonic mean does not support negative values')
    if any(x == 0 for x in data):
        return 0
    T = _result_type(data)
    if T is int:
        T = float
    wnum, wden = _exact_sum(weights)
    num, den = 0, 1
    for x, w in zip(data, weights):
        xn, xd = _ratio(x)
        wn, wd = _ratio(w)
        # accumulate w / x
        tn, td = wn * xd, wd * xn
        num, den = num * td + tn * den, den * td
    return _convert(wnum * den, wden * num, T)


def median(data):
    """Return the median (middle value) of numeric data."""
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError('no median for empty data')
    if n % 2 == 1:
        return data[n // 2]
    i = n // 2
    return (data[i - 1] + data[i]) / 2


def median_low(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError('no median for empty data')
    if n % 2 == 1:
        return data[n // 2]
    return data[n // 2 - 1]


def median_high(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError('no median for empty data')
    return data[n // 2]


def median_grouped(data, interval=1):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError('no median for empty data')
    if n == 1:
        return data[0]
    x = data[n // 2]
    L = x - interval / 2
    cf = data.index(x)
    f = data.count(x)
    return L + interval * (n / 2 - cf) / f


def mode(data):
    """Return the most common data point from discrete or nominal data."""
    pairs = _Counter(iter(data)).most_common(1)
    try:
        return pairs[0][0]
    except IndexError:
        raise StatisticsError('no mode for empty data') from None


def multimode(data):
    """Return a list of the most frequently occurring values."""
    counts = _Counter(iter(data)).most_common()
    if not counts:
        return []
    top = counts[0][1]
    return [value for value, count in counts if count == top]


def _ss(data, c=None):
    """Exact sum of squared deviations (numerator, denominator) and type."""
    T = _result_type(data)
    n = len(data)
    if c is None:
        snum, sden = _exact_sum(data)
        cnum, cden = snum, sden * n
    else:
        cnum, cden = _ratio(c)
    num, den = 0, 1
    for x in data:
        xn, xd = _ratio(x)
        # (x - c)**2 = ((xn*cden - cnum*xd) / (xd*cden))**2
        dn = xn * cden - cnum * xd
        dd = xd * cden
        tn, td = dn * dn, dd * dd
        num, den = num * td + tn * den, den * td
        g = _gcd(num, den)
        if g > 1:
            num //= g
            den //= g
    return num, den, T


def _sqrt_frac(num, den):
    """Correctly rounded float sqrt of num/den (round-to-odd, then one rounding)."""
    if num <= 0:
        return 0.0
    k = max(0, 110 - (num.bit_length() - den.bit_length())) // 2 + 1
    q, r = divmod(num << (2 * k), den)
    root = _isqrt(q)
    if root * root != q or r:
        root |= 1
    return root / (1 << k)


def variance(data, xbar=None):
    """Return the sample variance of data."""
    data = list(data)
    n = len(data)
    if n < 2:
        raise StatisticsError('variance requires at least two data points')
    num, den, T = _ss(data, xbar)
    return _convert(num, den * (n - 1), T)


def pvariance(data, mu=None):
    """Return the population variance of data."""
    data = list(data)
    n = len(data)
    if n < 1:
        raise StatisticsError('pvariance requires at least one data point')
    num, den, T = _ss(data, mu)
    return _convert(num, den * n, T)


def stdev(data, xbar=None):
    """Return the square root of the sample variance."""
    data = list(data)
    n = len(data)
    if n < 2:
        raise StatisticsError('stdev requires at least two data points')
    num, den, T = _ss(data, xbar)
    return _sqrt_frac(num, den * (n - 1))


def pstdev(data, mu=None):
    """Return the square root of the population variance."""
    data = list(data)
    n = len(data)
    if n < 1:
        raise StatisticsError('pstdev requires at least one data point')
    num, den, T = _ss(data, mu)
    return _sqrt_frac(num, den * n)
