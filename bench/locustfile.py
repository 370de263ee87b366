"""Uji beban: campuran kerja empat peran SOP, dan tampilan dasar sebagai pembanding di bawah beban yang sama.

Dijalankan oleh `bench/load.py` (gunicorn 2 worker, PostgreSQL, preset sumbar). Pengguna kabid/kasi/staf/
sekretariat dari `bench_data`; Laporan dan tahunnya lewat variabel lingkungan BENCH_LAPORAN dan BENCH_TAHUN.
Bobot kelas meniru kantor: Staf paling banyak (mengisi dan melihat Daftar), Kasi KIP meninjau, Kabid membuka
dasbor, Sekretariat mengunduh dokumen. Setiap jawaban selain 200 (atau formulir yang ditolak) adalah galat.
"""

import os
import re
import uuid

from locust import HttpUser, between, task

KATA_SANDI = os.environ.get("BENCH_KATA_SANDI", "tolok-ukur-rumah-gadang-2026")
LAPORAN = os.environ.get("BENCH_LAPORAN", "1")
TAHUN = os.environ.get("BENCH_TAHUN", "2025")
TAHUN_ISIAN = os.environ.get("BENCH_TAHUN_ISIAN", "2026")
AWALAN_KEPERLUAN = os.environ.get("BENCH_AWALAN_KEPERLUAN", "Uji beban ")
OPSI_OPD = re.compile(r'<select name="opd"[^>]*>.*?<option value="(\d+)"', re.S)


class PenggunaSop(HttpUser):
    abstract = True
    username = ""
    wait_time = between(0.5, 2)

    def on_start(self):
        self.client.get("/akun/masuk/", name="masuk (formulir)")
        respons = self.client.post(
            "/akun/masuk/",
            {
                "username": self.username,
                "password": KATA_SANDI,
                "csrfmiddlewaretoken": self.client.cookies.get("csrftoken", ""),
            },
            name="masuk",
            catch_response=True,
        )
        with respons:
            if "/akun/masuk/" in respons.url:
                respons.failure(f"Login {self.username} gagal")

    def buka(self, alamat: str, nama: str | None = None):
        with self.client.get(alamat, name=nama or alamat, catch_response=True) as respons:
            if respons.status_code != 200 or "/akun/masuk/" in respons.url:
                respons.failure(f"{alamat}: {respons.status_code} {respons.url}")


class Staf(PenggunaSop):
    weight = 4
    username = "staf"

    @task(4)
    def daftar(self):
        self.buka("/daftar/", "daftar")

    @task(3)
    def daftar_tahun(self):
        self.buka(f"/daftar/?tahun={TAHUN}&halaman=2", "daftar ?tahun&halaman")

    @task(1)
    def tambah_baris(self):
        with self.client.get("/daftar/tambah/", name="daftar/tambah (formulir)", catch_response=True) as formulir:
            cocok = OPSI_OPD.search(formulir.text)
            if formulir.status_code != 200 or not cocok:
                formulir.failure(f"Formulir tambah: {formulir.status_code}, pilihan OPD tidak ada")
                return
        data = {
            "csrfmiddlewaretoken": self.client.cookies.get("csrftoken", ""),
            "opd": cocok.group(1),
            "jenis": "NIK",
            "tahun": TAHUN_ISIAN,
            "bulan": "1",
            "keperluan": f"{AWALAN_KEPERLUAN}{uuid.uuid4().hex[:12]}",
            "metode_akses": "WEB_SERVICE",
            "pks": "",
            "jumlah": "125",
            "keterangan": "",
        }
        with self.client.post("/daftar/tambah/", data, name="daftar/tambah", catch_response=True) as respons:
            if respons.status_code != 200 or "/tambah/" in respons.url:
                respons.failure(f"Baris tidak tersimpan: {respons.status_code} {respons.url}")


class KasiKip(PenggunaSop):
    weight = 2
    username = "kasi"

    @task(2)
    def tugas(self):
        self.buka("/tugas/", "tugas")

    @task(3)
    def laporan(self):
        self.buka(f"/laporan/{LAPORAN}/", "laporan/<pk>")

    @task(1)
    def daftar_laporan(self):
        self.buka("/laporan/", "laporan (daftar)")

    @task(2)
    def temuan(self):
        self.buka(f"/daftar/?tahun={TAHUN}&status_pks=TIDAK_SAH", "daftar ?status_pks")

    @task(1)
    def pks(self):
        self.buka("/pks/", "pks")


class Kabid(PenggunaSop):
    weight = 1
    username = "kabid"

    @task(3)
    def dasbor(self):
        self.buka(f"/dasbor/?tahun={TAHUN}", "dasbor")

    @task(2)
    def beranda(self):
        self.buka("/", "beranda")

    @task(1)
    def laporan(self):
        self.buka(f"/laporan/{LAPORAN}/", "laporan/<pk>")


class Sekretariat(PenggunaSop):
    weight = 1
    username = "sekretariat"

    @task(2)
    def excel(self):
        self.buka(f"/laporan/{LAPORAN}/daftar.xlsx", "laporan/<pk>/daftar.xlsx")

    @task(2)
    def pdf(self):
        self.buka(f"/laporan/{LAPORAN}/laporan-pemanfaatan.pdf", "laporan/<pk>/laporan-pemanfaatan.pdf")

    @task(1)
    def lembar_kendali(self):
        self.buka(f"/laporan/{LAPORAN}/lembar-kendali.pdf", "laporan/<pk>/lembar-kendali.pdf")

    @task(1)
    def arsip(self):
        self.buka("/bahan-lakip-dinas/", "bahan-lakip-dinas")


class Dasar(PenggunaSop):
    """Tampilan dasar dengan waktu tunggu yang sama: pembanding throughput campuran peran."""

    username = "staf"

    @task
    def kosong(self):
        self.buka("/bench/kosong/", "bench/kosong")
