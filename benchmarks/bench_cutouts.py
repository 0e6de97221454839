"""Cutout speed: the fast path (region decode at a reduced level + Lanczos) against the thesis's path (Pillow full
decode, crop, resize) on the same production-like 4096x4096 HMI frames, in the same run.

Prints frames/s of both single-process (goal: fast path at least 10x the thesis's), the floor (glymur decoding just
the crop's region at that level, nothing else) and how close the fast path comes to it (goal: within 1.2x), the fast
path with the bicubic filter instead of Lanczos, and the throughput of both paths over all cores. Then the
flare-centred cutout (256 arcsec around a region at 30 W, 15 N, rotated to the frame's time and placed through the
frame's WCS) against the thesis path and against its own floor (decoding its region at its level, nothing else):
placed one frame at a time (`read_cutout` with a location), and as `make_cutouts` does it, every frame's header read
and all of them placed in one `flare_centres` call before they are cut: for the 12 frames, and for a run of 96 (16
flares of six frames; goal: within 1.2x of the floor).

    .venv/bin/python benchmarks/bench_cutouts.py [--passes 3] [--crop 1272] [--size 512]
"""
import argparse, os, tempfile, time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
import glymur, numpy as np
from PIL import Image
from solar_nb.cutouts import CutoutSpec, _field_box, crop_box, cutout_plan, flare_centres, read_cutout
from solar_nb.jp2 import jp2_header
from solar_nb.locations import location_coord
from solar_nb.local_helioviewer import HV_TEMPLATE_HOURS, HV_TEMPLATES, hmi_jp2

def thesis_cutout(path, spec):
    "The thesis's way: decode the whole frame (Pillow), crop the centre, resize."
    with Image.open(path) as im:
        im.load()
        y0, x0, y1, x1 = crop_box((im.height, im.width), spec)
        return np.asarray(im.crop((x0, y0, x1, y1)).resize((spec.size, spec.size), Image.Resampling.LANCZOS))

def best_passes(methods: dict, passes: int) -> dict:
    """Seconds of the fastest pass of each `name -> (fn, items)`; the methods take turns within every pass, after a
    warm-up pass, so that drift of the machine's speed favours none of them."""
    best = {name: float('inf') for name in methods}
    for k in range(passes + 1):
        for name, (fn, items) in methods.items():
            t0 = time.perf_counter()
            for x in items: fn(x)
            if k: best[name] = min(best[name], time.perf_counter() - t0)
    return best

def _init(): glymur.set_option('lib.num_threads', 1)
def _fast(args): return read_cutout(*args).shape
def _thesis(args): return thesis_cutout(*args).shape

def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--passes', type=int, default=3)
    p.add_argument('--crop', type=int, default=1272)
    p.add_argument('--size', type=int, default=512)
    args = p.parse_args()
    spec = CutoutSpec(crop=args.crop, size=args.size)
    glymur.set_option('lib.num_threads', 1)
    with tempfile.TemporaryDirectory() as tmp:
        paths = []  # one frame of each encoded image of both HMI sources: 12 distinct codestreams
        for source in (19, 18):
            for k in range(HV_TEMPLATES):
                t = 1_317_427_200 + k*HV_TEMPLATE_HOURS*3600  # 2011-10-01 + k slots
                paths.append(Path(tmp)/f'{source}_{k}.jp2'); paths[-1].write_bytes(hmi_jp2(source, t))
        plans = [cutout_plan(p, spec) for p in paths]
        n = len(paths)
        bicubic = CutoutSpec(crop=args.crop, size=args.size, resample='bicubic')
        t = best_passes({'floor': (lambda pl: pl[0][pl[1]], plans), 'fast': (lambda p: read_cutout(p, spec), paths),
                         'bicubic': (lambda p: read_cutout(p, bicubic), paths), 'thesis': (lambda p: thesis_cutout(p, spec), paths)},
                        args.passes)
        t_floor, t_fast, t_bic, t_thesis = t['floor'], t['fast'], t['bicubic'], t['thesis']
        print(f'{n} frames of 4096x4096, crop {spec.crop} -> {spec.size}, one process, best of {args.passes} passes:')
        print(f'  thesis path (Pillow full decode, crop, resize): {n/t_thesis:6.1f} frames/s')
        print(f'  fast path (region at level, Lanczos):           {n/t_fast:6.1f} frames/s   {t_thesis/t_fast:.1f}x the thesis path (goal >= 10x)')
        print(f'  floor (glymur region decode only):              {n/t_floor:6.1f} frames/s   fast path / floor = {t_fast/t_floor:.2f} (goal <= 1.2)')
        print(f'  fast path with bicubic (resample="bicubic"):    {n/t_bic:6.1f} frames/s   {t_thesis/t_bic:.1f}x the thesis path, '
              f'{t_bic/t_floor:.2f}x the floor')
        flare = CutoutSpec(centre='flare', size=args.size)
        where = location_coord(30, 15, '2011-10-01T06:00')
        flare_plans = [cutout_plan(p, flare, where) for p in paths]
        def as_make_cutouts(paths):  # headers read, every frame placed in one call, then each cut with its box
            headers = [jp2_header(p) for p in paths]
            centres = flare_centres(headers, [30.0]*len(paths), [15.0]*len(paths), ['2011-10-01T06:00']*len(paths))
            for p, h, c in zip(paths, headers, centres): read_cutout(p, flare, where, _field_box(h, c, flare))
        run = paths*8   # a run of 16 flares' six frames, as make_cutouts places them: all in one call
        t = best_passes({'flare floor': (lambda pl: pl[0][pl[1]], flare_plans), 'flare': (lambda p: read_cutout(p, flare, where), paths),
                         'batched': (as_make_cutouts, [paths]), 'run': (as_make_cutouts, [run]),
                         'thesis': (lambda p: thesis_cutout(p, spec), paths)}, args.passes)
        print(f'  flare-centred ({flare.fov:g} arcsec -> {flare.size}), placed one frame at a time: {n/t["flare"]:6.1f} frames/s   '
              f'{t["thesis"]/t["flare"]:.1f}x the thesis path, flare / its floor = {t["flare"]/t["flare floor"]:.2f}')
        print(f'  flare-centred, {n} frames placed in one call: {n/t["batched"]:6.1f} frames/s   '
              f'{t["thesis"]/t["batched"]:.1f}x the thesis path, flare / its floor = {t["batched"]/t["flare floor"]:.2f}')
        print(f'  flare-centred, a run of {len(run)} frames placed in one call (make_cutouts): {len(run)/t["run"]:6.1f} frames/s   '
              f'{t["thesis"]*len(run)/n/t["run"]:.1f}x the thesis path, flare / its floor = {t["run"]/(t["flare floor"]*len(run)/n):.2f} (goal <= 1.2)')
        cores = os.cpu_count() or 1
        many = [(p, spec) for p in paths]*4
        for name, fn in (('thesis', _thesis), ('fast', _fast)):
            with ProcessPoolExecutor(cores, initializer=_init) as pool:
                list(pool.map(fn, many[:cores]))  # start the workers
                t0 = time.perf_counter(); list(pool.map(fn, many, chunksize=2)); t = time.perf_counter() - t0
            print(f'  {name} path on {cores} processes: {len(many)/t:6.1f} frames/s')

if __name__ == '__main__': main()
