"""Alat ukur: median waktu subjek dan dasarnya yang diukur berselang-seling, memori puncak, jumlah kueri.

Mesin ini dipakai bersama dan berisik, jadi angka mutlak hanya keterangan; yang dinilai adalah rasio terhadap
dasar yang diukur pada run yang sama. Subjek dan dasar diukur bergantian (dasar, subjek, dasar, subjek …)
agar gangguan sesaat mengenai keduanya, dan setiap putaran mengulang operasi yang sangat singkat
(mis. satu permintaan halaman) beberapa kali sampai ~0,3 detik, agar resolusi jam tidak ikut terukur.
"""

import gc
import os
import statistics
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import connection
from django.test.utils import CaptureQueriesContext

DURASI_PUTARAN = 0.3  # detik per putaran untuk operasi singkat


@dataclass
class Pengukuran:
    """Median per operasi (detik) subjek dan dasar, serta semua sampelnya."""

    subjek: list[float] = field(default_factory=list)
    dasar: list[float] = field(default_factory=list)
    operasi_per_putaran: int = 1

    @property
    def median_subjek(self) -> float:
        return statistics.median(self.subjek)

    @property
    def median_dasar(self) -> float:
        return statistics.median(self.dasar)

    @property
    def rasio(self) -> float:
        return self.median_subjek / self.median_dasar if self.median_dasar else float("inf")

    def ke_json(self) -> dict:
        return {
            "median_detik": self.median_subjek,
            "dasar_median_detik": self.median_dasar,
            "rasio": self.rasio,
            "sampel_detik": self.subjek,
            "dasar_sampel_detik": self.dasar,
            "operasi_per_putaran": self.operasi_per_putaran,
        }


def _waktu(fungsi: Callable[[], object], kali: int) -> float:
    mulai = time.perf_counter()
    for _ in range(kali):
        fungsi()
    return (time.perf_counter() - mulai) / kali


def ukur_berpasangan(
    subjek: Callable[[], object], dasar: Callable[[], object], *, ulang: int = 5, pemanasan: int = 1
) -> Pengukuran:
    """Median `ulang` putaran setelah `pemanasan` putaran; subjek dan dasar diulang sama banyak per putaran."""
    lama = 0.0
    for _ in range(pemanasan):
        lama = max(_waktu(dasar, 1), _waktu(subjek, 1))
    if not pemanasan:
        lama = max(_waktu(dasar, 1), _waktu(subjek, 1))
    kali = max(1, min(200, int(DURASI_PUTARAN / max(lama, 1e-6))))
    hasil = Pengukuran(operasi_per_putaran=kali)
    gc.collect()
    for _ in range(ulang):
        hasil.dasar.append(_waktu(dasar, kali))
        hasil.subjek.append(_waktu(subjek, kali))
    return hasil


def rss_byte() -> int:
    """Resident set size proses ini sekarang (Linux /proc); 0 bila tidak tersedia."""
    try:
        with open("/proc/self/statm") as berkas:
            return int(berkas.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def memori_puncak(fungsi: Callable[[], object], *, selang: float = 0.005) -> dict:
    """Kenaikan RSS puncak selama `fungsi` berjalan, dicuplik setiap `selang` detik oleh utas lain.

    RSS mencakup memori C (lxml, zlib), yang tidak terlihat oleh tracemalloc.
    """
    gc.collect()
    awal = rss_byte()
    puncak = [awal]
    selesai = threading.Event()

    def cuplik():
        while not selesai.is_set():
            puncak[0] = max(puncak[0], rss_byte())
            selesai.wait(selang)

    utas = threading.Thread(target=cuplik, daemon=True)
    utas.start()
    try:
        fungsi()
    finally:
        selesai.set()
        utas.join()
    puncak[0] = max(puncak[0], rss_byte())
    return {"rss_awal_mb": awal / 2**20, "rss_puncak_mb": puncak[0] / 2**20, "kenaikan_mb": (puncak[0] - awal) / 2**20}


def hitung_kueri(fungsi: Callable[[], object]) -> int:
    with CaptureQueriesContext(connection) as tangkap:
        fungsi()
    return len(tangkap.captured_queries)
