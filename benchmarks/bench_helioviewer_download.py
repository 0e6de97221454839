"""Helioviewer downloads: 200 HMI frames from the local Helioviewer, 100 ms added to every request.

Measures, in one run (these machines are noisy): `download_frames` with 8 connections against the same code one
request at a time (goal: at least 6x faster), the re-run's cost (goal: no request, zero bytes), and a run killed with
SIGKILL half-way and run again (goal: every file complete and valid, each frame once, nothing left as .part).
Exits non-zero when a correctness goal fails; the speed ratio is printed, not asserted.

    .venv/bin/python benchmarks/bench_helioviewer_download.py [--frames 200] [--latency 0.1] [--workers 8]
"""
import argparse, os, signal, sqlite3, subprocess, sys, tempfile, time
from pathlib import Path
import numpy as np, pandas as pd
from solar_nb.helioviewer import download_frames
from solar_nb.jp2 import check_jp2, frame_name
from solar_nb.services import LocalServer
from solar_nb.local_helioviewer import HV_TEMPLATES, helioviewer_frames, hmi_template

def frame_table(n: int) -> pd.DataFrame:
    "`n` consecutive source-19 frames from 2011-10-01 on, as hourly-tree paths."
    frames = helioviewer_frames(19)
    times = pd.to_datetime(frames[np.searchsorted(frames, pd.Timestamp('2011-10-01').value//10**9):][:n], unit='s')
    return pd.DataFrame({'source_id': 19, 'frame_time': times, 'path': [f'helioviewer/hourly/19/{frame_name(t)}' for t in times]})

CHILD = """
import sys, pandas as pd
from solar_nb.core import Settings
from solar_nb.helioviewer import download_frames
frames = pd.read_pickle(sys.argv[1])
download_frames(frames, Settings(sys.argv[2], {'helioviewer': sys.argv[3]}), workers=int(sys.argv[4]), rps=None, progress=False)
"""

def killed_and_rerun(srv, frames, workers) -> dict:
    "Start a download in a child process, SIGKILL it once about half the files are there, then run it again here."
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        frames.to_pickle(root/'frames.pkl')
        child = subprocess.Popen([sys.executable, '-c', CHILD, root/'frames.pkl', root, srv.url('helioviewer'), str(workers)])
        target, t0 = len(frames)//2, time.monotonic()
        while len(list(root.rglob('*.jp2'))) < target and child.poll() is None and time.monotonic() - t0 < 120: time.sleep(0.02)
        child.send_signal(signal.SIGKILL); child.wait()
        time.sleep(1)  # let the server log the killed child's requests still in its latency sleep
        before = len(list(root.rglob('*.jp2'))); parts = len(list(root.rglob('*.part')))
        recorded = sqlite3.connect(root/'solar.db').execute('SELECT count(*) FROM helioviewer_files').fetchone()[0]
        n = len(srv.requests)
        again = download_frames(frames, srv.settings(root), workers=workers, rps=None, progress=False)
        files = sorted(root.rglob('*.jp2'))
        for f in files: check_jp2(f)
        rows = sqlite3.connect(root/'solar.db').execute('SELECT count(*), count(DISTINCT path) FROM helioviewer_files').fetchone()
        return dict(at_kill=before, parts_at_kill=parts, recorded_at_kill=recorded, rerun_requests=len(srv.requests) - n,
                    files=len(files), valid=len(files), manifest_rows=rows[0], distinct_rows=rows[1],
                    parts_left=len(list(root.rglob('*.part'))), rerun_ok=again.ok)

def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--frames', type=int, default=200)
    p.add_argument('--latency', type=float, default=0.1, help='seconds added to every request by the local server')
    p.add_argument('--workers', type=int, default=8)
    args = p.parse_args()
    frames = frame_table(args.frames)
    for k in range(HV_TEMPLATES): hmi_template(19, k)  # encode the local images before timing (cached on disk)
    ok = True
    with LocalServer() as srv:
        srv.inject('latency', path='getJP2Image', times=None, seconds=args.latency)
        timings = {}
        for workers in (1, args.workers):
            with tempfile.TemporaryDirectory() as tmp:
                t0 = time.perf_counter()
                report = download_frames(frames, srv.settings(tmp), workers=workers, rps=None, progress=False)
                timings[workers] = time.perf_counter() - t0
                ok &= report.ok and len(report.done) == args.frames
                mb = report.nbytes/1e6
                if workers > 1:
                    n, nbytes = len(srv.requests), srv.bytes_sent()
                    again = download_frames(frames, srv.settings(tmp), workers=workers, rps=None, progress=False)
                    rerun = (len(srv.requests) - n, srv.bytes_sent() - nbytes, len(again.skipped))
            print(f'{workers} connection{"s"*(workers > 1)}: {args.frames} frames ({mb:.0f} MB) in {timings[workers]:.2f} s '
                  f'= {args.frames/timings[workers]:.1f} frames/s')
        print(f'speed-up with {args.workers} connections over one at a time: {timings[1]/timings[args.workers]:.1f}x (goal >= 6x)')
        print(f're-run: {rerun[0]} requests, {rerun[1]} bytes, {rerun[2]} frames already there (goal: 0 requests, 0 bytes)')
        ok &= rerun[:2] == (0, 0) and rerun[2] == args.frames
        k = killed_and_rerun(srv, frames, args.workers)
        print(f'killed with {k["at_kill"]} files written ({k["recorded_at_kill"]} recorded, {k["parts_at_kill"]} partial); '
              f're-run made {k["rerun_requests"]} requests; now {k["files"]} files, all valid, {k["manifest_rows"]} manifest rows '
              f'({k["distinct_rows"]} distinct), {k["parts_left"]} partial files left')
        ok &= (k['files'] == k['manifest_rows'] == k['distinct_rows'] == args.frames and k['parts_left'] == 0 and k['rerun_ok']
               and k['rerun_requests'] <= args.frames - k['at_kill'])
    print('correctness goals:', 'met' if ok else 'NOT met')
    sys.exit(0 if ok else 1)

if __name__ == '__main__': main()
