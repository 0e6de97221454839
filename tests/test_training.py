"""Training from the command line on a small sample: under torchrun with two processes on the CPU (gloo, 127.0.0.1),
and killed with SIGKILL half-way, then resumed."""
import os, signal, subprocess, sys, time
import pandas as pd, pytest, torch
from conftest import BIN, solar_nb
from solar_nb.cutouts import CutoutSpec, make_cutouts
from solar_nb.helioviewer import download_flares, write_valid_flares
from solar_nb.services import LocalServer
from solar_nb.local_helioviewer import as_valid_flares, published_flares
from solar_nb.vae import read_kl_log

ENV = {**os.environ, 'MPLBACKEND': 'Agg', 'OMP_NUM_THREADS': '1'}

@pytest.fixture(scope='module')
def data(tmp_path_factory):
    "13 of the thesis's valid flares over the years, downloaded from the local Helioviewer and cut to 64x64."
    root = tmp_path_factory.mktemp('data')
    valid = as_valid_flares(published_flares()[::500])
    with LocalServer() as srv:
        assert download_flares(valid, [19], srv.settings(root), progress=False).ok
    assert make_cutouts(srv.settings(root), CutoutSpec(size=64), workers=2, progress=False).ok
    write_valid_flares(valid, root/'valid.csv')
    return root

def train_args(root, *more):
    return ['train', '--data-dir', root, '--valid', root/'valid.csv', '--centre', 'image', '--size', '64', '--batch-size', '2', '--latent-size', '4',
            '--log-every', '1', '--block', '60D', '--polarity', 'leading', *more]   # the default Gaussian; centre crops have no latitude

def test_torchrun_two_processes(data, tmp_path):
    for p in ('helioviewer', 'cutouts', 'valid.csv'): os.symlink(data/p, tmp_path/p)
    r = subprocess.run([str(BIN/'torchrun'), '--standalone', '--nproc_per_node', '2', str(BIN/'solar-nb'),
                        *map(str, train_args(tmp_path, '--epochs', '2'))], env=ENV, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stdout + r.stderr
    runs = list((tmp_path/'runs'/'solar').iterdir())
    assert [p.name for p in runs] == ['version_0'], runs  # one run folder, made by the first process only
    assert r.stdout.count('run in ') == 1, r.stdout
    assert pd.read_csv(runs[0]/'metrics.csv').epoch.tolist() == [1, 2]
    assert (runs[0]/'model_ep2_beta1.pt').exists() and (runs[0]/'kl_per_latent.png').exists()
    assert 'world_size: 2' in (runs[0]/'hparams.yaml').read_text()

def test_killed_training_resumes(data, tmp_path):
    for p in ('helioviewer', 'cutouts', 'valid.csv'): os.symlink(data/p, tmp_path/p)
    epochs, run = 30, tmp_path/'runs'/'solar'/'version_0'
    child = subprocess.Popen([str(BIN/'solar-nb'), *map(str, train_args(tmp_path, '--epochs', epochs))], env=ENV,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    t0 = time.monotonic()
    while child.poll() is None and time.monotonic() - t0 < 300:
        if (run/'checkpoint.pt').exists() and torch.load(run/'checkpoint.pt', weights_only=False)['epoch'] >= 3: break
        time.sleep(0.05)
    child.send_signal(signal.SIGKILL); child.wait()
    done = torch.load(run/'checkpoint.pt', weights_only=False)['epoch']
    assert 3 <= done < epochs, done  # killed half-way
    solar_nb(*train_args(tmp_path, '--epochs', epochs, '--resume', run))
    assert pd.read_csv(run/'metrics.csv').epoch.tolist() == list(range(1, epochs + 1))  # each epoch once
    log = read_kl_log(run/'latent_kl_loss.txt')
    per_epoch = log.groupby('epoch').batch_idx.apply(tuple)
    assert per_epoch.index.tolist() == list(range(epochs)) and per_epoch.nunique() == 1  # the same rows in every epoch
    assert (run/f'model_ep{epochs}_beta1.pt').exists()
