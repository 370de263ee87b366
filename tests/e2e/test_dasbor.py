"""Keempat pengguna demo membuka beranda dan dasbor: grafik tergambar dari tabelnya, tanpa galat konsol,
dan angka yang tampil sama dengan Daftar di basis data."""

import pytest
from django.db.models import Sum
from django.utils import timezone

from pemanfaatan.models import Pemanfaatan
from tests.e2e.conftest import masuk

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

GRAFIK_DASBOR = ["tabel-tren", "tabel-jenis", "tabel-opd-teratas", "tabel-kepatuhan"]


def angka(teks: str) -> int:
    return int(teks.strip().replace(".", ""))


def test_pengguna_demo_melihat_dasbor_bergrafik(buka_tab, live_server, data_demo):
    tahun = timezone.localdate().year
    total = Pemanfaatan.objects.filter(tahun=tahun).aggregate(total=Sum("jumlah"))["total"]

    for username, judul_bagian in [
        ("kabid", "Kabid — arahan, indikator dan LAKIP Bidang"),
        ("kasi", "Kasi KIP — memeriksa hitungan"),
        ("staf", "Staf — mengisi Daftar"),
        ("sekretariat", "Sekretariat — bahan LAKIP Dinas"),
    ]:
        tab = buka_tab()
        masuk(tab, live_server, username)
        tab.get_by_role("heading", name=judul_bagian).wait_for()

        tab.get_by_role("link", name="Dasbor", exact=True).click()
        tab.wait_for_url(f"{live_server.url}/dasbor/")
        tab.wait_for_function("document.querySelectorAll('canvas[data-tergambar]').length === 4")
        tergambar = tab.eval_on_selector_all(
            "canvas[data-grafik]", "els => els.map(e => [e.dataset.tabel, e.width > 0 && e.height > 0])"
        )
        assert tergambar == [[nama, True] for nama in GRAFIK_DASBOR], username
        assert angka(tab.locator('[data-angka="total-jumlah"]').inner_text()) == total
        assert tab.galat_konsol == [], username

    # Penelusuran: angka total membuka Daftar tahun itu dengan total yang sama.
    tab.locator('[data-angka="total-jumlah"]').click()
    tab.wait_for_url(f"**/daftar/?tahun={tahun}")
    assert str(f"{total:,}".replace(",", ".")) in tab.content()
    assert tab.galat_konsol == []
