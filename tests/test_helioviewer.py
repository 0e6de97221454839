"Helioviewer downloads killed half-way and run again: every file whole and valid, each frame once, nothing partial left."
import subprocess, sys
from conftest import ROOT

def test_killed_download_resumes():
    r = subprocess.run([sys.executable, ROOT/'benchmarks'/'bench_helioviewer_download.py', '--frames', '40', '--latency', '0.05'],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0 and 'correctness goals: met' in r.stdout, r.stdout + r.stderr
    assert 're-run: 0 requests, 0 bytes, 40 frames already there' in r.stdout, r.stdout
