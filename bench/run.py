"""`make bench`: siapkan basis data tolok ukur, ukur setiap jalur panas, tulis JSON dan cetak tabel Markdown.

    .venv/bin/python -m bench.run                       # SQLite, preset sumbar (bench/results/bench_sumbar.sqlite3)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_sumbar .venv/bin/python -m bench.run
    DATABASE_URL=postgres://…/bench_stress .venv/bin/python -m bench.run --preset stress

Basis data tolok ukur dibuat dan diisi bila belum ada (PostgreSQL: CREATE DATABASE bila belum ada);
yang sudah berisi data preset yang sama dipakai ulang.
"""

import argparse
import datetime
import json
import os
import platform
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

FOLDER = Path(__file__).resolve().parent
HASIL = FOLDER / "results"


def _siapkan_lingkungan(args) -> str:
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    if args.db:
        os.environ["DATABASE_URL"] = args.db
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{HASIL / f'bench_{args.preset}.sqlite3'}")
    url = os.environ["DATABASE_URL"]
    if url.startswith("postgres"):
        _buat_basis_data_postgres(url)
    return url


def _buat_basis_data_postgres(url: str) -> None:
    """CREATE DATABASE bila belum ada; nama harus berawalan bench_ agar basis data lain tidak tersentuh."""
    import psycopg

    nama = urlparse(url).path.lstrip("/")
    if not nama.startswith("bench_"):
        sys.exit(f"Nama basis data tolok ukur harus berawalan bench_ (bukan {nama!r}); tidak ada yang diubah.")
    induk = urlparse(url)._replace(path="/postgres").geturl()
    with psycopg.connect(induk, autocommit=True) as koneksi:
        ada = koneksi.execute("SELECT 1 FROM pg_database WHERE datname = %s", [nama]).fetchone()
        if not ada:
            koneksi.execute(f'CREATE DATABASE "{nama}"')


def info_mesin() -> dict:
    cpu = ""
    try:
        for baris in Path("/proc/cpuinfo").read_text().splitlines():
            if baris.startswith("model name"):
                cpu = baris.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        memori = int(Path("/proc/meminfo").read_text().split()[1]) // 1024
    except (OSError, ValueError, IndexError):
        memori = None
    return {
        "cpu": cpu or platform.processor(),
        "jumlah_cpu": os.cpu_count(),
        "memori_mb": memori,
        "sistem": platform.platform(),
        "python": platform.python_version(),
    }


def siapkan_data(preset: str, stdout) -> dict:
    """Migrasi, lalu bangkitkan data preset bila basis data masih kosong; kembalikan ringkasannya."""
    from django.core.management import call_command
    from django.db import connection

    from laporan.demo.bench import sapu_postgresql
    from laporan.models import Laporan
    from pemanfaatan.models import Pemanfaatan

    mulai = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    migrasi = time.perf_counter() - mulai
    dibangkitkan = None
    if not Laporan.objects.exists():
        mulai = time.perf_counter()
        call_command("bench_data", preset=preset, stdout=stdout)
        dibangkitkan = time.perf_counter() - mulai
    else:
        # Run sebelumnya menambah lalu membatalkan ratusan ribu baris (ekspor, impor): disapu dulu.
        sapu_postgresql()
    jumlah = Pemanfaatan.objects.count()
    terdeteksi = "stress" if jumlah > 500_000 else "sumbar"
    if terdeteksi != preset:
        sys.exit(f"Basis data ini berisi {jumlah:,} baris (preset {terdeteksi}), bukan preset {preset}.")
    if connection.vendor == "postgresql":
        versi = f"{connection.pg_version // 10000}.{connection.pg_version % 10000}"
    else:
        import sqlite3

        versi = sqlite3.sqlite_version
    return {
        "mesin_basis_data": connection.vendor,
        "versi_basis_data": versi,
        "baris_daftar": jumlah,
        "detik_migrasi": migrasi,
        "detik_bangkitkan": dibangkitkan,
    }


