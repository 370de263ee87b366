"""Uji beban: gunicorn (2 worker) di atas basis data tolok ukur, locust tanpa antarmuka pada 10 dan 50 pengguna.

Untuk setiap jumlah pengguna diukur dua putaran yang sama panjang: campuran empat peran (locustfile.py) dan
tampilan dasar dengan waktu tunggu yang sama; rasio throughput keduanya menunjukkan berapa bagian kapasitas
server yang dipakai aplikasi. Locust berjalan di mesin yang sama dengan server (2 inti bersama), jadi angka
mutlaknya adalah batas bawah.
"""

import csv
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

FOLDER = Path(__file__).resolve().parent
AKAR = FOLDER.parent
HASIL = FOLDER / "results"
BIN = Path(sys.executable).parent


def _port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _tunggu_siap(alamat: str, batas: float = 60) -> None:
    akhir = time.monotonic() + batas
    while time.monotonic() < akhir:
        try:
            with urllib.request.urlopen(f"{alamat}/akun/masuk/", timeout=5) as respons:  # noqa: S310
                if respons.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"gunicorn tidak menjawab di {alamat} dalam {batas:.0f} detik.")


def _statistik(prefix: Path) -> dict:
    """Baris Aggregated dari CSV statistik locust, ditambah rincian per nama permintaan."""
    per_nama = {}
    with open(f"{prefix}_stats.csv", newline="") as berkas:
        for baris in csv.DictReader(berkas):
            per_nama[baris["Name"]] = {
                "permintaan": int(baris["Request Count"]),
                "galat": int(baris["Failure Count"]),
                "rps": float(baris["Requests/s"]),
                "p50": float(baris["50%"] or 0),
                "p95": float(baris["95%"] or 0),
                "p99": float(baris["99%"] or 0),
            }
    total = per_nama.pop("Aggregated")
    galat_rinci = []
    if Path(f"{prefix}_failures.csv").exists():
        with open(f"{prefix}_failures.csv", newline="") as berkas:
            galat_rinci = [dict(b) for b in csv.DictReader(berkas)]
    return {**total, "per_nama": per_nama, "galat_rinci": galat_rinci}


def _locust(alamat: str, pengguna: int, durasi: int, kelas: list[str], prefix: Path, env: dict) -> dict:
    perintah = [
        str(BIN / "locust"), "-f", str(FOLDER / "locustfile.py"), "--headless", "--host", alamat,
        "-u", str(pengguna), "-r", str(pengguna), "-t", f"{durasi}s", "--csv", str(prefix), "--only-summary",
        "--loglevel", "WARNING", *kelas,
    ]  # fmt: skip
    # CSV putaran lalu dihapus dulu: locust yang gagal tidak boleh terbaca sebagai hasil putaran ini.
    for lama in prefix.parent.glob(f"{prefix.name}_*.csv"):
        lama.unlink()
    subprocess.run(perintah, cwd=AKAR, env=env, check=False, stdout=subprocess.DEVNULL)  # noqa: S603
    return _statistik(prefix)


# Keperluan baris yang ditambah Staf selama uji beban (locustfile membacanya dari lingkungan).
AWALAN_KEPERLUAN = "Uji beban "


def _hapus_baris_uji_beban() -> None:
    """Baris Daftar (dan riwayatnya) yang ditambah uji beban dihapus: run berikutnya mengukur data yang sama."""
    from pemanfaatan.models import Pemanfaatan

    Pemanfaatan.objects.filter(keperluan__startswith=AWALAN_KEPERLUAN).delete()
    Pemanfaatan.history.filter(keperluan__startswith=AWALAN_KEPERLUAN).delete()


def uji_beban(database_url: str, *, durasi: int = 60, jumlah_pengguna=(10, 50), stdout=sys.stdout) -> dict:
    """Jalankan semua putaran; kembalikan ringkasan untuk latest.json."""
    if not database_url.startswith("postgres"):
        return {"dilewati": "Uji beban hanya pada PostgreSQL (SQLite mengunci seluruh berkas saat menulis)."}
    from django.utils import timezone

    from laporan.demo.bench import KATA_SANDI_BAWAAN
    from laporan.models import Laporan

    laporan = Laporan.objects.order_by("pk").first()
    port = _port_bebas()
    alamat = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": database_url,
        "CONN_MAX_AGE": "60",
        "PYTHONPATH": str(AKAR),
        "BENCH_LAPORAN": str(laporan.pk),
        "BENCH_TAHUN": str(laporan.tahun),
        "BENCH_TAHUN_ISIAN": str(timezone.localdate().year),
        "BENCH_KATA_SANDI": os.environ.get("KATA_SANDI_BENCH", KATA_SANDI_BAWAAN),
        "BENCH_AWALAN_KEPERLUAN": AWALAN_KEPERLUAN,
    }
    server = subprocess.Popen(  # noqa: S603
        [str(BIN / "gunicorn"), "sop_kinerja.wsgi", "-w", "2", "-b", f"127.0.0.1:{port}", "--log-level", "warning"],
        cwd=AKAR,
        env=env,
    )
    putaran = []
    try:
        _tunggu_siap(alamat)
        for n in jumlah_pengguna:
            dasar = None
            for nama, kelas in (
                ("Tampilan dasar", ["Dasar"]),
                ("Campuran 4 peran", ["Staf", "KasiKip", "Kabid", "Sekretariat"]),
            ):
                stdout.write(f"… uji beban {nama}, {n} pengguna, {durasi} detik\n")
                stdout.flush()
                hasil = _locust(alamat, n, durasi, kelas, HASIL / f"locust_{n}_{kelas[0].lower()}", env)
                hasil.update(nama=nama, pengguna=n, durasi_detik=durasi)
                if dasar is None:
                    dasar = hasil["rps"]
                    hasil["rasio_throughput"] = None
                else:
                    hasil["rasio_throughput"] = hasil["rps"] / dasar if dasar else None
                putaran.append(hasil)
    finally:
        server.terminate()
        server.wait(timeout=30)
        _hapus_baris_uji_beban()
    return {"server": "gunicorn -w 2", "putaran": putaran, "galat_total": sum(p["galat"] for p in putaran)}
