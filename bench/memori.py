"""Memori puncak ekspor Excel, diukur di proses baru: `python -m bench.memori UKURAN` mencetak JSON.

Di proses tolok ukur utama, memori yang sudah dipakai dan dilepas pengukuran sebelumnya dipakai ulang oleh
alokator, sehingga kenaikan RSS ekspor tampak nol. Proses baru hanya menyiapkan Django, data dan kueri,
lalu mencatat RSS tepat sebelum ekspor dan puncaknya selama ekspor (termasuk memori C lxml dan zlib).
"""

import json
import os
import resource
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()
    from bench.cases import dibatalkan, siapkan_ekspor
    from bench.measure import memori_puncak
    from laporan.exports import xlsx

    ukuran = int(sys.argv[1])
    with dibatalkan():
        staf, daftar, _ = siapkan_ekspor(ukuran)
        hasil = memori_puncak(lambda: xlsx.daftar_xlsx(daftar=daftar, user=staf, periode="Semua periode"))
    hasil["maxrss_proses_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(hasil))


if __name__ == "__main__":
    main()
