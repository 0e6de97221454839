"""Flare-centred images two ways, bytes and seconds per flare, in one run against the local Helioviewer:

- **JP2 + local cutting**: each flare's six full-disk 4096x4096 JP2 frames (`download_flares`), then the 256-arcsec
  field around its region cut here at HMI's resolution (`make_cutouts`, `CutoutSpec(centre='flare', size=512)`);
- **flare-box screenshots**: Helioviewer renders the same field at HMI's 0.504 arcsec per pixel (`takeScreenshot`,
  `downloadScreenshot`; `download_screenshots` with `ScreenshotSpec(centre='flare', scale=HMI_PLATE_SCALE)`).

Prints MB and seconds per flare for each, and the screenshot path's ratio to the JP2 path (the baseline). The bytes
are what a real server would send for these pixels (the same JP2 files, PNGs of the same rendering); the seconds are
this machine's, with the local server's renderer and its client sharing the cores, so they say little about
Helioviewer's own render time: with `--latency` each request waits as over a network, and `--mbps` adds the transfer
time a link of that speed would cost each path's bytes.

    .venv/bin/python benchmarks/bench_flare_images.py [--flares 8] [--latency 0.1] [--mbps 20]
"""
import argparse, tempfile, time
from pathlib import Path
import pandas as pd
from solar_nb.cutouts import CutoutSpec, make_cutouts
from solar_nb.helioviewer import download_flares
from solar_nb.local_helioviewer import HV_TEMPLATES, as_valid_flares, hmi_template, published_flares
from solar_nb.locations import HMI_PLATE_SCALE, resolve_locations, thesis_catalogues
from solar_nb.screenshots import ScreenshotSpec, download_screenshots
from solar_nb.services import LocalServer

def located_sample(n: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    "`n` of the thesis's valid flares that HEK locates within 50 degrees of disk centre, spread over the years, and their locations."
    hek, donki = thesis_catalogues()
    located = resolve_locations(hek, donki)
    near = located[(located.location_source == 'hek') & (located.hgs_lon.abs() < 50) & (located.hgs_lat.abs() < 40)]
    records = [r for r in published_flares() if r['kb_archivid'] in set(near.flare_id)]
    valid = as_valid_flares(records[::max(len(records)//n, 1)][:n])
    return valid, near[near.flare_id.isin(valid.flare_id)]

def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--flares', type=int, default=8)
    p.add_argument('--latency', type=float, default=0.1, help='seconds added to every request, as over a network (default 0.1)')
    p.add_argument('--mbps', type=float, default=20, help='a link speed in MB/s, to add transfer time to both paths (default 20)')
    args = p.parse_args()
    valid, where = located_sample(args.flares)
    for k in range(HV_TEMPLATES): hmi_template(19, k)   # the local server's encoded suns, made before anything is timed
    fov = CutoutSpec(centre='flare', size=512)
    shots = ScreenshotSpec(centre='flare', scale=HMI_PLATE_SCALE)
    rows = {}
    with LocalServer() as srv, tempfile.TemporaryDirectory() as tmp:
        srv.inject('latency', times=None, seconds=args.latency)
        for name in ('JP2 + local cutting', 'flare-box screenshots'):
            settings = srv.settings(Path(tmp)/name.split()[0])
            t0 = time.perf_counter()
            if name.startswith('JP2'):
                got = download_flares(valid, [19], settings, progress=False)
                t1 = time.perf_counter()
                cut = make_cutouts(settings, fov, progress=False, locations=where)
                made = len(cut.done)
            else:
                got = download_screenshots(valid, shots, [19], settings, locations=where, progress=False)
                t1 = time.perf_counter()
                made = len(got.done)
            t2 = time.perf_counter()
            assert got.ok, got
            rows[name] = {'MB per flare': got.nbytes/1e6/len(valid), 'download s': (t1 - t0)/len(valid),
                          'cutting s': (t2 - t1)/len(valid), 'images': made}
    table = pd.DataFrame(rows).T
    table['s per flare'] = table['download s'] + table['cutting s']
    table[f's at {args.mbps:g} MB/s'] = table['s per flare'] + table['MB per flare']/args.mbps
    print(f'{len(valid)} flares, 6 frames each, {args.latency:g} s latency per request; the 256-arcsec field at 0.504 arcsec per pixel')
    print(table.round(3).to_string())
    base, other = table.iloc[0], table.iloc[1]
    print(f'flare-box screenshots / JP2 + local cutting: bytes {other["MB per flare"]/base["MB per flare"]:.3f}, '
          f'seconds {other["s per flare"]/base["s per flare"]:.2f}, seconds at {args.mbps:g} MB/s '
          f'{other[f"s at {args.mbps:g} MB/s"]/base[f"s at {args.mbps:g} MB/s"]:.2f}')

if __name__ == '__main__': main()
