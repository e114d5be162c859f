# Run a benchmark script, then print the allocator statistics to stderr.
# Usage: alloc_churn_stats.py [BENCH_PATH] [SIZE]
#   default: ../shared/bench/bm_alloc_churn.py (relative to the repo) with size 200000
import sys

path = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/bench/bm_alloc_churn.py"
size = sys.argv[2] if len(sys.argv) > 2 else "200000"
sys.argv = [path, size]
exec(open(path).read(), {"__name__": "__main__"})
sys._debugmallocstats()
