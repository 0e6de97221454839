import os, shutil, subprocess, sys
from pathlib import Path
import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
CHROMIUM = shutil.which('chromium') or shutil.which('chromium-browser')   # Debian's browser (tools/setup.sh --test)
# Headless Chromium on a machine without internet: no sandbox as root, no background connections to Google's hosts
CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
                 '--disable-component-update', '--disable-sync']

def solar_nb(*args, cwd=None, check=True, timeout=600):
    "Run the installed `solar-nb` command; returns the CompletedProcess."
    env = {**os.environ, 'MPLBACKEND': 'Agg'}
    r = subprocess.run([str(BIN/'solar-nb'), *map(str, args)], cwd=cwd, env=env, capture_output=True, text=True,
                       timeout=timeout)
    if check and r.returncode != 0: raise AssertionError(f'solar-nb {args} exited {r.returncode}:\n{r.stdout}\n{r.stderr}')
    return r
