"Training under torchrun: two processes on the CPU (gloo, 127.0.0.1) train one model with DDP; only the first writes."
import os, subprocess, sys
import pandas as pd
from conftest import BIN
from solar_nb.cutouts import CutoutSpec, make_cutouts
from solar_nb.flares import flare_table
from solar_nb.helioviewer import download_flares, write_valid_flares
from solar_nb.services import LocalServer, published_flares

def test_torchrun_two_processes(tmp_path):
    sample = pd.DataFrame(published_flares()[::500])  # 13 flares over the years
    valid = flare_table(sample, 'hek').assign(source_id=19, frames=[[pd.Timestamp(t) for t in fs] for fs in sample.frames])
    with LocalServer() as srv:
        settings = srv.settings(tmp_path)
        assert download_flares(valid, [19], settings, progress=False).ok
    assert make_cutouts(settings, CutoutSpec(size=64), workers=2, progress=False).ok
    write_valid_flares(valid, tmp_path/'valid.csv')
    env = {**os.environ, 'MPLBACKEND': 'Agg', 'OMP_NUM_THREADS': '1'}
    r = subprocess.run([str(BIN/'torchrun'), '--standalone', '--nproc_per_node', '2', str(BIN/'solar-nb'), 'train',
                        '--data-dir', tmp_path, '--valid', tmp_path/'valid.csv', '--size', '64', '--epochs', '2',
                        '--batch-size', '2', '--latent-size', '4', '--log-every', '1', '--block', '60D'],
                       env=env, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stdout + r.stderr
    runs = list((tmp_path/'runs'/'solar').iterdir())
    assert [p.name for p in runs] == ['version_0'], runs  # one run folder, made by the first process only
    assert r.stdout.count('run in ') == 1, r.stdout
    metrics = pd.read_csv(runs[0]/'metrics.csv')
    assert metrics.epoch.tolist() == [1, 2]
    assert (runs[0]/'model_ep2_beta1.pt').exists() and (runs[0]/'kl_per_latent.png').exists()
    assert 'world_size: 2' in (runs[0]/'hparams.yaml').read_text()
