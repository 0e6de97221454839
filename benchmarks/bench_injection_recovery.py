"""Injection and recovery: does the chain (download -> flare-centred cutouts -> 3D beta-VAE -> linear probe) recover
a flare signal planted in the local sun (`solar_nb.planted`)?

Every located flare of the thesis's catalogue gets an active region whose flux, compactness, delta spot and flux
emergence are drawn from its real GOES class (overlapping between classes). On the same test flares of an
active-region-disjoint time split, with bootstrap 95 % intervals, it reports the TSS and HSS of "M1 or larger" for
the oracle (the probe on the planted quantities: the most any reader of the frames could get), the probe on the VAE's
latents (posterior means), and the controls: an untrained encoder, the thesis's centre crop, labels shuffled in
training, and the class-prior baseline. Goal: the probe recovers at least 70 % of the oracle's TSS, the random
encoder and shuffled labels near 0. The last line is `recovered: probe TSS <x> of oracle TSS <y> (<z> %)`.

    .venv/bin/python benchmarks/bench_injection_recovery.py [--quick] [--data-dir DIR] [--epochs N] [--flares N]

--quick: 1,400 sampled flares (about 1,000 pass the 70-degree limb rule in all six frames), 256-pixel frames,
32-pixel cutouts, 16 latents, beta 0.25, 100 epochs (under 15 minutes on 2 cores); default: the full run, the same on
5,000 flares for 60 epochs. A killed run resumes where it stopped.
"""
import argparse, dataclasses, sys
import pandas as pd
from solar_nb.injection import FULL, QUICK, run_injection

def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split('\n\n')[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--quick', action='store_true', help='the quick configuration (about 15 minutes on 2 cores)')
    p.add_argument('--data-dir', help='where frames, cutouts and runs go (default data/injection/<config>)')
    p.add_argument('--epochs', type=int, help='override the configuration\'s epochs')
    p.add_argument('--flares', type=int, help='override the configuration\'s number of flares')
    args = p.parse_args(argv)
    cfg = QUICK if args.quick else FULL
    try:
        cfg = dataclasses.replace(cfg, **{k: v for k, v in (('epochs', args.epochs), ('n_flares', args.flares)) if v is not None})
    except ValueError as e: sys.exit(f'error: {e}')
    print('configuration:', dataclasses.asdict(cfg), flush=True)
    r = run_injection(cfg, args.data_dir, progress=False)
    with pd.option_context('display.width', 200, 'display.max_columns', 20):
        print(r['splits'].to_string()); print()
        print(r['table'].round(3).to_string()); print()
    print('seconds:', {k: round(v) for k, v in r['seconds'].items()})
    print(r['recovered'])

if __name__ == '__main__': main()
