"""Percobaan indeks di PostgreSQL: kueri jalur panas diukur tanpa dan dengan indeks sementara, lalu indeksnya dibuang.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_stress .venv/bin/python -m bench.indeks

Migrasi tidak pernah dibuat di sini: hasilnya (indeks, alasan, efek terukur) dicatat di docs/performance.md
agar indeks yang terbukti berguna ditambahkan lewat model dan migrasi.
"""

import os
import statistics
import sys
import time

CALON = {
    "periode_cakup": (
        "CREATE INDEX bench_tmp_periode_cakup ON pemanfaatan_pemanfaatan (tahun, bulan) INCLUDE (opd_id, jenis, jumlah)"
    ),
    "urut_daftar": (
        "CREATE INDEX bench_tmp_urut_daftar ON pemanfaatan_pemanfaatan (tahun DESC, bulan DESC, opd_id, jenis, id)"
    ),
}


def kueri(tahun: int) -> dict:
    from akun.models import Pengguna
    from akun.tampilan import urutan_stabil
    from bench.cases import rekap_sql_mentah
    from laporan import rekap
    from pemanfaatan.filters import PemanfaatanFilter
    from pemanfaatan.selectors import pemanfaatan_list, pemanfaatan_ringkasan

    staf = Pengguna.objects.get(username="staf")

    def daftar(data):
        return urutan_stabil(PemanfaatanFilter(data, queryset=pemanfaatan_list(user=staf)).qs)

    return {
        "daftar: hitungan paginasi": lambda: daftar({}).count(),
        "daftar: total (ringkasan)": lambda: pemanfaatan_ringkasan(daftar=daftar({})),
        "daftar: 25 baris pertama": lambda: list(daftar({})[:25]),
        "daftar tahun: 25 baris pertama": lambda: list(daftar({"tahun": tahun})[:25]),
        "daftar tahun: total": lambda: pemanfaatan_ringkasan(daftar=daftar({"tahun": tahun})),
        "rekap Langkah 4 (ORM)": lambda: rekap.hitung(tahun=tahun, bulan_awal=1, bulan_akhir=12),
        "rekap Langkah 4 (SQL mentah)": lambda: rekap_sql_mentah(tahun, 1, 12),
    }


def ukur(daftar: dict, ulang: int) -> dict[str, float]:
    hasil = {}
    for nama, fungsi in daftar.items():
        fungsi()
        sampel = []
        for _ in range(ulang):
            mulai = time.perf_counter()
            fungsi()
            sampel.append(time.perf_counter() - mulai)
        hasil[nama] = statistics.median(sampel)
    return hasil


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()
    from django.db import connection

    from laporan.demo.bench import sapu_postgresql
    from laporan.models import Laporan

    if connection.vendor != "postgresql":
        sys.exit("Percobaan indeks hanya untuk PostgreSQL.")
    tahun = Laporan.objects.order_by("pk").first().tahun
    daftar = kueri(tahun)
    ulang = int(os.environ.get("ULANG", "5"))
    # Dasar dan setiap calon diukur sesudah sapuan yang sama: peta visibilitas segar menguntungkan index-only scan.
    sapu_postgresql()
    dasar = ukur(daftar, ulang)
    print("| kueri | tanpa indeks (ms) | " + " | ".join(f"+ {n} (ms)" for n in CALON) + " |")
    print("|---|---:|" + "---:|" * len(CALON))
    per_indeks = {}
    for nama, sql in CALON.items():
        with connection.cursor() as kursor:
            mulai = time.perf_counter()
            kursor.execute(sql)
            dibuat = time.perf_counter() - mulai
            kursor.execute("VACUUM ANALYZE pemanfaatan_pemanfaatan")
            kursor.execute("SELECT pg_relation_size(%s)", [f"bench_tmp_{nama}"])
            ukuran = kursor.fetchone()[0] / 2**20
        try:
            per_indeks[nama] = ukur(daftar, ulang)
        finally:
            with connection.cursor() as kursor:
                kursor.execute(f"DROP INDEX bench_tmp_{nama}")
        print(f"<!-- {nama}: dibuat {dibuat:.1f} detik, {ukuran:.0f} MB -->")
    for q, waktu in dasar.items():
        print(f"| {q} | {waktu * 1000:.1f} | " + " | ".join(f"{per_indeks[n][q] * 1000:.1f}" for n in CALON) + " |")


if __name__ == "__main__":
    main()