def jalankan(
    *,
    preset: str,
    ulang: int,
    pemanasan: int,
    hanya: list[str] | None = None,
    ukuran=None,
    memori_subproses: bool = True,
    stdout=sys.stdout,
) -> dict:
    """Semua pengukuran di basis data yang sudah tersiapkan; mengembalikan isi latest.json."""
    from bench import cases
    from laporan.demo import PENGGUNA_DEMO
    from laporan.models import Laporan

    konteks = cases.Konteks(
        preset=preset,
        laporan=Laporan.objects.order_by("pk").first(),
        pengguna={p.username: _pengguna(p.username) for p in PENGGUNA_DEMO if p.peran},
        ukuran=ukuran or cases.Ukuran(),
        ulang=ulang,
        pemanasan=pemanasan,
        memori_subproses=memori_subproses,
    )
    hasil: list = []
    for nama, fungsi in cases.KASUS.items():
        if hanya and nama not in hanya:
            continue
        stdout.write(f"… mengukur {nama}\n")
        stdout.flush()
        mulai = time.perf_counter()
        keluaran = fungsi(konteks)
        hasil += keluaran if isinstance(keluaran, list) else [keluaran]
        stdout.write(f"  selesai dalam {time.perf_counter() - mulai:.1f} detik\n")
    kueri = None
    if not hanya or "kueri" in hanya:
        stdout.write("… menghitung kueri SQL per halaman (data penuh, lalu 10 baris)\n")
        kueri = cases.kueri_halaman(konteks)
    return {
        "preset": preset,
        "ulang": ulang,
        "pemanasan": pemanasan,
        "hasil": [h.ke_json() for h in hasil],
        "kueri": kueri,
    }


def _pengguna(username: str):
    from akun.models import Pengguna

    return Pengguna.objects.get(username=username)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description="Tolok ukur SOP Kinerja")
    parser.add_argument("--preset", choices=["sumbar", "stress"], default=os.environ.get("BENCH_PRESET", "sumbar"))
    parser.add_argument("--db", help="DATABASE_URL (bawaan: $DATABASE_URL, atau SQLite di bench/results/)")
    parser.add_argument("--ulang", type=int, default=5, help="Putaran terukur per jalur (median); minimal 5.")
    parser.add_argument("--pemanasan", type=int, default=1)
    parser.add_argument("--hanya", help="Jalur dipisah koma: halaman,rekap,ekspor_excel,impor_excel,pdf_laporan,kueri")
    parser.add_argument("--keluaran", default=str(HASIL / "latest.json"))
    parser.add_argument("--beban", action="store_true", help="Sertakan uji beban locust (PostgreSQL).")
    args = parser.parse_args(argv)
    url = _siapkan_lingkungan(args)

    import django

    django.setup()
    from bench.report import tabel_markdown

    mulai = time.perf_counter()
    data = siapkan_data(args.preset, sys.stdout)
    laporan = jalankan(
        preset=args.preset,
        ulang=max(args.ulang, 1),
        pemanasan=args.pemanasan,
        hanya=args.hanya.split(",") if args.hanya else None,
    )
    laporan["waktu"] = datetime.datetime.now().astimezone().isoformat(timespec="seconds")
    laporan["mesin"] = info_mesin()
    laporan["data"] = data
    laporan["basis_data"] = urlparse(url)._replace(netloc=urlparse(url).hostname or "").geturl()
    if args.beban:
        from bench.load import uji_beban

        laporan["beban"] = uji_beban(url)
    laporan["detik_total"] = time.perf_counter() - mulai
    keluaran = Path(args.keluaran)
    keluaran.parent.mkdir(parents=True, exist_ok=True)
    keluaran.write_text(json.dumps(laporan, indent=2, ensure_ascii=False, default=str) + "\n")
    print()
    print(tabel_markdown(laporan))
    print(f"\nHasil lengkap: {keluaran}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
