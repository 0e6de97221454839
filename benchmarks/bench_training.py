"""Training speed: the flare-sequence data loader from packed cutout arrays against decoding the JP2 frames per item
(goal: at least 20x), the training step on the CPU at a reduced size, and, where there is a GPU, steps/s and peak
memory at the thesis's size (batch 16, 6x512x512) in fp32 and in bf16 autocast (goal: bf16 at least 1.5x).
Both sides of each ratio are measured in this run.

    .venv/bin/python benchmarks/bench_training.py [--flares 12] [--steps 10]
"""
import argparse, tempfile, time
import torch
from solar_nb.cutouts import CutoutSpec, make_cutouts
from solar_nb.helioviewer import download_flares
from solar_nb.services import LocalServer
from solar_nb.local_helioviewer import as_valid_flares, published_flares
from solar_nb.sequences import FlareSequences
from solar_nb.training import SolarTrainConfig, sequence_loss

def samples_per_s(ds, passes=1) -> float:
    t0 = time.perf_counter()
    for _ in range(passes):
        for i in range(len(ds)): ds[i]
    return passes*len(ds)/(time.perf_counter() - t0)

def step_time(cfg, device, autocast, steps) -> tuple[float, float]:
    "Seconds per training step and peak GPU memory (GB) of `cfg`'s model on random data."
    torch.manual_seed(0)
    model = cfg.model().to(device)
    opt = torch.optim.Adam(model.parameters(), lr=cfg.lr)
    x = torch.rand(cfg.batch_size, len(cfg.sources), *cfg.input_dim, device=device)
    def step():
        loss = sequence_loss(model, x, cfg.beta, autocast)[0]
        opt.zero_grad(set_to_none=True); loss.backward(); opt.step()
    for _ in range(2): step()
    if device.type == 'cuda': torch.cuda.synchronize(); torch.cuda.reset_peak_memory_stats()
    t0 = time.perf_counter()
    for _ in range(steps): step()
    if device.type == 'cuda': torch.cuda.synchronize()
    peak = torch.cuda.max_memory_allocated()/1e9 if device.type == 'cuda' else float('nan')
    return (time.perf_counter() - t0)/steps, peak

def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--flares', type=int, default=12)
    p.add_argument('--steps', type=int, default=10)
    args = p.parse_args()
    flares = as_valid_flares(published_flares()[::6171//args.flares][:args.flares])
    with tempfile.TemporaryDirectory() as tmp, LocalServer() as srv:
        settings = srv.settings(tmp)
        assert download_flares(flares, [19], settings, progress=False).ok
        spec = CutoutSpec()  # the thesis's 1272 -> 512
        assert make_cutouts(settings, spec, progress=False).ok
        packed, jp2 = FlareSequences(flares, settings, spec), FlareSequences(flares, settings, spec, prefer='jp2')
        assert len(packed) == len(jp2) == args.flares and torch.equal(packed[0]['x'], jp2[0]['x'])
        fast, slow = samples_per_s(packed, 3), samples_per_s(jp2)
        print(f'data loader, {args.flares} flares of 1x6x512x512, one process:')
        print(f'  decoding the JP2 frames per item: {slow:7.2f} flares/s')
        print(f'  packed cutout arrays:             {fast:7.2f} flares/s   {fast/slow:.0f}x (goal >= 20x)')
    cpu = torch.device('cpu')
    for size in (64, 128):
        cfg = SolarTrainConfig(img_size=size)
        t, _ = step_time(cfg, cpu, False, args.steps)
        print(f'CPU training step, batch 16, 1x6x{size}x{size}, {torch.get_num_threads()} threads: {t*1e3:.0f} ms ({1/t:.2f} steps/s)')
    if torch.cuda.is_available():
        cfg, gpu = SolarTrainConfig(), torch.device('cuda')
        t32, m32 = step_time(cfg, gpu, False, args.steps)
        t16, m16 = step_time(cfg, gpu, True, args.steps)
        print(f'{torch.cuda.get_device_name()}, batch 16, 1x6x512x512:')
        print(f'  fp32:          {1/t32:.2f} steps/s, peak memory {m32:.1f} GB')
        print(f'  bf16 autocast: {1/t16:.2f} steps/s, peak memory {m16:.1f} GB   {t32/t16:.2f}x fp32 (goal >= 1.5x)')
    else:
        print('no GPU here: the fp32/bf16 comparison at 6x512x512 was not run')

if __name__ == '__main__': main()
