"""A forecast benchmark with a known ceiling: the planted sun of active regions (`10a_planted`), forecast samples with a
lead time (`06e_forecast`), and every row of `06a_injection` on the same test samples.

Two tasks: **forecast** (will this region have an M or X flare starting within 24 h after a 1-h lead? every region on
the disk every 6 h, the events' non-events drawn 4 to 1) and **class** (the thesis's question with the lead applied:
is this flare, whose window ends at least 1 h before its start, M or X?). Rows: climatology, shuffled labels, the
hidden state the regions were drawn from (the ceiling), the planted quantities (the oracle), the flux actually
rendered in the cutout, trivial image statistics (saturated pixels, Σ|x − ½|, PCA of x, of x brought to the
beta-VAE's polarity and of |x − ½|, random projections), untrained encoders, the beta-VAE's latents (linear and MLP probes), the thesis's centre crop at 1272″
and a supervised 3D CNN. Scores pooled over the tested folds and seeds, intervals from resampling whole regions.
The last lines are, per task, `headroom captured: G = ... = <g> [<lo>, <hi>]`, and, where the headroom itself
(TSS_oracle - TSS_best_trivial) cannot be told from zero, its interval and that G then says little.

    .venv/bin/python benchmarks/bench_injection_recovery.py [--quick] [--seeds N ...] [--preset thesis] [--data-dir DIR]

--quick: 2011-10 to 2018-07, one test fold of five (fold 2), one planting seed, 256-pixel frames and 32-pixel cutouts
(6.7 minutes measured on one core, the cutouts and the CNN's forecasts cached); default: every fold, two seeds;
--seeds 0: every fold of one (17 min 47 s measured on one core, likewise cached). --preset thesis: the beta-VAE trained as
the thesis did (its BCE, the field as observed); default: the settings that did best among the variants of
benchmarks/bench_latent_variants.py (its BCE, each sample brought to its hemisphere's sign). A killed run resumes:
the cutouts, each fold's beta-VAEs and the supervised CNN's forecasts are kept, and shared by the runs whose settings
make the same ones.
"""
import argparse, dataclasses, sys
import pandas as pd
from solar_nb.injection import FULL, QUICK, format_table, run_benchmark

def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split('\n\n')[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--quick', action='store_true', help='one test fold, one seed (about 7 minutes with the cutouts and CNN cached)')
    p.add_argument('--seeds', type=int, nargs='+', help='planting seeds (default: the configuration\'s, two for the full run)')
    p.add_argument('--preset', default='default', help="the beta-VAE's settings: default (the winning ones) or thesis (default %(default)s)")
    p.add_argument('--data-dir', help='where cutouts, runs and tables go (default data/benchmark)')
    args = p.parse_args(argv)
    try:
        cfg = (QUICK if args.quick else FULL).preset(args.preset)
        if args.seeds: cfg = dataclasses.replace(cfg, seeds=tuple(args.seeds))
    except ValueError as e: p.error(str(e))
    print('configuration:', dataclasses.asdict(cfg), flush=True)
    r = run_benchmark(cfg, args.data_dir)
    with pd.option_context('display.width', 250, 'display.max_columns', 20, 'display.max_colwidth', 60):
        for task, t in r['tables'].items(): print(f'\n{task} task'); print(format_table(t).to_string())
    n = r['nats']
    print(f"\nbeta-VAE per validation sample, mean over {len(n)} folds: reconstruction {n.recon.mean():.0f} nats, KL {n.kl.mean():.1f} nats, "
          f"{n.active.mean():.1f} active latents")
    print('seconds:', {k: round(v) for k, v in r['seconds'].items()})
    for task, line in r['headline'].items(): print(f'{task}: {line}')

if __name__ == '__main__': main()
