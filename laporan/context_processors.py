from laporan import selectors


def tugas(request) -> dict:
    """Lencana Tugas Saya dan notifikasi baru di navigasi setiap halaman: dua kueri hitung sederhana (satu kueri
    bersubkueri lebih mahal dibentuk ORM daripada dua hitungan ini, diukur di SQLite dan PostgreSQL)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "jumlah_tugas": selectors.jumlah_tugas(user=user),
        "jumlah_notifikasi_baru": selectors.jumlah_notifikasi_baru(user=user),
    }
