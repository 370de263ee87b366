"""Uji peramban: Playwright mengendalikan Chromium dari paket Debian (tanpa unduhan peramban)."""

import os
import shutil

import pytest

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


@pytest.fixture(scope="session")
def peramban():
    lokasi = lokasi_chromium()
    if lokasi is None:
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium tidak ditemukan, padahal CI=true: pasang paket Debian 'chromium'.")
        pytest.skip("UJI PERAMBAN DILEWATI: Chromium tidak ditemukan (apt-get install -y chromium).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=lokasi, headless=True, args=ARGUMEN_CHROMIUM)
        yield browser
        browser.close()


@pytest.fixture
def halaman(peramban):
    """Tab baru yang mencatat setiap galat konsol (termasuk pelanggaran CSP) dan galat skrip."""
    konteks = peramban.new_context(viewport={"width": 1280, "height": 900}, locale="id-ID")
    page = konteks.new_page()
    page.galat_konsol = []
    page.on(
        "console",
        lambda pesan: pesan.type == "error" and page.galat_konsol.append(f"{pesan.text} ({pesan.location.get('url')})"),
    )
    page.on("pageerror", lambda galat: page.galat_konsol.append(str(galat)))
    yield page
    konteks.close()
