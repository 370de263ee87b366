import os

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

from laporan.demo.bench import KATA_SANDI_BAWAAN, PRESET, BenchError, bench_generate, sapu_postgresql

ENV_KATA_SANDI = "KATA_SANDI_BENCH"


class Command(BaseCommand):
    help = (
        "Membangkitkan data tolok ukur (make bench) ke basis data kosong khusus tolok ukur: "
        "preset sumbar (≈20.000 baris Daftar) atau stress (2.000.000 baris, 2.000 OPD)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--preset", choices=sorted(PRESET), default="sumbar")
        parser.add_argument("--baris", type=int, default=None, help="Batasi banyak baris Daftar (uji asap).")
        parser.add_argument("--opd", type=int, default=None, help="Batasi banyak OPD (uji asap).")
        parser.add_argument(
            "--kata-sandi",
            default=os.environ.get(ENV_KATA_SANDI) or KATA_SANDI_BAWAAN,
            help=f"Kata sandi pengguna kabid/kasi/staf/sekretariat/admin (bawaan: ${ENV_KATA_SANDI} atau tetap).",
        )

    def handle(self, *args, **options):
        preset = PRESET[options["preset"]]
        self.stdout.write(f"Membangkitkan preset {preset.nama} ({preset.uraian}) ke {connection.vendor} …")
        try:
            hasil = bench_generate(
                preset=preset.nama,
                hari_ini=timezone.localdate(),
                kata_sandi=options["kata_sandi"],
                batas_baris=options["baris"],
                batas_opd=options["opd"],
            )
        except BenchError as e:
            raise CommandError(str(e)) from None
        if (detik := sapu_postgresql()) is not None:
            hasil.detik["vacuum"] = detik
        for nama, detik in hasil.detik.items():
            self.stdout.write(f"  {nama:<12} {detik:8.2f} detik")
        self.stdout.write(
            self.style.SUCCESS(
                f"Selesai dalam {hasil.total_detik:.1f} detik: {hasil.jumlah_opd:,} OPD, {hasil.jumlah_pks:,} PKS, "
                f"{hasil.jumlah_baris:,} baris Daftar, {hasil.jumlah_data_dukung:,} data dukung, "
                f"Laporan #{hasil.laporan_pk} (Tahunan {hasil.tahun_laporan})."
            )
        )
