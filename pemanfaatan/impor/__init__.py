"""Impor Daftar Pemanfaatan dari Excel (Langkah 3 SOP: Staf mengisi Daftar).

Alurnya dua tahap: unggah → periksa wadah ZIP → baca baris → validasi tiap baris dengan
PemanfaatanForm → pratinjau tersimpan; lalu Staf mengonfirmasi → periksa ulang → simpan semua
dalam satu transaksi, atau tidak sama sekali.
"""

from pemanfaatan.services import PemanfaatanError


class ImporError(PemanfaatanError):
    """Berkas impor ditolak seluruhnya; pesannya mengatakan apa yang harus diperbaiki."""
