"Flare-centred cutouts on full-size (4096x4096) frames: a spot the local Helioviewer draws at a known Stonyhurst place is at the cutout's centre to within one full-resolution pixel, in the first and the last frame of a flare's 10 h sequence."
import astropy.units as u
import numpy as np
import pandas as pd
from astropy.coordinates import SkyCoord
from sunpy.coordinates import HeliographicStonyhurst
from solar_nb.cutouts import CutoutSpec, Rejected, centroid, flare_box, read_cutout
from solar_nb.helioviewer import download_frames
from solar_nb.jp2 import frame_name, jp2_header
from solar_nb.services import LocalServer
from solar_nb.local_helioviewer import SunFeature, _seconds, hmi_header, hmi_jp2, published_flares
import pytest

def spot_offset(path, plain, spec, where):
    "The spot's distance from the cutout's centre, in full-resolution pixels (found in the difference from the plain frame)."
    diff = read_cutout(path, spec, where).astype(float) - read_cutout(plain, spec, where).astype(float)
    r, c = np.unravel_index(diff.argmax(), diff.shape)
    cr, cc = centroid(diff[r - 6:r + 7, c - 6:c + 7].clip(0))
    y0, x0, y1, x1 = flare_box(jp2_header(path), where, spec)
    return np.hypot(cr + r - 6 - (spec.size - 1)/2, cc + c - 6 - (spec.size - 1)/2)*(x1 - x0)/spec.size

def test_spot_at_the_centre_of_first_and_last_frame(tmp_path):
    flare = published_flares()[10]
    first, last = flare['frames'][0], flare['frames'][-1]
    assert pd.Timestamp(last) - pd.Timestamp(first) > pd.Timedelta(hours=9)
    spot = SunFeature(35.0, -18.0, flare['event_peaktime'])
    where = SkyCoord(spot.lon*u.deg, spot.lat*u.deg, frame=HeliographicStonyhurst, obstime=spot.time)
    spec = CutoutSpec(centre='flare', size=512)  # 256 arcsec: about 508 full-resolution pixels, so 1:1
    with LocalServer(features=[spot]) as srv:
        settings = srv.settings(tmp_path)
        frames = pd.DataFrame([(19, t, f'helioviewer/flares/spot/19/{frame_name(t)}') for t in (first, last)],
                              columns=['source_id', 'frame_time', 'path'])
        assert download_frames(frames, settings, progress=False).ok
    offsets = []
    for t in (first, last):
        plain = tmp_path/f'plain_{frame_name(t)}'; plain.write_bytes(hmi_jp2(19, _seconds(t)))
        offsets.append(spot_offset(tmp_path/'helioviewer'/'flares'/'spot'/'19'/frame_name(t), plain, spec, where))
    print('offsets (full-resolution pixels):', offsets)
    assert max(offsets) <= 1.0, offsets

def test_a_region_at_80_degrees_is_rejected():
    flare = published_flares()[10]
    h = hmi_header(19, _seconds(flare['frames'][0]))
    at80 = SkyCoord(80*u.deg, 0*u.deg, frame=HeliographicStonyhurst, obstime=flare['event_peaktime'])
    with pytest.raises(Rejected, match='more than 70°'): flare_box(h, at80, CutoutSpec(centre='flare'))
