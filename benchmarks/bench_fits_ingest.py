"""GOES ingest speed: 30 days of GOES-15 from the local SDAC archive into a fresh database, then the same range again.

Prints days/s of the cold run and the re-run, the re-run's cost relative to the cold run (both measured in this run,
since these machines are noisy) and the requests and bytes the re-run sent (goal: none).

    .venv/bin/python benchmarks/bench_fits_ingest.py [--days 30] [--workers 8] [--latency 0.0]
"""
import argparse, tempfile, time
import pandas as pd
from solar_nb.fits import ingest_goes
from solar_nb.services import LocalServer

def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--days', type=int, default=30)
    p.add_argument('--workers', type=int, default=8)
    p.add_argument('--latency', type=float, default=0.0, help='seconds added to every request by the local server')
    args = p.parse_args()
    start = pd.Timestamp('2012-01-01'); end = start + pd.Timedelta(days=args.days - 1)
    with LocalServer() as srv, tempfile.TemporaryDirectory() as tmp:
        if args.latency: srv.inject('latency', times=None, seconds=args.latency)
        settings = srv.settings(tmp)
        t0 = time.perf_counter()
        cold = ingest_goes(start, end, 15, 'sdac', settings, workers=args.workers, progress=False)
        t_cold = time.perf_counter() - t0
        n_req, n_bytes = len(srv.requests), srv.bytes_sent()
        t0 = time.perf_counter()
        again = ingest_goes(start, end, 15, 'sdac', settings, workers=args.workers, progress=False)
        t_again = time.perf_counter() - t0
        assert cold.ok and len(cold.done) == args.days and len(again.skipped) == args.days, (cold, again)
        print(f'cold:   {args.days} days in {t_cold:.2f} s = {args.days/t_cold:.1f} days/s '
              f'({n_req} requests, {n_bytes/1e6:.1f} MB)')
        print(f're-run: {args.days} days in {t_again*1e3:.1f} ms = {args.days/t_again:.0f} days/s '
              f'({len(srv.requests) - n_req} requests, {srv.bytes_sent() - n_bytes} bytes)')
        print(f're-run cost / cold run: {t_again/t_cold:.4f}')

if __name__ == '__main__': main()
