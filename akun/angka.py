"""Pembulatan angka laporan: setengah ke atas (87,125 → 87,13), seperti kebiasaan dokumen dinas.

`Decimal.quantize` bawaan membulatkan setengah ke genap (87,125 → 87,12); satu aturan dipakai di seluruh
aplikasi agar angka yang sama tidak tampil berbeda di halaman, Excel dan PDF.
"""

from decimal import ROUND_HALF_UP, Decimal


def bulatkan(nilai: Decimal | float | int, desimal: int = 2) -> Decimal:
    return Decimal(str(nilai)).quantize(Decimal(1).scaleb(-desimal), rounding=ROUND_HALF_UP)
