"""Uji peramban: Playwright mengendalikan Chromium dari paket Debian (tanpa unduhan peramban)."""

import os
import shutil

import pytest
from django.core.management import call_command
from django.db import connections

# Playwright sinkron menjalankan event loop di utas uji; akses ORM dari utas itu aman di sini.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ARGUMEN_CHROMIUM = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def lokasi_chromium() -> str | None:
    return os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def peramban():
    lokasi = lokasi_chromium()
    if lokasi is None:
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium tidak ditemukan, padahal CI=true: pasang paket Debian 'chromium'.")
        pytest.skip("UJI PERAMBAN DILEWATI: Chromium tidak ditemukan (apt-get install -y chromium).")
    from playwright.sync_api import sync_playwright

    isi_migrasi = {alias: getattr(connections[alias], "_test_serialized_contents", None) for alias in connections}
    with sync_playwright() as playwright:
        # Selama Playwright berjalan ada event loop aktif di utas ini, sehingga Django memakai objek
        # koneksi lain (penyimpanan per konteks). Data hasil migrasi untuk serialized_rollback dibawa ke
        # koneksi itu; tanpa ini uji transaksional berikutnya kehilangan peran dan izin.
        for alias, isi in isi_migrasi.items():
            if isi is not None:
                connections[alias]._test_serialized_contents = isi
        browser = playwright.chromium.launch(executable_path=lokasi, headless=True, args=ARGUMEN_CHROMIUM)
        yield browser
        browser.close()


@pytest.fixture
def buka_tab(peramban):
    """Pembuat tab: tiap tab punya konteks (cookie, sesi) sendiri dan mencatat setiap galat konsol
    (termasuk pelanggaran CSP) dan galat skrip di `tab.galat_konsol`."""
    semua = []

    def buat():
        konteks = peramban.new_context(viewport={"width": 1280, "height": 900}, locale="id-ID")
        tab = konteks.new_page()
        tab.galat_konsol = []
        tab.on(
            "console",
            lambda pesan: (
                pesan.type == "error" and tab.galat_konsol.append(f"{pesan.text} ({pesan.location.get('url')})")
            ),
        )
        tab.on("pageerror", lambda galat: tab.galat_konsol.append(str(galat)))
        semua.append(tab)
        return tab

    yield buat
    for tab in semua:
        tab.context.close()


@pytest.fixture
def halaman(buka_tab):
    """Satu tab untuk uji yang hanya butuh satu pengguna."""
    return buka_tab()


KATA_SANDI_DEMO = "jam-gadang-uji-peramban"


@pytest.fixture
def data_demo(settings):
    """Data demo lengkap (`seed_demo`, seperti `make run`) dengan kata sandi uji untuk semua pengguna demo."""
    settings.DEBUG = True
    call_command("seed_demo", kata_sandi=KATA_SANDI_DEMO, verbosity=0)
    settings.DEBUG = False


def masuk(tab, live_server, username: str) -> None:
    """Masuk lewat formulir seperti pegawai, sampai beranda terbuka."""
    tab.goto(f"{live_server.url}/akun/masuk/")
    tab.get_by_label("Nama pengguna").fill(username)
    tab.get_by_label("Sandi").fill(KATA_SANDI_DEMO)
    tab.get_by_role("button", name="Masuk").click()
    tab.wait_for_url(f"{live_server.url}/")
