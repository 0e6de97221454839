"""Training speed of solar_nb's MNIST loop against a bare PyTorch loop, same model, data and batches, same run.

The project's loop adds the per-latent KL log (every 10 batches), reconstruction and sample images and an atomic
checkpoint per epoch, a progress bar, and a held-out evaluation per epoch (1,000 digits). Two baselines: the bare loop,
and the bare loop with the same held-out evaluation. Goal: logging, checkpointing and progress bar (project loop
against the second baseline) cost under 10 % of training samples/s. All three are timed in turn, `--repeats` times
each, and the medians compared (these machines are noisy).

    .venv/bin/python benchmarks/bench_mnist_train.py [--epochs 3] [--repeats 3]
"""
import argparse, statistics, tempfile, time
import torch
from solar_nb.mnist_vae import BurgessVAE, MnistTrainConfig, evaluate_images, mnist_images, train_mnist
from solar_nb.services import LocalServer
from solar_nb.vae import beta_vae_loss

def bare_loop(train_x, cfg: MnistTrainConfig, test_x=None):
    "The minimal loop: forward, loss, backward, step (and, given `test_x`, the held-out evaluation per epoch)."
    torch.manual_seed(cfg.seed)
    model = BurgessVAE(cfg.img_size, cfg.latent_size); opt = torch.optim.Adam(model.parameters(), lr=cfg.lr)
    model.train()
    for epoch in range(cfg.epochs):
        order = torch.randperm(len(train_x))
        for i in range(0, len(train_x), cfg.batch_size):
            x = train_x[order[i:i + cfg.batch_size]]
            recon, mu, logvar = model(x)
            loss, _, _ = beta_vae_loss(recon, x, mu, logvar, cfg.beta)
            opt.zero_grad(set_to_none=True); loss.backward(); opt.step()
        if test_x is not None: evaluate_images(model, test_x)

def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--epochs', type=int, default=3)
    p.add_argument('--repeats', type=int, default=3)
    args = p.parse_args()
    with LocalServer() as srv, tempfile.TemporaryDirectory() as tmp:
        settings = srv.settings(tmp)
        data = (mnist_images(settings, True), mnist_images(settings, False))
        cfg = MnistTrainConfig(epochs=args.epochs, beta=4)
        n = len(data[0][0])*args.epochs
        bare, bare_eval, ours = [], [], []
        for _ in range(args.repeats):
            t = time.perf_counter(); bare_loop(data[0][0], cfg); bare.append(n/(time.perf_counter() - t))
            t = time.perf_counter(); bare_loop(data[0][0], cfg, data[1][0]); bare_eval.append(n/(time.perf_counter() - t))
            t = time.perf_counter(); train_mnist(cfg, settings, data=data, progress=True); ours.append(n/(time.perf_counter() - t))
        b, be, o = statistics.median(bare), statistics.median(bare_eval), statistics.median(ours)
        show = lambda v: ', '.join(f'{x:.0f}' for x in v)
        print(f'bare PyTorch loop:                  {b:.0f} samples/s   (runs: {show(bare)})')
        print(f'bare loop + held-out eval per epoch: {be:.0f} samples/s   (runs: {show(bare_eval)})')
        print(f'solar_nb loop:                      {o:.0f} samples/s   (runs: {show(ours)})')
        print(f'solar_nb / (bare + eval): {o/be:.3f}  (logging, checkpoints, figures, progress bar: {100*(1 - o/be):.1f} %, goal < 10 %)')
        print(f'solar_nb / bare:          {o/b:.3f}  (all of it, the held-out evaluation included: {100*(1 - o/b):.1f} %)')

if __name__ == '__main__': main()
