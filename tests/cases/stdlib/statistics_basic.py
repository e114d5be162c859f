import statistics as st, random
print(st.mean([1, 2, 3]), st.mean([1, 2, 3, 4]), st.mean([0.1, 0.2, 0.3]), st.mean([1, 2.5]))
print(st.median([3, 1, 2]), st.median([4, 1, 2, 3]), st.median_low([1, 2, 3, 4]), st.median_high([1, 2, 3, 4]))
print(st.mode('aabbbc'), st.multimode('aabbcc'), st.fmean([1, 2, 4]))
print(st.variance([1, 2, 3, 4]), st.pvariance([1, 2, 3, 4]), st.stdev([1, 2, 3, 4]), st.pstdev([1, 2, 3, 4]))
print(st.variance([1.5, 2.25, 3.125]), st.stdev([2.5, 3.25, 5.5, 11.25]), st.harmonic_mean([40, 60]))
random.seed(3)
for _ in range(200):
    d = [random.uniform(-100, 100) for _ in range(random.randint(2, 9))]
    r = (st.mean(d), st.stdev(d), st.pstdev(d), st.variance(d))
    print(r) if _ < 3 else None
    if _ == 199: print(r)
try: st.mean([])
except st.StatisticsError as e: print(e)
print(st.geometric_mean([2, 8]), st.median_grouped([1, 2, 2, 3]))
