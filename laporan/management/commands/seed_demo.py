import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.test.utils import override_settings
from django.utils import timezone

from laporan.demo import NAMA_BULAN, DemoError, HasilDemo, demo_seed, nama_bulan

ENV_KATA_SANDI = "KATA_SANDI_DEMO"


def _tanggal(tanggal) -> str:
    return f"{tanggal.day} {NAMA_BULAN[tanggal.month - 1]} {tanggal.year}"


class Command(BaseCommand):
    help = (
        "Memuat data demo: OPD Provinsi Sumatera Barat, PKS, Daftar Pemanfaatan 24 bulan terakhir, dua siklus "
        "SOP (satu selesai, satu menunggu Kasi KIP), dan satu pengguna per peran (kabid, kasi, staf, "
        "sekretariat) ditambah admin. Aman dijalankan ulang."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--kata-sandi",
            default=os.environ.get(ENV_KATA_SANDI) or None,
            help=(
                "Satu kata sandi untuk semua pengguna demo, juga untuk yang sudah ada "
                f"(bawaan: variabel lingkungan {ENV_KATA_SANDI}). Tanpa ini, pengguna baru mendapat "
                "kata sandi acak yang ditampilkan sekali."
            ),
        )
        parser.add_argument(
            "--izinkan-produksi",
            action="store_true",
            help="Izinkan data demo dimuat walaupun DEBUG mati (mis. server pelatihan).",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["izinkan_produksi"]:
            raise CommandError(
                "DEBUG mati: basis data ini dianggap basis data produksi, dan data demo (termasuk pengguna "
                "kabid, kasi, staf, sekretariat dan admin) tidak dimuat ke sana. Jalankan dengan DEBUG=1 "
                "untuk demo lokal, atau tambahkan --izinkan-produksi bila Anda yakin (mis. server pelatihan). "
                "Tidak ada data yang diubah."
            )
        hari_ini = timezone.localdate()
        try:
            # Siklus demo membuat notifikasi dalam aplikasi, tetapi surelnya tidak dikirim ke alamat contoh.
            with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
                hasil = demo_seed(hari_ini=hari_ini, kata_sandi=options["kata_sandi"])
        except DemoError as e:
            raise CommandError(str(e)) from None
        self._laporkan(hasil, hari_ini, tampilkan_sandi_bersama=settings.DEBUG)

    def _laporkan(self, hasil: HasilDemo, hari_ini, *, tampilkan_sandi_bersama: bool) -> None:
        tulis = self.stdout.write
        tulis(f"Data demo per {_tanggal(hari_ini)}:")
        opd = hasil.opd
        tulis(f"  OPD: {opd.dibuat} dibuat, {opd.diperbarui} diperbarui dari fixture, {opd.tetap} sudah ada.")
        tulis(f"  PKS: {hasil.pks.dibuat} dibuat, {hasil.pks.ada} sudah ada.")
        pm = hasil.pemanfaatan
        awal, akhir = nama_bulan(*pm.periode[0]), nama_bulan(*pm.periode[-1])
        tulis(f"  Daftar Pemanfaatan {awal} s.d. {akhir}: {pm.dibuat} baris dibuat, {pm.ada} sudah ada.")
        tulis(f"  IKU: {hasil.iku.iku_dibuat} dibuat, target tahunan: {hasil.iku.target_dibuat} dibuat.")
        if hasil.siklus.dibuat:
            tulis(f"  Siklus SOP dibuat: {', '.join(hasil.siklus.dibuat)}.")
        if hasil.siklus.ada:
            tulis(f"  Siklus SOP sudah ada: {', '.join(hasil.siklus.ada)}.")
        if pm.temuan:
            tulis(f"  Di antara baris baru, {pm.temuan} tanpa PKS yang sah (contoh temuan kepatuhan).")
        for pesan in hasil.peringatan:
            tulis(self.style.WARNING(f"  Peringatan: {pesan}"))

        dibuat = [p for p in hasil.pengguna if p.dibuat]
        ada = [p for p in hasil.pengguna if not p.dibuat]
        tulis(f"  Pengguna demo: {len(dibuat)} dibuat, {len(ada)} sudah ada.")
        for p in ada:
            if p.kata_sandi_disetel:
                tulis(f"  - {p.username} sudah ada; kata sandinya disetel ulang ke kata sandi demo bersama.")
            else:
                tulis(
                    f"  - {p.username} sudah ada; data dan kata sandinya tidak diubah "
                    f"(ganti kata sandi dengan: python manage.py changepassword {p.username})."
                )

        login = [p for p in hasil.pengguna if p.kata_sandi_disetel]
        if login:
            # Kata sandi bersama diberikan pemanggil; di luar DEBUG tidak diulang ke log.
            sembunyikan = hasil.kata_sandi_bersama and not tampilkan_sandi_bersama
            tulis("")
            tulis(f"  {'Username':<12} {'Peran':<12} Kata sandi")
            tulis(f"  {'-' * 12} {'-' * 12} {'-' * 24}")
            for p in login:
                sandi = f"(sesuai --kata-sandi/{ENV_KATA_SANDI})" if sembunyikan else p.kata_sandi
                tulis(f"  {p.username:<12} {p.peran:<12} {sandi}")
            if not hasil.kata_sandi_bersama:
                tulis(
                    self.style.WARNING("  Catat kata sandi di atas sekarang: kata sandi tidak akan ditampilkan lagi.")
                )
        tulis(self.style.SUCCESS("Data demo siap."))
